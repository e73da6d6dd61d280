// The HTTP face of the system: REST JSON under /api/v1, validated at the edge by zod schemas that
// also produce the OpenAPI document (/api/docs). Routes are thin: each declares its schema and who may
// call it, and delegates to a use case in services/.
import { chineseDatesInText } from '../policy/dates.ts';
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyRequest, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { chineseMessage, formatPath } from '../policy/evaluate-input.ts';
import { AppError } from '../services/app-error.ts';
import { XLSX_MIME } from '../services/classes/sheet-file.ts';
import { bytesText, limits } from '../services/limits.ts';
import { checkBusinessDateSetting } from '../services/business-date.ts';
import { actorForToken } from '../services/auth/sessions.ts';
import { maskPersonalData, type Actor } from '../services/access.ts';
import type { Store } from '../store/database.ts';
import { operations, REDACT_PATHS, type OperationsOptions } from './operations.ts';
import { registerRoutes } from './routes/index.ts';
import type { TFieldIssue } from './routes/fields.types.ts';
import { webApp } from './web-app.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    store: Store;
  }
}

export const SESSION_COOKIE = 'upskill_session';
/** A JSON body's limit (uploaded files have their own, limits.ts). */
const BODY_LIMIT = 10 * 1024 * 1024;

/** Request validation with Chinese messages and the product's field paths (`body.startDate`). */
function validatorCompiler({ schema, httpPart }: { schema: ZodType; httpPart?: string }) {
  return (data: unknown) => {
    const result = schema.safeParse(data, { error: chineseMessage });
    if (result.success) return { value: result.data };
    const part = httpPart === 'querystring' ? 'query' : (httpPart ?? 'body');
    const issues: TFieldIssue[] = result.error.issues.map((i) => ({ field: formatPath([part, ...i.path]), message: i.message }));
    return { error: new AppError('invalid_input', `${issues[0]!.field}: ${issues[0]!.message}`, issues[0]!.field, issues) };
  };
}

/**
 * Where in a parsed request part a NUL character (U+0000) is, if anywhere. PostgreSQL cannot store NUL
 * in text, so one reaching a query was a 500; it is refused at the edge instead, naming the place.
 * Iterative (a deeply nested JSON body cannot exhaust the stack).
 */
function nulAt(part: string, value: unknown): string | null {
  const stack: { v: unknown; path: PropertyKey[] }[] = [{ v: value, path: [part] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return formatPath(path);
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
      continue;
    }
    for (const [k, x] of Object.entries(v)) {
      if (k.includes('\u0000')) return formatPath([...path, k.replaceAll('\u0000', '\\0')]);
      stack.push({ v: x, path: [...path, k] });
    }
  }
  return null;
}

/**
 * Use cases name fields relative to their input (`residentId`, `trainees[2].residentId`); over HTTP
 * that input is the body, named as the validator names it (`body.residentId`), so every error of
 * every route speaks the same paths.
 */
function atTheEdge(error: AppError): AppError {
  // Users read dates as 2021年3月2日, never 2021-03-02: whatever day a message names, whichever use case wrote it.
  const text = chineseDatesInText(error.message);
  const relative =
    error.field && (error.code === 'invalid_input' || error.code === 'conflict') && !/^(body|query|params)\b/.test(error.field);
  if (!relative) return text === error.message ? error : new AppError(error.code, text, error.field, error.details);
  const message = text.startsWith(`${error.field}:`) ? `body.${text}` : text;
  return new AppError(error.code, message, `body.${error.field}`, error.details);
}

/**
 * Browser hardening (docs/access.md). The Content-Security-Policy admits only this origin's scripts;
 * styles may be inline because antd writes its CSS-in-JS into <style> elements; no page may frame us.
 */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** UPSKILL_TRUST_PROXY: the reverse proxy in front (`true`, or its addresses/subnets comma-separated); unset = none. */
function trustProxySetting(value = process.env.UPSKILL_TRUST_PROXY): boolean | string {
  if (!value) return false;
  return value === 'true' ? true : value;
}

