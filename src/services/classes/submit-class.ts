// 开班申请: the provider submits the application; the opening review runs now, so a provider learns
// of a blocking problem before the HR office does, and runs again at approval.
import { requireRole, type Actor } from '../access.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classForChange } from './class-scope.ts';
import { assertClassTransition } from './class-status.ts';
import { getClass, type ClassView } from './get-class.ts';
import { moveClass } from './move-class.ts';
import { reviewClassOpening } from './opening-review.ts';
import { assertNoBlocking, reviewSummary } from './review-problems.ts';

export async function submitClass(tx: Tx, actor: Actor | null, id: string): Promise<ClassView> {
  await submitClassOnly(tx, actor, id);
  return getClass(tx, actor, id);
}

/** submitClass without reading the class's view back: for a load that shows nothing (the demo). */
export async function submitClassOnly(tx: Tx, actor: Actor | null, id: string): Promise<void> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const cls = await classForChange(tx, a, id);
  assertClassTransition(cls.status, 'submit');
  const review = await reviewClassOpening(tx, cls);
  assertNoBlocking(a, review, '提交开班申请');
  await moveClass(tx, a, cls, 'submit', { review_problems: review }, { review: reviewSummary(review) });
}
