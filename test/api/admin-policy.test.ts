// Policy parameters with effective dates (#5): the city records a dated change; it becomes a local
// package of higher precedence, used by the engine for claims decided afterwards — a claim decided
// before keeps its frozen decision and package. A change the engine would refuse changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARAMETER_SCHEMAS } from '../../src/policy/policy-package.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { insertSafetyClaim } from '../support/admin-fixtures.ts';
import { insertEnterprise, insertPeople, residentId, uscc } from '../support/claims-fixtures.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const firm = uscc(51);
const [before, after, earlier] = [residentId(51), residentId(52), residentId(53)];
const post = (url: string, who: string, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, payload: payload as object });
const get = (url: string, who: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[who]! } });

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(
      tx,
      [before, after, earlier].map((r) => ({ residentId: r, facts: { pensionEntitled: false } })),
    );
    await insertEnterprise(tx, { uscc: firm, educationFund: { 2020: true, 2021: true } });
    await insertSafetyClaim(tx, { id: 'S-BEFORE', residentId: before, uscc: firm, startDate: '2020-08-03' });
    await insertSafetyClaim(tx, { id: 'S-AFTER', residentId: after, uscc: firm, startDate: '2020-08-03' });
    await insertSafetyClaim(tx, { id: 'S-EARLIER', residentId: earlier, uscc: firm, startDate: '2020-05-06' });
  });
  cookies.city = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  cookies.county = await sessionFor(t, { username: 'dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
}, 60_000);
afterAll(() => t.close());

const packages = async () => (await t.store.db.selectFrom('policy_packages').select('id').orderBy('id').execute()).map((r) => r.id);

