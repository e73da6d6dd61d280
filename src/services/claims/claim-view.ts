// How a claim is shown: resident IDs masked for roles that do not need them; the frozen decision
// with its policy package; the R3 exception when one was recorded.
import type { Actor } from '../access.ts';
import { residentIdFor } from '../access.ts';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { ClaimRow } from './claim-scope.ts';
import { allowedClaimActs } from './claim-states.ts';

/** The names users read beside a claim's codes (the trainee's name is masked by maskPersonalData where the ID is). */
export interface ClaimNames {
  trainee_name: string | null;
  provider_name: string | null;
  enterprise_name: string | null;
  class_number: string | null;
  occupation_name: string | null;
}

/** Selects ClaimNames for a query over `claims`: one correlated lookup each, on the page's rows only. */
export function claimNames(eb: ExpressionBuilder<Database, 'claims'>) {
  return [
    eb.selectFrom('people as np').select('np.name').whereRef('np.resident_id', '=', 'claims.resident_id').as('trainee_name'),
    eb.selectFrom('providers as npr').select('npr.name').whereRef('npr.id', '=', 'claims.provider_id').as('provider_name'),
    eb.selectFrom('enterprises as ne').select('ne.name').whereRef('ne.uscc', '=', 'claims.enterprise_uscc').as('enterprise_name'),
    eb.selectFrom('classes as nc').select('nc.number').whereRef('nc.id', '=', 'claims.class_id').as('class_number'),
    sql<
      string | null
    >`(select ce.name from catalog_entries ce where ce.code = claims.occupation_code order by ce.effective_from desc nulls last limit 1)`.as(
      'occupation_name',
    ),
  ] as const;
}

export function claimView(actor: Actor | null, c: ClaimRow & Partial<ClaimNames>, options: { trace?: boolean } = {}) {
  return {
    id: c.id,
    number: c.number,
    program: c.program,
    applicant: c.applicant,
    status: c.status,
    areaCode: c.area_code,
    residentId: residentIdFor(actor, c.resident_id),
    traineeName: c.trainee_name ?? null,
    providerName: c.provider_name ?? null,
    enterpriseName: c.enterprise_name ?? null,
    classNumber: c.class_number ?? null,
    occupationName: c.occupation_name ?? null,
    enterpriseUscc: c.enterprise_uscc,
    providerId: c.provider_id,
    classId: c.class_id,
    occupationCode: c.occupation_code,
    level: c.level,
    startDate: c.start_date,
    endDate: c.end_date,
    outcome: c.outcome,
    amountFen: c.amount_fen == null ? null : Number(c.amount_fen),
    payee: c.payee,
    citations: (c.citations as string[] | null) ?? [],
    reasons: (c.reasons as string[] | null) ?? [],
    missing: (c.missing as string[] | null) ?? [],
    policyPackageId: c.policy_package_id,
    decidedAt: c.decided_at ? new Date(c.decided_at).toISOString() : null,
    fundSource: c.fund_source ?? null,
    r3Exception:
      c.r3_exception_reason == null
        ? null
        : {
            reason: c.r3_exception_reason,
            by: c.r3_exception_by ?? null,
            at: c.r3_exception_at ? new Date(c.r3_exception_at).toISOString() : null,
            amountFen: c.r3_exception_amount_fen == null ? null : Number(c.r3_exception_amount_fen),
            payee: c.r3_exception_payee ?? null,
          },
    ...(options.trace ? { trace: c.trace ?? null } : {}),
    // On the claim's own page: the acts the viewer may take (the page offers these and no others).
    ...(options.trace && actor ? { allowedActs: allowedClaimActs(actor, c) } : {}),
  };
}
export type ClaimView = ReturnType<typeof claimView>;
