// The city sets the payment duties a login holds (maker–checker, payments/payment-duties.ts): 经办
// builds and cancels draft batches, 复核 confirms them, 支付 pays them. A duty the role cannot exercise
// is refused (a county never confirms, a department other than finance holds none). Audited with the
// duties before and after and the reason; the change applies to the login's next act at once.
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import type { PaymentDuty } from '../../store/schema.ts';
import { actorLabel, requireRole, type Actor, type Role } from '../access.ts';
import { AppError } from '../app-error.ts';

import { notFound } from '../record-scope.ts';
import { userView, type UserView } from './user-view.ts';
import { DUTY_NAMES, PAYMENT_DUTIES, ROLE_NAMES, dutiesForRole } from '../../vocabulary/roles.ts';

/** The duties, deduplicated in their fixed order; a duty the role cannot hold is refused with the field. */
export function checkPaymentDuties(role: string, department: string | null, duties: readonly string[]): PaymentDuty[] {
  const may = dutiesForRole(role, department);
  for (const d of duties) {
    if (!(PAYMENT_DUTIES as readonly string[]).includes(d))
      throw new AppError('invalid_input', `paymentDuties: 没有这种支付职责：${d}`, 'paymentDuties');
    if (!may.includes(d as PaymentDuty)) {
      const who = role === 'department' ? '该部门' : (ROLE_NAMES[role as Role] ?? role);
      throw new AppError('invalid_input', `paymentDuties: ${who}账号不能承担“${DUTY_NAMES[d as PaymentDuty]}”职责`, 'paymentDuties');
    }
  }
  return PAYMENT_DUTIES.filter((d) => duties.includes(d));
}

export async function setUserPaymentDuties(
  tx: Tx,
  actor: Actor | null,
  id: string,
  input: { paymentDuties: string[]; reason: string },
): Promise<UserView> {
  const a = requireRole(actor, 'city');
  const user = await tx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!user) throw notFound('用户', id);
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('invalid_input', 'reason: 请说明调整理由', 'reason');
  const to = checkPaymentDuties(user.role, user.department, input.paymentDuties);
  const from = user.payment_duties ?? [];
  if (from.length === to.length && from.every((d) => to.includes(d)))
    throw new AppError('invalid_transition', '支付职责没有变化', 'paymentDuties');
  const by = actorLabel(a);
  const row = await tx
    .updateTable('users')
    .set({ payment_duties: to, updated_by: by, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: by,
    action: 'user.payment_duties',
    entity: 'user',
    entityId: id,
    data: { username: user.username, from, to, reason },
  });
  return userView(row);
}
