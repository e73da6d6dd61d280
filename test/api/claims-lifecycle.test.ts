// A claim from submission to payment over HTTP: submitted by the trainee, decided by the engine,
// reviewed, published for 5 working days (an objection pauses it), approved against the fund, paid
// in a batch — and paying the batch again pays nobody twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit-log.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { businessDateIs, restoreBusinessDateAfterAll } from '../support/business-date.ts';
import { insertEnterprise, insertFund, insertPeople, residentId, skillUpgradeBody, uscc } from '../support/claims-fixtures.ts';

let t: TestApp;
restoreBusinessDateAfterAll();
const ann = residentId(1);
const bob = residentId(2);
const employer = uscc(1);
const cookies: Record<string, string> = {};

const post = (url: string, who: string, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, payload: payload as object });
const get = (url: string, who?: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who ? { cookie: cookies[who]! } : {} });

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(tx, [
      { residentId: ann, name: '安', facts: { pensionEntitled: false, earlierAppraisal: false } },
      { residentId: bob, name: '博', facts: { pensionEntitled: false } },
    ]);
    await insertEnterprise(tx, { uscc: employer, areaCode: '510402' });
    await insertFund(tx, 'special_action', 2020, 10_000_000);
  });
  cookies.ann = await sessionFor(t, { username: 'ann', displayName: '安', role: 'trainee', residentId: ann });
  cookies.bob = await sessionFor(t, { username: 'bob', displayName: '博', role: 'trainee', residentId: bob });
  cookies.dongqu = await sessionFor(t, { username: 'dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  cookies.xiqu = await sessionFor(t, { username: 'xiqu', displayName: '西区人社局', role: 'county', areaCode: '510403' });
  cookies.finance = await sessionFor(t, { username: 'finance', displayName: '市财政局', role: 'department', department: 'finance' });
  cookies.emergency = await sessionFor(t, {
    username: 'emergency',
    displayName: '市应急管理局',
    role: 'department',
    department: 'emergency',
  });
}, 60_000);
afterAll(() => t.close());

