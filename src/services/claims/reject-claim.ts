// Rejecting a claim (驳回), with the reason; also the end of a claim whose objection was upheld.
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireActor, type Actor } from '../access.ts';
import { loadClaim, requireReviewer } from './claim-scope.ts';
import { moveClaim } from './move-claim.ts';
import { notifyClaim } from '../notifications/claim-notices.ts';

export async function rejectClaim(tx: Tx, actor: Actor | null, input: { claimId: string; reason: string }) {
  const a = requireActor(actor);
  const claim = await loadClaim(tx, a, input.claimId, true);
  requireReviewer(a, claim);
  const to = await moveClaim(tx, actorLabel(a), claim, 'reject', { reason: input.reason });
  await tx
    .insertInto('reviews')
    .values({ claim_id: claim.id, verdict: 'reject', note: input.reason, reviewer: actorLabel(a) })
    .execute();
  await notifyClaim(tx, claim, 'rejected');
  return { id: claim.id, status: to };
}
