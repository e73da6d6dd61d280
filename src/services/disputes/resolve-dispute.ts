// The reviewing office resolves a taken dispute case with a finding: the claim is rejected (through
// the claims' own reject use case, so its state machine and review record apply) or the dispute is
// dismissed. The trainee sees the finding and the written resolution.
import { appendAudit } from '../../store/audit-log.ts';
import type { DisputeFinding } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { rejectClaim } from '../claims/reject-claim.ts';
import { loadDispute } from './dispute-scope.ts';
import { claimFactsOf, disputeView, type DisputeView } from './dispute-view.ts';

export const DISPUTE_FINDINGS = ['claim_rejected', 'dismissed'] as const satisfies readonly DisputeFinding[];

export async function resolveDispute(tx: Tx, actor: Actor | null, id: string, input: { finding: DisputeFinding; resolution: string }): Promise<DisputeView> {
  const a = requireRole(actor, 'city', 'county');
  const d = await loadDispute(tx, a, id);
  if (d.status === 'resolved') throw new AppError('invalid_transition', '该异议案件已办结');
  if (d.status !== 'taken') throw new AppError('invalid_transition', '请先受理该异议案件，再作出处理结论');
  const resolution = input.resolution.trim();
  if (input.finding === 'claim_rejected') {
    // A claim already approved or paid cannot be rejected here (409 from the claim's state machine):
    // its money is recovered through a sanction (§5.2), and the case stays open until then.
    await rejectClaim(tx, a, { claimId: d.claim_id, reason: `劳动者异议成立：${resolution}` });
  }
  const row = await tx.updateTable('claim_disputes').set({ status: 'resolved', finding: input.finding, resolution, resolved_by: actorLabel(a), resolved_at: new Date() })
    .where('id', '=', d.id).returningAll().executeTakeFirstOrThrow();
  await appendAudit(tx, { actor: actorLabel(a), action: 'dispute.resolve', entity: 'claim_dispute', entityId: d.id, data: { claimId: d.claim_id, finding: input.finding, resolution } });
  return disputeView(a, row, (await claimFactsOf(tx, [d.claim_id])).get(d.claim_id));
}
