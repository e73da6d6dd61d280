// The classroom screen's QR code (§5.3 过程监督): the provider of a running class shows, for one of
// today's sessions, a sign-in (or sign-out) code that changes every 30 seconds; the trainees scan it
// with their phones (scan-signin-code.ts). Reading the code changes nothing.
import { requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { businessToday } from '../business-date.ts';
import { now } from '../clock.ts';
import { notFound } from '../record-scope.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classInScope } from '../classes/class-scope.ts';
import { assertClassStatus } from '../classes/class-status.ts';
import { signinToken, tokenTimes, type SigninKind } from './signin-token.ts';

export interface SigninCode {
  sessionId: number;
  kind: SigninKind;
  /** Path of the mobile page the QR code opens (the screen adds its own origin). */
  path: string;
  token: string;
  /** The screen shows the next code from this instant; this one is accepted until validUntil. */
  refreshAt: string;
  validUntil: string;
  session: { day: string; startsAt: string; endsAt: string; requiresSignout: boolean };
  signedIn: number;
  signedOut: number;
  roster: number;
}

export async function showSigninCode(
  tx: Tx,
  actor: Actor | null,
  classId: string,
  sessionId: number,
  kind: SigninKind,
): Promise<SigninCode> {
  const a = requireRole(actor, 'provider');
  const cls = await tx.selectFrom('classes').select(['id', 'status']).where('id', '=', classId).where(classInScope(a)).executeTakeFirst();
  if (!cls) throw notFound('培训班', classId);
  assertClassStatus(cls.status, ['running'], '展示签到码');
  const s = await tx
    .selectFrom('class_sessions')
    .select(['id', 'day', 'starts_at', 'ends_at', 'requires_signout'])
    .where('id', '=', sessionId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
  if (!s) throw new AppError('invalid_input', 'sessionId: 本班没有这一课次', 'sessionId');
  const day = String(s.day).slice(0, 10);
  const today = businessToday();
  if (day !== today) throw new AppError('conflict', `该课次在 ${day}，只能在上课当天（今天是 ${today}）展示签到码`);
  if (kind === 'out' && !s.requires_signout) throw new AppError('conflict', '本课次不要求签退，无需展示签退码');
  const counts = await tx
    .selectFrom('attendance')
    .select((eb) => [eb.fn.countAll<string>().as('signed_in'), eb.fn.count<string>('signed_out_at').as('signed_out')])
    .where('session_id', '=', sessionId)
    .where('manual', '=', false)
    .executeTakeFirstOrThrow();
  const roster = await tx
    .selectFrom('class_trainees')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('class_id', '=', classId)
    .executeTakeFirstOrThrow();
  const at = now();
  const token = signinToken(sessionId, kind, at);
  const { refreshAt, validUntil } = tokenTimes(at);
  return {
    sessionId,
    kind,
    path: `/signin/${sessionId}?t=${encodeURIComponent(token)}`,
    token,
    refreshAt: refreshAt.toISOString(),
    validUntil: validUntil.toISOString(),
    session: { day, startsAt: s.starts_at.slice(0, 5), endsAt: s.ends_at.slice(0, 5), requiresSignout: s.requires_signout },
    signedIn: Number(counts.signed_in),
    signedOut: Number(counts.signed_out),
    roster: Number(roster.n),
  };
}
