// Running the server: one JSON log line per request with no personal data, Prometheus metrics not
// open to the world, and the liveness and readiness answers of a load balancer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/store/database.ts';
import { seedReferenceData } from '../../src/store/seed/reference-data.ts';
import { seedUser } from '../../src/demo/seed-users.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestStore } from '../support/store.ts';

const RESIDENT_ID = '510402199001011234';
const TOKEN = 'metrics-token-0123456789';

let store: Store;
let app: FastifyInstance;
let guarded: FastifyInstance;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, (tx) => seedReferenceData(tx));
  await inTransaction(store.db, (tx) =>
    seedUser(tx, { username: 'ops-city', password: 'test-password', displayName: '市人社局', role: 'city' }),
  );
  app = await buildApp(store, {
    logger: true,
    requestLog: true,
    logStream: {
      write: (l: string) => {
        lines.push(JSON.parse(l));
      },
    },
  });
  guarded = await buildApp(store, { metricsToken: TOKEN });
}, 120_000);
afterAll(async () => {
  await app.close();
  await guarded.close();
  await store.close();
});

describe('The request log', () => {
  it('writes one line per request with its id, user, route pattern, status and duration, and no password or resident ID', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'ops-city', password: 'test-password' },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/people/${RESIDENT_ID}?name=${encodeURIComponent('张三')}`,
      headers: { cookie, 'x-request-id': 'lb-42' },
    });
    expect(res.headers['x-request-id']).toBe('lb-42');
    const line = lines.find((l) => l.reqId === 'lb-42')!;
    expect(line).toMatchObject({ msg: 'request', method: 'GET', route: '/api/v1/people/:id', status: res.statusCode });
    expect(typeof line.userId).toBe('string');
    expect(typeof line.durationMs).toBe('number');
    const all = JSON.stringify(lines);
    expect(all).not.toContain(RESIDENT_ID);
    expect(all).not.toContain('张三');
    expect(all).not.toContain('test-password');
    expect(all).not.toContain(cookie.split('=')[1]);
  });

  it('redacts a resident ID, name or password even when code logs an object holding one', () => {
    app.log.warn({ claim: { residentId: RESIDENT_ID, name: '李四', amountFen: 100 }, password: 'x' }, 'something odd');
    const line = lines.at(-1)!;
    expect(line.msg).toBe('something odd');
    expect(line.claim).toEqual({ residentId: '[redacted]', name: '[redacted]', amountFen: 100 });
    expect(line.password).toBe('[redacted]');
  });
});

describe('The metrics endpoint', () => {
  it('answers the local machine with request counts by route, the running-figure lag and payment batches by state', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/health' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/upskill_http_requests_total\{method="GET",route="\/api\/v1\/health",status="200"\} \d+/);
    expect(res.body).toContain('upskill_http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/upskill_claim_period_deltas_pending \d+/);
    expect(res.body).toContain('# TYPE upskill_payment_batches gauge');
  });

  it('refuses another machine when no token is set', async () => {
    const res = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.0.0.7' });
    expect(res.statusCode).toBe(403);
  });

  it('asks for the token when one is set, from any address', async () => {
    expect((await guarded.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(403);
    expect(
      (await guarded.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-0123456789' } })).statusCode,
    ).toBe(403);
    const ok = await guarded.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '10.0.0.7',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(ok.statusCode).toBe(200);
  });
});

describe('Liveness and readiness', () => {
  it('are ok while serving, and readiness turns 503 once shutting down while liveness stays ok', async () => {
    expect((await guarded.inject({ method: 'GET', url: '/livez' })).json()).toEqual({ status: 'ok' });
    expect((await guarded.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    guarded.lifecycle.accepting = false;
    const r = await guarded.inject({ method: 'GET', url: '/readyz' });
    expect(r.statusCode).toBe(503);
    expect(r.json()).toEqual({ status: 'shutting_down' });
    expect((await guarded.inject({ method: 'GET', url: '/livez' })).statusCode).toBe(200);
    guarded.lifecycle.accepting = true;
  });
});
