// Finding a record by its number (GET /records/:number, docs/record-numbers.md): the number says which
// kind of record it is and where its page is, for a reader whose scope holds it; for anyone else the answer
// is the very one a number never issued gets, so a lookup cannot reveal that a record exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { insertEnterprise, insertPeople, insertProvider, residentId, skillUpgradeBody, uscc } from '../support/claims-fixtures.ts';

let t: TestApp;
const ann = residentId(41);
const bob = residentId(42);
const employer = uscc(41);
const cookies: Record<string, string> = {};
let claim: { id: string; number: string };
let project: { id: string; number: string };

const get = (url: string, who: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[who]! } });
const lookup = (number: string, who: string) => get(`/records/${encodeURIComponent(number)}`, who);

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(tx, [
      { residentId: ann, name: '安小芳' },
      { residentId: bob, name: '柏大山' },
    ]);
    await insertEnterprise(tx, { uscc: employer, areaCode: '510402' });
    await insertProvider(tx, 'RL-P1');
  });
  cookies.dongqu = await sessionFor(t, { username: 'rl-dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  cookies.xiqu = await sessionFor(t, { username: 'rl-xiqu', displayName: '西区人社局', role: 'county', areaCode: '510403' });
  cookies.city = await sessionFor(t, { username: 'rl-city', displayName: '市人社局', role: 'city' });
  cookies.ann = await sessionFor(t, { username: 'rl-ann', displayName: '安小芳', role: 'trainee', residentId: ann });
  cookies.bob = await sessionFor(t, { username: 'rl-bob', displayName: '柏大山', role: 'trainee', residentId: bob });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/claims',
    headers: { cookie: cookies.dongqu },
    payload: { ...skillUpgradeBody(ann, { enterpriseUscc: employer }), applicant: 'individual' },
  });
  expect(res.statusCode, res.body).toBe(201);
  claim = { id: res.json().id, number: res.json().number };
  const made = await t.app.inject({
    method: 'POST',
    url: '/api/v1/projects',
    headers: { cookie: cookies.dongqu },
    payload: {
      name: '东区家政项目',
      providerId: 'RL-P1',
      areaCode: '510402',
      selection: 'open_tender',
      perTraineeFen: 100000,
      traineeCount: 10,
      totalFen: 1000000,
      occupationCode: null,
      level: null,
    },
  });
  expect(made.statusCode, made.body).toBe(201);
  project = { id: made.json().id, number: made.json().number };
}, 60_000);
afterAll(() => t.close());

describe('Looking a record up by its number', () => {
  it("a county clerk's claim number leads to the claim's page, typed in any case and with spaces", async () => {
    const res = await lookup(` ${claim.number.toLowerCase()} `, 'dongqu');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ kind: 'claim', kindName: '补贴申领', number: claim.number, path: `/claims/${claim.id}` });
  });

  it('the trainee whose claim it is finds it too; the city finds it', async () => {
    expect((await lookup(claim.number, 'ann')).json().path).toBe(`/claims/${claim.id}`);
    expect((await lookup(claim.number, 'city')).json().path).toBe(`/claims/${claim.id}`);
  });

  it('a project number leads an office of its area to the project list searched for it', async () => {
    const res = await lookup(project.number, 'dongqu');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'project',
      kindName: '项目制培训项目',
      path: `/office/projects?q=${encodeURIComponent(project.number)}`,
    });
  });

  it('outside the reader’s scope a number gets exactly the answer of a number never issued (404 未找到)', async () => {
    const never = claim.number.replace(/\d{6}$/, '999999');
    for (const [who, number] of [
      ['xiqu', claim.number],
      ['bob', claim.number],
      ['xiqu', project.number],
      ['ann', project.number],
    ] as const) {
      const outside = await lookup(number, who);
      const missing = await lookup(number.replace(/\d{6}$/, '999999'), who);
      expect(outside.statusCode, `${who} ${number}`).toBe(404);
      expect(missing.statusCode).toBe(404);
      expect(outside.json().error.message).toContain('未找到');
      // The same words, but for the number itself.
      expect(outside.body.replace(number, 'N')).toBe(missing.body.replace(number.replace(/\d{6}$/, '999999'), 'N'));
    }
    expect((await lookup(never, 'dongqu')).statusCode).toBe(404);
  });

  it('a malformed number is refused with a Chinese message showing the form of a number', async () => {
    const res = await lookup('123', 'dongqu');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('SQ-2021-510422-000123');
    expect((await lookup('ZZ-2021-510402-000001', 'dongqu')).statusCode).toBe(400);
  });

  it('anonymous callers are asked to sign in', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/records/${claim.number}` });
    expect(res.statusCode).toBe(401);
  });
});
