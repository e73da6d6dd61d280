// Advances (预支): §4.1 up to advance.maxPercent of the apprenticeship subsidy once the plan is listed
// (列入计划); §4.9 up to advance.maxPercent of the project's contract total. The percentage is the
// policy package's parameter, read for the date the advance is paid. The advance is drawn from the
// special-action fund of that year; the final claim deducts it (approve-claim.ts).
import { PLAN_STATUS_NAMES } from '../../vocabulary/statuses.ts';
import { newUuid } from '../../store/ids.ts';
import { formatChineseDate, wholeMonths } from '../../policy/dates.ts';
import { percentOfFen, prorateFen, yuanToFen, formatYuan } from '../../policy/money.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { policiesFromStore } from '../claims/engine-input-from-store.ts';
import { fundBalance, lockFund, requireRoom } from './fund-balance.ts';
import { CITY_AREA } from '../../vocabulary/areas.ts';

export interface PayAdvanceInput {
  kind: 'apprenticeship' | 'project';
  subjectId: string;
  amountFen: number;
  paidOn: string;
}

export async function payAdvance(tx: Tx, actor: Actor | null, input: PayAdvanceInput) {
  const a = requireRole(actor, 'city', 'county');
  const policies = await policiesFromStore(tx);
  let basisFen: number;
  let basis: string;
  let percent: number;
  if (input.kind === 'apprenticeship') {
    const plan = await tx
      .selectFrom('apprenticeship_plans')
      .innerJoin('enterprises as e', 'e.uscc', 'apprenticeship_plans.enterprise_uscc')
      .select([
        'apprenticeship_plans.id',
        'apprenticeship_plans.number',
        'apprenticeship_plans.status',
        'apprenticeship_plans.level',
        'apprenticeship_plans.start_date',
        'apprenticeship_plans.end_date',
        'e.area_code',
        'e.directly_managed',
      ])
      .where('apprenticeship_plans.id', '=', input.subjectId)
      .executeTakeFirst();
    // Outside the county's area the plan is "not found", before its state says anything (record-scope.ts).
    if (!plan || (a.role === 'county' && a.areaCode !== (plan.directly_managed ? CITY_AREA : plan.area_code))) {
      throw new AppError('not_found', '没有找到这份学徒培养计划', 'subjectId');
    }
    if (plan.status !== 'listed')
      throw new AppError(
        'invalid_transition',
        `学徒培养计划 ${plan.number} 尚未列入计划（当前：${PLAN_STATUS_NAMES[plan.status as keyof typeof PLAN_STATUS_NAMES] ?? plan.status}），不能预支（§4.1）`,
        'subjectId',
      );
    const pkg = policies.governing('apprenticeship', plan.start_date);
    if (!pkg)
      throw new AppError('invalid_input', `subjectId: ${formatChineseDate(plan.start_date)} 开始的学徒培训没有有效政策`, 'subjectId');
    // The subsidy the plan would earn at its level over its planned months (§4.1 rate × months / 12).
    const rate = (pkg.read('apprenticeship.yearlyRateYuan', plan.start_date).value as Record<string, number | undefined>)[plan.level];
    if (rate === undefined) throw new AppError('invalid_input', `subjectId: 学徒制没有 ${plan.level} 级的补贴标准`, 'subjectId');
    const range = pkg.read('apprenticeship.monthsRange', plan.start_date).value;
    const months = Math.min(wholeMonths(plan.start_date, plan.end_date), range.max);
    basisFen = prorateFen(yuanToFen(rate), months, 12);
    basis = `${plan.level}级学徒 ${months} 个月补贴 ${formatYuan(basisFen)}`;
    percent = pkg.read('advance.maxPercent', plan.start_date).value;
  } else {
    const project = await tx
      .selectFrom('projects')
      .select(['id', 'total_fen', 'area_code'])
      .where('id', '=', input.subjectId)
      .executeTakeFirst();
    if (!project || (a.role === 'county' && a.areaCode !== project.area_code))
      throw new AppError('not_found', '没有找到这个项目', 'subjectId');
    const pkg = policies.governing('project_based', input.paidOn);
    if (!pkg) throw new AppError('invalid_input', `paidOn: ${formatChineseDate(input.paidOn)} 没有有效的项目制培训政策`, 'paidOn');
    basisFen = Number(project.total_fen);
    basis = `项目合同总额 ${formatYuan(basisFen)}`;
    percent = pkg.read('advance.maxPercent', input.paidOn).value;
  }
  const maxFen = percentOfFen(basisFen, percent);
  if (input.amountFen > maxFen) {
    throw new AppError(
      'invalid_input',
      `amountFen: 预支不得超过${basis}的${percent}%，即 ${formatYuan(maxFen)}（${input.kind === 'apprenticeship' ? '§4.1' : '§4.9'}）`,
      'amountFen',
    );
  }
  const existing = await tx
    .selectFrom('advances')
    .select('id')
    .where('kind', '=', input.kind)
    .where('subject_id', '=', input.subjectId)
    .executeTakeFirst();
  if (existing) throw new AppError('conflict', '该计划或项目已预支过，每个计划或项目只预支一次', 'subjectId');
  const fundId = await lockFund(tx, 'special_action', Number(input.paidOn.slice(0, 4)));
  requireRoom(await fundBalance(tx, fundId), input.amountFen, '预支');
  const id = `AD-${newUuid()}`;
  await tx
    .insertInto('advances')
    .values({
      id,
      kind: input.kind,
      subject_id: input.subjectId,
      fund_id: fundId,
      amount_fen: input.amountFen,
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'advance.pay',
    entity: 'advance',
    entityId: id,
    data: { ...input, fundId, maxFen, percent },
  });
  return { id, fundId, amountFen: input.amountFen, maxFen, status: 'paid' as const };
}
