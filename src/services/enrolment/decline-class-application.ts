// 不予录取: the provider declines an application with a reason the person reads (a listed reason, and
// for 其他 a note saying what); audited. A declined person may apply again while the class is open.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import { classForChange } from '../classes/class-scope.ts';
import { APPLICATION_STATUS_NAMES, DECLINE_REASONS } from './open-class-rules.ts';

export interface DeclineInput {
  reason: (typeof DECLINE_REASONS)[number];
  note: string | null;
}

export async function declineClassApplication(
  tx: Tx,
  actor: Actor | null,
  id: string,
  input: DeclineInput,
): Promise<{ id: string; number: string; status: 'declined'; declineReason: string }> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const note = input.note?.trim() ?? '';
  if (!DECLINE_REASONS.includes(input.reason)) throw new AppError('invalid_input', 'reason: 请选择不予录取的原因', 'reason');
  if (input.reason === '其他' && note === '') throw new AppError('invalid_input', 'note: 原因为“其他”时请写明具体原因', 'note');
  const ref = await tx.selectFrom('class_applications').select(['class_id']).where('id', '=', id).executeTakeFirst();
  if (!ref) throw new AppError('not_found', '没有找到这份报名，或它不在您的办理范围内');
  const cls = await classForChange(tx, a, ref.class_id);
  const app = await tx.selectFrom('class_applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  if (app.status !== 'applied')
    throw new AppError(
      'invalid_transition',
      `报名 ${app.number} 当前为“${APPLICATION_STATUS_NAMES[app.status ?? 'applied']}”，不能不予录取`,
      'status',
    );
  const declineReason = note ? `${input.reason}：${note}` : input.reason;
  await tx
    .updateTable('class_applications')
    .set({ status: 'declined', decline_reason: declineReason, decided_by: actorLabel(a), decided_at: new Date() })
    .where('id', '=', id)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'class_application.decline',
    entity: 'class_application',
    entityId: id,
    data: { number: app.number, classNumber: cls.number, reason: declineReason },
  });
  return { id, number: app.number, status: 'declined', declineReason };
}
