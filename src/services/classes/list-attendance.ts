// The attendance marks of one class, session by session (the provider's grid: trainees × sessions).
import { requireRole, residentIdFor, type Actor } from '../access.ts';
import { notFound } from '../record-scope.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classInScope } from './class-scope.ts';

export interface AttendanceMark {
  sessionId: number;
  residentId: string;
  present: boolean;
  method: string | null;
}

export async function listAttendance(tx: Tx, actor: Actor | null, classId: string): Promise<AttendanceMark[]> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const cls = await tx.selectFrom('classes').select('id').where('id', '=', classId).where(classInScope(a)).executeTakeFirst();
  if (!cls) throw notFound('培训班', classId);
  const rows = await tx
    .selectFrom('attendance')
    .innerJoin('class_sessions', 'class_sessions.id', 'attendance.session_id')
    .select(['attendance.session_id', 'attendance.resident_id', 'attendance.present', 'attendance.method'])
    .where('class_sessions.class_id', '=', classId)
    .orderBy('attendance.session_id')
    .orderBy('attendance.resident_id')
    .execute();
  return rows.map((r) => ({
    sessionId: Number(r.session_id),
    residentId: residentIdFor(a, r.resident_id),
    present: r.present,
    method: r.method,
  }));
}
