// Edits a draft or returned application (details, roster and schedule replaced as a whole); once
// submitted, the application is what the review saw and cannot change.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { checkClassApplication, writeClassApplication, type ClassApplication } from './class-application.ts';
import { classForChange } from './class-scope.ts';
import { assertClassStatus, EDITABLE } from './class-status.ts';
import { getClass, type ClassView } from './get-class.ts';

export async function updateClass(tx: Tx, actor: Actor | null, id: string, input: ClassApplication): Promise<ClassView> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const before = await classForChange(tx, a, id);
  assertClassStatus(before.status, EDITABLE, '修改开班申请');
  await checkClassApplication(tx, a, input);
  await writeClassApplication(tx, a, id, input, false);
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'class.update',
    entity: 'class',
    entityId: id,
    data: { status: before.status, startDate: input.startDate, trainees: input.trainees.length, sessions: input.sessions.length },
  });
  return getClass(tx, a, id);
}
