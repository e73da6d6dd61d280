// The audit log is a hash chain: an altered or removed entry is found and named.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, appendAuditEntries, verifyAuditChain } from '../../src/store/audit-log.ts';
import type { Db, Store } from '../../src/store/database.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestStore } from '../support/store.ts';

let store: Store;
/** A second store, for the tests that start from an empty log (emptyLog): one opened, not one per test. */
let other: Store;
async function emptyLog(): Promise<Db> {
  await sql`delete from audit_log`.execute(other.db);
  return other.db;
}
beforeAll(async () => {
  [store, other] = await Promise.all([openTestStore(), openTestStore()]);
  for (let i = 1; i <= 5; i++) {
    await inTransaction(store.db, (tx) =>
      appendAudit(tx, {
        actor: 'city:admin',
        action: 'claim.approve',
        entity: 'claim',
        entityId: `C${i}`,
        data: { amountFen: i * 100, 'z-key': 1, 'a-key': [1, { b: 2, a: 1 }] },
      }),
    );
  }
}, 60_000);
afterAll(() => Promise.all([store?.close(), other?.close()]));

describe('Audit log', () => {
  it('an untouched chain verifies', async () => {
    expect(await verifyAuditChain(store.db)).toEqual({ ok: true, entries: 5 });
  });

  it('writers appending at the same moment still form one unbroken chain', async () => {
    const db = await emptyLog();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        inTransaction(db, (tx) => appendAudit(tx, { actor: 'county:x', action: 'claim.submit', entity: 'claim', entityId: `P${i}` })),
      ),
    );
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 25 });
  }, 60_000);

  it('writers each auditing several acts in one transaction, at the same moment, still form one chain', async () => {
    const db = await emptyLog();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        inTransaction(db, async (tx) => {
          await appendAudit(tx, { actor: 'county:x', action: 'claim.review', entity: 'claim', entityId: `R${i}` });
          await appendAuditEntries(tx, [
            { actor: 'county:x', action: 'claim.approve', entity: 'claim', entityId: `R${i}` },
            { actor: 'county:x', action: 'fund.reserve', entity: 'fund', entityId: `F${i}` },
          ]);
          await appendAudit(tx, { actor: 'county:x', action: 'notice.queue', entity: 'claim', entityId: `R${i}` });
        }),
      ),
    );
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 48 });
    // One transaction's entries follow each other: nobody chained in between.
    const rows = await db.selectFrom('audit_log').select(['seq', 'entity_id']).orderBy('seq').execute();
    for (let k = 0; k < rows.length; k += 4) expect(new Set(rows.slice(k, k + 4).map((r) => r.entity_id.slice(1)))).toHaveLength(1);
  }, 60_000);

  it('a change rolled back leaves no entry', async () => {
    await expect(
      inTransaction(store.db, async (tx) => {
        await appendAudit(tx, { actor: 'x', action: 'y', entity: 'z', entityId: '1' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await verifyAuditChain(store.db)).toEqual({ ok: true, entries: 5 });
  });

  it('an entry altered directly in the database is named', async () => {
    await sql`update audit_log set data = '{"amountFen": 999999}' where seq = 3`.execute(store.db);
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: false, seq: 3, problem: 'altered' });
  });

  it('an entry removed directly in the database is named by its missing number', async () => {
    const db = await emptyLog();
    for (let i = 1; i <= 4; i++)
      await inTransaction(db, (tx) => appendAudit(tx, { actor: 'a', action: 'b', entity: 'c', entityId: String(i) }));
    await sql`delete from audit_log where seq = 2`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, seq: 2, problem: 'removed' });
  }, 60_000);
});
