// A trainee signs in (or out) by scanning the classroom's QR code (§5.3 过程监督: attendance the
// trainee proves in person, not a mark typed in afterwards). The trainee is signed in to the system as
// themselves (or proves who they are by a texted code: verify-signin-sms-code.ts); the server records its
// own time (clock.ts), the method and a hash of the phone's device id, and refuses a code that is not genuine, out of its window, for another session, a
// session not held today, or a person not on the class's roster. Scanning again changes nothing
// (已签到). Where the session requires sign-out, the attended hours are the signed span inside the
// session (session-moment.ts); until then the sign-in alone proves no hours.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { businessToday } from '../business-date.ts';
import { now } from '../clock.ts';
import { appendAudit, appendAuditEntries, type Tx } from '../../store/audit-log.ts';
import { hoursFromSpan } from './session-moment.ts';
import { checkSigninToken, deviceHash } from './signin-token.ts';

export interface ScanInput {
  /** The session the page was opened for (the QR code's path); the token must be that session's. */
  sessionId: number;
  token: string;
  /** The mobile page's own random device id (kept in the phone's browser); only its hash is stored. */
  deviceId: string;
}

export interface ScanResult {
  kind: 'in' | 'out';
  /** false: this person had already signed in (out) for this session; nothing was changed. */
  recorded: boolean;
  message: string;
  signedAt: string;
  signedOutAt: string | null;
  hours: number | null;
  classNumber: string;
  session: { day: string; startsAt: string; endsAt: string };
}

export const TOKEN_PROBLEMS = {
  malformed: '签到码无效：请用手机扫描培训机构屏幕上的二维码',
  forged: '签到码无效：请用手机扫描培训机构屏幕上的二维码',
  expired: '签到码已过期（每 30 秒更换一次）：请重新扫描屏幕上最新的二维码',
  future: '签到码的时间不对：请检查手机时间后重新扫描',
} as const;

/** How the person proved who they are: signed in to their own account, or resident ID + name + a texted code. */
export type ScanMethod = 'qr' | 'qr_code_sms';

/** A scan whose code was genuine and whose person is established, by either method. */
export interface Scan {
  /** The audit entry's actor. */
  who: string;
  residentId: string;
  sessionId: number;
  kind: 'in' | 'out';
  at: Date;
  /** The device id's hash (deviceHash). */
  device: string;
  method: ScanMethod;
}

/** One scan at its own instant, as the demo's load replays a classroom's scans (scanSigninCodesAt). */
export interface TimedScan extends ScanInput {
  actor: Actor | null;
  at: Date;
}

type SessionRow = Awaited<ReturnType<typeof sessionOf>>;

function scanner(actor: Actor | null) {
  const a = requireRole(actor, 'trainee');
  if (!a.residentId) throw new AppError('forbidden', '该账号未关联本人身份证号，不能签到');
  return { who: actorLabel(a), residentId: a.residentId };
}

function tokenOf(input: ScanInput, at: Date) {
  const check = checkSigninToken(input.token, at);
  if (!check.ok) throw new AppError('invalid_input', `token: ${TOKEN_PROBLEMS[check.why]}`, 'token');
  if (check.sessionId !== input.sessionId)
    throw new AppError('invalid_input', 'token: 这是另一课次的签到码，请扫描本课次屏幕上的二维码', 'token');
  return check;
}

