// WHAT-IF (#5): choose a parameter, a value and a period; the stored claims whose training starts in
// the period are re-decided under the modified package, nothing saved. The figures must equal an
// independent recomputation from the fixture's own facts, and no row anywhere may change.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/access.ts';
import { decideClaims } from '../../src/services/claims/decide-claims.ts';
import { buildApp } from '../../src/api/app.ts';
import { runWhatIf } from '../../src/services/what-if/run-what-if.ts';
import { HEARTBEAT_LOST_MS, whatIfFinished } from '../../src/services/what-if/what-if-jobs.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { insertEnterprise, insertPeople, residentId, uscc } from '../support/claims-fixtures.ts';
import { insertSafetyClaim } from '../support/admin-fixtures.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const city: Actor = {
  userId: 'c',
  username: 'city',
  displayName: '市人社局',
  role: 'city',
  areaCode: '510400',
  department: null,
  enterpriseUscc: null,
  providerId: null,
  residentId: null,
};

// The fixture: §4.10 safety claims (¥1,000 each under the plan) in two areas and two years; firm B did
// not fully use its 2020 education fund (R8: 80%); one trainee draws a pension (R5: not eligible);
// one claim was withdrawn; some went on to approved and paid.
const firmA = uscc(61); // fund fully used in 2020 and 2021
const firmB = uscc(62); // 2020 not fully used → 80%
interface Case {
  id: string;
  n: number;
  area: string;
  firm: string;
  start: string;
  pension?: true;
  status?: 'withdrawn' | 'approved' | 'paid';
}
const CASES: Case[] = [
  { id: 'W-01', n: 1, area: '510402', firm: firmA, start: '2020-03-02' },
  { id: 'W-02', n: 2, area: '510402', firm: firmA, start: '2020-06-15', status: 'paid' },
  { id: 'W-03', n: 3, area: '510402', firm: firmB, start: '2020-09-01' },
  { id: 'W-04', n: 4, area: '510403', firm: firmB, start: '2020-10-12', status: 'approved' },
  { id: 'W-05', n: 5, area: '510403', firm: firmA, start: '2020-11-02', pension: true },
  { id: 'W-06', n: 6, area: '510403', firm: firmA, start: '2020-04-01', status: 'withdrawn' },
  { id: 'W-07', n: 7, area: '510411', firm: firmA, start: '2021-03-01' },
  { id: 'W-08', n: 8, area: '510402', firm: firmB, start: '2021-05-10' },
  { id: 'W-09', n: 9, area: '510411', firm: firmB, start: '2020-12-31' },
];
const PERIOD = { from: '2020-01-14', to: '2020-12-31' };
const NEW_YUAN = 1200;

/** The figures worked out by hand from the cases: amount = yuan × 100 × (80% for firm B in 2020). */
function expectedFigures() {
  const inPeriod = CASES.filter((c) => c.start >= PERIOD.from && c.start <= PERIOD.to && c.status !== 'withdrawn');
  const fen = (yuan: number, c: Case) => (c.pension ? 0 : (yuan * 100 * (c.firm === firmB && c.start < '2021-01-01' ? 80 : 100)) / 100);
  const rows = inPeriod.map((c) => ({ c, before: fen(1000, c), after: fen(NEW_YUAN, c) }));
  const sum = (rs: typeof rows) => ({
    claims: rs.length,
    changed: rs.filter((r) => r.before !== r.after).length,
    beforeFen: rs.reduce((s, r) => s + r.before, 0),
    afterFen: rs.reduce((s, r) => s + r.after, 0),
    deltaFen: rs.reduce((s, r) => s + r.after - r.before, 0),
  });
  const areas = [...new Set(inPeriod.map((c) => c.area))].sort();
  return {
    totals: sum(rows),
    byProgram: [{ program: 'safety', ...sum(rows) }],
    byArea: areas.map((a) => ({ areaCode: a, ...sum(rows.filter((r) => r.c.area === a)) })),
    changed: rows
      .filter((r) => r.before !== r.after)
      .map((r) => r.c.id)
      .sort(),
  };
}

