// Public information (#5), no login: publicity notices current and past with their claims (names to
// the surname, resident IDs masked), and the eight class programs worded from the policy package.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { insertClaimRow, insertPeople, residentId } from '../support/claims-fixtures.ts';

let t: TestApp;
const zhang = residentId(71);
const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(tx, [{ residentId: zhang, name: '张三丰' }]);
    await insertClaimRow(tx, {
      id: 'PUB-1',
      residentId: zhang,
      status: 'publicity',
      outcome: 'eligible',
      amountFen: 187000,
      payee: 'individual',
    });
    await insertClaimRow(tx, {
      id: 'PUB-2',
      residentId: zhang,
      status: 'approved',
      outcome: 'eligible',
      amountFen: 50000,
      payee: 'individual',
      startDate: '2020-09-01',
      endDate: '2020-09-30',
    });
    const stamp = { created_by: 'test', updated_by: null, updated_at: null };
    await tx
      .insertInto('publicity_notices')
      .values({
        id: 'N-OPEN',
        area_code: '510402',
        title: '2020年第5批公示',
        starts_on: '2020-11-02',
        working_days: 5,
        ends_on: '2020-11-06',
        ...stamp,
      })
      .execute();
    await tx
      .insertInto('publicity_notices')
      .values({
        id: 'N-PAST',
        area_code: '510402',
        title: '2020年第4批公示',
        starts_on: '2020-10-12',
        working_days: 5,
        ends_on: '2020-10-16',
        status: 'closed',
        ...stamp,
      })
      .execute();
    await tx
      .insertInto('publicity_items')
      .values([
        { notice_id: 'N-OPEN', claim_id: 'PUB-1' },
        { notice_id: 'N-PAST', claim_id: 'PUB-2' },
      ])
      .execute();
  });
}, 60_000);
afterAll(() => t.close());

describe('Public information without login', () => {
  it('lists current and past notices apart, with their claim counts and totals', async () => {
    const current = (await get('/public/notices?state=current')).json();
    expect(current.items.map((n: { id: string }) => n.id)).toEqual(['N-OPEN']);
    expect(current.items[0]).toMatchObject({ current: true, claims: 1, totalFen: 187000, areaName: '东区' });
    const past = (await get('/public/notices?state=past')).json();
    expect(past.items.map((n: { id: string }) => n.id)).toEqual(['N-PAST']);
    expect((await get('/public/notices')).json().items.map((n: { id: string }) => n.id)).toEqual(['N-OPEN', 'N-PAST']);
    expect((await get('/public/notices/N-PAST')).json()).toMatchObject({ title: '2020年第4批公示', status: 'closed', totalFen: 50000 });
    expect((await get('/public/notices/NOPE')).statusCode).toBe(404);
  });

  it("shows a notice's claims with the name to the surname and the resident ID masked — even to the city", async () => {
    const anon = (await get('/public/notices/N-OPEN/claims')).json();
    expect(anon.items).toEqual([
      {
        id: 'PUB-1',
        number: 'SQ-2020-510402-000001',
        program: 'skill_upgrade',
        areaCode: '510402',
        name: '张**',
        residentId: `510402********${zhang.slice(14)}`,
        amountFen: 187000,
        payee: 'individual',
        status: 'publicity',
        objected: false,
      },
    ]);
    const city = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400' });
    expect((await get('/public/notices/N-OPEN/claims', city)).body).not.toContain(zhang);
  });

  it('lists the eight class programs with their clause and what each subsidises, amounts from the package', async () => {
    const res = (await get('/public/programs')).json();
    expect(res.items.map((p: { program: string }) => p.program)).toEqual([
      'skill_upgrade',
      'short_term',
      'pre_job',
      'transfer',
      'employment_skill',
      'entrepreneurship',
      'project_based',
      'safety',
    ]);
    const short = res.items.find((p: { program: string }) => p.program === 'short_term');
    expect(short).toMatchObject({ clause: '§4.3', clauseHeading: '四（三）短期岗位技能培训', packageId: 'panzhihua-2020-2021' });
    expect(short.subsidises).toContain('参训满 28 学时');
    expect(short.subsidises).toContain('¥500.00');
    expect(short.parameters.map((p: { name: string }) => p.name)).toEqual(['shortTerm.minAttendedHours', 'shortTerm.amountYuan']);
    expect(res.items.find((p: { program: string }) => p.program === 'safety').subsidises).toContain('¥1,000.00');
    const outside = (await get('/public/programs?onDate=2022-03-01')).json();
    expect(outside.items[0]).toMatchObject({ packageId: null, subsidises: '该日期不在方案施行期限内' });
  });
});
