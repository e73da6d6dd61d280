// The period reports' running figures (migration 2026-11-25T1250) always equal the claims grouped
// directly, whatever is written, rolled back, bulk-loaded or folded, in any order.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldClaimPeriodDeltas, foldClaimPeriodDeltasEvery } from '../../src/store/claim-period-totals.ts';
import type { Store } from '../../src/store/database.ts';
import type { ClaimStatus } from '../../src/store/schema.ts';
import { seedReferenceData } from '../../src/store/seed/reference-data.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { insertClaimRow, insertPeople, residentId } from '../support/claims-fixtures.ts';
import { openTestStore } from '../support/store.ts';

let store: Store;
const PEOPLE = Array.from({ length: 5 }, (_, i) => residentId(i + 1));
beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx);
    await insertPeople(
      tx,
      PEOPLE.map((p) => ({ residentId: p })),
    );
  });
}, 60_000);
afterAll(() => store.close());

type Figures = Record<string, { n: number; amount: number }>;

/** What a report needs, grouped straight from the claims. */
async function fromClaims(): Promise<Figures> {
  const r = await sql<{ key: string; n: string; amount: string }>`
    select concat_ws('|', extract(year from end_date)::int, (extract(month from end_date)::int + 2) / 3, program, area_code, status) as key,
      count(*) as n, coalesce(sum(coalesce(case when outcome = 'eligible' then amount_fen end, r3_exception_amount_fen)), 0) as amount
    from claims group by 1`.execute(store.db);
  return Object.fromEntries(r.rows.map((x) => [x.key, { n: Number(x.n), amount: Number(x.amount) }]));
}

/** What the running figures say: totals + unfolded deltas, without groups that net to nothing. */
async function fromRunningFigures(): Promise<Figures> {
  const r = await sql<{ key: string; n: string; amount: string }>`
    select concat_ws('|', year, quarter, program, area_code, status) as key, sum(claims) as n, sum(amount_fen) as amount
    from (select * from claim_period_totals union all select * from claim_period_deltas) f
    group by 1 having sum(claims) <> 0 or sum(amount_fen) <> 0`.execute(store.db);
  return Object.fromEntries(r.rows.map((x) => [x.key, { n: Number(x.n), amount: Number(x.amount) }]));
}

