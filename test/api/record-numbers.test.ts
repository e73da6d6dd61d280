// Records people can read (docs/record-numbers.md): a claim gets its number when it is submitted, the
// lists show it with the names beside the codes and find a claim by its number or the trainee's name,
// and the messages of the acts on a claim or a class name it by its number — never by an internal id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { insertEnterprise, insertPeople, residentId, skillUpgradeBody, uscc } from '../support/claims-fixtures.ts';

let t: TestApp;
const ann = residentId(31);
const bob = residentId(32);
const employer = uscc(31);
const cookies: Record<string, string> = {};
const claims: { id: string; number: string }[] = [];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const NUMBER = /^SQ-2020-510402-\d{6}$/;

const post = (url: string, who: string, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, payload: payload as object });
const get = (url: string, who: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[who]! } });

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(tx, [
      { residentId: ann, name: '安小芳' },
      { residentId: bob, name: '柏大山' },
    ]);
    await insertEnterprise(tx, { uscc: employer, areaCode: '510402' });
  });
  cookies.dongqu = await sessionFor(t, { username: 'rn-dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  cookies.finance = await sessionFor(t, { username: 'rn-finance', displayName: '市财政局', role: 'department', department: 'finance' });
  for (const person of [ann, bob]) {
    const res = await post('/claims', 'dongqu', { ...skillUpgradeBody(person, { enterpriseUscc: employer }), applicant: 'individual' });
    expect(res.statusCode, res.body).toBe(201);
    claims.push({ id: res.json().id, number: res.json().number });
  }
}, 60_000);
afterAll(() => t.close());

describe('Claim numbers', () => {
  it('a submitted claim is given the next number of its area and year, returned with the confirmation', () => {
    expect(claims[0]!.number).toMatch(NUMBER);
    expect(claims[1]!.number).toMatch(NUMBER);
    expect(Number(claims[1]!.number.slice(-6))).toBe(Number(claims[0]!.number.slice(-6)) + 1);
  });

  it("the list shows each claim's number, the trainee's name and the enterprise's name beside its code", async () => {
    const res = await get('/claims?sort=submittedAt', 'dongqu');
    expect(res.statusCode).toBe(200);
    const first = res.json().items.find((c: { id: string }) => c.id === claims[0]!.id);
    expect(first).toMatchObject({ number: claims[0]!.number, traineeName: '安小芳', residentId: ann, enterpriseUscc: employer });
    expect(first.enterpriseName).toBe('测试企业');
  });

  it("the list finds a claim by its number, in any case and with spaces, and by part of the trainee's name", async () => {
    const byNumber = (await get(`/claims?q=${encodeURIComponent(` ${claims[1]!.number.toLowerCase()} `)}`, 'dongqu')).json();
    expect(byNumber.items.map((c: { id: string }) => c.id)).toEqual([claims[1]!.id]);
    const byName = (await get(`/claims?q=${encodeURIComponent('小芳')}`, 'dongqu')).json();
    expect(byName.items.map((c: { id: string }) => c.id)).toEqual([claims[0]!.id]);
  });

  it('a role shown names masked sees 安** and cannot find a claim by guessing the name, only by its number', async () => {
    const all = (await get('/claims', 'finance')).json();
    expect(all.items.find((c: { id: string }) => c.id === claims[0]!.id)).toMatchObject({ traineeName: '安**', number: claims[0]!.number });
    expect((await get(`/claims?q=${encodeURIComponent('安小芳')}`, 'finance')).json().total).toBe(0);
    expect((await get(`/claims?q=${encodeURIComponent(claims[0]!.number)}`, 'finance')).json().total).toBe(1);
  });

  it('the acts refused on a withdrawn claim name it by its number, and no message of a claim or class act shows an internal id', async () => {
    const withdrawn = claims[1]!;
    expect((await post(`/claims/${withdrawn.id}/withdraw`, 'dongqu', { reason: '申请人撤回' })).statusCode).toBe(200);
    const acts: [string, unknown][] = [
      ['decide', {}],
      ['review', {}],
      ['reject', { reason: '不符合' }],
      ['withdraw', {}],
      ['approve', {}],
    ];
    for (const [act, body] of acts) {
      const res = await post(`/claims/${withdrawn.id}/${act}`, 'dongqu', body);
      expect(res.statusCode, `${act}: ${res.body}`).toBeGreaterThanOrEqual(400);
      const message: string = res.json().error.message;
      expect(message, act).not.toMatch(UUID);
      expect(message, act).toContain(withdrawn.number);
    }
    // Not found: an id that does not exist (or is outside the actor's slice) is not echoed back.
    const ghost = 'CL-0b7c3c5e-8f1a-4d2b-9c3e-5a6f7b8c9d0e';
    for (const url of [
      `/claims/${ghost}/decide`,
      `/claims/${ghost}/review`,
      `/claims/${ghost}/approve`,
      `/classes/${ghost.slice(3)}/submit`,
      `/classes/${ghost.slice(3)}/approve`,
      `/classes/${ghost.slice(3)}/close`,
    ]) {
      const res = await post(url, 'dongqu', {});
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.json().error.message, url).not.toMatch(UUID);
    }
  });
});
