// The review screens' API (#5): one act on many claims (each claim on its own: failures reported per
// claim, the rest done, nothing half-done), the risk filter on the claim list, and the offices' lists
// of notices and payment batches with the bank's lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanRisks } from '../../src/services/risk/scan-risks.ts';
import type { RiskRule } from '../../src/services/risk/rules/rule-kit.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { insertEnterprise, insertFund, insertPeople, residentId, skillUpgradeBody, uscc } from '../support/claims-fixtures.ts';
import { businessDateIs, restoreBusinessDateAfterAll } from '../support/business-date.ts';

restoreBusinessDateAfterAll();

let t: TestApp;
const ann = residentId(11);
const bob = residentId(12); // entitled to a pension: R5 makes the claim ineligible
const cai = residentId(13);
const xi = residentId(14, '510403');
const employer = uscc(11);
const cookies: Record<string, string> = {};
const claim = { ann: '', bob: '', cai: '', xi: '' };

const post = (url: string, who: string, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, payload: payload as object });
const get = (url: string, who: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[who]! } });
const statusOf = async (id: string) =>
  (await t.store.db.selectFrom('claims').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const auditOf = async (id: string) =>
  (await t.store.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('seq').execute()).map((r) => r.action);

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(tx, [
      { residentId: ann, name: '安', facts: { pensionEntitled: false, earlierAppraisal: false } },
      { residentId: bob, name: '博', facts: { pensionEntitled: true } },
      { residentId: cai, name: '蔡', facts: { pensionEntitled: false, earlierAppraisal: false } },
      { residentId: xi, name: '西', areaCode: '510403', facts: { pensionEntitled: false } },
    ]);
    await insertEnterprise(tx, { uscc: employer, areaCode: '510402' });
    await insertFund(tx, 'special_action', 2020, 10_000_000);
  });
  cookies.city = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  cookies.dongqu = await sessionFor(t, { username: 'dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  cookies.xiqu = await sessionFor(t, { username: 'xiqu', displayName: '西区人社局', role: 'county', areaCode: '510403' });
  cookies.trainee = await sessionFor(t, { username: 'ann', displayName: '安', role: 'trainee', residentId: ann });
  for (const [name, person] of [
    ['ann', ann],
    ['bob', bob],
    ['cai', cai],
    ['xi', xi],
  ] as const) {
    const res = await post('/claims', 'city', {
      ...skillUpgradeBody(person, { enterpriseUscc: person === xi ? null : employer }),
      applicant: 'individual',
    });
    expect(res.statusCode, res.body).toBe(201);
    claim[name] = res.json().id;
  }
}, 60_000);
afterAll(() => t.close());

