import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../services/access.ts';
import { logIn, logOut } from '../../services/auth/sessions.ts';
import { SESSION_COOKIE, secureCookie } from '../app.ts';
import type { Actor } from '../../services/access.ts';
import { ZLogOutResult, ZSession, ZSessionUser } from './auth.types.ts';
import type { Assert, Conforms } from './conforms.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录：成功后设置会话 Cookie',
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: ZSessionUser },
      },
    },
    async (request, reply) => {
      const { token, actor, expiresAt } = await logIn(app.store.db, request.body.username, request.body.password, request.ip);
      request.actor = actor; // the answer is the new session's (the trainee sees their own resident ID)
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookie(request.protocol),
        expires: expiresAt,
      });
      const { userId: _, ...visible } = actor;
      return visible;
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 200: ZLogOutResult } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logOut(app.store.db, token, request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: secureCookie(request.protocol) });
      return { ok: true };
    },
  );

  // The web app's check at start: an anonymous visitor is an answer (null), not an error, so public
  // pages load without a failed request. /auth/me stays the strict form (401 when not signed in).
  app.get(
    '/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: '当前会话：已登录则为用户，否则为空',
        response: { 200: ZSession },
      },
    },
    async (request) => {
      if (!request.actor) return { user: null };
      const { userId: _, ...visible } = request.actor;
      return { user: visible };
    },
  );

  app.get('/auth/me', { schema: { tags: ['auth'], summary: '当前登录用户', response: { 200: ZSessionUser } } }, async (request) => {
    const { userId: _, ...visible } = requireActor(request.actor);
    return visible;
  });
};

// Each response schema carries what its handler sends (conforms.ts; `npm run typecheck`): the actor
// without its user id (the evaluator's issuer id included, which the schema once dropped).
type Visible = Omit<Actor, 'userId'>;
export type ResponsesConform = [
  Assert<Conforms<Visible, typeof ZSessionUser>>, // POST /auth/login, GET /auth/me
  Assert<Conforms<{ user: Visible | null }, typeof ZSession>>, // GET /auth/session
  Assert<Conforms<{ ok: true }, typeof ZLogOutResult>>, // POST /auth/logout
];
