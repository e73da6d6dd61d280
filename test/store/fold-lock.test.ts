// Several API instances on one PostgreSQL database each run the 30-second fold of the reports'
// running figures; the fold's advisory lock lets one in at a time and the others skip that round.
// (PGlite has one connection and one process per folder: there is nothing to race.)
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldClaimPeriodDeltas } from '../../src/store/claim-period-totals.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import { seedReferenceData } from '../../src/store/seed/reference-data.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { insertClaimRow, insertPeople, residentId } from '../support/claims-fixtures.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const url = process.env.DATABASE_URL;
let store: TestStore;
let second: Store;

beforeAll(async () => {
  if (!url) return;
  store = await openTestStore();
  second = await openStore({ databaseUrl: store.databaseUrl });
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx);
    await insertPeople(tx, [{ residentId: residentId(1) }]);
    await insertClaimRow(tx, { id: 'FL-1', residentId: residentId(1), status: 'submitted' });
  });
}, 120_000);
afterAll(async () => {
  await second?.close();
  await store?.close();
});

describe.skipIf(!url)('The fold across instances', () => {
  it('skips while another instance folds, and folds once that one is done', async () => {
    let release!: () => void;
    const holding = new Promise<void>((r) => {
      release = r;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    // "Another instance" folding: a transaction holding the fold's lock (FOLD_LOCK 1250, per schema).
    const other = inTransaction(second.db, async (tx) => {
      await sql`select pg_advisory_xact_lock(1250::int, hashtext(current_schema()))`.execute(tx);
      locked();
      await holding;
    });
    await isLocked;
    expect(await foldClaimPeriodDeltas(store.db)).toBe(0);
    const pending = await store.db
      .selectFrom('claim_period_deltas')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(pending.n)).toBeGreaterThan(0);
    release();
    await other;
    expect(await foldClaimPeriodDeltas(store.db)).toBeGreaterThan(0);
    const left = await store.db
      .selectFrom('claim_period_deltas')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
  });
});
