// One act on many claims (批量判定 / 审核通过 / 驳回 / 批准), from the review screens. Each claim is its
// own transaction through the same use case as the single-claim route (status check, change, audit
// entry together), so a claim is either fully done or left exactly as it was; the failures are
// reported per claim with the use case's Chinese message, and the others go through.
import type { Db } from '../../store/database.ts';
import { inTransaction } from '../../store/transaction.ts';
import { requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { claimScope } from './claim-scope.ts';
import { approveClaim } from './approve-claim.ts';
import { decideStoredClaim } from './decide-stored-claim.ts';
import { rejectClaim } from './reject-claim.ts';
import { reviewClaim } from './review-claim.ts';

export const BULK_ACTS = ['decide', 'review', 'reject', 'approve'] as const;
export type BulkAct = (typeof BULK_ACTS)[number];
export const MAX_BULK_CLAIMS = 200;

export interface ActOnClaimsInput {
  action: BulkAct;
  claimIds: string[];
  /** Required to reject (the reason each rejected claim records). */
  reason?: string | null;
  /** Optional review note. */
  note?: string | null;
}

export interface ClaimActResult {
  id: string;
  /** The claim's number, when the actor may see the claim (null for one not found). */
  number?: string | null;
  ok: boolean;
  /** The claim's status after the act (when it went through). */
  status?: string;
  /** The decision's outcome and amount (decide). */
  outcome?: string;
  amountFen?: number;
  error?: { code: string; message: string; field: string | null };
}

export interface ActOnClaimsResult {
  action: BulkAct;
  done: number;
  failed: number;
  results: ClaimActResult[];
}

async function actOnOne(db: Db, actor: Actor, input: ActOnClaimsInput, claimId: string): Promise<ClaimActResult> {
  switch (input.action) {
    case 'decide': {
      const d = await inTransaction(db, (tx) => decideStoredClaim(tx, actor, { claimId }));
      return { id: claimId, ok: true, status: 'decided', outcome: d.outcome, amountFen: d.amountFen };
    }
    case 'review':
      return { ...(await inTransaction(db, (tx) => reviewClaim(tx, actor, { claimId, note: input.note ?? null }))), ok: true };
    case 'reject':
      return { ...(await inTransaction(db, (tx) => rejectClaim(tx, actor, { claimId, reason: input.reason! }))), ok: true };
    case 'approve': {
      const r = await inTransaction(db, (tx) => approveClaim(tx, actor, { claimId }));
      return { id: r.id, ok: true, status: r.status, amountFen: r.amountFen };
    }
  }
}

export async function actOnClaims(db: Db, actor: Actor | null, input: ActOnClaimsInput): Promise<ActOnClaimsResult> {
  const a = requireRole(actor, 'city', 'county');
  if (input.action === 'reject' && !input.reason?.trim()) throw new AppError('invalid_input', 'reason: 驳回须写明理由', 'reason');
  const ids = [...new Set(input.claimIds)];
  if (ids.length === 0) throw new AppError('invalid_input', 'claimIds: 请至少选择一笔申领', 'claimIds');
  if (ids.length > MAX_BULK_CLAIMS) throw new AppError('invalid_input', `claimIds: 一次最多处理 ${MAX_BULK_CLAIMS} 笔申领`, 'claimIds');
  const results: ClaimActResult[] = [];
  for (const id of ids) {
    try {
      results.push(await actOnOne(db, a, input, id));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ id, ok: false, error: { code: e.code, message: e.message, field: e.field ?? null } });
    }
  }
  const done = results.filter((r) => r.ok).length;
  const numbers = new Map(
    (await db.selectFrom('claims').select(['id', 'number']).where('id', 'in', ids).where(claimScope(a)).execute()).map((r) => [
      r.id,
      r.number,
    ]),
  );
  return {
    action: input.action,
    done,
    failed: results.length - done,
    results: results.map((r) => ({ ...r, number: numbers.get(r.id) ?? null })),
  };
}
