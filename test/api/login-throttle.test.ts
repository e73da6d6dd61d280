// Logins under attack (auth/sessions.ts): every attempt is counted atomically before its password is
// checked, so parallel guesses cannot slip past the limit; the limit is per address (and per user
// from that address), so an attacker cannot lock the owner out; unknown and known users are answered
// in comparable time; logins, failures and logouts are audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/app.ts';
import { logIn, loginDelayMs, THROTTLE } from '../../src/services/auth/sessions.ts';
import { AppError } from '../../src/services/app-error.ts';
import { seedUser } from '../../src/demo/seed-users.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, type TestApp } from '../support/api.ts';

let t: TestApp;
const PASSWORD = 'right-password-1';

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    for (const username of ['city-owner', 'parallel-target', 'timing-known', 'audited', 'spray-1', 'spray-2']) {
      await seedUser(tx, { username, password: PASSWORD, displayName: username, role: 'city', areaCode: '510400' });
    }
  });
}, 60_000);
afterAll(() => t.close());

const login = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

/** What one attempt came to: 200, 401 (checked, wrong), 429 (refused before any check). */
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: unknown) => (e instanceof AppError ? e.status : 500),
  );

describe('Login throttling', () => {
  it('40 parallel guesses are each counted: only the first five are checked, even with the right password among them', async () => {
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 39 ? PASSWORD : `guess-${i}`));
    const results = await Promise.all(guesses.map((g) => outcome(logIn(t.store.db, 'parallel-target', g, '203.0.113.40'))));
    expect(results.filter((s) => s !== 429)).toHaveLength(THROTTLE.pairLimit);
    expect(results.filter((s) => s === 500)).toEqual([]);
    const pair = await t.store.db
      .selectFrom('login_throttle')
      .select('failures')
      .where('key', '=', 'pair:203.0.113.40|parallel-target')
      .executeTakeFirstOrThrow();
    expect(pair.failures).toBe(40);
  }, 60_000);

  it("an attacker's failures do not lock the owner out: the owner logs in from another address", async () => {
    for (let i = 0; i < THROTTLE.pairLimit; i++) expect((await login('city-owner', `wrong-${i}`, '203.0.113.9')).statusCode).toBe(401);
    const refused = await login('city-owner', PASSWORD, '203.0.113.9');
    expect([refused.statusCode, refused.json().error.code]).toEqual([429, 'rate_limited']);
    expect(refused.json().error.message).toMatch(/^登录失败次数过多，请\d+分钟后再试$/);
    const owner = await login('city-owner', PASSWORD, '198.51.100.7');
    expect(owner.statusCode, owner.body).toBe(200);
    expect(owner.cookies.some((c) => c.name === SESSION_COOKIE)).toBe(true);
  }, 30_000);

  it('one address trying many user names is refused past the address limit', async () => {
    const from = '203.0.113.77';
    for (let i = 0; i < THROTTLE.addressLimit; i++) expect((await login(`nobody-${i}`, 'x', from)).statusCode).toBe(401);
    const next = await login('spray-1', PASSWORD, from);
    expect([next.statusCode, next.json().error.message]).toEqual([429, `该地址登录尝试过于频繁，请${THROTTLE.windowMinutes}分钟后再试`]);
    expect((await login('spray-2', PASSWORD, '198.51.100.8')).statusCode).toBe(200);
  }, 120_000);

  it('a user name guessed from many addresses is slowed down, doubling up to a cap, not locked', () => {
    expect([5, 6, 7, 8, 20].map(loginDelayMs)).toEqual([0, 200, 400, 800, THROTTLE.maxDelayMs]);
  });

  it('an unknown user name is answered in about the time a known one with a wrong password is', async () => {
    const time = async (username: string, n: number) => {
      const start = process.hrtime.bigint();
      await outcome(logIn(t.store.db, username, 'wrong-password', `192.0.2.${n}`));
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await time('warm-up-unknown', 200); // the dummy hash is made on first use
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time('timing-known', 10 + i));
      unknown.push(await time(`timing-unknown-${i}`, 20 + i));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown) / median(known);
    expect(ratio, `unknown ${median(unknown).toFixed(1)} ms vs known ${median(known).toFixed(1)} ms`).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  }, 60_000);

  it('a login, a failure and a logout each leave an audit entry (never the password)', async () => {
    const seqBefore = Number(
      (
        await t.store.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('seq').as('m'))
          .executeTakeFirstOrThrow()
      ).m ?? 0,
    );
    expect((await login('audited', 'not-it', '198.51.100.20')).statusCode).toBe(401);
    const ok = await login('audited', PASSWORD, '198.51.100.20');
    const cookie = `${SESSION_COOKIE}=${ok.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie }, remoteAddress: '198.51.100.20' })).statusCode,
    ).toBe(200);
    const entries = await t.store.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'data'])
      .where('seq', '>', seqBefore)
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => [e.actor, e.action])).toEqual([
      ['public', 'auth.login_failed'],
      ['city:audited', 'auth.login'],
      ['city:audited', 'auth.logout'],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/not-it|right-password/);
    expect(entries[0]!.data).toMatchObject({ username: 'audited', ip: '198.51.100.20', reason: 'wrong_password' });
  });
});
