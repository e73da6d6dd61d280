// A claim already paid keeps its status (no transition leaves "paid"); its money is recovered (追回,
// §5.2): a recoveries row for the amount paid — the office's case to collect it — credited back to the
// fund that paid it (funds/fund-balance.ts), audited. Once per claim. Used by sanctions and by a
// trainee's dispute upheld after payment.
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';

/** `reason` is the whole grounds as recorded (e.g. "查处：…", "劳动者异议成立：…"). */
export async function recoverClaimPayment(
  tx: Tx,
  a: Actor,
  claimId: string,
  reason: string,
): Promise<{ recoveryId: number; amountFen: number }> {
  const { number } = await tx.selectFrom('claims').select('number').where('id', '=', claimId).executeTakeFirstOrThrow();
  const paid = await tx.selectFrom('payments').select('amount_fen').where('claim_id', '=', claimId).executeTakeFirst();
  if (!paid) throw new AppError('conflict', `申领 ${number} 标记为已支付，但没有支付记录，无法追回`, 'claimId');
  const before = await tx.selectFrom('recoveries').select('id').where('claim_id', '=', claimId).executeTakeFirst();
  if (before) throw new AppError('invalid_transition', `申领 ${number} 的补贴已登记追回`, 'claimId');
  const amountFen = Number(paid.amount_fen);
  const recovery = await tx
    .insertInto('recoveries')
    .values({ advance_id: null, claim_id: claimId, amount_fen: amountFen, reason, recorded_by: actorLabel(a) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'claim.recover',
    entity: 'claim',
    entityId: claimId,
    data: { amountFen, recoveryId: Number(recovery.id), reason },
  });
  return { recoveryId: Number(recovery.id), amountFen };
}
