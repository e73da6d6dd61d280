// The session check the web app makes at start: an anonymous visitor gets an answer, not an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
}, 60_000);
afterAll(() => t.close());

describe('GET /auth/session', () => {
  it('answers 200 with no user for an anonymous visitor, where /auth/me answers 401', async () => {
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect([session.statusCode, session.json()]).toEqual([200, { user: null }]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('answers the signed-in user, as /auth/me does, and no user again after logging out', async () => {
    const cookie = await sessionFor(t, { username: 'session-check', displayName: '东区人社局经办员', role: 'county', areaCode: '510402' });
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(session.json()).toEqual({ user: me.json() });
    expect(session.json().user).toMatchObject({ username: 'session-check', role: 'county', areaCode: '510402' });
    expect(session.json().user).not.toHaveProperty('userId');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).json()).toEqual({ user: null });
  });
});
