// Moves an apprenticeship plan along its lifecycle (plan-status.ts), audited with the note.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { notFound } from '../record-scope.ts';
import { managesEnterprise } from '../enterprises/enterprise-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { assertPlanTransition, PLAN_MOVERS, type PlanStatus } from './plan-status.ts';
import { planView, type PlanView } from './plan-view.ts';
import { ROLE_NAMES } from '../../vocabulary/roles.ts';
import { PLAN_STATUS_NAMES } from '../../vocabulary/statuses.ts';

export async function changePlanStatus(
  tx: Tx,
  actor: Actor | null,
  id: string,
  input: { status: PlanStatus; note: string | null },
): Promise<PlanView> {
  const a = requireRole(actor, 'enterprise', 'county', 'city');
  const plan = await tx
    .selectFrom('apprenticeship_plans')
    .innerJoin('enterprises', 'enterprises.uscc', 'apprenticeship_plans.enterprise_uscc')
    .select([
      'apprenticeship_plans.status',
      'apprenticeship_plans.enterprise_uscc',
      'enterprises.area_code',
      'enterprises.directly_managed',
    ])
    .where('apprenticeship_plans.id', '=', id)
    .executeTakeFirst();
  const mine = plan && (a.role === 'enterprise' ? a.enterpriseUscc === plan.enterprise_uscc : managesEnterprise(a, plan));
  if (!plan || !mine) throw notFound('学徒培训计划', id);
  assertPlanTransition(plan.status, input.status);
  if (!(PLAN_MOVERS[input.status] as readonly string[]).includes(a.role)) {
    throw new AppError('forbidden', `${ROLE_NAMES[a.role]}不能将学徒培训计划设为“${PLAN_STATUS_NAMES[input.status]}”`, 'status');
  }
  const row = await tx
    .updateTable('apprenticeship_plans')
    .set({ status: input.status, updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', plan.status)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'plan.status',
    entity: 'apprenticeship_plan',
    entityId: id,
    data: { from: plan.status, to: input.status, note: input.note },
  });
  return planView(a, row);
}