/** Every table's row count, and the audit log's last entry: the proof that nothing was written. */
async function snapshot() {
  // The runs' own record (what_if_jobs, shared by every instance) aside: nothing of the claims is written.
  const tables = await sql<{
    table_name: string;
  }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'what_if_%' order by table_name`.execute(
    t.store.db,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    counts[table_name] = Number(
      (await sql<{ n: string }>`select count(*) as n from ${sql.table(table_name)}`.execute(t.store.db)).rows[0]!.n,
    );
  }
  const claims = await t.store.db
    .selectFrom('claims')
    .select(['id', 'status', 'outcome', 'amount_fen', 'policy_package_id', 'updated_at'])
    .orderBy('id')
    .execute();
  const audit = await t.store.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return { counts, claims, audit };
}

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(
      tx,
      CASES.map((c) => ({ residentId: residentId(600 + c.n, c.area), areaCode: c.area, facts: { pensionEntitled: c.pension === true } })),
    );
    await insertEnterprise(tx, { uscc: firmA, educationFund: { 2020: true, 2021: true } });
    await insertEnterprise(tx, { uscc: firmB, educationFund: { 2020: false, 2021: true } });
    for (const c of CASES)
      await insertSafetyClaim(tx, {
        id: c.id,
        residentId: residentId(600 + c.n, c.area),
        uscc: c.firm,
        startDate: c.start,
        areaCode: c.area,
      });
  });
  await decideClaims(t.store.db, city);
  for (const c of CASES) if (c.status) await t.store.db.updateTable('claims').set({ status: c.status }).where('id', '=', c.id).execute();
  cookies.city = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  cookies.county = await sessionFor(t, { username: 'dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
}, 60_000);
afterAll(() => t.close());

describe('What-if: safety ¥1,000 → ¥1,200 over 2020', () => {
  it("the frozen decisions are the plan's (the starting point the recomputation assumes)", async () => {
    const rows = await t.store.db
      .selectFrom('claims')
      .select(['id', 'outcome', 'amount_fen'])
      .where('id', 'in', ['W-01', 'W-03', 'W-05'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.id, r.outcome, r.outcome === 'eligible' ? r.amount_fen : null])).toEqual([
      ['W-01', 'eligible', 100000],
      ['W-03', 'eligible', 80000],
      ['W-05', 'ineligible', null],
    ]);
  });

  it('counts and money by program and by area equal the recomputation by hand, and nothing is written', async () => {
    const was = await snapshot();
    const progress: [number, number][] = [];
    const result = await runWhatIf(t.store.db, city, { parameter: 'safety.amountYuan', value: NEW_YUAN, ...PERIOD }, (d, n) =>
      progress.push([d, n]),
    );
    const want = expectedFigures();
    expect(want.totals).toEqual({ claims: 6, changed: 5, beforeFen: 440000, afterFen: 528000, deltaFen: 88000 });
    expect(result.totals).toEqual(want.totals);
    expect(result.byProgram).toEqual(want.byProgram);
    expect(result.byArea).toEqual(want.byArea);
    expect(result.changedClaims.map((c) => c.id).sort()).toEqual(want.changed);
    expect(result.changedClaims.find((c) => c.id === 'W-03')).toMatchObject({
      beforeAmountFen: 80000,
      afterAmountFen: 96000,
      deltaFen: 16000,
      frozenAmountFen: 80000,
    });
    expect(progress.at(-1)).toEqual([6, 6]);
    expect(await snapshot()).toEqual(was);
  });

  it('over HTTP: started (202), followed to the end with its progress, changed claims paged; still nothing written', async () => {
    const was = await snapshot();
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/what-if',
      headers: { cookie: cookies.city! },
      payload: { parameter: 'safety.amountYuan', value: NEW_YUAN, ...PERIOD },
    });
    expect(started.statusCode).toBe(202);
    const id = started.json().id as string;
    let job = started.json();
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await t.app.inject({ method: 'GET', url: `/api/v1/what-if/${id}`, headers: { cookie: cookies.city! } })).json();
    }
    expect(job.status).toBe('done');
    expect(job.progress).toEqual({ done: 6, total: 6, percent: 100 });
    expect(job.result.totals).toEqual(expectedFigures().totals);
    const page = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/what-if/${id}/claims?pageSize=4&sort=deltaFen&order=desc`,
        headers: { cookie: cookies.city! },
      })
    ).json();
    expect(page.total).toBe(5);
    expect(page.items).toHaveLength(4);
    expect(page.items[0].deltaFen).toBe(20000);
    const area = (
      await t.app.inject({ method: 'GET', url: `/api/v1/what-if/${id}/claims?areaCode=510411`, headers: { cookie: cookies.city! } })
    ).json();
    expect(area.items.map((c: { id: string }) => c.id)).toEqual(['W-09']);
    expect(await snapshot()).toEqual(was);
  });

  it('is kept in the database: a second API instance on the same store follows the run and pages its changed claims', async () => {
    const other = await buildApp(t.store);
    try {
      const started = await t.app.inject({
        method: 'POST',
        url: '/api/v1/what-if',
        headers: { cookie: cookies.city! },
        payload: { parameter: 'safety.amountYuan', value: NEW_YUAN, ...PERIOD },
      });
      const id = started.json().id as string;
      await whatIfFinished(t.store.db, city, id);
      const job = (await other.inject({ method: 'GET', url: `/api/v1/what-if/${id}`, headers: { cookie: cookies.city! } })).json();
      expect(job).toMatchObject({ id, status: 'done', progress: { done: 6, total: 6, percent: 100 } });
      expect(job.result.totals).toEqual(expectedFigures().totals);
      const page = (
        await other.inject({ method: 'GET', url: `/api/v1/what-if/${id}/claims?sort=id`, headers: { cookie: cookies.city! } })
      ).json();
      expect(page.items.map((c: { id: string }) => c.id)).toEqual(expectedFigures().changed);
    } finally {
      await other.close();
    }
  });

  it('a run whose instance stopped (no heartbeat for a minute) reads as interrupted, not running forever', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    await t.store.db
      .insertInto('what_if_jobs')
      .values({
        id,
        status: 'running',
        input: JSON.stringify({ parameter: 'safety.amountYuan', value: NEW_YUAN, ...PERIOD }),
        started_by: 'city',
        heartbeat_at: new Date(Date.now() - HEARTBEAT_LOST_MS - 1000),
      })
      .execute();
    const job = (await t.app.inject({ method: 'GET', url: `/api/v1/what-if/${id}`, headers: { cookie: cookies.city! } })).json();
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/测算中断/);
  });

  it('a value the parameter cannot take is refused before any work (400 naming the field); a county is refused (403)', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/what-if',
      headers: { cookie: cookies.city! },
      payload: { parameter: 'safety.amountYuan', value: 0, ...PERIOD },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.value');
    const reversed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/what-if',
      headers: { cookie: cookies.city! },
      payload: { parameter: 'safety.amountYuan', value: 1200, from: '2020-12-31', to: '2020-01-14' },
    });
    expect(reversed.json().error.field).toBe('body.to');
    const county = await t.app.inject({
      method: 'POST',
      url: '/api/v1/what-if',
      headers: { cookie: cookies.county! },
      payload: { parameter: 'safety.amountYuan', value: 1200, ...PERIOD },
    });
    expect(county.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/what-if/nope', headers: { cookie: cookies.city! } })).statusCode).toBe(404);
  });

  it('the period chosen is the one re-decided: over 2021 only its two claims count (firm B used its 2021 fund: 100%)', async () => {
    const result = await runWhatIf(t.store.db, city, {
      parameter: 'safety.amountYuan',
      value: NEW_YUAN,
      from: '2021-01-01',
      to: '2021-12-31',
    });
    expect(result.totals).toEqual({ claims: 2, changed: 2, beforeFen: 200000, afterFen: 240000, deltaFen: 40000 });
  });
});