/** The session a genuine token names, refused unless its class is running and it is held today. */
async function sessionOf(tx: Tx, sessionId: number) {
  const s = await tx
    .selectFrom('class_sessions')
    .innerJoin('classes', 'classes.id', 'class_sessions.class_id')
    .select([
      'class_sessions.id',
      'class_sessions.class_id',
      'class_sessions.day',
      'class_sessions.starts_at',
      'class_sessions.ends_at',
      'class_sessions.hours',
      'class_sessions.requires_signout',
      'classes.status',
      'classes.number',
    ])
    .where('class_sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!s) throw new AppError('not_found', '没有找到这个课次');
  if (s.status !== 'running') throw new AppError('conflict', '该培训班不在培训中，不能签到');
  const day = String(s.day).slice(0, 10);
  const today = businessToday();
  if (day !== today) throw new AppError('conflict', `该课次在 ${day}，不是今天（${today}），不能签到`);
  return { ...s, day, session: { day, startsAt: s.starts_at.slice(0, 5), endsAt: s.ends_at.slice(0, 5) } };
}

/** Refuses the scan of anyone not on the class's roster (one statement for all the scanners). */
async function requireOnRoster(tx: Tx, classId: string, residentIds: string[]): Promise<void> {
  const on = await tx
    .selectFrom('class_trainees')
    .select('resident_id')
    .where('class_id', '=', classId)
    .where('resident_id', 'in', residentIds)
    .execute();
  if (on.length < new Set(residentIds).size) throw new AppError('forbidden', '您不在本班花名册中，不能签到；如有疑问请联系培训机构');
}

export async function scanSigninCode(tx: Tx, actor: Actor | null, input: ScanInput): Promise<ScanResult> {
  const a = scanner(actor);
  const at = now();
  const check = tokenOf(input, at);
  return recordScan(tx, { ...a, sessionId: check.sessionId, kind: check.kind, at, device: deviceHash(input.deviceId), method: 'qr' });
}

/** Records a scan whose code was genuine and whose person is established, by either method. */
export async function recordScan(tx: Tx, scan: Scan): Promise<ScanResult> {
  const s = await sessionOf(tx, scan.sessionId);
  await requireOnRoster(tx, s.class_id, [scan.residentId]);
  if (scan.kind === 'in') return (await signIn(tx, s, [scan]))[0]!;
  return signOut(tx, s, scan);
}

/**
 * Several sign-ins to one session, each checked exactly as scanSigninCode checks one, at its own
 * instant instead of the server's clock: for loads that replay a classroom's scans (the demo). Not
 * reachable from the API, which takes one scan at the server's time. All or nothing.
 */
export async function scanSigninCodesAt(tx: Tx, sessionId: number, scans: TimedScan[]): Promise<ScanResult[]> {
  if (scans.length === 0) return [];
  const checked = scans.map((scan): Scan => {
    const check = tokenOf({ ...scan, sessionId }, scan.at);
    if (check.kind !== 'in') throw new AppError('invalid_input', 'token: 签退须逐次扫码', 'token');
    return { ...scanner(scan.actor), sessionId, kind: 'in', at: scan.at, device: deviceHash(scan.deviceId), method: 'qr' };
  });
  const s = await sessionOf(tx, sessionId);
  await requireOnRoster(
    tx,
    s.class_id,
    checked.map((c) => c.residentId),
  );
  return signIn(tx, s, checked);
}

/**
 * Writes the sign-ins in one statement: a new sign-in, or one replacing a provider's manual mark; a
 * QR sign-in already there is kept as it is (only the rows written are returned), as is a second scan
 * of the same person in the same call.
 */
async function signIn(tx: Tx, s: SessionRow, scans: Scan[]): Promise<ScanResult[]> {
  const first = new Map<string, Scan>();
  for (const scan of scans) if (!first.has(scan.residentId)) first.set(scan.residentId, scan);
  const written = await tx
    .insertInto('attendance')
    .values(
      [...first.values()].map(({ who, residentId, at, device, method }) => ({
        session_id: s.id,
        resident_id: residentId,
        present: true,
        signed_at: at,
        method,
        recorded_by: who,
        manual: false,
        manual_reason: null,
        manual_note: null,
        entered_at: at,
        device_hash: device,
        hours: s.requires_signout ? 0 : null,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['session_id', 'resident_id'])
        .doUpdateSet((eb) => ({
          present: true,
          signed_at: eb.ref('excluded.signed_at'),
          method: eb.ref('excluded.method'),
          recorded_by: eb.ref('excluded.recorded_by'),
          manual: false,
          manual_reason: null,
          manual_note: null,
          entered_at: eb.ref('excluded.entered_at'),
          device_hash: eb.ref('excluded.device_hash'),
          signed_out_at: null,
          hours: eb.ref('excluded.hours'),
        }))
        .where('attendance.manual', '=', true),
    )
    .returning(['resident_id'])
    .execute();
  const fresh = new Set(written.map((w) => w.resident_id));
  const isWritten = (scan: Scan) => fresh.has(scan.residentId) && first.get(scan.residentId) === scan;
  const kept = scans.filter((scan) => !isWritten(scan));
  const marks = kept.length
    ? await tx
        .selectFrom('attendance')
        .select(['resident_id', 'signed_at', 'signed_out_at', 'hours'])
        .where('session_id', '=', s.id)
        .where(
          'resident_id',
          'in',
          kept.map((k) => k.residentId),
        )
        .execute()
    : [];
  const markOf = new Map(marks.map((m) => [m.resident_id, m]));
  await appendAuditEntries(
    tx,
    scans.filter(isWritten).map(({ who, residentId, at, device, method }) => ({
      actor: who,
      action: 'class.signin',
      entity: 'class',
      entityId: s.class_id,
      data: { sessionId: s.id, residentId, signedAt: at.toISOString(), method, device },
    })),
  );
  return scans.map((scan) => {
    if (isWritten(scan))
      return {
        kind: 'in',
        recorded: true,
        message: s.requires_signout ? '签到成功；下课时请扫描签退码' : '签到成功',
        signedAt: scan.at.toISOString(),
        signedOutAt: null,
        hours: s.requires_signout ? 0 : Number(s.hours),
        classNumber: s.number,
        session: s.session,
      };
    const mark = markOf.get(scan.residentId)!;
    return {
      kind: 'in',
      recorded: false,
      message: '已签到，无需重复扫码',
      signedAt: mark.signed_at!.toISOString(),
      signedOutAt: mark.signed_out_at?.toISOString() ?? null,
      hours: mark.hours == null ? null : Number(mark.hours),
      classNumber: s.number,
      session: s.session,
    };
  });
}

async function signOut(tx: Tx, s: SessionRow, scan: Scan): Promise<ScanResult> {
  const { who, residentId, at, device } = scan;
  const session = s.session;
  if (!s.requires_signout) throw new AppError('conflict', '本课次不要求签退');
  const mark = await tx
    .selectFrom('attendance')
    .select(['signed_at', 'signed_out_at', 'hours', 'manual'])
    .where('session_id', '=', s.id)
    .where('resident_id', '=', residentId)
    .forUpdate()
    .executeTakeFirst();
  if (!mark || mark.manual || !mark.signed_at) throw new AppError('conflict', '您本课次尚未扫码签到，不能签退');
  if (mark.signed_out_at) {
    return {
      kind: 'out',
      recorded: false,
      message: '已签退，无需重复扫码',
      signedAt: mark.signed_at.toISOString(),
      signedOutAt: mark.signed_out_at.toISOString(),
      hours: mark.hours == null ? null : Number(mark.hours),
      classNumber: s.number,
      session,
    };
  }
  const hours = hoursFromSpan(s, mark.signed_at, at);
  await tx
    .updateTable('attendance')
    .set({ signed_out_at: at, hours })
    .where('session_id', '=', s.id)
    .where('resident_id', '=', residentId)
    .execute();
  await appendAudit(tx, {
    actor: who,
    action: 'class.signout',
    entity: 'class',
    entityId: s.class_id,
    data: { sessionId: s.id, residentId, signedOutAt: at.toISOString(), hours, device },
  });
  return {
    kind: 'out',
    recorded: true,
    message: `签退成功，本课次计 ${hours} 学时`,
    signedAt: mark.signed_at.toISOString(),
    signedOutAt: at.toISOString(),
    hours,
    classNumber: s.number,
    session,
  };
}
