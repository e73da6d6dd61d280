// The reviewing office resolves a taken dispute case with a finding. Upheld ('claim_rejected'): a claim
// not yet approved is rejected (the claims' own reject use case); an approved claim not yet paid has its
// approval revoked — reservation released, line withdrawn from a draft or confirmed batch — through the
// same use case a sanction uses (claims/revoke-approval.ts); a claim already paid keeps its status and
// its money goes to recovery (claims/recover-claim-payment.ts: a recovery record for the office). While
// the case is open the claim is held out of payment (payments/payment-holds.ts); dismissed, it is
// payable again. The trainee sees the finding and the written resolution.
import { appendAudit } from '../../store/audit-log.ts';
import type { DisputeFinding } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { CLAIM_TRANSITIONS } from '../claims/claim-states.ts';
import { recoverClaimPayment } from '../claims/recover-claim-payment.ts';
import { rejectClaim } from '../claims/reject-claim.ts';
import { revokeApproval } from '../claims/revoke-approval.ts';
import { loadDispute } from './dispute-scope.ts';
import { claimFactsOf, disputeView, type DisputeView } from './dispute-view.ts';
import { CLAIM_STATUS_NAMES } from '../../vocabulary/statuses.ts';

export async function resolveDispute(
  tx: Tx,
  actor: Actor | null,
  id: string,
  input: { finding: DisputeFinding; resolution: string },
): Promise<DisputeView> {
  const a = requireRole(actor, 'city', 'county');
  const d = await loadDispute(tx, a, id);
  if (d.status === 'resolved') throw new AppError('invalid_transition', '该异议案件已办结');
  if (d.status !== 'taken') throw new AppError('invalid_transition', '请先受理该异议案件，再作出处理结论');
  const resolution = input.resolution.trim();
  if (input.finding === 'claim_rejected') {
    const grounds = `劳动者异议成立：${resolution}`;
    // The claim's row lock, as a payment takes it: the run has either paid it already (recovered
    // below) or will find it revoked.
    const claim = await tx.selectFrom('claims').select('status').where('id', '=', d.claim_id).forUpdate().executeTakeFirstOrThrow();
    if (CLAIM_TRANSITIONS.reject.from.includes(claim.status)) await rejectClaim(tx, a, { claimId: d.claim_id, reason: grounds });
    else if (claim.status === 'approved') await revokeApproval(tx, a, d.claim_id, grounds);
    else if (claim.status === 'paid') await recoverClaimPayment(tx, a, d.claim_id, grounds);
    else
      throw new AppError(
        'invalid_transition',
        `申领当前状态为“${CLAIM_STATUS_NAMES[claim.status]}”，无需驳回或追回；请以“异议不成立”或说明情况办结`,
        'finding',
      );
  }
  const row = await tx
    .updateTable('claim_disputes')
    .set({ status: 'resolved', finding: input.finding, resolution, resolved_by: actorLabel(a), resolved_at: new Date() })
    .where('id', '=', d.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'dispute.resolve',
    entity: 'claim_dispute',
    entityId: d.id,
    data: { claimId: d.claim_id, finding: input.finding, resolution },
  });
  return disputeView(a, row, (await claimFactsOf(tx, [d.claim_id])).get(d.claim_id));
}
