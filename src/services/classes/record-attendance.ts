// Daily attendance of a running class (过程监督, §5.3): one mark per trainee per session. Attended
// hours feed §4.3's 28-hour condition and §4.6's allowance days at claim time.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { classForChange } from './class-scope.ts';
import { assertClassStatus } from './class-status.ts';

export interface AttendanceInput {
  sessionId: number;
  marks: { residentId: string; present: boolean; method?: string | null }[];
}

export async function recordAttendance(
  tx: Tx,
  actor: Actor | null,
  classId: string,
  input: AttendanceInput,
): Promise<{ recorded: number }> {
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
  const seen = new Set<string>();
  input.marks.forEach((m, i) => {
    if (!roster.has(m.residentId))
      throw new AppError('invalid_input', `marks[${i}].residentId: 该人员不在本班花名册中`, `marks[${i}].residentId`);
    if (seen.has(m.residentId)) throw new AppError('invalid_input', `marks[${i}].residentId: 同一人员重复登记`, `marks[${i}].residentId`);
    seen.add(m.residentId);
  });
  // One statement for the whole session (a mark is unique per trainee, checked above); a mark
  // recorded again keeps its first sign-in time and updates the rest.
  if (input.marks.length > 0) {
    const now = new Date();
    await tx
      .insertInto('attendance')
      .values(
        input.marks.map((m) => ({
          session_id: input.sessionId,
          resident_id: m.residentId,
          present: m.present,
          signed_at: m.present ? now : null,
          method: m.method ?? null,
          recorded_by: actorLabel(a),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['session_id', 'resident_id']).doUpdateSet((eb) => ({
          present: eb.ref('excluded.present'),
          method: eb.ref('excluded.method'),
          recorded_by: eb.ref('excluded.recorded_by'),
        })),
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
      present: input.marks.filter((m) => m.present).length,
      absent: input.marks.filter((m) => !m.present).length,
    },
  });
  return { recorded: input.marks.length };
}
