// Changing an annual task's target during the year (§5.3): the city only, with a written reason, audited
// with the old and new figures.
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';

export async function changeAnnualTask(tx: Tx, actor: Actor | null, id: number, input: { target: number; reason: string }) {
  const a = requireRole(actor, 'city');
  const task = await tx.selectFrom('annual_tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!task) throw new AppError('not_found', `没有找到年度任务：${id}`, 'id');
  await tx
    .updateTable('annual_tasks')
    .set({ target: input.target, updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'task.change',
    entity: 'annual_task',
    entityId: String(id),
    data: { from: task.target, to: input.target, reason: input.reason },
  });
  return { id, year: task.year, unitKind: task.unit_kind, unit: task.unit, program: task.program, target: input.target, note: task.note };
}