describe('One act on many claims (POST /claims/bulk)', () => {
  it("decides what it may and reports per claim what it may not: another county's claim and an unknown one are not found", async () => {
    const res = await post('/claims/bulk', 'dongqu', {
      action: 'decide',
      claimIds: [claim.ann, claim.bob, claim.cai, claim.xi, 'NO-SUCH-CLAIM'],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ action: 'decide', done: 3, failed: 2 });
    expect(body.results.map((r: { id: string; ok: boolean }) => [r.id, r.ok])).toEqual([
      [claim.ann, true],
      [claim.bob, true],
      [claim.cai, true],
      [claim.xi, false],
      ['NO-SUCH-CLAIM', false],
    ]);
    expect(body.results[0]).toMatchObject({ status: 'decided', outcome: 'eligible', amountFen: 187000 });
    expect(body.results[1]).toMatchObject({ outcome: 'ineligible' });
    expect(body.results[3].error).toMatchObject({ code: 'not_found', message: '没有找到这条申领，或它不在您的办理范围内' });
    // The other county's claim is untouched.
    expect(await statusOf(claim.xi)).toBe('submitted');
    expect(await auditOf(claim.xi)).toEqual(['claim.submit']);
  });

  it('review passes the eligible claims; the ineligible one fails with the reason and stays exactly as it was', async () => {
    const before = await auditOf(claim.bob);
    const res = await post('/claims/bulk', 'dongqu', { action: 'review', claimIds: [claim.ann, claim.bob], note: '批量审核' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ done: 1, failed: 1 });
    const [a, b] = res.json().results;
    expect(a).toMatchObject({ id: claim.ann, ok: true, status: 'reviewed' });
    expect(b).toMatchObject({ id: claim.bob, ok: false, error: { code: 'invalid_transition' } });
    expect(b.error.message).toContain('不能审核通过');
    expect(await statusOf(claim.bob)).toBe('decided');
    expect(await auditOf(claim.bob)).toEqual(before);
    expect(await t.store.db.selectFrom('reviews').select('id').where('claim_id', '=', claim.bob).execute()).toHaveLength(0);
  });

  it('rejecting needs a reason: without one it is a 400 naming the field, and nothing changes', async () => {
    const res = await post('/claims/bulk', 'dongqu', { action: 'reject', claimIds: [claim.bob] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('body.reason');
    expect(await statusOf(claim.bob)).toBe('decided');
    const ok = await post('/claims/bulk', 'dongqu', { action: 'reject', claimIds: [claim.bob], reason: '已领取养老金（R5）' });
    expect(ok.json()).toMatchObject({ done: 1, failed: 0, results: [{ id: claim.bob, ok: true, status: 'rejected' }] });
    const review = await t.store.db
      .selectFrom('reviews')
      .select(['verdict', 'note'])
      .where('claim_id', '=', claim.bob)
      .executeTakeFirstOrThrow();
    expect(review).toEqual({ verdict: 'reject', note: '已领取养老金（R5）' });
  });

  it('approving a claim whose publicity has not ended fails per claim, without a reservation', async () => {
    businessDateIs('2020-09-01');
    const notice = await post('/publicity-notices', 'dongqu', {
      areaCode: '510402',
      title: '批量测试公示',
      startsOn: '2020-09-01',
      claimIds: [claim.ann],
    });
    expect(notice.statusCode).toBe(201);
    const res = await post('/claims/bulk', 'dongqu', { action: 'approve', claimIds: [claim.ann] });
    expect(res.json().results[0]).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(await t.store.db.selectFrom('reservations').select('claim_id').where('claim_id', '=', claim.ann).execute()).toHaveLength(0);
    businessDateIs('2020-09-10');
    expect((await post(`/publicity-notices/${notice.json().id}/close`, 'dongqu')).statusCode).toBe(200);
    const approved = await post('/claims/bulk', 'dongqu', { action: 'approve', claimIds: [claim.ann] });
    expect(approved.json().results[0]).toMatchObject({ ok: true, status: 'approved', amountFen: 187000 });
  });

  it('refuses other roles, an empty selection and more than 200 claims', async () => {
    expect((await post('/claims/bulk', 'trainee', { action: 'decide', claimIds: [claim.ann] })).statusCode).toBe(403);
    const empty = await post('/claims/bulk', 'city', { action: 'decide', claimIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('body.claimIds');
    const many = await post('/claims/bulk', 'city', { action: 'decide', claimIds: Array.from({ length: 201 }, (_, i) => `C-${i}`) });
    expect(many.statusCode).toBe(400);
  });
});

describe('The risk filter on the claim list', () => {
  it('before any scan the score is unknown (null) and the filter selects nothing', async () => {
    const res = await get('/claims?minRisk=1', 'city');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 0, riskScanId: null });
    expect((await get('/claims', 'city')).json().items.every((c: { riskScore: unknown }) => c.riskScore === null)).toBe(true);
  });

  it('after a scan, minRisk keeps the claims scored at least that high, a county only its own; sorting by risk puts them first', async () => {
    // A rule that names cai's and xi's claims (the weight of pension_trainee: 40).
    const rule: RiskRule = {
      code: 'pension_trainee',
      title: '测试规则',
      clause: '§5.2',
      run: async () => ({ findings: [{ explanation: '测试', evidence: {}, subjects: { claims: [claim.cai!, claim.xi!] } }] }),
    };
    await scanRisks(t.store.db, 'test', { rules: [rule] });
    const city = (await get('/claims?minRisk=40', 'city')).json();
    expect(city.items.map((c: { id: string }) => c.id).sort()).toEqual([claim.cai, claim.xi].sort());
    expect(city.items.every((c: { riskScore: number }) => c.riskScore === 40)).toBe(true);
    expect((await get('/claims?minRisk=41', 'city')).json().total).toBe(0);
    const county = (await get('/claims?minRisk=1', 'dongqu')).json();
    expect(county.items.map((c: { id: string }) => c.id)).toEqual([claim.cai]);
    const sorted = (await get('/claims?sort=risk&order=desc', 'dongqu')).json();
    expect(sorted.items[0]).toMatchObject({ id: claim.cai, riskScore: 40 });
    expect(sorted.items.slice(1).every((c: { riskScore: number }) => c.riskScore === 0)).toBe(true);
    expect((await get(`/claims/${claim.cai}`, 'dongqu')).json().riskScore).toBe(40);
  });

  it('a trainee sees no score and may not filter by it; a bad value names the field', async () => {
    const mine = await get('/claims', 'trainee');
    expect(mine.json().items.every((c: { riskScore: unknown }) => c.riskScore === null)).toBe(true);
    const refused = await get('/claims?minRisk=10', 'trainee');
    expect(refused.statusCode).toBe(403);
    const bad = await get('/claims?minRisk=abc', 'city');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('minRisk');
  });
});

describe('Notices and payment batches for the offices', () => {
  it("lists the county's notices with their claims and objections, and one notice with its objections", async () => {
    const list = (await get('/review/publicity-notices', 'dongqu')).json();
    expect(list.total).toBe(1);
    const notice = list.items[0];
    expect(notice).toMatchObject({ areaCode: '510402', claims: 1, status: 'closed', endsOn: '2020-09-07' });
    expect((await get('/review/publicity-notices', 'xiqu')).json().total).toBe(0);
    expect((await get(`/review/publicity-notices/${notice.id}`, 'xiqu')).statusCode).toBe(404);
    const detail = (await get(`/review/publicity-notices/${notice.id}`, 'dongqu')).json();
    expect(detail).toMatchObject({ id: notice.id, closable: false, claimsByStatus: { approved: 1 }, objections: [] });
    const claims = (await get(`/claims?noticeId=${notice.id}`, 'dongqu')).json();
    expect(claims.items.map((c: { id: string }) => c.id)).toEqual([claim.ann]);
  });

  it("shows what can be paid, builds a batch, and lists its lines as the bank's list (payee, account holder, amount)", async () => {
    const payable = (await get('/review/payable', 'dongqu')).json();
    expect(payable.items).toEqual([
      { areaCode: '510402', fundId: 'special_action-2020', claims: 1, totalFen: 187000, allowedActs: ['build'] },
    ]);
    const built = await post('/payment-batches', 'dongqu', { areaCode: '510402', fundId: 'special_action-2020' });
    expect(built.statusCode).toBe(201);
    const id = built.json().id;
    expect((await get('/review/payable', 'dongqu')).json().items).toEqual([]);
    const batches = (await get('/review/payment-batches', 'dongqu')).json();
    expect(batches.items[0]).toMatchObject({ id, status: 'draft', items: 1, paid: 0, totalFen: 187000 });
    const lines = (await get(`/review/payment-batches/${id}/lines`, 'dongqu')).json();
    expect(lines).toMatchObject({ batchStatus: 'draft', total: 1 });
    expect(lines.items[0]).toMatchObject({
      claimId: claim.ann,
      payee: 'individual',
      payeeRef: ann,
      accountHolder: '安',
      amountFen: 187000,
      paid: false,
    });
    expect((await get(`/review/payment-batches/${id}/lines`, 'xiqu')).statusCode).toBe(404);
    expect((await post(`/payment-batches/${id}/confirm`, 'city')).statusCode).toBe(200);
    expect((await post(`/payment-batches/${id}/pay`, 'dongqu', { bankRef: 'BANK-TEST-1' })).json()).toMatchObject({
      status: 'paid',
      paidNow: 1,
    });
    const paid = (await get(`/review/payment-batches/${id}/lines`, 'dongqu')).json();
    expect(paid.items[0]).toMatchObject({ paid: true });
    expect((await get('/review/payment-batches?status=paid', 'dongqu')).json().items[0]).toMatchObject({ id, paid: 1, paidFen: 187000 });
  });
});
