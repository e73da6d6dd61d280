// §4.1: an enterprise submits an apprenticeship plan for one new hire or transferred worker, with the
// college it trains with (双师带徒, 工学交替), occupation and target level, dates and contract term.
// Duration and contract conditions are the engine's at claim time; here only what makes a plan a plan.
import { newUuid } from '../../store/ids.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertPeriod, assertResidentId } from '../identifiers.ts';
import { notFound } from '../record-scope.ts';
import { managesEnterprise } from '../enterprises/enterprise-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { realNameProblems } from '../people/real-name-check.ts';
import { planView, type PlanView } from './plan-view.ts';

export interface SubmitPlanInput {
  enterpriseUscc: string;
  providerId: string | null;
  residentId: string;
  /** The apprentice's name, checked with the ID against the register (§5.2); the enterprise must give it. */
  name?: string | null;
  occupationCode: string;
  level: string;
  startDate: string;
  endDate: string;
  contractMonths: number;
}

export async function submitApprenticeshipPlan(tx: Tx, actor: Actor | null, input: SubmitPlanInput): Promise<PlanView> {
  const a = requireRole(actor, 'enterprise', 'county', 'city');
  assertResidentId(input.residentId, 'residentId');
  assertPeriod(input.startDate, 'startDate', input.endDate, 'endDate');
  if (!Number.isInteger(input.contractMonths) || input.contractMonths < 0)
    throw new AppError('invalid_input', 'contractMonths: 应为非负整数', 'contractMonths');
  const e = await tx
    .selectFrom('enterprises')
    .select(['uscc', 'area_code', 'directly_managed'])
    .where('uscc', '=', input.enterpriseUscc)
    .executeTakeFirst();
  const mine = a.role === 'enterprise' ? a.enterpriseUscc === input.enterpriseUscc : e !== undefined && managesEnterprise(a, e);
  if (!e || !mine) throw notFound('企业', input.enterpriseUscc);
  const realName = (await realNameProblems(tx, a, [input]))[0];
  if (realName) throw new AppError('invalid_input', `${realName.field}: ${realName.message}`, realName.field);
  if (input.providerId != null) {
    const p = await tx.selectFrom('providers').select('status').where('id', '=', input.providerId).executeTakeFirst();
    if (!p) throw new AppError('invalid_input', `providerId: 没有这个培训机构：${input.providerId}`, 'providerId');
  }
  const row = await tx
    .insertInto('apprenticeship_plans')
    .values({
      id: newUuid(),
      enterprise_uscc: input.enterpriseUscc,
      provider_id: input.providerId,
      resident_id: input.residentId,
      occupation_code: input.occupationCode,
      level: input.level,
      start_date: input.startDate,
      end_date: input.endDate,
      contract_months: input.contractMonths,
      status: 'submitted',
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'plan.submit',
    entity: 'apprenticeship_plan',
    entityId: row.id,
    data: { number: row.number, enterpriseUscc: input.enterpriseUscc, occupationCode: input.occupationCode, level: input.level },
  });
  return planView(a, row);
}
