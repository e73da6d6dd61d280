// A fund's ledger (§5.2): the movements behind its balance — reservations, payments, advances,
// recoveries — newest first, paged; the city and finance read it whole, a county its own area's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { insertClaimRow, insertEnterprise, insertFund, insertPeople, residentId, uscc } from '../support/claims-fixtures.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const employer = uscc(51);
const apprentice = residentId(51);
const xiquPerson = residentId(52, '510403');
let fundId = '';
let advanceId = '';
const post = (url: string, who: string, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, payload: payload as object });
const get = (url: string, who: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[who]! } });

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(tx, [{ residentId: apprentice }, { residentId: xiquPerson, areaCode: '510403' }]);
    await insertEnterprise(tx, { uscc: employer, areaCode: '510402' });
    fundId = await insertFund(tx, 'special_action', 2020, 10_000_000);
    await tx
      .insertInto('apprenticeship_plans')
      .values({
        id: 'AP-L',
        enterprise_uscc: employer,
        provider_id: null,
        resident_id: apprentice,
        occupation_code: '6-16-01-03',
        level: '4',
        start_date: '2020-03-01',
        end_date: '2021-02-28',
        contract_months: 36,
        status: 'listed',
        created_by: 'test',
        updated_by: null,
        updated_at: null,
      })
      .execute();
    // A 西区 claim approved earlier: its reservation is on the fund.
    await insertClaimRow(tx, {
      id: 'XIQU-APPROVED',
      residentId: xiquPerson,
      status: 'approved',
      areaCode: '510403',
      outcome: 'eligible',
      amountFen: 187000,
      payee: 'individual',
    });
    await tx
      .insertInto('reservations')
      .values({ claim_id: 'XIQU-APPROVED', fund_id: fundId, amount_fen: 187000, reserved_by: 'test' })
      .execute();
  });
  cookies.city = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  cookies.dongqu = await sessionFor(t, { username: 'dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  cookies.xiqu = await sessionFor(t, { username: 'xiqu', displayName: '西区人社局', role: 'county', areaCode: '510403' });
  cookies.finance = await sessionFor(t, { username: 'finance', displayName: '市财政局', role: 'department', department: 'finance' });
  cookies.veterans = await sessionFor(t, {
    username: 'veterans',
    displayName: '市退役军人事务局',
    role: 'department',
    department: 'veterans',
  });
  cookies.enterprise = await sessionFor(t, { username: 'ent', displayName: '企业', role: 'enterprise', enterpriseUscc: employer });

  advanceId = (
    await post('/advances', 'dongqu', { kind: 'apprenticeship', subjectId: 'AP-L', amountFen: 200000, paidOn: '2020-04-01' })
  ).json().id;
  expect((await post('/plans/AP-L/status', 'dongqu', { status: 'quit', note: '学徒中途退出' })).statusCode).toBe(200);
  expect((await post(`/advances/${advanceId}/recover`, 'dongqu', { reason: '学徒中途退出' })).statusCode).toBe(200);
}, 180_000);
afterAll(() => t.close());

describe('GET /funds/:id/ledger', () => {
  it('lists the reservation, the advance and its recovery, newest first, with amounts in fen', async () => {
    const res = await get(`/funds/${fundId}/ledger`, 'city');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ fundId, total: 3, page: 1 });
    expect(body.items.map((e: { kind: string; amountFen: number }) => [e.kind, e.amountFen])).toEqual([
      ['recovery', 200000],
      ['advance', 200000],
      ['reservation', 187000],
    ]);
    expect(body.items[0]).toMatchObject({ subject: advanceId, note: '学徒中途退出', areaCode: '510402' });
    expect(body.items[1]).toMatchObject({ ref: advanceId, subject: 'AP-L', status: 'recovered', areaCode: '510402' });
    expect(body.items[2]).toMatchObject({ ref: 'XIQU-APPROVED', status: 'reserved', areaCode: '510403' });
  });

  it('names each movement by the numbers users read (the SQ- number of a claim, the XT- number of the plan an advance paid for), not by ids', async () => {
    const items = (await get(`/funds/${fundId}/ledger`, 'city')).json().items;
    expect(items[2].refNumber).toMatch(/^SQ-/);
    expect(items[1].refNumber).toMatch(/^XT-/);
    expect(items.map((e: object) => 'subjectNumber' in e)).toEqual([true, true, true]);
  });

  it('filters by kind and pages', async () => {
    expect((await get(`/funds/${fundId}/ledger?kind=advance`, 'city')).json().items.map((e: { kind: string }) => e.kind)).toEqual([
      'advance',
    ]);
    const second = (await get(`/funds/${fundId}/ledger?pageSize=2&page=2`, 'city')).json();
    expect([second.total, second.items.length, second.items[0].kind]).toEqual([3, 1, 'reservation']);
  });

  it("a county reads its own area's movements only; finance reads all", async () => {
    expect((await get(`/funds/${fundId}/ledger`, 'dongqu')).json().items.map((e: { kind: string }) => e.kind)).toEqual([
      'recovery',
      'advance',
    ]);
    expect((await get(`/funds/${fundId}/ledger`, 'xiqu')).json().items.map((e: { kind: string }) => e.kind)).toEqual(['reservation']);
    expect((await get(`/funds/${fundId}/ledger`, 'finance')).json().total).toBe(3);
  });

  it('refuses other departments and enterprises, an unknown fund, and a page over 200 rows', async () => {
    expect((await get(`/funds/${fundId}/ledger`, 'veterans')).statusCode).toBe(403);
    expect((await get(`/funds/${fundId}/ledger`, 'enterprise')).statusCode).toBe(403);
    expect((await get('/funds/NO-FUND/ledger', 'city')).statusCode).toBe(404);
    expect((await get(`/funds/${fundId}/ledger?pageSize=201`, 'city')).statusCode).toBe(400);
  });
});
