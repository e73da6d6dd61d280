// The reviewing office takes a dispute case (受理): open → taken, so colleagues see who handles it.
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { loadDispute } from './dispute-scope.ts';
import { claimFactsOf, disputeView, type DisputeView } from './dispute-view.ts';

export async function takeDispute(tx: Tx, actor: Actor | null, id: string): Promise<DisputeView> {
  const a = requireRole(actor, 'city', 'county');
  const d = await loadDispute(tx, a, id);
  if (d.status !== 'open')
    throw new AppError('invalid_transition', d.status === 'taken' ? `该异议案件已由 ${d.taken_by ?? ''} 受理` : '该异议案件已办结');
  const row = await tx
    .updateTable('claim_disputes')
    .set({ status: 'taken', taken_by: actorLabel(a), taken_at: new Date() })
    .where('id', '=', d.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'dispute.take',
    entity: 'claim_dispute',
    entityId: d.id,
    data: { claimId: d.claim_id },
  });
  return disputeView(a, row, (await claimFactsOf(tx, [d.claim_id])).get(d.claim_id));
}
