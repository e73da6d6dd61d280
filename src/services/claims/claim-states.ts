// The claim lifecycle (DESIGN.md "Claim 补贴申领") as one table: which act moves a claim from which
// statuses to which. Every use case asks this table; a wrong transition changes nothing.
import type { ClaimStatus } from '../../store/schema.ts';
import { CLAIM_STATUS_NAMES } from '../../vocabulary/statuses.ts';
import type { Actor } from '../access.ts';
import { AppError } from '../app-error.ts';

export type ClaimAct = 'decide' | 'review' | 'publish' | 'approve' | 'pay' | 'reject' | 'withdraw' | 'r3_exception' | 'revoke';

export const CLAIM_TRANSITIONS: Record<ClaimAct, { from: readonly ClaimStatus[]; to: ClaimStatus }> = {
  // A decision may be taken again while the claim waits for review (e.g. an undecided claim once the
  // missing fact is recorded); once reviewed, the frozen decision stands.
  decide: { from: ['submitted', 'decided'], to: 'decided' },
  review: { from: ['decided'], to: 'reviewed' },
  publish: { from: ['reviewed'], to: 'publicity' },
  approve: { from: ['publicity'], to: 'approved' },
  pay: { from: ['approved'], to: 'paid' },
  // An objection upheld during publicity rejects the claim (publicity → rejected).
  reject: { from: ['submitted', 'decided', 'reviewed', 'publicity'], to: 'rejected' },
  // The applicant may withdraw until the claim is published.
  withdraw: { from: ['submitted', 'decided', 'reviewed'], to: 'withdrawn' },
  // The R3 exception (§4.0 "原则上") is recorded on a decided claim; it does not move the claim.
  r3_exception: { from: ['decided'], to: 'decided' },
  // A sanction (§5.2, risk/sanction.ts) on an approved claim not yet paid: the approval is revoked and
  // the claim rejected, its reservation released and its payment-batch line withdrawn, together.
  revoke: { from: ['approved'], to: 'rejected' },
};

const ACT_NAMES: Record<ClaimAct, string> = {
  decide: '判定',
  review: '审核通过',
  publish: '公示',
  approve: '批准',
  pay: '支付',
  reject: '驳回',
  withdraw: '撤回',
  r3_exception: '登记年度次数例外',
  revoke: '撤销批准并驳回',
};

/** The status an act leads to; AppError('invalid_transition') when the claim is not in a status it starts from. */
export function transition(claimNumber: string, current: ClaimStatus, act: ClaimAct): ClaimStatus {
  const t = CLAIM_TRANSITIONS[act];
  if (!t.from.includes(current)) {
    throw new AppError(
      'invalid_transition',
      `申领 ${claimNumber} 当前状态为“${CLAIM_STATUS_NAMES[current]}”，不能${ACT_NAMES[act]}（仅限${t.from.map((s) => `“${CLAIM_STATUS_NAMES[s]}”`).join('、')}状态）`,
      'status',
    );
  }
  return t.to;
}

/** The acts a claim's page offers (the web shows these and nothing else; each use case checks again). */
export const CLAIM_PAGE_ACTS = ['decide', 'review', 'r3_exception', 'approve', 'reject', 'withdraw'] as const;
export type ClaimPageAct = (typeof CLAIM_PAGE_ACTS)[number];

interface ClaimForActs {
  status: ClaimStatus;
  outcome: string | null;
  area_code: string;
  applicant: string;
  resident_id: string;
  enterprise_uscc: string | null;
  provider_id: string | null;
  r3_exception_reason: string | null;
  /** The frozen decision's trace (its steps are read for the R3 exception: failed on R3 alone). */
  trace?: unknown;
}

const can = (act: ClaimAct, c: ClaimForActs) => CLAIM_TRANSITIONS[act].from.includes(c.status);

/** Ineligible on R3 alone (§4.0 "原则上"): the only decision the city may let through with an exception. */
export function failedOnR3Alone(c: { outcome: string | null; trace?: unknown }): boolean {
  const steps = (c.trace as { steps?: { rule: string; result: string }[] } | null | undefined)?.steps ?? [];
  const failed = steps.filter((s) => s.result === 'fail');
  return c.outcome === 'ineligible' && failed.length > 0 && failed.every((s) => s.rule === 'R3');
}

/** A decision that may be reviewed: eligible, or ineligible with the city's R3 exception recorded. */
export function reviewable(c: { outcome: string | null; r3_exception_reason: string | null }): boolean {
  return c.outcome === 'eligible' || (c.outcome === 'ineligible' && c.r3_exception_reason != null);
}

/**
 * What `actor` may do to the claim now, by the same rules the use cases enforce: the office of the
 * claim's area (or the city) decides, reviews, approves and rejects (requireReviewer); only the city
 * records the R3 exception (§4.0 "原则上"), on a claim that failed R3 alone; the applicant or the office
 * withdraws until publicity.
 */
export function allowedClaimActs(actor: Actor, c: ClaimForActs): ClaimPageAct[] {
  const office = actor.role === 'city' || (actor.role === 'county' && actor.areaCode === c.area_code);
  const applicant =
    (actor.role === 'trainee' && c.resident_id === actor.residentId) ||
    (actor.role === 'enterprise' && c.applicant === 'enterprise' && c.enterprise_uscc === actor.enterpriseUscc) ||
    (actor.role === 'provider' && c.applicant === 'institution' && c.provider_id === actor.providerId);
  const acts: ClaimPageAct[] = [];
  if (office) {
    if (c.status === 'submitted' || (c.status === 'decided' && c.outcome === 'undecided')) acts.push('decide');
    if (can('review', c) && reviewable(c)) acts.push('review');
    if (actor.role === 'city' && can('r3_exception', c) && failedOnR3Alone(c) && c.r3_exception_reason == null) acts.push('r3_exception');
    if (can('approve', c)) acts.push('approve');
    if (can('reject', c)) acts.push('reject');
  }
  if ((office || applicant) && can('withdraw', c)) acts.push('withdraw');
  return acts;
}
