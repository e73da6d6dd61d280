// Logging in and out: sessions in the database, httpOnly cookies, attempts rate-limited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/app.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
}, 60_000);
afterAll(() => t.close());

describe('Logging in', () => {
  it('health answers ok once the store is reachable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect([res.statusCode, res.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('a user logs in with a session cookie that is httpOnly and SameSite, sees who they are, and logs out', async () => {
    const cookie = await sessionFor(t, {
      username: 'dongqu-reviewer',
      displayName: '东区人社局审核员',
      role: 'county',
      areaCode: '510402',
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ username: 'dongqu-reviewer', role: 'county', areaCode: '510402' });
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error).toMatchObject({ code: 'unauthenticated', message: '请先登录' });
  });

  it('sets the cookie httpOnly and SameSite=Strict', async () => {
    await sessionFor(t, { username: 'city-admin', displayName: '市人社局管理员', role: 'city', areaCode: '510400' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'city-admin', password: 'test-password' },
    });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  });

  it('a wrong password is refused in Chinese, and after five failures even the right one waits', async () => {
    await sessionFor(t, { username: 'provider-1', displayName: '培训机构', role: 'provider' });
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'provider-1', password: 'wrong' } });
      expect([res.statusCode, res.json().error.message]).toEqual([401, '用户名或密码错误']);
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'provider-1', password: 'test-password' },
    });
    expect(res.statusCode).toBe(429);
  });

  it('a malformed login body is a 400 naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field: 'body.username' });
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect([notJson.statusCode, notJson.json().error.code]).toEqual([400, 'invalid_input']);
  });

  it('serves the OpenAPI document built from the zod schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
  });
});
