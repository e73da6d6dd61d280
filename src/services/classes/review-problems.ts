// Refuses an opening with blocking problems, listing them per trainee (AppError details), and
// summarises a review for the audit log.
import type { Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { isParty } from '../people/real-name-check.ts';
import type { Problem } from './trainee-cross-checks.ts';
import type { OpeningReview } from './opening-review.ts';

/** What a party is told of a trainee's problem: that it blocks or waits on the office, not why. */
const PARTY_PROBLEM: Record<Problem['severity'], string> = {
  blocking: '该学员未通过参训资格核查，不能参加本班；原因由人社部门告知学员本人（§5.5）',
  warning: '该学员的部分参训条件尚待人社部门核实（§5.5）',
};

/**
 * The opening review as the actor may see it. The trainees' verdicts rest on §2 facts (pension,
 * groups…) and on their trainings with other parties: a party (provider, enterprise) is told which
 * trainee did not pass and whether it blocks, never the fact or the record behind it. Resident IDs
 * and names follow the one masking rule (access.ts) like every answer.
 */
export function reviewFor(actor: Actor, review: OpeningReview): OpeningReview {
  if (!isParty(actor)) return review;
  return {
    ...review,
    trainees: review.trainees.map((t) => ({
      ...t,
      problems: t.problems.map((p) => ({ rule: '参训资格', clause: '§5.5', severity: p.severity, message: PARTY_PROBLEM[p.severity] })),
    })),
  };
}

export function assertNoBlocking(actor: Actor, found: OpeningReview, action: string): void {
  if (!found.blocking) return;
  const review = reviewFor(actor, found);
  const count =
    review.classProblems.filter((p) => p.severity === 'blocking').length +
    review.trainees.reduce((n, t) => n + t.problems.filter((p) => p.severity === 'blocking').length, 0);
  const first =
    review.classProblems.find((p) => p.severity === 'blocking') ??
    review.trainees.flatMap((t) =>
      t.problems.filter((p) => p.severity === 'blocking').map((p) => ({ ...p, message: `${t.name}：${p.message}` })),
    )[0];
  throw new AppError('invalid_transition', `开班审查发现 ${count} 个问题，不能${action}：${first?.message ?? ''}`, 'trainees', review);
}

export function reviewSummary(review: OpeningReview): Record<string, unknown> {
  return {
    blocking: review.blocking,
    classProblems: review.classProblems.map((p) => p.rule),
    trainees: review.trainees
      .filter((t) => t.problems.length > 0)
      .map((t) => ({ residentId: t.residentId, rules: t.problems.map((p) => `${p.rule}:${p.severity}`) })),
  };
}
