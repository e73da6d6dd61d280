// The audit chain anchored by signed checkpoints outside the database. The chain alone cannot tell a
// log whose last entries were deleted, or one rewritten with every later hash recomputed (no secret
// is needed for either), from an honest one; a checkpoint signed before the tampering can, and a
// checkpoint cannot be forged without the key.
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyIdOf, type SigningKey } from '../../src/services/audit/audit-key.ts';
import { readCheckpointFile, signCheckpoint } from '../../src/services/audit/audit-checkpoints.ts';
import { verifyAuditLog } from '../../src/services/audit/verify-audit-log.ts';
import { AuditAnchorError, writeAuditCheckpoint } from '../../src/services/audit/write-audit-checkpoint.ts';
import { appendAudit, appendAuditEntries, canonicalJson, verifyAuditChain } from '../../src/store/audit-log.ts';
import type { Store } from '../../src/store/database.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestStore } from '../support/store.ts';

const dir = mkdtempSync(join(tmpdir(), 'upskill-anchor-'));
const newKey = (): SigningKey => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
};
const key = newKey();
let store: Store;
beforeAll(async () => {
  store = await openTestStore();
}, 180_000);
afterAll(() => store?.close());

/** A log of `n` audited changes (the store's log emptied first), and its checkpoint file (one checkpoint after them unless told). */
async function logOf(n: number, name: string, checkpoint = true) {
  await sql`delete from audit_log`.execute(store.db);
  for (let i = 1; i <= n; i++) {
    await inTransaction(store.db, (tx) =>
      appendAudit(tx, { actor: 'county:dongqu', action: 'claim.review', entity: 'claim', entityId: `C${i}`, data: { note: `第 ${i} 笔` } }),
    );
  }
  const file = join(dir, `${name}.jsonl`);
  if (checkpoint) await writeAuditCheckpoint(store.db, key, file);
  return { db: store.db, file };
}

const append = (db: Store['db'], id: string) =>
  inTransaction(db, (tx) =>
    appendAudit(tx, { actor: 'county:dongqu', action: 'claim.review', entity: 'claim', entityId: id, data: { note: '追加' } }),
  );

