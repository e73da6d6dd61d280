// §4.1 apprenticeship plan: the enterprise submits; the HR office lists it in the plan (列入计划, the
// condition for the 50% advance) or returns it; a returned plan may be corrected and resubmitted; a
// listed one ends completed, failed or quit (a failed or quit apprentice's advance is recovered,
// SPEC §4.1 administrative Decision, by the funds workflow).
import { AppError } from '../app-error.ts';

export const PLAN_STATUSES = ['submitted', 'listed', 'returned', 'completed', 'failed', 'quit'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_NAMES: Record<PlanStatus, string> = {
  submitted: '已提交',
  listed: '已列入计划',
  returned: '已退回',
  completed: '已完成',
  failed: '未通过考核',
  quit: '中途退出',
};

const NEXT: Record<PlanStatus, readonly PlanStatus[]> = {
  submitted: ['listed', 'returned'],
  returned: ['submitted'],
  listed: ['completed', 'failed', 'quit'],
  completed: [],
  failed: [],
  quit: [],
};

/** Who may make each move: reviewing is the HR office's; resubmitting and reporting the end, the enterprise's or the office's. */
export const PLAN_MOVERS: Record<PlanStatus, readonly ('enterprise' | 'county' | 'city')[]> = {
  submitted: ['enterprise', 'county', 'city'],
  listed: ['county', 'city'],
  returned: ['county', 'city'],
  completed: ['enterprise', 'county', 'city'],
  failed: ['enterprise', 'county', 'city'],
  quit: ['enterprise', 'county', 'city'],
};

export function assertPlanTransition(from: PlanStatus, to: PlanStatus): void {
  if (!NEXT[from].includes(to)) {
    throw new AppError('invalid_transition', `学徒培训计划状态不能从“${PLAN_STATUS_NAMES[from]}”变为“${PLAN_STATUS_NAMES[to]}”`, 'status');
  }
}
