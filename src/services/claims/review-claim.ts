// Review (审核): the HR office confirms a decided claim. Only an eligible decision passes, or one that
// failed R3 alone and carries the city's recorded exception (§4.0 "原则上"); the rest are rejected.
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireActor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { loadClaim, requireReviewer } from './claim-scope.ts';
import { reviewable, transition } from './claim-states.ts';
import { moveClaim } from './move-claim.ts';
import { OUTCOME_NAMES } from '../../vocabulary/statuses.ts';

export async function reviewClaim(tx: Tx, actor: Actor | null, input: { claimId: string; note?: string | null }) {
  const a = requireActor(actor);
  const claim = await loadClaim(tx, a, input.claimId, true);
  requireReviewer(a, claim);
  transition(claim.number, claim.status, 'review');
  const excepted = claim.outcome === 'ineligible' && claim.r3_exception_reason != null;
  if (!reviewable(claim)) {
    throw new AppError(
      'invalid_transition',
      `申领 ${claim.number} 的判定结果为“${OUTCOME_NAMES[claim.outcome ?? ''] ?? claim.outcome}”，不能审核通过，请驳回或补充事实后重新判定`,
      'status',
    );
  }
  const to = await moveClaim(tx, actorLabel(a), claim, 'review', { note: input.note ?? null, r3Exception: excepted });
  await tx
    .insertInto('reviews')
    .values({ claim_id: claim.id, verdict: 'pass', note: input.note ?? null, reviewer: actorLabel(a) })
    .execute();
  return { id: claim.id, status: to };
}