/** Whether the session cookie is `Secure`: UPSKILL_SECURE_COOKIE=always|never, else when the request came over TLS. */
export function secureCookie(protocol: string, setting = process.env.UPSKILL_SECURE_COOKIE): boolean {
  if (setting === 'always') return true;
  if (setting === 'never') return false;
  return protocol === 'https';
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** UPSKILL_ALLOWED_ORIGINS: other origins (comma-separated) whose pages may call the API, e.g. behind a proxy that rewrites Host. */
const allowedOrigins = () =>
  new Set(
    (process.env.UPSKILL_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
  );

/**
 * A state-changing request from a browser page of another site is refused (403): its Origin header
 * (sent by browsers on every cross-origin and same-origin POST) must be this server's own origin or
 * one allowed by setting. A request without Origin is a non-browser client (the CLI, curl, scripts)
 * and passes — unless the browser's Sec-Fetch-Site says it came from another site.
 */
function crossSiteRefusal(request: Pick<FastifyRequest, 'method' | 'headers' | 'protocol' | 'host'>): AppError | null {
  if (!STATE_CHANGING.has(request.method)) return null;
  const origin = request.headers.origin;
  const refused = new AppError('forbidden', '已拒绝跨站请求：请求来源与本系统地址不一致');
  if (origin === undefined) return request.headers['sec-fetch-site'] === 'cross-site' ? refused : null;
  if (origin === `${request.protocol}://${request.host}` || allowedOrigins().has(origin)) return null;
  return refused;
}

export interface AppOptions extends Partial<OperationsOptions> {
  /** JSON logs on stdout (pino), personal data redacted; request lines need requestLog too. */
  logger?: boolean;
  logLevel?: string;
  /** Where log lines go (default stdout); tests read them here. */
  logStream?: { write(line: string): void };
  /** Behind a load balancer: the client's address and scheme from X-Forwarded-* headers (`true`, or the proxy's addresses). */
  trustProxy?: boolean | string;
  /** Called for each route as it is registered (tests list the routes and their schemas with it). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp(store: Store, options: AppOptions = {}): Promise<FastifyInstance> {
  // A bad UPSKILL_TODAY stops the start with its message rather than failing every dated act later.
  checkBusinessDateSetting();
  const app = Fastify({
    logger: options.logger
      ? {
          level: options.logLevel ?? 'info',
          redact: { paths: REDACT_PATHS, censor: '[redacted]' },
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
    // operations.ts writes one line per request naming the route pattern, not Fastify's URL lines.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: options.trustProxy ?? trustProxySetting(),
    bodyLimit: BODY_LIMIT,
  }).withTypeProvider<ZodTypeProvider>();
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.decorate('store', store);
  app.decorateRequest('actor', null);
  app.setValidatorCompiler(validatorCompiler as never);
  app.setSerializerCompiler(serializerCompiler);
  app.setSchemaErrorFormatter((errors) => (errors[0] as unknown as Error) ?? new Error('invalid'));
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    hsts: { maxAge: 31_536_000, includeSubDomains: false },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'upskill API', description: '攀枝花市职业技能提升行动补贴管理系统接口', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request) => {
    const refusal = crossSiteRefusal(request);
    if (refusal) throw refusal;
    request.actor = await actorForToken(store.db, request.cookies[SESSION_COOKIE]);
  });

  // After access and validation (an anonymous caller still gets 401 first), before any handler reads the store.
  app.addHook('preHandler', async (request) => {
    const at = nulAt('params', request.params) ?? nulAt('query', request.query) ?? nulAt('body', request.body);
    const where = at === 'params.*' ? 'path' : at; // a wildcard route (the web app): the path itself
    if (where) throw new AppError('invalid_input', `${where}: 不能包含空字符（\\0，U+0000）`, where);
  });

  // Personal data by the one rule (access.ts), applied to every JSON answer of every route: a route
  // that forgets to mask cannot show a resident ID or name to a role that must not see it.
  app.addHook('preSerialization', async (request, _reply, payload) => maskPersonalData(request.actor, payload));

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      const e = atTheEdge(error);
      return reply
        .status(e.status)
        .send({ error: { code: e.code, message: e.message, field: e.field ?? null, issues: e.details ?? undefined } });
    }
    if ((error as FastifyError).statusCode && (error as FastifyError).statusCode! < 500) {
      const e = error as FastifyError;
      if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const type = String(request.headers['content-type'] ?? '');
        // A supporting document (附件) has its own limit, whatever its type (docs/attachments.md).
        const attachment = (request.url.split('?')[0] ?? '').endsWith('/attachments');
        const file = attachment || type.startsWith(XLSX_MIME);
        const message = file
          ? `body.file: 文件超过 ${bytesText(attachment ? limits().attachmentBytes : limits().xlsxBytes)} 的上限`
          : `body: 请求体超过 ${bytesText(BODY_LIMIT)} 的上限`;
        return reply.status(413).send({ error: { code: 'invalid_input', message, field: file ? 'body.file' : 'body' } });
      }
      const message =
        e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? '请求体不是有效的 JSON' : e.message;
      return reply.status(e.statusCode!).send({ error: { code: 'invalid_input', message, field: 'body' } });
    }
    request.log.error(error);
    return reply.status(500).send({ error: { code: 'internal', message: '服务器内部错误，请稍后重试', field: null } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `没有这个接口：${request.method} ${request.url}`, field: null } }),
  );

  await app.register(operations, {
    requestLog: options.requestLog ?? options.logger ?? false,
    metricsToken: options.metricsToken,
    lastFoldAt: options.lastFoldAt,
    poolStats: options.poolStats ?? store.poolStats,
  });
  await app.register(registerRoutes, { prefix: '/api/v1' });
  await app.register(webApp);
  return app;
}
