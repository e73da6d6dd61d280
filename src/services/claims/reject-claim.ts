// Rejecting a claim (驳回), with the reason; also the end of a claim whose objection was upheld.
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireActor, type Actor } from '../access.ts';
import { loadClaim, requireReviewer } from './claim-scope.ts';
import { transition } from './claim-states.ts';
import { notifyClaim } from '../notifications/claim-notices.ts';

export async function rejectClaim(tx: Tx, actor: Actor | null, input: { claimId: string; reason: string }) {
  const a = requireActor(actor);
  const claim = await loadClaim(tx, a, input.claimId, true);
  requireReviewer(a, claim);
  const to = transition(claim.number, claim.status, 'reject');
  await tx
    .updateTable('claims')
    .set({ status: to, updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', '=', claim.id)
    .execute();
  await tx
    .insertInto('reviews')
    .values({ claim_id: claim.id, verdict: 'reject', note: input.reason, reviewer: actorLabel(a) })
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'claim.reject',
    entity: 'claim',
    entityId: claim.id,
    data: { from: claim.status, to, reason: input.reason },
  });
  await notifyClaim(tx, claim, 'rejected');
  return { id: claim.id, status: to };
}