describe('Policy parameters and dated changes', () => {
  it("shows the shipped package's 31 dated parameters, each with its clause and dates", async () => {
    const res = await get('/policy/parameters', 'city');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.governing).toMatchObject({ id: 'panzhihua-2020-2021', local: false });
    expect(body.items).toHaveLength(31);
    expect(body.items.map((p: { name: string }) => p.name).sort()).toEqual(Object.keys(PARAMETER_SCHEMAS).sort());
    expect(body.items.find((p: { name: string }) => p.name === 'safety.amountYuan')).toMatchObject({
      clause: '§4.10',
      clauseHeading: '四（十）高危行业安全技能培训',
      values: [{ from: '2020-01-01', to: '2021-12-31', value: 1000, changeId: null }],
    });
  });

  it("a claim decided before a change keeps the plan's ¥1,000", async () => {
    const res = await post('/claims/S-BEFORE/decide', 'city');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'eligible', amountFen: 100000 });
  });

  it('refuses a value of the wrong shape or dates outside the plan, naming the field, and writes nothing', async () => {
    const was = await packages();
    const bad = await post('/policy/changes', 'city', {
      parameter: 'safety.amountYuan',
      value: -5,
      validFrom: '2020-07-01',
      validTo: null,
      reason: '测试',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', field: 'body.value' });
    const text = await post('/policy/changes', 'city', {
      parameter: 'safety.amountYuan',
      value: '一千五',
      validFrom: '2020-07-01',
      validTo: null,
      reason: '测试',
    });
    expect(text.json().error.field).toBe('body.value');
    const outside = await post('/policy/changes', 'city', {
      parameter: 'safety.amountYuan',
      value: 1500,
      validFrom: '2019-07-01',
      validTo: null,
      reason: '测试',
    });
    expect(outside.json().error).toMatchObject({ field: 'body.validFrom' });
    expect(outside.json().error.message).toContain('2020年1月1日 至 2021年12月31日');
    const reversed = await post('/policy/changes', 'city', {
      parameter: 'safety.amountYuan',
      value: 1500,
      validFrom: '2020-07-01',
      validTo: '2020-06-01',
      reason: '测试',
    });
    expect(reversed.json().error).toMatchObject({ field: 'body.validTo' });
    const unknown = await post('/policy/changes', 'city', {
      parameter: 'safety.bonus',
      value: 1,
      validFrom: '2020-07-01',
      validTo: null,
      reason: '测试',
    });
    expect(unknown.statusCode).toBe(400);
    expect(await packages()).toEqual(was);
  });

  it('only the city records changes', async () => {
    expect(
      (
        await post('/policy/changes', 'county', {
          parameter: 'safety.amountYuan',
          value: 1500,
          validFrom: '2020-07-01',
          validTo: null,
          reason: '测试',
        })
      ).statusCode,
    ).toBe(403);
    expect((await get('/policy/parameters', 'county')).statusCode).toBe(403);
  });

  it('records ¥1,500 from 2020-07-01 as local package local-0001 of higher precedence, audited', async () => {
    const res = await post('/policy/changes', 'city', {
      parameter: 'safety.amountYuan',
      value: 1500,
      validFrom: '2020-07-01',
      validTo: null,
      reason: '市政府常务会议决定提高标准',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      id: 'PC-0001',
      packageId: 'local-0001',
      basePackageId: 'panzhihua-2020-2021',
      value: 1500,
      validFrom: '2020-07-01',
      validTo: null,
    });
    const view = (await get('/policy/parameters', 'city')).json();
    expect(view.governing).toMatchObject({ id: 'local-0001', local: true, precedence: 11 });
    expect(view.items.find((p: { name: string }) => p.name === 'safety.amountYuan').values).toEqual([
      { from: '2020-01-01', to: '2020-06-30', value: 1000, changeId: null },
      { from: '2020-07-01', to: null, value: 1500, changeId: 'PC-0001' },
    ]);
    const audit = await t.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'policy.change').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'city:city', entity_id: 'local-0001' });
  });

  it('a claim decided after the change gets ¥1,500 under local-0001; one starting before 2020-07-01 keeps ¥1,000', async () => {
    const res = await post('/claims/S-AFTER/decide', 'city');
    expect(res.json()).toMatchObject({ outcome: 'eligible', amountFen: 150000 });
    expect(res.json().trace.policyPackage).toBe('local-0001');
    const early = await post('/claims/S-EARLIER/decide', 'city');
    expect(early.json()).toMatchObject({ outcome: 'eligible', amountFen: 100000 });
  });

  it('the claim decided before the change keeps its frozen decision and package', async () => {
    const row = await t.store.db
      .selectFrom('claims')
      .select(['amount_fen', 'policy_package_id', 'status'])
      .where('id', '=', 'S-BEFORE')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ amount_fen: 100000, policy_package_id: 'panzhihua-2020-2021', status: 'decided' });
    const after = await t.store.db
      .selectFrom('claims')
      .select(['amount_fen', 'policy_package_id'])
      .where('id', '=', 'S-AFTER')
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ amount_fen: 150000, policy_package_id: 'local-0001' });
  });

  it('a second change builds on the first (local-0002 over local-0001): both values survive where they apply', async () => {
    const res = await post('/policy/changes', 'city', {
      parameter: 'safety.amountYuan',
      value: 1200,
      validFrom: '2021-01-01',
      validTo: '2021-06-30',
      reason: '阶段性调整',
    });
    expect(res.statusCode).toBe(201);
    const view = (await get('/policy/parameters', 'city')).json();
    expect(view.governing.id).toBe('local-0002');
    expect(
      view.items
        .find((p: { name: string }) => p.name === 'safety.amountYuan')
        .values.map((v: { from: string; to: string | null; value: number }) => [v.from, v.to, v.value]),
    ).toEqual([
      ['2020-01-01', '2020-06-30', 1000],
      ['2020-07-01', '2020-12-31', 1500],
      ['2021-01-01', '2021-06-30', 1200],
      ['2021-07-01', null, 1500],
    ]);
  });
});

describe('Refusals in Chinese', () => {
  it('says what shape the parameter wants: a list, a whole number, more than zero', async () => {
    const list = await post('/policy/changes', 'city', {
      parameter: 'certificates.safety',
      value: 1200,
      validFrom: '2020-07-01',
      validTo: null,
      reason: '测试',
    });
    expect(list.json().error.message).toBe('参数取值不符合要求：应为列表');
    const zero = await post('/policy/changes', 'city', {
      parameter: 'safety.amountYuan',
      value: 0,
      validFrom: '2020-07-01',
      validTo: null,
      reason: '测试',
    });
    expect(zero.json().error.message).toBe('参数取值不符合要求：应大于 0');
    const member = await post('/policy/changes', 'city', {
      parameter: 'certificates.safety',
      value: ['diploma'],
      validFrom: '2020-07-01',
      validTo: null,
      reason: '测试',
    });
    expect(member.json().error.message).toBe('参数取值不符合要求（0）：含有不允许的取值');
  });
});
