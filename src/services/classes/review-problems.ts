// Refuses an opening with blocking problems, listing them per trainee (AppError details), and
// summarises a review for the audit log.
import { AppError } from '../app-error.ts';
import type { OpeningReview } from './opening-review.ts';

export function assertNoBlocking(review: OpeningReview, action: string): void {
  if (!review.blocking) return;
  const count = review.classProblems.filter((p) => p.severity === 'blocking').length
    + review.trainees.reduce((n, t) => n + t.problems.filter((p) => p.severity === 'blocking').length, 0);
  const first = review.classProblems.find((p) => p.severity === 'blocking')
    ?? review.trainees.flatMap((t) => t.problems.filter((p) => p.severity === 'blocking').map((p) => ({ ...p, message: `${t.name}：${p.message}` })))[0];
  throw new AppError('invalid_transition', `开班审查发现 ${count} 个问题，不能${action}：${first?.message ?? ''}`, 'trainees', review);
}

export function reviewSummary(review: OpeningReview): Record<string, unknown> {
  return {
    blocking: review.blocking,
    classProblems: review.classProblems.map((p) => p.rule),
    trainees: review.trainees.filter((t) => t.problems.length > 0).map((t) => ({ residentId: t.residentId, rules: t.problems.map((p) => `${p.rule}:${p.severity}`) })),
  };
}
