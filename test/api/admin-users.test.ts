// Users and roles (#5): only the city creates logins (each tied to what its role acts for), disables
// them (their sessions end at once) and resets passwords; every change is audited, never the password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/app.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { insertEnterprise, insertPeople, residentId, uscc } from '../support/claims-fixtures.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const person = residentId(41);
const firm = uscc(41);
const post = (url: string, who: string | null, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: who ? { cookie: cookies[who]! } : {}, payload: payload as object });
const get = (url: string, who: string | null) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who ? { cookie: cookies[who]! } : {} });
const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const cookieOf = (res: Awaited<ReturnType<typeof login>>) =>
  `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
const auditOf = (action: string) => t.store.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(tx, [{ residentId: person, name: '王用户' }]);
    await insertEnterprise(tx, { uscc: firm });
  });
  cookies.city = await sessionFor(t, { username: 'city-admin', displayName: '市人社局', role: 'city', areaCode: '510400' });
  cookies.county = await sessionFor(t, { username: 'dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
}, 60_000);
afterAll(() => t.close());

describe('Users and roles, managed by the city', () => {
  let userId = '';

  it('the city creates a county login for 仁和区; it logs in and acts for that area', async () => {
    const res = await post('/users', 'city', {
      username: 'renhe2',
      displayName: '仁和区人社局（二）',
      password: 'Jinsha-river-21',
      role: 'county',
      areaCode: '510411',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'renhe2', role: 'county', areaCode: '510411', active: true });
    expect(res.json()).not.toHaveProperty('passwordHash');
    userId = res.json().id;
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: cookieOf(await login('renhe2', 'Jinsha-river-21')) },
    });
    expect(me.json()).toMatchObject({ role: 'county', areaCode: '510411' });
    const row = await t.store.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    const [entry] = await auditOf('user.create').then((rows) => rows.filter((r) => r.entity_id === userId));
    expect(entry!.actor).toBe('city:city-admin');
    expect(JSON.stringify(entry!.data)).not.toContain('Jinsha-river-21');
  });

  it('each role names what it acts for, and it must be on record', async () => {
    const trainee = await post('/users', 'city', {
      username: 'wang',
      displayName: '王用户',
      password: 'Dadukou-88z',
      role: 'trainee',
      residentId: person,
    });
    expect(trainee.statusCode).toBe(201);
    expect(trainee.json().residentId).toBe(person);
    const ent = await post('/users', 'city', {
      username: 'firm41',
      displayName: '测试企业',
      password: 'Bingcaogang-6',
      role: 'enterprise',
      enterpriseUscc: firm,
    });
    expect(ent.statusCode).toBe(201);
    const noArea = await post('/users', 'city', { username: 'x1', displayName: '某局', password: 'Kangyang-2021x', role: 'county' });
    expect(noArea.statusCode).toBe(400);
    expect(noArea.json().error).toMatchObject({ code: 'invalid_input', field: 'body.areaCode' });
    expect(noArea.json().error.message).toContain('所属县（区）');
    const cityArea = await post('/users', 'city', {
      username: 'x2',
      displayName: '某局',
      password: 'Kangyang-2021x',
      role: 'county',
      areaCode: '510400',
    });
    expect(cityArea.json().error).toMatchObject({ field: 'body.areaCode' });
    const nobody = await post('/users', 'city', {
      username: 'x3',
      displayName: '某人',
      password: 'Kangyang-2021x',
      role: 'trainee',
      residentId: residentId(999),
    });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error).toMatchObject({ field: 'body.residentId' });
    const unknownProvider = await post('/users', 'city', {
      username: 'x4',
      displayName: '某机构',
      password: 'Kangyang-2021x',
      role: 'provider',
      providerId: 'NOPE',
    });
    expect(unknownProvider.json().error).toMatchObject({ field: 'body.providerId' });
    expect(await t.store.db.selectFrom('users').select('id').where('username', 'in', ['x1', 'x2', 'x3', 'x4']).execute()).toEqual([]);
  });

  it('refuses a taken user name (409) and a weak password (400), naming the field', async () => {
    const taken = await post('/users', 'city', {
      username: 'renhe2',
      displayName: '重复',
      password: 'Kangyang-2021x',
      role: 'county',
      areaCode: '510411',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'conflict', field: 'body.username' });
    const weak = await post('/users', 'city', {
      username: 'weak',
      displayName: '弱密码',
      password: 'abcdefgh',
      role: 'county',
      areaCode: '510411',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ field: 'body.password', message: '密码须同时包含字母和数字' });
  });

  it("refuses a password that is easy to guess: a common one, a keyboard walk, a repeat, or the account's own name", async () => {
    for (const password of ['password1', '1qaz2wsx', 'a1b2c3d4', 'aaaaaaaa1', 'yanbian2021']) {
      const res = await post('/users', 'city', {
        username: 'yanbian',
        displayName: '盐边县人社局',
        password,
        role: 'county',
        areaCode: '510422',
      });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.field, password).toBe('body.password');
      expect(res.json().error.message, password).toMatch(/太容易被猜中/);
    }
    expect((await get('/users?q=yanbian', 'city')).json().total).toBe(0);
    const fine = await post('/users', 'city', {
      username: 'yanbian',
      displayName: '盐边县人社局',
      password: 'Tongzilin-7x',
      role: 'county',
      areaCode: '510422',
    });
    expect(fine.statusCode, fine.body).toBe(201);
    // A reset is held to the same rule.
    const reset = await post(`/users/${fine.json().id}/password`, 'city', { password: 'qwerty123' });
    expect(reset.json().error).toMatchObject({ field: 'body.password', message: expect.stringMatching(/太容易被猜中/) });
  });

  it('lists users by role and name, paged', async () => {
    const res = await get('/users?role=county&q=renhe', 'city');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { username: string }) => u.username)).toEqual(['renhe2']);
    expect(res.json().total).toBe(1);
  });

  it('disabling a user ends its open session and refuses its logins; enabling restores them', async () => {
    const session = cookieOf(await login('renhe2', 'Jinsha-river-21'));
    const off = await post(`/users/${userId}/active`, 'city', { active: false, reason: '人员调离' });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session } })).statusCode).toBe(401);
    expect((await login('renhe2', 'Jinsha-river-21')).statusCode).toBe(401);
    const again = await post(`/users/${userId}/active`, 'city', { active: false, reason: '重复' });
    expect(again.statusCode).toBe(409);
    expect((await post(`/users/${userId}/active`, 'city', { active: true, reason: '恢复' })).json().active).toBe(true);
    expect((await login('renhe2', 'Jinsha-river-21')).statusCode).toBe(200);
    expect((await auditOf('user.disable')).map((e) => e.entity_id)).toEqual([userId]);
    expect((await auditOf('user.enable')).map((e) => e.entity_id)).toEqual([userId]);
  });

  it('the city cannot disable its own login', async () => {
    const me = await t.store.db.selectFrom('users').select('id').where('username', '=', 'city-admin').executeTakeFirstOrThrow();
    const res = await post(`/users/${me.id}/active`, 'city', { active: false, reason: '误操作' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('不能停用自己的账号');
  });

  it('resetting a password: the old one stops working, the new one works, open sessions end; audited without the password', async () => {
    const session = cookieOf(await login('renhe2', 'Jinsha-river-21'));
    const res = await post(`/users/${userId}/password`, 'city', { password: 'Renhe-reset-2022' });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session } })).statusCode).toBe(401);
    expect((await login('renhe2', 'Jinsha-river-21')).statusCode).toBe(401);
    expect((await login('renhe2', 'Renhe-reset-2022')).statusCode).toBe(200);
    const entries = await auditOf('user.reset_password');
    expect(entries.map((e) => e.entity_id)).toEqual([userId]);
    expect(JSON.stringify(entries[0]!.data)).not.toContain('Renhe-reset-2022');
    expect((await post('/users/nobody/password', 'city', { password: 'Renhe-reset-2022' })).statusCode).toBe(404);
  });

  it('only the city: a county office and anonymous callers are refused', async () => {
    expect((await get('/users', 'county')).statusCode).toBe(403);
    expect(
      (await post('/users', 'county', { username: 'x9', displayName: 'x', password: 'Kangyang-2021x', role: 'county', areaCode: '510402' }))
        .statusCode,
    ).toBe(403);
    expect((await post(`/users/${userId}/password`, 'county', { password: 'Kangyang-2021x' })).statusCode).toBe(403);
    expect((await post(`/users/${userId}/active`, 'county', { active: false, reason: 'x' })).statusCode).toBe(403);
    expect((await get('/users', null)).statusCode).toBe(401);
  });
});
