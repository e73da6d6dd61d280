// The browser app (web/, built by Vite into web/dist) served from the same origin as the API, so the
// httpOnly session cookie needs no CORS. Hashed files under /assets/ are cached for a year; every
// other path that is not /api is the single-page app's index.html (the browser router takes over).
// Unknown /api paths keep the API's JSON 404.
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface WebAppOptions {
  /** The built app; default web/dist (UPSKILL_WEB_DIST overrides). */
  dist?: string;
}

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>网页尚未构建</title>
<body style="font-family: sans-serif; padding: 2em"><h1>网页尚未构建</h1>
<p>请先运行 <code>npm run build:web</code>，或用 <code>npm start</code> 启动（会自动构建）。接口仍可使用：<a href="/api/docs">/api/docs</a>。</p></body></html>`;

export const webApp: FastifyPluginAsync<WebAppOptions> = async (app, options) => {
  const dist = options.dist ?? process.env.UPSKILL_WEB_DIST ?? DEFAULT_WEB_DIST;
  const index = join(dist, 'index.html');
  const built = existsSync(index);
  const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

  if (built && existsSync(join(dist, 'assets'))) {
    await app.register(fastifyStatic, {
      root: join(dist, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      // File names carry their content hash: a changed file is a new name.
      immutable: true,
      maxAge: '365d',
    });
  }
  // Top-level files Vite copies from web/public (favicon, robots.txt): served as they are.
  const topLevel = new Set(built ? readdirSync(dist).filter((f) => f !== 'index.html' && statSync(join(dist, f)).isFile()) : []);
  await app.register(fastifyStatic, { root: dist, serve: false, decorateReply: true, index: false });

  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (isApi(path)) return reply.callNotFound();
    // Security headers (CSP, nosniff, Referrer-Policy, frame-ancestors) come from helmet in app.ts.
    if (!built) return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    let name = '';
    try {
      name = decodeURIComponent(path.slice(1));
    } catch {
      // A malformed escape is no file name: the app's index answers it.
    }
    // The phone's QR sign-in page: its own small entry (docs/attendance.md).
    if ((path === '/signin' || path.startsWith('/signin/')) && topLevel.has('signin.html'))
      return reply.header('cache-control', 'no-cache').sendFile('signin.html', dist, { cacheControl: false });
    // The trainee's online-learning page: another small phone entry (docs/online-learning.md).
    if ((path === '/learn' || path.startsWith('/learn/')) && topLevel.has('learn.html'))
      return reply.header('cache-control', 'no-cache').sendFile('learn.html', dist, { cacheControl: false });
    // The phone's enrolment page (docs/open-classes.md): its own small entry too.
    if ((path === '/enrol' || path.startsWith('/enrol/')) && topLevel.has('enrol.html'))
      return reply.header('cache-control', 'no-cache').sendFile('enrol.html', dist, { cacheControl: false });
    if (topLevel.has(name)) return reply.sendFile(name, dist, { maxAge: '1h' });
    // index.html names the current hashed assets: always revalidated.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', dist, { cacheControl: false });
  });
};
