// Attendance by the trainee's own QR scan (§5.3 过程监督; docs/attendance.md): the provider's classroom
// screen reads a code that changes every 30 seconds, and decides whether a session requires sign-out;
// the trainee's phone posts the scanned code while signed in as themselves.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scanSigninCode } from '../../services/attendance/scan-signin-code.ts';
import { sendSigninSmsCode, SMS_CODE } from '../../services/attendance/send-signin-sms-code.ts';
import { CODE_REFUSED, verifySigninSmsCode } from '../../services/attendance/verify-signin-sms-code.ts';
import { AppError } from '../../services/app-error.ts';
import { setSessionSignout } from '../../services/attendance/set-session-signout.ts';
import { showSigninCode } from '../../services/attendance/show-signin-code.ts';
import { idParam, text } from './fields.types.ts';
import { allow, run, who } from './route-access.ts';
import { ZSigninCode, ZSetSessionSignoutResult, ZScanResult, ZSmsCodeSent } from './signin.types.ts';
import type { Assert, Conforms } from './conforms.ts';

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
        response: { 200: ZSigninCode },
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
        response: { 200: ZSetSessionSignoutResult },
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
        response: { 200: ZScanResult },
      },
      ...allow('trainee'),
    },
    (req) => run(db, (tx) => scanSigninCode(tx, req.actor, req.body)),
  );
  const deviceId = z
    .string()
    .regex(/^[A-Za-z0-9-]{16,64}$/, '设备标识格式不对')
    .describe('手机浏览器中保存的随机设备标识；服务器只保存其摘要');
  app.post(
    '/signin/sms-code',
    {
      schema: {
        tags,
        summary: '无账号签到第一步：扫码后填写身份证号和姓名，验证码以短信发到登记的手机号',
        description:
          `无需登录。无论身份证号是否存在、姓名是否相符，回答都相同。` +
          `每人每 ${SMS_CODE.windowMinutes} 分钟最多 ${SMS_CODE.perPerson} 次、每个来源地址最多 ${SMS_CODE.perAddress} 次，超过时返回 429。`,
        body: z.strictObject({
          sessionId: z.number().int().positive().max(2_000_000_000),
          token: z.string().min(1).max(200),
          residentId: z
            .string()
            .trim()
            .regex(/^\d{17}[\dXx]$/, '身份证号应为 18 位'),
          name: text(50),
        }),
        response: { 200: ZSmsCodeSent },
      },
    },
    (req) => run(db, (tx) => sendSigninSmsCode(tx, { ...req.body, ip: req.ip })),
  );
  app.post(
    '/signin/sms-verify',
    {
      schema: {
        tags,
        summary: '无账号签到第二步：提交短信验证码完成签到或签退（记为“扫码+短信验证”）',
        description: `无需登录。验证码 ${SMS_CODE.ttlMinutes} 分钟内有效，最多尝试 ${SMS_CODE.maxAttempts} 次，只能使用一次。`,
        body: z.strictObject({
          challengeId: z.string().min(1).max(64),
          code: z.string().regex(/^\d{6}$/, '验证码为 6 位数字'),
          deviceId,
        }),
        response: { 200: ZScanResult },
      },
    },
    async (req) => {
      const r = await run(db, (tx) => verifySigninSmsCode(tx, req.body));
      // Thrown after the commit: the refused attempt stays counted.
      if (!r.ok) throw new AppError('invalid_input', CODE_REFUSED, 'body.code');
      return r.result;
    },
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
export type ResponsesConform = [
  Assert<Conforms<typeof showSigninCode, typeof ZSigninCode>>, // GET /classes/:id/sessions/:sessionId/signin-code
  Assert<Conforms<typeof setSessionSignout, typeof ZSetSessionSignoutResult>>, // PUT /classes/:id/sessions/:sessionId/signout
  Assert<Conforms<typeof scanSigninCode, typeof ZScanResult>>, // POST /signin
  Assert<Conforms<typeof sendSigninSmsCode, typeof ZSmsCodeSent>>, // POST /signin/sms-code
];
