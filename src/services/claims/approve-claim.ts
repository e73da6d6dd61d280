// Approval (批准) after publicity: the amount is reserved from the right fund (§5.2) for the year of
// the training's completion; beyond the fund's remaining budget it is refused. A §4.1 or §4.9 claim
// whose apprenticeship plan or project was advanced money settles the advance here: only what is left
// after the advance is reserved and later paid.
import { formatChineseDate } from '../../policy/dates.ts';
import { sql } from 'kysely';
import { appendAuditEntries } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireActor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { fundBalance, lockFund, requireRoom, type FundBalance } from '../funds/fund-balance.ts';
import { claimScope, requireReviewer, type ClaimRow } from './claim-scope.ts';
import { transition } from './claim-states.ts';
import type { ClaimStatus } from '../../store/schema.ts';
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
  const [approved] = await approveClaims(tx, actor, [input.claimId]);
  return approved!;
}

/**
 * Several claims approved at once by one office (the claims of a notice just closed): the same checks,
 * in the order given, as one by one — each fund locked once and its balance read once, then drawn
 * down claim by claim, so a claim beyond what is left is refused as it would have been alone; one
 * insert of the reservations, one audit append with an entry per claim. All or none.
 */
export async function approveClaims(tx: Tx, actor: Actor | null, claimIds: string[]) {
  const a = requireActor(actor);
  if (claimIds.length === 0) return [];
  // Locked in one order (by id), so two offices approving overlapping lists wait instead of deadlocking.
  const loaded = await tx
    .selectFrom('claims')
    .selectAll()
    .where('id', 'in', claimIds)
    .where(claimScope(a))
    .orderBy('id')
    .forUpdate()
    .execute();
  const byId = new Map(loaded.map((c) => [c.id, c]));
  const notices = await tx
    .selectFrom('publicity_items')
    .innerJoin('publicity_notices as n', 'n.id', 'publicity_items.notice_id')
    .select(['publicity_items.claim_id', 'n.id', 'n.number', 'n.status', 'n.ends_on'])
    .where('publicity_items.claim_id', 'in', claimIds)
    .orderBy('n.created_at', 'desc')
    .execute();
  const noticeOf = new Map<string, (typeof notices)[number]>();
  for (const n of notices) if (!noticeOf.has(n.claim_id)) noticeOf.set(n.claim_id, n);
  const funds = new Map<string, FundBalance>();
  const label = actorLabel(a);
  const done: {
    claim: ClaimRow;
    to: ClaimStatus;
    fundId: string;
    amountFen: number;
    advanceId: string | null;
    deducted: number;
    net: number;
  }[] = [];
  for (const claimId of claimIds) {
    const claim = byId.get(claimId);
    if (!claim) throw new AppError('not_found', '没有找到这条申领，或它不在您的办理范围内', 'claimId');
    requireReviewer(a, claim);
    // A claim named twice: the second time it is already approved, and refused as it would be alone.
    const before = done.find((d) => d.claim.id === claim.id);
    const to = transition(claim.number, before ? before.to : claim.status, 'approve');
    const notice = noticeOf.get(claim.id);
    if (!notice || notice.status !== 'closed') {
      throw new AppError(
        'invalid_transition',
        `申领 ${claim.number} 的公示${notice ? `（${notice.number}，至 ${formatChineseDate(notice.ends_on)}）` : ''}尚未结束，不能批准`,
        'status',
      );
    }
    const { amountFen } = approvedAmount(claim);
    const year = Number(claim.end_date.slice(0, 4));
    const fundKey = `${claim.fund_source ?? 'special_action'}|${year}`;
    let balance = funds.get(fundKey);
    if (!balance) {
      const fundId = await lockFund(tx, claim.fund_source ?? 'special_action', year);
      balance = await fundBalance(tx, fundId);
    }
    const fundId = balance.id;
    const advance = await openAdvance(tx, claim);
    const deducted = advance ? Math.min(advance.leftFen, amountFen) : 0;
    const net = amountFen - deducted;
    requireRoom(balance, net, `批准申领 ${claim.number}`);
    funds.set(fundKey, { ...balance, reservedFen: balance.reservedFen + net, remainingFen: balance.remainingFen - net });
    if (advance && deducted > 0) {
      await tx.insertInto('advance_deductions').values({ claim_id: claim.id, advance_id: advance.id, amount_fen: deducted }).execute();
      if (deducted === advance.leftFen)
        await tx
          .updateTable('advances')
          .set({ status: 'settled', updated_by: label, updated_at: new Date() })
          .where('id', '=', advance.id)
          .execute();
    }
    done.push({ claim, to, fundId, amountFen, advanceId: advance?.id ?? null, deducted, net });
  }
  await tx
    .insertInto('reservations')
    .values(done.map((d) => ({ claim_id: d.claim.id, fund_id: d.fundId, amount_fen: d.net, reserved_by: label })))
    .execute();
  for (const to of new Set(done.map((d) => d.to)))
    await tx
      .updateTable('claims')
      .set({ status: to, updated_by: label, updated_at: new Date() })
      .where(
        'id',
        'in',
        done.filter((d) => d.to === to).map((d) => d.claim.id),
      )
      .execute();
  await appendAuditEntries(
    tx,
    done.map((d) => ({
      actor: label,
      action: 'claim.approve',
      entity: 'claim',
      entityId: d.claim.id,
      data: {
        from: d.claim.status,
        to: d.to,
        fundId: d.fundId,
        amountFen: d.amountFen,
        advanceId: d.advanceId,
        advanceDeductedFen: d.deducted,
        reservedFen: d.net,
      },
    })),
  );
  for (const d of done) await notifyClaim(tx, d.claim, 'approved', { amountFen: d.net });
  return done.map((d) => ({
    id: d.claim.id,
    status: d.to,
    fundId: d.fundId,
    amountFen: d.amountFen,
    advanceDeductedFen: d.deducted,
    reservedFen: d.net,
  }));
}