const STATUSES: ClaimStatus[] = ['submitted', 'decided', 'reviewed', 'publicity', 'approved', 'paid', 'rejected', 'withdrawn'];
const claimArb = fc.record({
  program: fc.constantFrom('skill_upgrade', 'short_term', 'safety', 'pre_job'),
  areaCode: fc.constantFrom('510402', '510403', '510421'),
  endDate: fc.constantFrom('2020-03-31', '2020-04-01', '2020-12-31', '2021-01-01', '2021-06-30', '2021-09-15'),
  status: fc.constantFrom(...STATUSES),
  outcome: fc.constantFrom('eligible', 'ineligible', null),
  amountFen: fc.option(fc.integer({ min: 1, max: 900_000 }), { nil: null }),
});
const commandArb = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), claims: fc.array(claimArb, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
  fc.record({
    kind: fc.constant('decide' as const),
    pick: fc.nat(),
    outcome: fc.constantFrom('eligible', 'ineligible'),
    amountFen: fc.integer({ min: 0, max: 900_000 }),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    pick: fc.nat(),
    endDate: fc.constantFrom('2020-05-20', '2021-11-30'),
    areaCode: fc.constantFrom('510411', '510422'),
  }),
  fc.record({ kind: fc.constant('exception' as const), pick: fc.nat(), amountFen: fc.integer({ min: 1, max: 500_000 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rolledBack' as const), status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('fold' as const) }),
);
type Command = typeof commandArb extends fc.Arbitrary<infer T> ? T : never;

let next = 0;
async function run(c: Command): Promise<void> {
  const ids = (await store.db.selectFrom('claims').select('id').orderBy('id').execute()).map((r) => r.id);
  const picked = (pick: number) => ids[pick % Math.max(ids.length, 1)];
  switch (c.kind) {
    case 'insert':
      // One statement per claim and one multi-row statement: both paths of the insert trigger.
      await inTransaction(store.db, async (tx) => {
        for (const claim of c.claims) await insertClaimRow(tx, { id: `PT-${next++}`, residentId: PEOPLE[next % PEOPLE.length]!, ...claim });
      });
      return;
    case 'status': {
      const id = picked(c.pick);
      if (id) await store.db.updateTable('claims').set({ status: c.status }).where('id', '=', id).execute();
      return;
    }
    case 'decide': {
      const id = picked(c.pick);
      if (id) await store.db.updateTable('claims').set({ outcome: c.outcome, amount_fen: c.amountFen }).where('id', '=', id).execute();
      return;
    }
    case 'move': {
      const id = picked(c.pick);
      if (id) await store.db.updateTable('claims').set({ end_date: c.endDate, area_code: c.areaCode }).where('id', '=', id).execute();
      return;
    }
    case 'exception': {
      const id = picked(c.pick);
      if (id)
        await store.db
          .updateTable('claims')
          .set({ outcome: 'ineligible', r3_exception_amount_fen: c.amountFen })
          .where('id', '=', id)
          .execute();
      return;
    }
    case 'delete': {
      const id = picked(c.pick);
      if (id) await store.db.deleteFrom('claims').where('id', '=', id).execute();
      return;
    }
    case 'rolledBack':
      // Every claim changed, then the transaction fails: its deltas go with it.
      await expect(
        inTransaction(store.db, async (tx) => {
          await tx.updateTable('claims').set({ status: c.status, amount_fen: 1 }).execute();
          throw new Error('rolled back on purpose');
        }),
      ).rejects.toThrow('rolled back on purpose');
      return;
    case 'fold':
      await foldClaimPeriodDeltas(store.db);
      return;
  }
}

describe('Running figures of the period reports', () => {
  it('equal the claims grouped directly after any sequence of inserts, changes, deletes, roll-backs and folds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 12 }), async (commands) => {
        for (const c of commands) await run(c);
        expect(await fromRunningFigures()).toEqual(await fromClaims());
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('a fold moves every delta into the totals and changes no figure', async () => {
    await run({
      kind: 'insert',
      claims: [{ program: 'safety', areaCode: '510402', endDate: '2021-06-30', status: 'paid', outcome: 'eligible', amountFen: 120_000 }],
    });
    const before = await fromRunningFigures();
    expect(Number((await sql<{ n: string }>`select count(*) as n from claim_period_deltas`.execute(store.db)).rows[0]!.n)).toBeGreaterThan(
      0,
    );
    expect(await foldClaimPeriodDeltas(store.db)).toBeGreaterThan(0);
    expect(Number((await sql<{ n: string }>`select count(*) as n from claim_period_deltas`.execute(store.db)).rows[0]!.n)).toBe(0);
    expect(await fromRunningFigures()).toEqual(before);
    expect(await fromRunningFigures()).toEqual(await fromClaims());
  });

  it('a server folds on its own, every interval, until stopped', async () => {
    await run({
      kind: 'insert',
      claims: [
        { program: 'short_term', areaCode: '510403', endDate: '2021-09-15', status: 'decided', outcome: 'eligible', amountFen: 80_000 },
      ],
    });
    const deltas = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from claim_period_deltas`.execute(store.db)).rows[0]!.n);
    expect(await deltas()).toBeGreaterThan(0);
    const errors: unknown[] = [];
    const stop = foldClaimPeriodDeltasEvery(store.db, 20, (e) => errors.push(e));
    try {
      await expect.poll(deltas, { timeout: 5_000, interval: 20 }).toBe(0);
    } finally {
      stop();
    }
    expect(errors).toEqual([]);
    expect(await fromRunningFigures()).toEqual(await fromClaims());
  });

  it('a bulk load with the foreign-key triggers off (session_replication_role = replica) is still counted', async () => {
    await inTransaction(store.db, async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      await insertClaimRow(tx, {
        id: `PT-bulk-${next++}`,
        residentId: PEOPLE[0]!,
        program: 'pre_job',
        endDate: '2021-08-08',
        status: 'approved',
        outcome: 'eligible',
        amountFen: 50_000,
      });
    });
    expect(await fromRunningFigures()).toEqual(await fromClaims());
  });
});
