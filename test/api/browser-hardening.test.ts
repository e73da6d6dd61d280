// Browser-side hardening (docs/access.md): security headers from @fastify/helmet on every answer, a
// cross-site state-changing request refused in Chinese before it does anything, and the session
// cookie `Secure` when the request came over TLS (directly or through a trusted proxy).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, SESSION_COOKIE } from '../../src/api/app.ts';
import { seedUser } from '../../src/demo/seed-users.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, type TestApp } from '../support/api.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, (tx) =>
    seedUser(tx, { username: 'hardening', password: 'test-password', displayName: '测试', role: 'city', areaCode: '510400' }),
  );
}, 60_000);
afterAll(() => t.close());

const login = (headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { username: 'hardening', password: 'test-password' } });

describe('Security headers', () => {
  it('every answer — the web page and the API — carries the CSP, nosniff, Referrer-Policy and no framing', async () => {
    for (const url of ['/', '/review/claims', '/api/v1/health']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
  });
});

describe('Cross-site requests', () => {
  it("a state-changing request from another site's page is refused with a Chinese 403 and changes nothing", async () => {
    const res = await login({ host: 'upskill.example', origin: 'https://evil.example' });
    expect([res.statusCode, res.json().error.code, res.json().error.message]).toEqual([
      403,
      'forbidden',
      '已拒绝跨站请求：请求来源与本系统地址不一致',
    ]);
    expect(res.cookies.some((c) => c.name === SESSION_COOKIE)).toBe(false);
    const opaque = await login({ host: 'upskill.example', origin: 'null' });
    expect(opaque.statusCode).toBe(403);
    const fetchMetadata = await login({ host: 'upskill.example', 'sec-fetch-site': 'cross-site' });
    expect(fetchMetadata.statusCode).toBe(403);
  });

  it('the same origin passes, and so does a non-browser client that sends no Origin', async () => {
    expect((await login({ host: 'upskill.example', origin: 'http://upskill.example' })).statusCode).toBe(200);
    expect((await login()).statusCode).toBe(200);
    // Reading is never refused for its origin (a GET changes nothing).
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { origin: 'https://evil.example' } })).statusCode).toBe(
      200,
    );
  });
});

describe('The session cookie', () => {
  it('is not Secure over plain HTTP, and is Secure when a trusted proxy says the request came over TLS', async () => {
    const plain = (await login()).cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(plain).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(plain.secure).toBeFalsy();
    const proxied = await buildApp(t.store, { trustProxy: true });
    try {
      const res = await proxied.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https', host: 'upskill.example', origin: 'https://upskill.example' },
        payload: { username: 'hardening', password: 'test-password' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    } finally {
      await proxied.close();
    }
  });

  it('is Secure always with UPSKILL_SECURE_COOKIE=always (TLS ended by a proxy the app does not trust)', async () => {
    process.env.UPSKILL_SECURE_COOKIE = 'always';
    try {
      expect((await login()).cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({ secure: true });
    } finally {
      delete process.env.UPSKILL_SECURE_COOKIE;
    }
  });
});
