// Maker–checker over HTTP (§5.7; payment-duties.ts): a login acts on a payment batch only through the
// payment duty the city gave it (经办 builds and cancels a draft, 复核 confirms, 支付 pays), whoever
// built a batch cannot confirm it and whoever confirmed it cannot pay it; the batch says which acts the
// viewer may take (`allowedActs`). Also: a double click on 编制 makes one batch, and a draft is cancelled
// with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit-log.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { insertClaimRow, insertFund, insertPeople, residentId } from '../support/claims-fixtures.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const post = (url: string, who: string, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, payload: payload as object });
const get = (url: string, who: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[who]! } });
const audit = async (action: string) =>
  t.store.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();
const FUND = 'special_action-2020';
let n = 0;

async function approved(count: number): Promise<void> {
  await inTransaction(t.store.db, async (tx) => {
    for (let i = 0; i < count; i++) {
      const r = residentId(100 + n);
      await insertPeople(tx, [{ residentId: r }]);
      const id = `PD-${String(n++).padStart(3, '0')}`;
      await insertClaimRow(tx, { id, residentId: r, status: 'approved', outcome: 'eligible', amountFen: 187000, payee: 'individual' });
      await tx.insertInto('reservations').values({ claim_id: id, fund_id: FUND, amount_fen: 187000, reserved_by: 'test' }).execute();
    }
  });
}

const userId = async (username: string) =>
  (await t.store.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, (tx) => insertFund(tx, 'special_action', 2020, 100_000_000));
  cookies.city = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  // Logins the city then gives duties through the users API (the seed helper's defaults are replaced).
  cookies.jingban = await sessionFor(t, {
    username: 'jingban',
    displayName: '东区经办',
    role: 'county',
    areaCode: '510402',
    paymentDuties: [],
  });
  cookies.fuhe = await sessionFor(t, { username: 'fuhe', displayName: '市局复核', role: 'city', areaCode: '510400', paymentDuties: [] });
  cookies.zhifu = await sessionFor(t, { username: 'zhifu', displayName: '市局支付', role: 'city', areaCode: '510400', paymentDuties: [] });
  cookies.both = await sessionFor(t, {
    username: 'both',
    displayName: '复核兼支付',
    role: 'city',
    areaCode: '510400',
    paymentDuties: ['confirm', 'pay'],
  });
  cookies.none = await sessionFor(t, { username: 'none', displayName: '无支付职责', role: 'city', areaCode: '510400', paymentDuties: [] });
}, 60_000);
afterAll(() => t?.close());

describe('The city sets who holds which payment duty', () => {
  it('on the users API, with a reason, audited; a duty the role cannot hold is refused with the field', async () => {
    const set = async (who: string, paymentDuties: string[], reason = '按岗位分工设置') =>
      post(`/users/${await userId(who)}/payment-duties`, 'city', { paymentDuties, reason });
    const county = await set('jingban', ['confirm']);
    expect([county.statusCode, county.json().error.field, county.json().error.message]).toEqual([
      400,
      'body.paymentDuties',
      'body.paymentDuties: 县（区）人社局账号不能承担“复核（确认支付批次）”职责',
    ]);
    expect((await set('jingban', ['build'], '')).statusCode).toBe(400);
    expect(
      (await post(`/users/${await userId('jingban')}/payment-duties`, 'jingban', { paymentDuties: ['build'], reason: '自己给自己' }))
        .statusCode,
    ).toBe(403);
    expect((await set('jingban', ['build'])).json()).toMatchObject({ username: 'jingban', paymentDuties: ['build'] });
    expect((await set('fuhe', ['confirm'])).json().paymentDuties).toEqual(['confirm']);
    expect((await set('zhifu', ['pay'])).json().paymentDuties).toEqual(['pay']);
    expect((await audit('user.payment_duties')).map((e) => e.data)).toContainEqual({
      username: 'zhifu',
      from: [],
      to: ['pay'],
      reason: '按岗位分工设置',
    });
    const list = (await get('/users?q=fuhe', 'city')).json();
    expect(list.items[0]).toMatchObject({ username: 'fuhe', paymentDuties: ['confirm'] });
  });
});

