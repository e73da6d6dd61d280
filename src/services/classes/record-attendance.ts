// Daily attendance of a running class (过程监督, §5.3) entered by the provider — the grid or the sheet
// (import-attendance.ts): a MANUAL mark (docs/attendance.md). Trainees prove presence themselves by
// scanning the classroom QR code (attendance/scan-signin-code.ts); a mark the provider enters instead
// says why (MANUAL_REASONS) and keeps the moment it was entered (`entered_at`), while the time it
// claims is the session's own. A trainee's QR sign-in is never overwritten by a manual mark.
// Attended hours feed §4.3's 28-hour condition and §4.6's allowance days at claim time.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { now } from '../clock.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { classForChange } from './class-scope.ts';
import { assertClassStatus } from './class-status.ts';

/** Why a provider enters a presence the trainee did not sign in for; 其他 needs words of its own. */
export const MANUAL_REASONS = ['忘带手机', '设备故障', '网络故障', '其他'] as const;
export type ManualReason = (typeof MANUAL_REASONS)[number];
/** The reason the migration gave every mark recorded before sign-in existed (never entered now). */
export const HISTORIC_REASON = '历史数据';

export interface AttendanceInput {
  sessionId: number;
  marks: {
    residentId: string;
    present: boolean;
    method?: string | null;
    /** Required for a present mark unless it is already recorded present with its reason. */
    reason?: ManualReason | null;
    /** What 其他 was. */
    reasonNote?: string | null;
  }[];
}

export async function recordAttendance(
  tx: Tx,
  actor: Actor | null,
  classId: string,
  input: AttendanceInput,
): Promise<{ recorded: number; signedByTrainee: number }> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const cls = await classForChange(tx, a, classId);
  assertClassStatus(cls.status, ['running'], '登记考勤');
  const session = await tx
    .selectFrom('class_sessions')
    .select('id')
    .where('id', '=', input.sessionId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
  if (!session) throw new AppError('invalid_input', 'sessionId: 本班没有这一课次', 'sessionId');
  const roster = new Set(
    (await tx.selectFrom('class_trainees').select('resident_id').where('class_id', '=', classId).execute()).map((r) => r.resident_id),
  );
  const existing = new Map(
    (
      await tx
        .selectFrom('attendance')
        .select(['resident_id', 'present', 'manual', 'manual_reason', 'manual_note'])
        .where('session_id', '=', input.sessionId)
        .execute()
    ).map((m) => [m.resident_id, m]),
  );
  const seen = new Set<string>();
  input.marks.forEach((m, i) => {
    const field = `marks[${i}]`;
    if (!roster.has(m.residentId))
      throw new AppError('invalid_input', `${field}.residentId: 该人员不在本班花名册中`, `${field}.residentId`);
    if (seen.has(m.residentId)) throw new AppError('invalid_input', `${field}.residentId: 同一人员重复登记`, `${field}.residentId`);
    seen.add(m.residentId);
    if (m.method?.trim().toLowerCase() === 'qr')
      throw new AppError(
        'invalid_input',
        `${field}.method: 扫码签到只能由学员本人用手机扫码完成，培训机构登记的是手工补录`,
        `${field}.method`,
      );
    if (m.reason != null && !(MANUAL_REASONS as readonly string[]).includes(m.reason))
      throw new AppError('invalid_input', `${field}.reason: 补录原因应为 ${MANUAL_REASONS.join('、')} 之一`, `${field}.reason`);
    if (m.reason === '其他' && !m.reasonNote?.trim())
      throw new AppError('invalid_input', `${field}.reasonNote: 补录原因为“其他”时须写明具体原因`, `${field}.reasonNote`);
    const before = existing.get(m.residentId);
    const keepsReason = before && before.manual && before.present && before.manual_reason;
    if (m.present && m.reason == null && !keepsReason && before?.manual !== false)
      throw new AppError(
        'invalid_input',
        `${field}.reason: 手工补录出勤须说明原因（${MANUAL_REASONS.join('、')}）；学员本人扫码签到的无需补录`,
        `${field}.reason`,
      );
  });
  // A trainee's own QR sign-in stands: the provider's mark for that person is not written.
  const marks = input.marks.filter((m) => existing.get(m.residentId)?.manual !== false);
  if (marks.length > 0) {
    const at = now();
    await tx
      .insertInto('attendance')
      .values(
        marks.map((m) => ({
          session_id: input.sessionId,
          resident_id: m.residentId,
          present: m.present,
          signed_at: null,
          method: m.method ?? null,
          recorded_by: actorLabel(a),
          manual: true,
          // A presence saved again without a new reason keeps the one on record.
          manual_reason: m.present ? (m.reason ?? existing.get(m.residentId)?.manual_reason ?? null) : null,
          manual_note: m.present
            ? m.reason === '其他'
              ? m.reasonNote!.trim()
              : m.reason == null
                ? (existing.get(m.residentId)?.manual_note ?? null)
                : null
            : null,
          entered_at: at,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['session_id', 'resident_id'])
          .doUpdateSet((eb) => ({
            present: eb.ref('excluded.present'),
            method: eb.ref('excluded.method'),
            recorded_by: eb.ref('excluded.recorded_by'),
            manual_reason: eb.ref('excluded.manual_reason'),
            manual_note: eb.ref('excluded.manual_note'),
            entered_at: eb.ref('excluded.entered_at'),
          }))
          // Only a changed mark is entered again (its entry time is when it changed).
          .where((eb) =>
            eb.and([
              eb('attendance.manual', '=', true),
              eb.or([
                eb('attendance.present', 'is distinct from', eb.ref('excluded.present')),
                eb('attendance.manual_reason', 'is distinct from', eb.ref('excluded.manual_reason')),
                eb('attendance.manual_note', 'is distinct from', eb.ref('excluded.manual_note')),
              ]),
            ]),
          ),
      )
      .execute();
  }
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'class.attendance',
    entity: 'class',
    entityId: classId,
    data: {
      sessionId: input.sessionId,
      manual: true,
      present: marks.filter((m) => m.present).length,
      absent: marks.filter((m) => !m.present).length,
      reasons: Object.fromEntries(
        MANUAL_REASONS.map((r) => [r, marks.filter((m) => m.present && m.reason === r).length]).filter(([, n]) => n !== 0),
      ),
      signedByTrainee: input.marks.length - marks.length,
    },
  });
  return { recorded: marks.length, signedByTrainee: input.marks.length - marks.length };
}
