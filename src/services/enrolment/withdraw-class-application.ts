// The person withdraws an application the provider has not yet decided (报名撤回); audited.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import { APPLICATION_STATUS_NAMES } from './open-class-rules.ts';
import { getMyClassApplication, type MyClassApplication } from './list-my-class-applications.ts';

export async function withdrawClassApplication(tx: Tx, actor: Actor | null, id: string): Promise<MyClassApplication> {
  const a = requireRole(actor, 'trainee');
  const row = await tx
    .selectFrom('class_applications')
    .select(['id', 'number', 'status'])
    .where('id', '=', id)
    .where('resident_id', '=', a.residentId ?? '')
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', '没有找到这份报名');
  if (row.status !== 'applied')
    throw new AppError(
      'invalid_transition',
      `报名 ${row.number} 当前为“${APPLICATION_STATUS_NAMES[row.status ?? 'applied']}”，不能撤回`,
      'status',
    );
  await tx
    .updateTable('class_applications')
    .set({ status: 'withdrawn', decided_by: actorLabel(a), decided_at: new Date() })
    .where('id', '=', id)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'class_application.withdraw',
    entity: 'class_application',
    entityId: id,
    data: { number: row.number },
  });
  return getMyClassApplication(tx, a.residentId ?? '', id);
}
