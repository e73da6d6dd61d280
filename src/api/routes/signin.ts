// Attendance by the trainee's own QR scan (§5.3 过程监督; docs/attendance.md): the provider's classroom
// screen reads a code that changes every 30 seconds, and decides whether a session requires sign-out;
// the trainee's phone posts the scanned code while signed in as themselves.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scanSigninCode } from '../../services/attendance/scan-signin-code.ts';
import { setSessionSignout } from '../../services/attendance/set-session-signout.ts';
import { showSigninCode } from '../../services/attendance/show-signin-code.ts';
import { idParam } from './fields.types.ts';
import { allow, run, who } from './route-access.ts';

const tags = ['classes'];
const sessionParams = idParam.extend({ sessionId: z.coerce.number().int().positive().max(2_000_000_000) });

export const signinRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  app.get(
    '/classes/:id/sessions/:sessionId/signin-code',
    {
      schema: {
        tags,
        summary: '课堂签到码（每 30 秒更换；仅上课当天、培训中的班）',
        description: `${who('provider')}。kind=in 签到码（默认），kind=out 签退码（仅要求签退的课次）。`,
        params: sessionParams,
        querystring: z.object({ kind: z.enum(['in', 'out']).default('in') }),
      },
      ...allow('provider'),
    },
    (req) => run(db, (tx) => showSigninCode(tx, req.actor, req.params.id, req.params.sessionId, req.query.kind)),
  );
  app.put(
    '/classes/:id/sessions/:sessionId/signout',
    {
      schema: {
        tags,
        summary: '设置课次是否要求签退（有考勤记录后不能更改）',
        description: who('provider'),
        params: sessionParams,
        body: z.strictObject({ requiresSignout: z.boolean() }),
      },
      ...allow('provider'),
    },
    (req) => run(db, (tx) => setSessionSignout(tx, req.actor, req.params.id, req.params.sessionId, req.body.requiresSignout)),
  );
  app.post(
    '/signin',
    {
      schema: {
        tags,
        summary: '学员扫码签到或签退（本人登录）',
        description: `${who('trainee')}。同一课次重复扫码不会重复记录。`,
        body: z.strictObject({
          sessionId: z.number().int().positive().max(2_000_000_000),
          token: z.string().min(1).max(200),
          deviceId: z
            .string()
            .regex(/^[A-Za-z0-9-]{16,64}$/, '设备标识格式不对')
            .describe('手机浏览器中保存的随机设备标识；服务器只保存其摘要'),
        }),
      },
      ...allow('trainee'),
    },
    (req) => run(db, (tx) => scanSigninCode(tx, req.actor, req.body)),
  );
};
