// A trainee disputes a claim in their name they don't recognise (DESIGN.md: the trainee "disputes a
// claim they don't recognise"): the dispute becomes a case (异议案件) for the HR office reviewing the
// claim — the county of the claim's area, and the city.
import { newUuid } from '../../store/ids.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { loadClaim } from '../claims/claim-scope.ts';
import { claimFactsOf, disputeView, type DisputeView } from './dispute-view.ts';

/** A claim already ended this way has nothing left to dispute. */
const CLOSED = new Set(['rejected', 'withdrawn']);

export async function openDispute(tx: Tx, actor: Actor | null, input: { claimId: string; reason: string }): Promise<DisputeView> {
  const a = requireRole(actor, 'trainee');
  // Only a claim in the trainee's own name: any other is "not found" (claim-scope.ts).
  const claim = await loadClaim(tx, a, input.claimId, true);
  if (CLOSED.has(claim.status))
    throw new AppError('invalid_transition', `该申领已${claim.status === 'rejected' ? '驳回' : '撤回'}，无需提出异议`, 'claimId');
  const open = await tx
    .selectFrom('claim_disputes')
    .select('id')
    .where('claim_id', '=', claim.id)
    .where('status', '<>', 'resolved')
    .executeTakeFirst();
  if (open) throw new AppError('conflict', '该申领已有未办结的异议案件，请等待人社部门处理', 'claimId');
  const row = await tx
    .insertInto('claim_disputes')
    .values({
      id: newUuid(),
      claim_id: claim.id,
      resident_id: claim.resident_id,
      area_code: claim.area_code,
      reason: input.reason.trim(),
      status: 'open',
      taken_by: null,
      taken_at: null,
      finding: null,
      resolution: null,
      resolved_by: null,
      resolved_at: null,
      created_by: actorLabel(a),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'dispute.open',
    entity: 'claim_dispute',
    entityId: row.id,
    data: { claimId: claim.id, areaCode: claim.area_code, reason: row.reason },
  });
  return disputeView(a, row, (await claimFactsOf(tx, [claim.id])).get(claim.id));
}
