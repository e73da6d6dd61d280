// The opening review's findings without changing anything: for the provider before submitting and
// the reviewer before deciding.
import { requireRole, type Actor } from '../access.ts';
import { notFound } from '../record-scope.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classInScope } from './class-scope.ts';
import { reviewClassOpening, type OpeningReview } from './opening-review.ts';
import { reviewFor } from './review-problems.ts';

export async function previewClassReview(tx: Tx, actor: Actor | null, id: string): Promise<OpeningReview> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const cls = await tx.selectFrom('classes').selectAll().where('id', '=', id).where(classInScope(a)).executeTakeFirst();
  if (!cls) throw notFound('培训班', id);
  return reviewFor(a, await reviewClassOpening(tx, cls));
}
