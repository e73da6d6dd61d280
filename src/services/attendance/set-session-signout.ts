// Whether a class session requires sign-out (docs/attendance.md): the provider decides before anyone
// signs in; from then on the session counts only the span between each trainee's QR sign-in and
// sign-out. Changing it after sign-ins began would change hours already proven, so it is refused.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { classForChange } from '../classes/class-scope.ts';
import { assertClassStatus } from '../classes/class-status.ts';

export async function setSessionSignout(
  tx: Tx,
  actor: Actor | null,
  classId: string,
  sessionId: number,
  requiresSignout: boolean,
): Promise<{ requiresSignout: boolean }> {
  const a = requireRole(actor, 'provider');
  const cls = await classForChange(tx, a, classId);
  assertClassStatus(cls.status, ['approved', 'running'], '设置签退要求');
  const s = await tx
    .selectFrom('class_sessions')
    .select(['id', 'requires_signout'])
    .where('id', '=', sessionId)
    .where('class_id', '=', classId)
    .forUpdate()
    .executeTakeFirst();
  if (!s) throw new AppError('invalid_input', 'sessionId: 本班没有这一课次', 'sessionId');
  if (s.requires_signout === requiresSignout) return { requiresSignout };
  const marked = await tx.selectFrom('attendance').select('resident_id').where('session_id', '=', sessionId).executeTakeFirst();
  if (marked) throw new AppError('conflict', '本课次已有考勤记录，不能再更改是否要求签退');
  await tx.updateTable('class_sessions').set({ requires_signout: requiresSignout }).where('id', '=', sessionId).execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'class.session_signout',
    entity: 'class',
    entityId: classId,
    data: { sessionId, requiresSignout },
  });
  return { requiresSignout };
}
