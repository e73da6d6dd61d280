// Dispute cases in the actor's slice, paged on the server: the offices' case list (异议案件) and the
// trainee's own disputes with their outcome.
import { requireActor, type Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/transaction.ts';
import { disputeInScope } from './dispute-scope.ts';
import { claimFactsOf, disputeView, type DisputeView } from './dispute-view.ts';
import { DISPUTE_STATUSES } from '../../vocabulary/statuses.ts';

export const DISPUTE_SORTS = {
  createdAt: 'claim_disputes.created_at',
  status: 'claim_disputes.status',
  resolvedAt: 'claim_disputes.resolved_at',
} as const;

export interface ListDisputesInput extends PageQuery<keyof typeof DISPUTE_SORTS> {
  status?: (typeof DISPUTE_STATUSES)[number];
  /** 'unresolved' = open or taken (the offices' to-do). */
  pending?: boolean;
  claimId?: string;
  areaCode?: string;
}

export async function listDisputes(tx: Tx, actor: Actor | null, input: ListDisputesInput): Promise<Page<DisputeView>> {
  const a = requireActor(actor);
  let q = tx.selectFrom('claim_disputes').selectAll().where(disputeInScope(a));
  if (input.status) q = q.where('status', '=', input.status);
  if (input.pending) q = q.where('status', '<>', 'resolved');
  if (input.claimId) q = q.where('claim_id', '=', input.claimId);
  if (input.areaCode) q = q.where('area_code', '=', input.areaCode);
  const page = await readPage(q, { order: 'desc', ...input }, DISPUTE_SORTS, 'createdAt', 'claim_disputes.id');
  const claims = await claimFactsOf(tx, [...new Set(page.items.map((d) => d.claim_id))]);
  return { ...page, items: page.items.map((d) => disputeView(a, d, claims.get(d.claim_id))) };
}
