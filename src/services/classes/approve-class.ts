// 开班审查通过: the HR office approves; the review runs again on today's records (another class may
// have been approved for a trainee since submission) and any blocking problem refuses the approval.
import { requireRole, type Actor } from '../access.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classForChange } from './class-scope.ts';
import { assertClassTransition } from './class-status.ts';
import { getClass, type ClassView } from './get-class.ts';
import { moveClass } from './move-class.ts';
import { reviewClassOpening } from './opening-review.ts';
import { assertNoBlocking, reviewSummary } from './review-problems.ts';

export async function approveClass(tx: Tx, actor: Actor | null, id: string, input: { note: string | null }): Promise<ClassView> {
  await approveClassOnly(tx, actor, id, input);
  return getClass(tx, actor, id);
}

/** approveClass without reading the class's view back: for a load that shows nothing (the demo). */
export async function approveClassOnly(tx: Tx, actor: Actor | null, id: string, input: { note: string | null }): Promise<void> {
  const a = requireRole(actor, 'county', 'city');
  const cls = await classForChange(tx, a, id);
  assertClassTransition(cls.status, 'approve');
  const review = await reviewClassOpening(tx, cls);
  assertNoBlocking(a, review, '审查通过');
  await moveClass(
    tx,
    a,
    cls,
    'approve',
    { review_note: input.note, review_problems: review },
    { note: input.note, review: reviewSummary(review) },
  );
}