/** What anyone with SQL access can do without a secret: change an entry and recompute every hash after it. */
async function rewriteAndRecompute(db: Store['db'], seq: number, data: unknown) {
  await sql`update audit_log set data = ${JSON.stringify(data)}::jsonb where seq = ${seq}`.execute(db);
  const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', seq).orderBy('seq').execute();
  let prev =
    (
      await db
        .selectFrom('audit_log')
        .select('hash')
        .where('seq', '=', seq - 1)
        .executeTakeFirst()
    )?.hash ?? '0'.repeat(64);
  for (const r of rows) {
    const hash = createHash('sha256')
      .update(prev)
      .update(
        canonicalJson({
          seq: r.seq,
          at: r.at.toISOString(),
          actor: r.actor,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          data: r.data,
        }),
      )
      .digest('hex');
    await sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where seq = ${r.seq}`.execute(db);
    prev = hash;
  }
}

describe('Audit checkpoints', () => {
  it('an untouched log agrees with its newest checkpoint, also after more entries were appended', async () => {
    const { db, file } = await logOf(5, 'intact');
    await append(db, 'C6');
    const report = await verifyAuditLog(db, { checkpointFile: file, key });
    expect(report).toMatchObject({
      ok: true,
      problems: [],
      chain: { ok: true, entries: 6 },
      checkpoint: { entries: 5, line: 1, key: key.keyId },
    });
  });

  it('a checkpoint is the line printed for the offline copy: entry count, head hash, time, key and signature', async () => {
    const { db, file } = await logOf(2, 'printed', false);
    const result = await writeAuditCheckpoint(db, key, file, { now: new Date('2026-12-06T09:00:00Z') });
    expect(readFileSync(file, 'utf8')).toBe(`${result.written!.line}\n`);
    const head = await db.selectFrom('audit_log').select('hash').where('seq', '=', 2).executeTakeFirstOrThrow();
    expect(JSON.parse(result.written!.line)).toMatchObject({
      v: 1,
      entries: 2,
      head: head.hash,
      at: '2026-12-06T09:00:00.000Z',
      key: key.keyId,
    });
    // The server's periodic checkpoint skips a log that has not grown; the next one covers the new entries.
    expect((await writeAuditCheckpoint(db, key, file, { onlyIfGrown: true })).written).toBeNull();
    await append(db, 'C3');
    expect((await writeAuditCheckpoint(db, key, file, { onlyIfGrown: true })).written?.checkpoint.entries).toBe(3);
    expect(readCheckpointFile(file)).toHaveLength(2);
  });

  it('deleting the last entries passes the chain check alone, and is reported as truncation against the checkpoint', async () => {
    const { db, file } = await logOf(6, 'truncated');
    await sql`delete from audit_log where seq > 4`.execute(db);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 4 });
    const report = await verifyAuditLog(db, { checkpointFile: file, key });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.stringMatching(/^审计日志被截断：.* 的检查点（第 1 行）记录了 6 条，数据库现只有 4 条，第 5–6 条已被删除$/),
    ]);
    // Nor does the next checkpoint launder the cut: it refuses to sign.
    await append(db, 'C5-new');
    await append(db, 'C6-new');
    await expect(writeAuditCheckpoint(db, key, file)).rejects.toThrow(AuditAnchorError);
  });

  it('truncating and appending as many new entries is still found: the hash at the checkpointed position differs', async () => {
    const { db, file } = await logOf(4, 'replaced');
    await sql`delete from audit_log where seq > 2`.execute(db);
    await append(db, 'X3');
    await append(db, 'X4');
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const report = await verifyAuditLog(db, { checkpointFile: file, key });
    expect(report.problems).toEqual([expect.stringContaining('审计日志第 4 条的哈希与')]);
  });

  it('rewriting an entry and recomputing every later hash passes the chain check alone, and is found at the checkpointed position', async () => {
    const { db, file } = await logOf(5, 'recomputed');
    await rewriteAndRecompute(db, 2, { note: '改写' });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 5 });
    const report = await verifyAuditLog(db, { checkpointFile: file, key });
    expect(report.problems).toEqual([
      expect.stringMatching(/^审计日志第 5 条的哈希与 .* 的检查点（第 1 行）不符：该条或之前的记录被改写后重算了哈希$/),
    ]);
    await expect(writeAuditCheckpoint(db, key, file)).rejects.toThrow('第 5 条的哈希');
  });

  it('a checkpoint signed with another key is refused, and the genuine one still finds the rewrite', async () => {
    const { db, file } = await logOf(5, 'forged');
    await rewriteAndRecompute(db, 1, { note: '改写' });
    // The forger signs a checkpoint for the rewritten chain with a key of their own and appends it.
    const forger = newKey();
    const head = await db.selectFrom('audit_log').select('hash').where('seq', '=', 5).executeTakeFirstOrThrow();
    const first = await db.selectFrom('audit_log').select('hash').where('seq', '=', 1).executeTakeFirstOrThrow();
    appendFileSync(file, `${JSON.stringify(signCheckpoint(forger, { chain: first.hash, entries: 5, head: head.hash, at: new Date() }))}\n`);
    const report = await verifyAuditLog(db, { checkpointFile: file, key });
    expect(report.ok).toBe(false);
    expect(report.refusedCheckpoints).toBe(1);
    expect(report.problems[0]).toBe(
      `检查点文件第 2 行（${JSON.parse(readFileSync(file, 'utf8').split('\n')[1]!).at}，5 条）签名无效，不予采信：由另一把密钥 ${forger.keyId} 签名，配置的密钥是 ${key.keyId}`,
    );
    expect(report.problems[1]).toContain('从第 1 条起已不同');
    expect(report.checkpoint?.line).toBe(1);
  });

  it('a checkpoint edited after signing (its count lowered to fit a truncated log) is refused', async () => {
    const { db, file } = await logOf(4, 'edited');
    await sql`delete from audit_log where seq > 2`.execute(db);
    const cp = JSON.parse(readFileSync(file, 'utf8')) as { entries: number; head: string };
    const second = await db.selectFrom('audit_log').select('hash').where('seq', '=', 2).executeTakeFirstOrThrow();
    writeFileSync(file, `${JSON.stringify({ ...cp, entries: 2, head: second.hash })}\n`);
    const report = await verifyAuditLog(db, { checkpointFile: file, key });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.stringContaining('签名无效，不予采信：内容在签名后被改动')]);
  });

  it('an auditor holding only the public key verifies the checkpoints', async () => {
    const { db, file } = await logOf(3, 'public');
    const publicOnly = { publicKey: createPublicKey(key.privateKey), keyId: key.keyId };
    expect((await verifyAuditLog(db, { checkpointFile: file, key: publicOnly })).ok).toBe(true);
  });

  it('entries appended in bulk chain on from single ones, and a checkpoint covers them', async () => {
    const { db, file } = await logOf(2, 'bulk');
    await inTransaction(db, (tx) =>
      appendAuditEntries(
        tx,
        Array.from({ length: 1500 }, (_, i) => ({ actor: 'test', action: 'claim.review', entity: 'claim', entityId: `B${i}` })),
      ),
    );
    await append(db, 'after');
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 1503 });
    expect((await writeAuditCheckpoint(db, key, file, { onlyIfGrown: true })).written?.checkpoint.entries).toBe(1503);
  });
});
