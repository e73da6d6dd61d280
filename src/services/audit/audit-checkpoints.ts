// Audit checkpoints: signed statements "the log had N entries and entry N's hash was H, at time T",
// appended one JSON line each to a file outside the database. Whoever can rewrite the tables can
// delete the last entries or rewrite one and recompute every later hash; neither matches a checkpoint
// signed before, and a checkpoint cannot be forged without the key (audit-key.ts). The same line is
// printed for an offline copy, which also survives someone who can rewrite the file.
import { sign, verify } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SigningKey, VerifyingKey } from './audit-key.ts';

export interface Checkpoint {
  v: 1;
  /** The hash of entry 1: which log this is (a checkpoint of another database never matches). */
  chain: string;
  /** Entries in the log when signed (the number of the last one). */
  entries: number;
  /** The hash of entry `entries`. */
  head: string;
  /** When it was signed (ISO, UTC). */
  at: string;
  /** The signing key's id (keyIdOf), to tell keys apart in messages. */
  key: string;
  /** Ed25519 signature (base64) of signedText(). */
  sig: string;
}

export type CheckpointLine = { line: number; checkpoint: Checkpoint } | { line: number; unreadable: string };

const HASH = /^[0-9a-f]{64}$/;

function signedText(c: Pick<Checkpoint, 'chain' | 'entries' | 'head' | 'at'>): Buffer {
  return Buffer.from(`upskill-audit-checkpoint/v1\nchain=${c.chain}\nentries=${c.entries}\nhead=${c.head}\nat=${c.at}\n`);
}

export function signCheckpoint(key: SigningKey, c: { chain: string; entries: number; head: string; at: Date }): Checkpoint {
  const body = { chain: c.chain, entries: c.entries, head: c.head, at: c.at.toISOString() };
  return { v: 1, ...body, key: key.keyId, sig: sign(null, signedText(body), key.privateKey).toString('base64') };
}

/** True when the signature is the configured key's over exactly these fields. */
export function checkpointSignatureValid(key: VerifyingKey, c: Checkpoint): boolean {
  try {
    return verify(null, signedText(c), key.publicKey, Buffer.from(c.sig, 'base64'));
  } catch {
    return false;
  }
}

/** One line as written, or the reason it is not a checkpoint. */
export function parseCheckpoint(text: string): Checkpoint | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return '不是 JSON';
  }
  const c = raw as Partial<Checkpoint>;
  if (typeof c !== 'object' || c === null || c.v !== 1) return '版本不是 1';
  if (!Number.isSafeInteger(c.entries) || c.entries! < 1) return 'entries 不是正整数';
  if (typeof c.head !== 'string' || !HASH.test(c.head)) return 'head 不是哈希';
  if (typeof c.chain !== 'string' || !HASH.test(c.chain)) return 'chain 不是哈希';
  if (typeof c.at !== 'string' || Number.isNaN(Date.parse(c.at))) return 'at 不是时间';
  if (typeof c.key !== 'string' || typeof c.sig !== 'string') return '缺少签名';
  return { v: 1, chain: c.chain, entries: c.entries!, head: c.head, at: c.at, key: c.key, sig: c.sig };
}

/** Every non-empty line of the file, in order; an absent file has none. */
export function readCheckpointFile(path: string): CheckpointLine[] {
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  const out: CheckpointLine[] = [];
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    const parsed = parseCheckpoint(text);
    out.push(typeof parsed === 'string' ? { line: i + 1, unreadable: parsed } : { line: i + 1, checkpoint: parsed });
  });
  return out;
}

/**
 * The checkpoint with the most entries among those the key signed (the newest the chain must contain).
 * Candidates are tried from the most entries down, so a long file costs one signature check, not one per line.
 */
export function newestValidCheckpoint(key: VerifyingKey, lines: CheckpointLine[]): { line: number; checkpoint: Checkpoint } | undefined {
  const candidates = lines
    .filter((l): l is { line: number; checkpoint: Checkpoint } => 'checkpoint' in l)
    .sort((a, b) => b.checkpoint.entries - a.checkpoint.entries || b.line - a.line);
  return candidates.find((l) => checkpointSignatureValid(key, l.checkpoint));
}

/**
 * Appends one line and flushes it to disk. The file is only ever opened for appending (O_APPEND: one
 * write per line, so two writers never interleave within a line); nothing here rewrites it.
 */
export function appendCheckpoint(path: string, c: Checkpoint): string {
  const line = JSON.stringify(c);
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a', 0o644);
  try {
    appendFileSync(fd, `${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return line;
}
