// Sign-in without an account (§5.3 过程监督; docs/attendance.md): a trainee who scanned the classroom's
// QR code types their resident ID and name, and a one-time code is texted (outbox) to the mobile number
// on record for them. The answer is the same whether or not the ID exists, the name matches, the person
// is on the roster or has a number: nothing beyond "if it is you, a text is on its way". Requests are
// counted before anything is looked up, per person and per source address, each in one statement
// (login_throttle's upsert), so parallel requests are all counted and the limit tells nothing either.
import { createHmac, randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { newUuid } from '../../store/ids.ts';
import type { Tx } from '../../store/transaction.ts';
import { AppError } from '../app-error.ts';
import { businessToday } from '../business-date.ts';
import { now } from '../clock.ts';
import { enqueueNotification } from '../notifications/outbox.ts';
import { TOKEN_PROBLEMS } from './scan-signin-code.ts';
import { checkSigninToken, signinKey } from './signin-token.ts';

export const SMS_CODE = {
  digits: 6,
  ttlMinutes: 5,
  maxAttempts: 5,
  windowMinutes: 10,
  perPerson: 3,
  perAddress: 10,
} as const;

export interface SendSmsCodeInput {
  sessionId: number;
  token: string;
  residentId: string;
  name: string;
  /** The request's source address (rate limit). */
  ip: string;
}

export interface SmsCodeSent {
  /** Names this request's code when checking it; a request for no one gets one too, which no code matches. */
  challengeId: string;
  expiresInSeconds: number;
  message: string;
}

/** The code as stored: keyed with the server's sign-in key, so a copy of the table does not give the codes away. */
export const smsCodeHash = (challengeId: string, code: string) =>
  createHmac('sha256', signinKey()).update(`upskill-sms-code:v1:${challengeId}:${code}`).digest('hex');

/** Counts one request on each key in one statement; the counts after it. */
async function countRequest(tx: Tx, keys: string[]): Promise<number[]> {
  const window = sql.raw(`interval '${SMS_CODE.windowMinutes} minutes'`);
  const { rows } = await sql<{ key: string; failures: number }>`
    insert into login_throttle (key, failures, window_started)
    values ${sql.join(keys.map((k) => sql`(${k}, 1, now())`))}
    on conflict (key) do update set
      failures = case when login_throttle.window_started < now() - ${window} then 1 else login_throttle.failures + 1 end,
      window_started = case when login_throttle.window_started < now() - ${window} then now() else login_throttle.window_started end
    returning key, failures`.execute(tx);
  return keys.map((k) => Number(rows.find((r) => r.key === k)?.failures ?? 0));
}

const MESSAGE = `如身份证号和姓名无误、且您在本班花名册中，验证码已通过短信发送到您登记的手机号（${SMS_CODE.ttlMinutes} 分钟内有效）；未收到请联系培训机构`;

export async function sendSigninSmsCode(tx: Tx, input: SendSmsCodeInput): Promise<SmsCodeSent> {
  const at = now();
  const check = checkSigninToken(input.token, at);
  if (!check.ok) throw new AppError('invalid_input', `token: ${TOKEN_PROBLEMS[check.why]}`, 'token');
  if (check.sessionId !== input.sessionId)
    throw new AppError('invalid_input', 'token: 这是另一课次的签到码，请扫描本课次屏幕上的二维码', 'token');
  const residentId = input.residentId.trim().toUpperCase();
  const [person, address] = await countRequest(tx, [`sms-person:${residentId}`, `sms-addr:${input.ip}`]);
  if (person! > SMS_CODE.perPerson || address! > SMS_CODE.perAddress)
    throw new AppError('rate_limited', `获取验证码过于频繁，请 ${SMS_CODE.windowMinutes} 分钟后再试`);

  const answer = (challengeId: string): SmsCodeSent => ({ challengeId, expiresInSeconds: SMS_CODE.ttlMinutes * 60, message: MESSAGE });
  const s = await tx
    .selectFrom('class_sessions')
    .innerJoin('classes', 'classes.id', 'class_sessions.class_id')
    .select([
      'class_sessions.id',
      'class_sessions.class_id',
      'class_sessions.day',
      'class_sessions.starts_at',
      'classes.status',
      'classes.number',
    ])
    .where('class_sessions.id', '=', check.sessionId)
    .executeTakeFirst();
  // The session's own state is no secret (the code on the screen names it); the person's is.
  if (!s) throw new AppError('not_found', '没有找到这个课次');
  if (s.status !== 'running') throw new AppError('conflict', '该培训班不在培训中，不能签到');
  const day = String(s.day).slice(0, 10);
  if (day !== businessToday()) throw new AppError('conflict', '该课次不是今天，不能签到');
  const p = await tx
    .selectFrom('people')
    .innerJoin('class_trainees', 'class_trainees.resident_id', 'people.resident_id')
    .select(['people.resident_id', 'people.name', 'people.phone'])
    .where('people.resident_id', '=', residentId)
    .where('class_trainees.class_id', '=', s.class_id)
    .executeTakeFirst();
  const id = newUuid();
  if (!p || p.name.trim() !== input.name.trim() || !p.phone) return answer(id);
  const code = String(randomInt(0, 10 ** SMS_CODE.digits)).padStart(SMS_CODE.digits, '0');
  await tx
    .insertInto('signin_sms_codes')
    .values({
      id,
      session_id: s.id,
      resident_id: p.resident_id,
      kind: check.kind,
      code_hash: smsCodeHash(id, code),
      expires_at: new Date(at.getTime() + SMS_CODE.ttlMinutes * 60_000),
    })
    .execute();
  await enqueueNotification(tx, {
    topic: 'signin.code',
    body: `您的${check.kind === 'in' ? '签到' : '签退'}验证码：${code}，${SMS_CODE.ttlMinutes} 分钟内有效，仅用于培训班 ${s.number} 今天 ${String(s.starts_at).slice(0, 5)} 的课次。请勿告诉他人；如非本人操作请忽略。`,
    residentId: p.resident_id,
    ref: s.class_id,
  });
  return answer(id);
}
