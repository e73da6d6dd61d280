// §4.1 apprenticeship plan: the enterprise submits; the HR office lists it in the plan (列入计划, the
// condition for the 50% advance) or returns it; a returned plan may be corrected and resubmitted; a
// listed one ends completed, failed or quit (a failed or quit apprentice's advance is recovered,
// SPEC §4.1 administrative Decision, by the funds workflow).
import { AppError } from '../app-error.ts';
import { PLAN_STATUS_NAMES, type PlanStatus } from '../../vocabulary/statuses.ts';

export type { PlanStatus };

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
