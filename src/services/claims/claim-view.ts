// How a claim is shown: resident IDs masked for roles that do not need them; the frozen decision
// with its policy package; the R3 exception when one was recorded.
import type { Actor } from '../access.ts';
import { residentIdFor } from '../access.ts';
import type { ClaimRow } from './claim-scope.ts';

export function claimView(actor: Actor | null, c: ClaimRow, options: { trace?: boolean } = {}) {
  return {
    id: c.id, program: c.program, applicant: c.applicant, status: c.status, areaCode: c.area_code,
    residentId: residentIdFor(actor, c.resident_id), enterpriseUscc: c.enterprise_uscc, providerId: c.provider_id, classId: c.class_id,
    occupationCode: c.occupation_code, level: c.level, startDate: c.start_date, endDate: c.end_date,
    outcome: c.outcome, amountFen: c.amount_fen == null ? null : Number(c.amount_fen), payee: c.payee,
    citations: (c.citations as string[] | null) ?? [], reasons: (c.reasons as string[] | null) ?? [], missing: (c.missing as string[] | null) ?? [],
    policyPackageId: c.policy_package_id, decidedAt: c.decided_at ? new Date(c.decided_at).toISOString() : null, fundSource: c.fund_source ?? null,
    r3Exception: c.r3_exception_reason == null ? null : {
      reason: c.r3_exception_reason, by: c.r3_exception_by ?? null, at: c.r3_exception_at ? new Date(c.r3_exception_at).toISOString() : null,
      amountFen: c.r3_exception_amount_fen == null ? null : Number(c.r3_exception_amount_fen), payee: c.r3_exception_payee ?? null,
    },
    ...(options.trace ? { trace: c.trace ?? null } : {}),
  };
}
export type ClaimView = ReturnType<typeof claimView>;
