// The audit log: every state change and money movement appends an entry in the same transaction.
// Each entry holds the previous entry's hash, so altering or removing one breaks the chain after it.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';
import { lockInSchema } from './schema-lock.ts';

export type Tx = Transaction<Database>;

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  data?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);
/** Serialises appenders on PostgreSQL, so two transactions never chain to the same predecessor. */
const AUDIT_LOCK_KEY = 7_203_611;

/** JSON with object keys sorted, so the hash does not depend on key order (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function entryHash(
  prevHash: string,
  e: { seq: number; at: string; actor: string; action: string; entity: string; entityId: string; data: unknown },
): string {
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, entity: e.entity, entityId: e.entityId, data: e.data }))
    .digest('hex');
}

/**
 * The chain's head as this transaction last wrote it. The lock is held until the transaction ends, so
 * after its first append nobody else can append: the next append chains on what this one wrote, without
 * taking the lock and reading the head again (two statements of three, in a transaction that audits
 * several acts). Set only after the insert succeeded; an error aborts the transaction (no savepoints here).
 */
const heads = new WeakMap<Tx, { seq: number; hash: string }>();

// Outside a transaction (each statement its own) the lock ends with the statement: nothing to remember.
function remember(tx: Tx, seq: number, hash: string): void {
  if (tx.isTransaction) heads.set(tx, { seq, hash });
}

/** Locks the chain for this transaction and reads its head (once per transaction). */
async function chainHead(tx: Tx): Promise<{ seq: number; hash: string }> {
  const known = heads.get(tx);
  if (known) return known;
  // Two statements, not one: under READ COMMITTED a statement reads the snapshot taken when it
  // started, so the head must be read by a statement that starts after the lock is held.
  await lockInSchema(tx, AUDIT_LOCK_KEY);
  const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS };
}

/** Appends one entry; call inside the transaction that makes the change. */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const head = await chainHead(tx);
  const seq = head.seq + 1;
  const prevHash = head.hash;
  const at = new Date().toISOString();
  const data = entry.data ?? {};
  const hash = entryHash(prevHash, {
    seq,
    at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    data,
  });
  await tx
    .insertInto('audit_log')
    .values({
      seq,
      at: new Date(at),
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      data: JSON.stringify(data),
      prev_hash: prevHash,
      hash,
    })
    .execute();
  remember(tx, seq, hash);
}

/** Appends many entries at once (one lock, one head read, multi-row inserts); for bulk acts and loads. */
export async function appendAuditEntries(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const head = await chainHead(tx);
  let seq = head.seq;
  let prevHash = head.hash;
  const at = new Date().toISOString();
  const rows = entries.map((entry) => {
    seq++;
    const data = entry.data ?? {};
    const hash = entryHash(prevHash, {
      seq,
      at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      data,
    });
    const row = {
      seq,
      at: new Date(at),
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      data: JSON.stringify(data),
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 1000))
      .execute();
  remember(tx, seq, prevHash);
}

export type AuditVerdict =
  { ok: true; entries: number } | { ok: false; entries: number; seq: number; problem: 'altered' | 'removed' | 'relinked' };

/** A known point of the chain: the entry count and the hash of the last entry counted (a checkpoint). */
export interface ChainPoint {
  seq: number;
  hash: string;
}

/**
 * Walks the chain in order; names the first entry altered, or the place where entries were removed.
 * From a known point (a verified checkpoint) it walks only the entries after it; `entries` is then the
 * length of the chain up to the last entry verified.
 */
export async function verifyAuditChain(db: Db, from: ChainPoint = { seq: 0, hash: GENESIS }): Promise<AuditVerdict> {
  let prevHash = from.hash;
  let expectedSeq = from.seq + 1;
  let entries = from.seq;
  const page = 5000;
  for (let after = from.seq; ;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(page).execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, entries, seq: expectedSeq, problem: 'removed' };
      if (row.prev_hash !== prevHash) return { ok: false, entries, seq: row.seq, problem: 'relinked' };
      const hash = entryHash(prevHash, {
        seq: row.seq,
        at: row.at.toISOString(),
        actor: row.actor,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        data: row.data,
      });
      if (hash !== row.hash) return { ok: false, entries, seq: row.seq, problem: 'altered' };
      prevHash = row.hash;
      expectedSeq++;
      entries++;
    }
    if (rows.length < page) return { ok: true, entries };
    after = rows.at(-1)!.seq;
  }
}

/** The stored hash of entry `seq` (undefined when there is no such entry). */
export async function auditHashAt(db: Db, seq: number): Promise<string | undefined> {
  const row = await db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst();
  return row?.hash;
}

/** The last entry's number and hash (seq 0 and the genesis hash when the log is empty). */
export async function auditHead(db: Db): Promise<ChainPoint> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS };
}
