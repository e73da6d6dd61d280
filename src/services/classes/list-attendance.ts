// The attendance marks of one class, session by session (the provider's grid: trainees × sessions), each
// with how it was recorded: a trainee's QR sign-in with its real time (and sign-out), or a manual
// mark (手工补录) with its reason and the moment it was entered (docs/attendance.md).
import { requireRole, residentIdFor, type Actor } from '../access.ts';
import { notFound } from '../record-scope.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classInScope } from './class-scope.ts';

export interface AttendanceMark {
  sessionId: number;
  residentId: string;
  present: boolean;
  method: string | null;
  /** Entered by the provider (手工补录), not signed in by the trainee. */
  manual: boolean;
  reason: string | null;
  reasonNote: string | null;
  /** A QR sign-in's real time; null for a manual mark (it claims the session's time). */
  signedAt: string | null;
  signedOutAt: string | null;
  enteredAt: string;
  /** Attended hours the mark counts (a signed span where the session requires sign-out). */
  hours: number;
}

export async function listAttendance(tx: Tx, actor: Actor | null, classId: string): Promise<AttendanceMark[]> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const cls = await tx.selectFrom('classes').select('id').where('id', '=', classId).where(classInScope(a)).executeTakeFirst();
  if (!cls) throw notFound('培训班', classId);
  const rows = await tx
    .selectFrom('attendance')
    .innerJoin('class_sessions', 'class_sessions.id', 'attendance.session_id')
    .select([
      'attendance.session_id',
      'attendance.resident_id',
      'attendance.present',
      'attendance.method',
      'attendance.manual',
      'attendance.manual_reason',
      'attendance.manual_note',
      'attendance.signed_at',
      'attendance.signed_out_at',
      'attendance.entered_at',
      'attendance.hours',
      'class_sessions.hours as session_hours',
    ])
    .where('class_sessions.class_id', '=', classId)
    .orderBy('attendance.session_id')
    .orderBy('attendance.resident_id')
    .execute();
  return rows.map((r) => ({
    sessionId: Number(r.session_id),
    residentId: residentIdFor(a, r.resident_id),
    present: r.present,
    method: r.method,
    manual: r.manual,
    reason: r.manual_reason,
    reasonNote: r.manual_note,
    signedAt: r.signed_at?.toISOString() ?? null,
    signedOutAt: r.signed_out_at?.toISOString() ?? null,
    enteredAt: r.entered_at.toISOString(),
    hours: r.present ? Number(r.hours ?? r.session_hours) : 0,
  }));
}
