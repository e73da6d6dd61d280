// Record numbers (migration 2026-12-06T1220, docs/record-numbers.md): the database gives every claim,
// class, notice, batch, filing, plan and project a number as it is inserted — one per (kind, year,
// area) sequence, unique even when many transactions insert at once — and numbered the rows stored
// before the migration by creation order.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { seedReferenceData } from '../../src/store/seed/reference-data.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { insertClaimRow, insertPeople, residentId } from '../support/claims-fixtures.ts';

const url = process.env.DATABASE_URL;
const schema = url ? `test_${randomBytes(6).toString('hex')}` : undefined;
let store: Store;
const PEOPLE = Array.from({ length: 3 }, (_, i) => residentId(i + 1));
const NUMBER = /^SQ-\d{4}-\d{6}-\d{6}$/;

const migrator = (s: Store) =>
  new Migrator({
    db: s.db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(schema ? { migrationTableSchema: schema } : {}),
    migrationTableName: 'upskill_migrations',
    migrationLockTableName: 'upskill_migrations_lock',
  });

async function numbersOf(ids: string[]): Promise<Record<string, string>> {
  const rows = await store.db.selectFrom('claims').select(['id', 'number']).where('id', 'in', ids).execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.number]));
}

beforeAll(async () => {
  store = await openStore({ databaseUrl: url, schema });
  // Claims stored before the numbers existed, inserted out of id order in two transactions.
  const before = await migrator(store).migrateTo('2026-12-06T1080-what-if-jobs');
  if (before.error) throw before.error;
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx);
    await insertPeople(
      tx,
      PEOPLE.map((p) => ({ residentId: p })),
    );
    await insertClaimRow(tx, {
      id: 'old-b',
      residentId: PEOPLE[0]!,
      status: 'submitted',
      areaCode: '510422',
      startDate: '2021-03-02',
      endDate: '2021-05-30',
    });
  });
  await inTransaction(store.db, async (tx) => {
    await insertClaimRow(tx, {
      id: 'old-a',
      residentId: PEOPLE[1]!,
      status: 'submitted',
      areaCode: '510422',
      startDate: '2021-04-01',
      endDate: '2021-05-30',
    });
    await insertClaimRow(tx, {
      id: 'old-c',
      residentId: PEOPLE[2]!,
      status: 'submitted',
      areaCode: '510402',
      startDate: '2020-07-01',
      endDate: '2020-09-30',
    });
  });
  const after = await migrator(store).migrateToLatest();
  if (after.error) throw after.error;
}, 60_000);
afterAll(async () => {
  if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db);
  await store.close();
});

describe('record numbers', () => {
  it('numbers the claims stored before the migration per year and area, in the order they were created', async () => {
    expect(await numbersOf(['old-a', 'old-b', 'old-c'])).toEqual({
      'old-b': 'SQ-2021-510422-000001',
      'old-a': 'SQ-2021-510422-000002',
      'old-c': 'SQ-2020-510402-000001',
    });
  });

  it('gives a new claim the next number of its sequence, whatever number the insert carried', async () => {
    await inTransaction(store.db, async (tx) => {
      await insertClaimRow(tx, {
        id: 'new-1',
        residentId: PEOPLE[0]!,
        status: 'submitted',
        areaCode: '510422',
        startDate: '2021-06-01',
        endDate: '2021-07-30',
      });
      await tx
        .insertInto('claims')
        .values({
          ...(await tx.selectFrom('claims').selectAll().where('id', '=', 'new-1').executeTakeFirstOrThrow()),
          id: 'new-2',
          number: 'SQ-2021-510422-000001',
          created_at: undefined as never,
        })
        .execute();
    });
    expect(await numbersOf(['new-1', 'new-2'])).toEqual({ 'new-1': 'SQ-2021-510422-000003', 'new-2': 'SQ-2021-510422-000004' });
  });

  it('keeps a number once given: an update cannot change it', async () => {
    await store.db.updateTable('claims').set({ number: 'SQ-2021-510422-999999' }).where('id', '=', 'old-a').execute();
    expect((await numbersOf(['old-a']))['old-a']).toBe('SQ-2021-510422-000002');
  });

  it('never gives two claims the same number when many transactions insert at once', async () => {
    const ids = Array.from({ length: 24 }, (_, i) => `par-${i}`);
    await Promise.all(
      ids.map((id, i) =>
        inTransaction(store.db, async (tx) => {
          await insertClaimRow(tx, {
            id,
            residentId: PEOPLE[i % 3]!,
            status: 'submitted',
            areaCode: '510421',
            startDate: '2021-02-01',
            endDate: '2021-03-30',
          });
          // Hold the transaction open a moment so that, on PostgreSQL, the inserts really overlap.
          await sql`select pg_sleep(0.01)`.execute(tx);
        }),
      ),
    );
    const numbers = Object.values(await numbersOf(ids));
    expect(numbers).toHaveLength(24);
    expect(new Set(numbers).size).toBe(24);
    for (const n of numbers) expect(n).toMatch(NUMBER);
    expect(numbers.map((n) => Number(n.slice(-6))).sort((x, y) => x - y)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('refuses a second row with a number already taken', async () => {
    await expect(sql`update claims set number = number`.execute(store.db)).resolves.toBeDefined();
    await expect(
      sql`alter table claims disable trigger claims_number`
        .execute(store.db)
        .then(() => sql`update claims set number = 'SQ-2021-510422-000001' where id = 'old-a'`.execute(store.db)),
    ).rejects.toThrow(/claims_number|unique|duplicate/);
    await sql`alter table claims enable always trigger claims_number`.execute(store.db);
  });
});
