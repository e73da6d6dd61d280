// Recovering an advance (追回): §4.1 when the apprentice fails or quits (an administrative decision
// beside the plan, SPEC §4.1 row); §4.9 what the project's completed claims did not settle. The part
// already deducted from a final claim is never recovered twice.
import { sql } from 'kysely';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { CITY_AREA } from '../../vocabulary/areas.ts';

/** A county recovers only the advances of its own area's plans (by the enterprise's area; the city's directly managed ones are the city's) and projects. */
async function advanceInArea(tx: Tx, actor: Actor, advance: { kind: 'apprenticeship' | 'project'; subject_id: string }): Promise<boolean> {
  if (actor.role !== 'county') return true;
  const area =
    advance.kind === 'apprenticeship'
      ? await tx
          .selectFrom('apprenticeship_plans')
          .innerJoin('enterprises as e', 'e.uscc', 'apprenticeship_plans.enterprise_uscc')
          .select(['e.area_code', 'e.directly_managed'])
          .where('apprenticeship_plans.id', '=', advance.subject_id)
          .executeTakeFirst()
          .then((p) => p && (p.directly_managed ? CITY_AREA : p.area_code))
      : await tx
          .selectFrom('projects')
          .select('area_code')
          .where('id', '=', advance.subject_id)
          .executeTakeFirst()
          .then((p) => p?.area_code);
  return area === actor.areaCode;
}

const PLAN_STATUS_TEXT: Record<string, string> = { submitted: '已提交', listed: '已列入计划', returned: '已退回', completed: '已完成' };

export async function recoverAdvance(tx: Tx, actor: Actor | null, input: { advanceId: string; reason: string }) {
  const a = requireRole(actor, 'city', 'county');
  const advance = await tx.selectFrom('advances').selectAll().where('id', '=', input.advanceId).forUpdate().executeTakeFirst();
  if (!advance || !(await advanceInArea(tx, a, advance))) throw new AppError('not_found', '没有找到这笔预支', 'advanceId');
  if (advance.status !== 'paid')
    throw new AppError(
      'invalid_transition',
      `该预支当前状态为“${({ settled: '已结算', recovering: '追回中', recovered: '已追回' } as Record<string, string>)[advance.status] ?? advance.status}”，不能追回`,
      'advanceId',
    );
  if (advance.kind === 'apprenticeship') {
    const plan = await tx
      .selectFrom('apprenticeship_plans')
      .select(['status', 'number'])
      .where('id', '=', advance.subject_id)
      .executeTakeFirstOrThrow();
    if (plan.status !== 'failed' && plan.status !== 'quit') {
      throw new AppError(
        'invalid_transition',
        `学徒培养计划 ${plan.number} 未登记为考核不合格或中途退出（当前：${PLAN_STATUS_TEXT[plan.status] ?? plan.status}），不能追回预支`,
        'advanceId',
      );
    }
  }
  const used = await sql<{
    n: string;
  }>`select coalesce(sum(amount_fen), 0) as n from advance_deductions where advance_id = ${advance.id}`.execute(tx);
  const amount = Number(advance.amount_fen) - Number(used.rows[0]!.n);
  if (amount <= 0) throw new AppError('invalid_transition', '该预支已全部结算，无需追回', 'advanceId');
  const recovery = await tx
    .insertInto('recoveries')
    .values({ advance_id: advance.id, claim_id: null, amount_fen: amount, reason: input.reason, recorded_by: actorLabel(a) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('advances')
    .set({ status: 'recovered', updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', '=', advance.id)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'advance.recover',
    entity: 'advance',
    entityId: advance.id,
    data: { amountFen: amount, recoveryId: Number(recovery.id), reason: input.reason, fundId: advance.fund_id },
  });
  return { id: advance.id, status: 'recovered' as const, recoveredFen: amount };
}