describe('Build, confirm, pay: three people', () => {
  let batchId = '';

  it('a login without the build duty cannot build (403), and is offered no 编制 on the payable list', async () => {
    await approved(3);
    const res = await post('/payment-batches', 'none', { areaCode: '510402', fundId: FUND });
    expect([res.statusCode, res.json().error.message]).toEqual([
      403,
      '您没有“经办（编制支付批次）”职责，不能进行此操作；职责由市人社局在用户管理中设置',
    ]);
    expect((await get('/review/payable', 'none')).json().items[0].allowedActs).toEqual([]);
    expect((await get('/review/payable', 'jingban')).json().items[0]).toMatchObject({ claims: 3, allowedActs: ['build'] });
  });

  it('a double click on 编制 (20 requests at once) makes one batch holding each claim once', async () => {
    const all = await Promise.all(
      Array.from({ length: 20 }, () => post('/payment-batches', 'jingban', { areaCode: '510402', fundId: FUND })),
    );
    const created = all.filter((r) => r.statusCode === 201);
    expect(created).toHaveLength(1);
    for (const r of all) if (r.statusCode !== 201) expect([400, 409]).toContain(r.statusCode);
    batchId = created[0]!.json().id;
    expect(created[0]!.json()).toMatchObject({ claims: 3, totalFen: 3 * 187000 });
    const batches = await t.store.db.selectFrom('payment_batches').select('id').where('fund_id', '=', FUND).execute();
    expect(batches).toHaveLength(1);
  });

  it('the builder cannot confirm their own batch (409); the batch tells each viewer what they may do', async () => {
    const acts = async (who: string) => (await get(`/payment-batches/${batchId}`, who)).json().allowedActs;
    expect(await acts('jingban')).toEqual(['cancel']);
    expect(await acts('fuhe')).toEqual(['confirm', 'cancel']);
    expect(await acts('zhifu')).toEqual([]);
    expect((await get(`/payment-batches/${batchId}`, 'fuhe')).json()).toMatchObject({
      status: 'draft',
      createdBy: 'county:jingban',
      confirmedBy: null,
    });
    // jingban holds no confirm duty; a city login holding every duty that built a batch is refused as the builder.
    expect((await post(`/payment-batches/${batchId}/confirm`, 'jingban')).statusCode).toBe(403);
    expect((await post(`/payment-batches/${batchId}/pay`, 'zhifu', { bankRef: 'BANK-TEST-1' })).statusCode).toBe(409);
  });

  it('a city login holding every duty cannot confirm the batch it built', async () => {
    await approved(1);
    await inTransaction(t.store.db, (tx) =>
      tx
        .updateTable('claims')
        .set({ area_code: '510403' })
        .where('id', '=', `PD-${String(n - 1).padStart(3, '0')}`)
        .execute(),
    );
    const own = await post('/payment-batches', 'city', { areaCode: '510403', fundId: FUND });
    expect(own.statusCode).toBe(201);
    const res = await post(`/payment-batches/${own.json().id}/confirm`, 'city');
    expect([res.statusCode, res.json().error.message]).toEqual([
      409,
      '您编制了这个支付批次，不能由您本人复核确认；请由另一位有复核职责的人员确认',
    ]);
    expect((await get(`/payment-batches/${own.json().id}`, 'city')).json().allowedActs).toEqual(['cancel']);
    const cancelled = await post(`/payment-batches/${own.json().id}/cancel`, 'city', { reason: '演练：由另一人重新编制' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', released: 1 });
  });

  it('复核 confirms; the confirmer cannot pay (409); 支付 pays', async () => {
    expect((await post(`/payment-batches/${batchId}/confirm`, 'both')).json()).toMatchObject({ status: 'confirmed' });
    const self = await post(`/payment-batches/${batchId}/pay`, 'both', { bankRef: 'BANK-TEST-1' });
    expect([self.statusCode, self.json().error.message]).toEqual([
      409,
      '您复核确认了这个支付批次，不能由您本人支付；请由另一位有支付职责的人员支付',
    ]);
    expect((await get(`/payment-batches/${batchId}`, 'both')).json()).toMatchObject({ confirmedBy: 'city:both', allowedActs: [] });
    expect((await get(`/payment-batches/${batchId}`, 'zhifu')).json().allowedActs).toEqual(['pay', 'bank_file']);
    expect((await post(`/payment-batches/${batchId}/pay`, 'jingban', { bankRef: 'BANK-TEST-1' })).statusCode).toBe(403);
    expect((await post(`/payment-batches/${batchId}/pay`, 'zhifu', { bankRef: 'BANK-TEST-1' })).json()).toMatchObject({
      status: 'paid',
      paidNow: 3,
      held: 0,
    });
    expect((await audit('payment_batch.confirm')).find((e) => e.entity_id === batchId)).toMatchObject({ actor: 'city:both' });
    expect((await audit('claim.pay')).filter((e) => (e.data as { batchId: string }).batchId === batchId).map((e) => e.actor)).toEqual([
      'city:zhifu',
      'city:zhifu',
      'city:zhifu',
    ]);
  });

  it('a duty taken away applies at once', async () => {
    await approved(1);
    await post(`/users/${await userId('jingban')}/payment-duties`, 'city', { paymentDuties: [], reason: '调岗' });
    expect((await post('/payment-batches', 'jingban', { areaCode: '510402', fundId: FUND })).statusCode).toBe(403);
  });
});

describe('Cancelling a draft batch over HTTP', () => {
  it('needs a reason (400 naming it); a confirmed batch cannot be cancelled (409); the chain holds', async () => {
    const built = (await post('/payment-batches', 'city', { areaCode: '510402', fundId: FUND })).json();
    const blank = await post(`/payment-batches/${built.id}/cancel`, 'fuhe', { reason: '' });
    expect([blank.statusCode, blank.json().error.field]).toEqual([400, 'body.reason']);
    expect((await post(`/payment-batches/${built.id}/cancel`, 'zhifu', { reason: '不需要' })).statusCode).toBe(403);
    expect((await post(`/payment-batches/${built.id}/cancel`, 'fuhe', { reason: '复核退回：资金来源有误' })).json()).toMatchObject({
      status: 'cancelled',
      released: 1,
    });
    expect((await get(`/payment-batches/${built.id}`, 'city')).json()).toMatchObject({
      status: 'cancelled',
      cancelReason: '复核退回：资金来源有误',
      items: 0,
      allowedActs: [],
    });
    const again = (await post('/payment-batches', 'city', { areaCode: '510402', fundId: FUND })).json();
    expect(again.claims).toBe(1);
    await post(`/payment-batches/${again.id}/confirm`, 'fuhe');
    const late = await post(`/payment-batches/${again.id}/cancel`, 'city', { reason: '晚了' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'invalid_transition']);
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
  });
});
