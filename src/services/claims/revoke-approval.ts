// An approved claim not yet paid is stopped (a sanction §5.2, a trainee's dispute upheld): no payment
// may follow. The claim is rejected (claim-states 'revoke'), its reservation released (the fund's money
// is free again) and its line taken out of any payment batch that has not paid it (draft, confirmed or
// paying), the batch total lowered — all in the caller's transaction, each audited. The caller holds
// the claim's row lock (loadClaim … forUpdate), as the payment of a claim locks it, so a payment run
// either paid it before (then it is 'paid' and recovered instead) or finds it rejected and pays nothing.
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { transition } from './claim-states.ts';
import { moveClaim } from './move-claim.ts';

/** `reason` is the whole grounds as recorded (e.g. "查处：…", "劳动者异议成立：…"). */
export async function revokeApproval(
  tx: Tx,
  a: Actor,
  claimId: string,
  reason: string,
): Promise<{ releasedFen: number; batchId: string | null }> {
  const claim = await tx.selectFrom('claims').select(['status', 'number']).where('id', '=', claimId).forUpdate().executeTakeFirstOrThrow();
  transition(claim.number, claim.status, 'revoke');
  if (await tx.selectFrom('payments').select('id').where('claim_id', '=', claimId).executeTakeFirst()) {
    throw new AppError('conflict', `申领 ${claim.number} 已有支付记录，应追回而不是驳回`, 'claimId');
  }
  const line = await tx
    .selectFrom('payment_batch_items as i')
    .innerJoin('payment_batches as b', 'b.id', 'i.batch_id')
    .select(['i.batch_id', 'i.amount_fen', 'i.bank_issue', 'b.status', 'b.total_fen'])
    .where('i.claim_id', '=', claimId)
    .where('i.outcome', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (line?.bank_issue != null)
    // The line is in a payment file the bank holds: the bank's return decides it first (bank-return.ts).
    throw new AppError('conflict', `申领 ${claim.number} 已在发往银行的支付文件中，须待银行回单导入后再处理`, 'claimId');
  if (line) {
    await tx.deleteFrom('payment_batch_items').where('batch_id', '=', line.batch_id).where('claim_id', '=', claimId).execute();
    await tx
      .updateTable('payment_batches')
      .set({ total_fen: Number(line.total_fen) - Number(line.amount_fen), updated_by: actorLabel(a), updated_at: new Date() })
      .where('id', '=', line.batch_id)
      .execute();
    await appendAudit(tx, {
      actor: actorLabel(a),
      action: 'payment_batch.withdraw_claim',
      entity: 'payment_batch',
      entityId: line.batch_id,
      data: { claimId, amountFen: Number(line.amount_fen), batchStatus: line.status, reason },
    });
  }
  const released = await tx
    .updateTable('reservations')
    .set({ status: 'released' })
    .where('claim_id', '=', claimId)
    .where('status', '=', 'reserved')
    .returning(['fund_id', 'amount_fen'])
    .executeTakeFirst();
  const releasedFen = released ? Number(released.amount_fen) : 0;
  await moveClaim(tx, actorLabel(a), { id: claimId, ...claim }, 'revoke', {
    reason,
    releasedFen,
    fundId: released?.fund_id ?? null,
    batchId: line?.batch_id ?? null,
  });
  await tx
    .insertInto('reviews')
    .values({ claim_id: claimId, verdict: 'reject', note: `撤销批准：${reason}`, reviewer: actorLabel(a) })
    .execute();
  return { releasedFen, batchId: line?.batch_id ?? null };
}
