// What the people who run the server see: one JSON log line per request, Prometheus metrics, and the
// liveness and readiness answers a load balancer or orchestrator asks for (docs/operations.md).
// A request line names the route pattern (`/api/v1/people/:id`), never the URL as sent, so no resident
// ID, name or account number in a path or query reaches the logs; bodies are never logged.
import { sql } from 'kysely';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../services/app-error.ts';

/**
 * Keys whose values never reach a log line, wherever they sit in a logged object (pino's redact).
 * Personal data (masked by one rule in services/access for screens) has no place in logs at all.
 */
export const REDACTED_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'residentId',
  'resident_id',
  'name',
  'accountNumber',
  'account_number',
  'bankAccount',
  'bank_account',
  'phone',
  'token',
  'authorization',
  'cookie',
  'set-cookie',
];
const key = (k: string) => (/^\w+$/.test(k) ? `.${k}` : `["${k}"]`);
export const REDACT_PATHS = [
  ...REDACTED_KEYS.flatMap((k) => [key(k).replace(/^\./, ''), `*${key(k)}`, `*.*${key(k)}`]),
  'req.headers.cookie',
  'req.headers.authorization',
];

export interface OperationsOptions {
  /** One JSON line per request (route, status, duration, request and user id). */
  requestLog: boolean;
  /** When set, /metrics needs `Authorization: Bearer <token>`; when not, it answers the local machine only. */
  metricsToken?: string | undefined;
  /** Seconds since the running figures were last folded (serve's 30-second loop); absent outside serve. */
  lastFoldAt?: () => number | null;
  /** The PostgreSQL pool's counts; absent on PGlite (one connection, in a worker). */
  poolStats?: () => { total: number; idle: number; waiting: number };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Readiness: accepting is false once shutting down, so a load balancer stops sending before the port closes. */
    lifecycle: { accepting: boolean };
  }
}

function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? '(no route)';
}

function isLocal(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The metrics registry of one app: request rates and latencies by route, the pool, the fold, payment batches. */
export function createMetrics(app: FastifyInstance, options: OperationsOptions): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'upskill_process_' });
  const requests = new Counter({
    name: 'upskill_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    registers: [registry],
    labelNames: ['method', 'route', 'status'] as const,
  });
  const duration = new Histogram({
    name: 'upskill_http_request_duration_seconds',
    help: 'HTTP request duration by method and route pattern',
    registers: [registry],
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = routeOf(request);
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  new Gauge({
    name: 'upskill_db_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting clients)',
    registers: [registry],
    labelNames: ['state'] as const,
    collect() {
      const s = options.poolStats?.();
      if (!s) return;
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });
  new Gauge({
    name: 'upskill_claim_period_deltas_pending',
    help: 'Delta rows of the running figures not yet folded into claim_period_totals',
    registers: [registry],
    async collect() {
      const r = await sql<{ n: string | number }>`select count(*) as n from claim_period_deltas`.execute(app.store.db);
      this.set(Number(r.rows[0]?.n ?? 0));
    },
  });
  new Gauge({
    name: 'upskill_claim_period_fold_age_seconds',
    help: 'Seconds since this process last folded the running figures (or since it started, before the first fold)',
    registers: [registry],
    collect() {
      const at = options.lastFoldAt?.();
      if (at != null) this.set((Date.now() - at) / 1000);
    },
  });
  new Gauge({
    name: 'upskill_payment_batches',
    help: 'Payment batches by state',
    registers: [registry],
    labelNames: ['state'] as const,
    async collect() {
      const rows = await app.store.db
        .selectFrom('payment_batches')
        .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
        .groupBy('status')
        .execute();
      this.reset();
      for (const r of rows) this.set({ state: r.status }, Number(r.n));
    },
  });
  return registry;
}

const operationsPlugin: FastifyPluginAsync<OperationsOptions> = async (app, options) => {
  app.decorate('lifecycle', { accepting: true });

  if (options.requestLog) {
    app.addHook('onResponse', async (request, reply) => {
      request.log.info(
        {
          reqId: request.id,
          userId: request.actor?.userId ?? null,
          method: request.method,
          route: routeOf(request),
          status: reply.statusCode,
          durationMs: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request',
      );
    });
  }
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const registry = createMetrics(app, options);
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const auth = request.headers.authorization ?? '';
    const allowed = options.metricsToken
      ? auth.startsWith('Bearer ') && sameToken(auth.slice('Bearer '.length), options.metricsToken)
      : isLocal(request.socket.remoteAddress ?? '');
    if (!allowed)
      throw new AppError('forbidden', options.metricsToken ? '需要正确的监控令牌' : '监控指标只对本机开放（或配置 UPSKILL_METRICS_TOKEN）');
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });

  // Liveness: the process answers (no database call: a slow database must not get the process restarted).
  app.get('/livez', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  // Readiness: the store answers and the process is not shutting down.
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    if (!app.lifecycle.accepting) return reply.status(503).send({ status: 'shutting_down' });
    try {
      await sql`select 1`.execute(app.store.db);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'store_unreachable' });
    }
  });
};

/** Not encapsulated (fastify-plugin): its hooks see every route of the app. */
export const operations = fp(operationsPlugin, { name: 'upskill-operations' });
