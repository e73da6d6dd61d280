// Approval (批准) after publicity: the amount is reserved from the right fund (§5.2) for the year of
// the training's completion; beyond the fund's remaining budget it is refused. A §4.1 or §4.9 claim
// whose apprenticeship plan or project was advanced money settles the advance here: only what is left
// after the advance is reserved and later paid.
import { formatChineseDate } from '../../policy/dates.ts';
import { sql } from 'kysely';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireActor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { fundBalance, lockFund, requireRoom } from '../funds/fund-balance.ts';
import { loadClaim, requireReviewer, type ClaimRow } from './claim-scope.ts';
import { transition } from './claim-states.ts';
import { notifyClaim } from '../notifications/claim-notices.ts';

/** The amount a claim may be paid: the engine's, or under the R3 exception the one recorded with it. */
export function approvedAmount(claim: ClaimRow): { amountFen: number; payee: string } {
  if (claim.outcome === 'eligible' && claim.amount_fen != null && claim.payee)
    return { amountFen: Number(claim.amount_fen), payee: claim.payee };
  if (claim.outcome === 'ineligible' && claim.r3_exception_amount_fen != null && claim.r3_exception_payee) {
    return { amountFen: Number(claim.r3_exception_amount_fen), payee: claim.r3_exception_payee };
  }
  throw new AppError('invalid_transition', `申领 ${claim.number} 没有可批准的金额`, 'status');
}

/** The advance this claim settles (§4.1 plan, §4.9 project), with what is still unsettled of it. */
async function openAdvance(tx: Tx, claim: ClaimRow) {
  const subject =
    claim.program === 'apprenticeship' ? claim.apprenticeship_plan_id : claim.program === 'project_based' ? claim.project_id : null;
  if (!subject) return undefined;
  const kind = claim.program === 'apprenticeship' ? 'apprenticeship' : 'project';
  const advance = await tx
    .selectFrom('advances')
    .selectAll()
    .where('kind', '=', kind)
    .where('subject_id', '=', subject)
    .forUpdate()
    .executeTakeFirst();
  if (!advance || advance.status !== 'paid') return undefined;
  const used = await sql<{
    n: string;
  }>`select coalesce(sum(amount_fen), 0) as n from advance_deductions where advance_id = ${advance.id}`.execute(tx);
  const left = Number(advance.amount_fen) - Number(used.rows[0]!.n);
  return left > 0 ? { id: advance.id, leftFen: left } : undefined;
}

export async function approveClaim(tx: Tx, actor: Actor | null, input: { claimId: string }) {
  const a = requireActor(actor);
  const claim = await loadClaim(tx, a, input.claimId, true);
  requireReviewer(a, claim);
  const to = transition(claim.number, claim.status, 'approve');
  const notice = await tx
    .selectFrom('publicity_items')
    .innerJoin('publicity_notices as n', 'n.id', 'publicity_items.notice_id')
    .select(['n.id', 'n.number', 'n.status', 'n.ends_on'])
    .where('publicity_items.claim_id', '=', claim.id)
    .orderBy('n.created_at', 'desc')
    .executeTakeFirst();
  if (!notice || notice.status !== 'closed') {
    throw new AppError(
      'invalid_transition',
      `申领 ${claim.number} 的公示${notice ? `（${notice.number}，至 ${formatChineseDate(notice.ends_on)}）` : ''}尚未结束，不能批准`,
      'status',
    );
  }
  const { amountFen } = approvedAmount(claim);
  const year = Number(claim.end_date.slice(0, 4));
  const fundId = await lockFund(tx, claim.fund_source ?? 'special_action', year);
  const advance = await openAdvance(tx, claim);
  const deducted = advance ? Math.min(advance.leftFen, amountFen) : 0;
  const net = amountFen - deducted;
  requireRoom(await fundBalance(tx, fundId), net, `批准申领 ${claim.number}`);
  if (advance && deducted > 0) {
    await tx.insertInto('advance_deductions').values({ claim_id: claim.id, advance_id: advance.id, amount_fen: deducted }).execute();
    if (deducted === advance.leftFen)
      await tx
        .updateTable('advances')
        .set({ status: 'settled', updated_by: actorLabel(a), updated_at: new Date() })
        .where('id', '=', advance.id)
        .execute();
  }
  await tx
    .insertInto('reservations')
    .values({ claim_id: claim.id, fund_id: fundId, amount_fen: net, reserved_by: actorLabel(a) })
    .execute();
  await tx
    .updateTable('claims')
    .set({ status: to, updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', '=', claim.id)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'claim.approve',
    entity: 'claim',
    entityId: claim.id,
    data: { from: claim.status, to, fundId, amountFen, advanceId: advance?.id ?? null, advanceDeductedFen: deducted, reservedFen: net },
  });
  await notifyClaim(tx, claim, 'approved', { amountFen: net });
  return { id: claim.id, status: to, fundId, amountFen, advanceDeductedFen: deducted, reservedFen: net };
}