describe('A claim from submission to payment', () => {
  let claimId = '';
  let noticeId = '';
  let batchId = '';

  it('a trainee submits a §4.2 claim in their own name; it goes to their area office', async () => {
    const res = await post('/claims', 'ann', skillUpgradeBody(ann, { enterpriseUscc: employer }));
    expect(res.statusCode).toBe(201);
    claimId = res.json().id;
    expect(res.json().areaCode).toBe('510402');
  });

  it("a trainee cannot claim in another person's name", async () => {
    const res = await post('/claims', 'bob', skillUpgradeBody(ann, { enterpriseUscc: employer }));
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'forbidden', field: 'residentId' });
  });

  it('another county cannot see or decide it; the area office decides it with the engine (1700 × 1.1 = 1870 yuan)', async () => {
    expect((await post(`/claims/${claimId}/decide`, 'xiqu')).statusCode).toBe(404);
    const res = await post(`/claims/${claimId}/decide`, 'dongqu');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'eligible', amountFen: 187000, payee: 'individual' });
    expect(res.json().citations[0]).toBe('§4.2');
  });

  it('the decision is frozen with its policy package and trace; the trainee sees it, a department outside its slice does not', async () => {
    const mine = await get(`/claims/${claimId}`, 'ann');
    expect(mine.json()).toMatchObject({
      status: 'decided',
      outcome: 'eligible',
      amountFen: 187000,
      policyPackageId: 'panzhihua-2020-2021',
      residentId: ann,
    });
    expect((mine.json().trace as { steps: unknown[] }).steps.length).toBeGreaterThan(3);
    // Its page offers each viewer what the server allows: the trainee may withdraw; the office reviews.
    expect(mine.json().allowedActs).toEqual(['withdraw']);
    expect((await get(`/claims/${claimId}`, 'dongqu')).json().allowedActs).toEqual(['review', 'reject', 'withdraw']);
    expect((await get(`/claims/${claimId}`, 'emergency')).statusCode).toBe(404);
    const finance = await get(`/claims?status=decided`, 'finance');
    expect(finance.json().items[0].residentId).toBe('510402********' + ann.slice(14));
    expect((await get(`/claims/${claimId}`)).statusCode).toBe(401);
  });

  it('the office reviews it and publishes it on 2020-09-30 for 5 working days: over 国庆 and the 10-10 working Saturday it ends on 2020-10-13', async () => {
    expect((await post(`/claims/${claimId}/review`, 'dongqu', { note: '材料齐全' })).json()).toEqual({ id: claimId, status: 'reviewed' });
    businessDateIs('2020-09-30');
    const res = await post('/publicity-notices', 'dongqu', {
      areaCode: '510402',
      title: '2020年第3批技能提升补贴公示',
      startsOn: '2020-09-30',
      claimIds: [claimId],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ workingDays: 5, endsOn: '2020-10-13', status: 'open' });
    noticeId = res.json().id;
  });

  it('an objection received on 2020-10-10 pauses the notice; dismissed on 2020-10-15, the 3 days left run from then (ends 2020-10-19)', async () => {
    businessDateIs('2020-10-10');
    const objection = await t.app.inject({
      method: 'POST',
      url: `/api/v1/publicity-notices/${noticeId}/objections`,
      payload: { claimId, text: '此人未参加培训' },
    });
    expect(objection.statusCode).toBe(201);
    // 9-30 and 10-09 ran before the objection: 3 of 5 left. It is dated the day it was received.
    expect(objection.json()).toMatchObject({ status: 'paused', daysLeft: 3, receivedOn: '2020-10-10' });
    businessDateIs('2020-10-15');
    const early = await post(`/publicity-notices/${noticeId}/close`, 'dongqu');
    expect(early.statusCode).toBe(409);
    const resolved = await post(`/objections/${objection.json().id}/resolve`, 'dongqu', {
      verdict: 'dismissed',
      resolution: '核实签到记录，异议不成立',
    });
    expect(resolved.json()).toMatchObject({ noticeStatus: 'open', endsOn: '2020-10-19', resolvedOn: '2020-10-15' });
  });

  it('no one names the day of an act on a notice: a date sent with a close, an objection or a resolution is refused (400) and changes nothing', async () => {
    const close = await post(`/publicity-notices/${noticeId}/close`, 'dongqu', { on: '2020-10-20' });
    expect(close.statusCode).toBe(400);
    const objection = await t.app.inject({
      method: 'POST',
      url: `/api/v1/publicity-notices/${noticeId}/objections`,
      payload: { claimId, text: '此人未参加培训', on: '2020-10-09' },
    });
    expect(objection.statusCode).toBe(400);
    const notices = (await get('/publicity-notices?pageSize=200', 'dongqu')).json();
    expect((notices.items ?? notices).find((n: { id: string }) => n.id === noticeId)).toMatchObject({
      number: expect.stringMatching(/^GS-/),
      status: 'open',
      endsOn: '2020-10-19',
    });
  });

  it('approval waits for the notice to close; then it reserves 1870 yuan from the 2020 special-action fund', async () => {
    expect((await post(`/claims/${claimId}/approve`, 'dongqu')).json().error.code).toBe('invalid_transition');
    businessDateIs('2020-10-19'); // its last working day: not yet run
    expect((await post(`/publicity-notices/${noticeId}/close`, 'dongqu')).statusCode).toBe(409);
    businessDateIs('2020-10-20');
    expect((await post(`/publicity-notices/${noticeId}/close`, 'dongqu')).json()).toMatchObject({
      status: 'closed',
      closedOn: '2020-10-20',
    });
    const res = await post(`/claims/${claimId}/approve`, 'dongqu');
    expect(res.json()).toMatchObject({ status: 'approved', fundId: 'special_action-2020', amountFen: 187000, reservedFen: 187000 });
    const funds = await get('/funds', 'finance');
    expect(funds.json()[0]).toMatchObject({ budgetFen: 10_000_000, reservedFen: 187000, remainingFen: 10_000_000 - 187000 });
  });

  it('a batch is built, confirmed by finance, paid; paying it again pays nobody twice', async () => {
    const built = await post('/payment-batches', 'dongqu', { areaCode: '510402', fundId: 'special_action-2020' });
    expect(built.json()).toMatchObject({ status: 'draft', claims: 1, totalFen: 187000 });
    batchId = built.json().id;
    expect((await post(`/payment-batches/${batchId}/pay`, 'dongqu', { bankRef: 'BANK-TEST-1' })).statusCode).toBe(409);
    expect((await post(`/payment-batches/${batchId}/confirm`, 'finance')).json().status).toBe('confirmed');
    expect((await post(`/payment-batches/${batchId}/pay`, 'dongqu', { bankRef: 'BANK-TEST-1' })).json()).toMatchObject({
      status: 'paid',
      paidNow: 1,
      paid: 1,
    });
    expect((await post(`/payment-batches/${batchId}/pay`, 'dongqu', { bankRef: 'BANK-TEST-1' })).json()).toMatchObject({
      status: 'paid',
      paidNow: 0,
      paid: 1,
    });
    const payments = await t.store.db.selectFrom('payments').selectAll().execute();
    expect(payments.map((p) => [p.claim_id, p.amount_fen, p.payee, p.payee_ref])).toEqual([[claimId, 187000, 'individual', ann]]);
    expect((await get(`/claims/${claimId}`, 'ann')).json().status).toBe('paid');
    const funds = await get('/funds', 'finance');
    expect(funds.json()[0]).toMatchObject({ reservedFen: 0, paidFen: 187000, remainingFen: 10_000_000 - 187000 });
  });

  it('every step is in the audit log, and the chain is intact', async () => {
    const actions = (
      await t.store.db.selectFrom('audit_log').select('action').where('entity_id', '=', claimId).orderBy('seq').execute()
    ).map((r) => r.action);
    expect(actions).toEqual(['claim.submit', 'claim.decide', 'claim.review', 'claim.approve', 'claim.pay']);
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true });
  });

  it('lists page on the server, filter by status and sort; page size above 200 is refused with the field', async () => {
    const res = await get('/claims?status=paid&sort=amount&order=desc&page=1&pageSize=10', 'dongqu');
    expect(res.json()).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    const big = await get('/claims?pageSize=500', 'dongqu');
    expect(big.statusCode).toBe(400);
    expect(big.json().error.field).toBe('query.pageSize');
  });
});
