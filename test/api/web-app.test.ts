// The browser app is served from the API's origin: hashed assets cached for a year, every other
// non-API path answered with the app's index.html (the browser router decides), unknown API paths
// still the API's JSON 404 — and a clear Chinese page when the app has not been built.
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApp } from '../../src/api/web-app.ts';

const INDEX = '<!doctype html><title>攀枝花</title><div id="root"></div>';
let dir = '';

async function appFor(dist: string): Promise<FastifyInstance> {
  const app = Fastify();
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `没有这个接口：${req.method} ${req.url}` } }),
  );
  app.get('/api/v1/health', async () => ({ status: 'ok' }));
  await app.register(webApp, { dist });
  return app;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'upskill-web-'));
  mkdirSync(join(dir, 'dist/assets'), { recursive: true });
  writeFileSync(join(dir, 'dist/index.html'), INDEX);
  writeFileSync(join(dir, 'dist/assets/index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'dist/robots.txt'), 'User-agent: *');
  writeFileSync(join(dir, 'secret.txt'), 'outside the app');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('The built web app on the same origin as the API', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appFor(join(dir, 'dist'));
  });
  afterAll(() => app.close());

  it('serves the app at / and at any screen path, never cached', async () => {
    for (const url of ['/', '/claims', '/claims/CL-1?status=decided', '/catalog?page=2']) {
      const res = await app.inject({ url });
      expect([url, res.statusCode, res.body]).toEqual([url, 200, INDEX]);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('serves the top-level files of the build as they are', async () => {
    expect((await app.inject({ url: '/robots.txt' })).body).toBe('User-agent: *');
  });

  it("keeps the API's JSON 404 for unknown API paths, whatever the method", async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nope'],
      ['GET', '/api'],
      ['POST', '/claims'],
      ['GET', '/api/v1/claims/x/y'],
    ] as const) {
      const res = await app.inject({ method, url });
      expect([method, url, res.statusCode, res.json().error.code]).toEqual([method, url, 404, 'not_found']);
    }
    expect((await app.inject({ url: '/api/v1/health' })).json()).toEqual({ status: 'ok' });
  });

  it('never serves a file outside the build', async () => {
    for (const url of ['/assets/../../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%E0%A4%A']) {
      const res = await app.inject({ url });
      expect(res.body, url).not.toContain('outside the app');
    }
  });
});

describe('Before the web app is built', () => {
  it('says so in Chinese, and the API still answers', async () => {
    const app = await appFor(join(dir, 'missing'));
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
    expect(res.body).toContain('网页尚未构建');
    expect((await app.inject({ url: '/api/v1/nope' })).statusCode).toBe(404);
    await app.close();
  });
});
