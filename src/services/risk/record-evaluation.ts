// Third-party evaluation of a provider (§5.3 第三方评估): the HR office records the evaluator's result;
// a score below the pass mark (risk-parameters.ts) fails, and the provider loses its right to
// subsidised training at once: a listed provider is suspended through the providers' status use case
// (audited there with the reason). Suspension, not delisting: a provider may contest the evaluation
// and the city may relist it after a new one; the city may still delist it as a sanction.
import { formatChineseDate } from '../../policy/dates.ts';
import { randomBytes } from 'node:crypto';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertDate } from '../identifiers.ts';
import { changeProviderStatus } from '../providers/change-provider-status.ts';
import { managesProvider } from '../providers/provider-view.ts';
import { notFound } from '../record-scope.ts';
import { RISK_PARAMETERS } from './risk-parameters.ts';

export interface EvaluationInput {
  providerId: string;
  evaluator: string;
  evaluatedOn: string;
  score: number;
  note?: string | null;
}

export async function recordEvaluation(tx: Tx, actor: Actor | null, input: EvaluationInput) {
  const a = requireRole(actor, 'city', 'county');
  assertDate(input.evaluatedOn, 'evaluatedOn');
  if (input.evaluator.trim() === '') throw new AppError('invalid_input', 'evaluator: 应写明评估机构', 'evaluator');
  if (!(input.score >= 0 && input.score <= 100)) throw new AppError('invalid_input', 'score: 评估得分应在 0 到 100 之间', 'score');
  const provider = await tx
    .selectFrom('providers')
    .select(['id', 'name', 'area_code', 'status'])
    .where('id', '=', input.providerId)
    .executeTakeFirst();
  if (!provider || !managesProvider(a, provider)) throw notFound('培训机构', input.providerId);
  const pass = RISK_PARAMETERS.evaluationPassScore;
  const passed = input.score >= pass;
  let statusChange: string | null = null;
  if (!passed && provider.status === 'listed') {
    await changeProviderStatus(tx, a, provider.id, {
      status: 'suspended',
      reason: `第三方评估不合格（${input.evaluator}，${formatChineseDate(input.evaluatedOn)}，${input.score} 分，合格线 ${pass} 分），自动暂停补贴性培训资格（§5.3）`,
    });
    statusChange = 'listed→suspended';
  }
  const id = `EV-${input.evaluatedOn.replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;
  await tx
    .insertInto('provider_evaluations')
    .values({
      id,
      provider_id: provider.id,
      evaluator: input.evaluator,
      evaluated_on: input.evaluatedOn,
      score: input.score,
      pass_score: pass,
      passed,
      note: input.note ?? null,
      status_change: statusChange,
      created_by: actorLabel(a),
    })
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'provider.evaluation',
    entity: 'provider',
    entityId: provider.id,
    data: {
      evaluationId: id,
      evaluator: input.evaluator,
      evaluatedOn: input.evaluatedOn,
      score: input.score,
      passScore: pass,
      passed,
      statusChange,
    },
  });
  return {
    id,
    providerId: provider.id,
    evaluator: input.evaluator,
    evaluatedOn: input.evaluatedOn,
    score: input.score,
    passScore: pass,
    passed,
    providerStatus: statusChange ? 'suspended' : provider.status,
    statusChange,
  };
}
