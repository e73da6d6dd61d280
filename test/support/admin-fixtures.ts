// Claim rows the admin tests (parameter changes, what-if) decide: §4.10 safety claims, whose amount is one parameter.
import type { Tx } from '../../src/store/transaction.ts';

/** A §4.10 safety claim by the enterprise (¥1,000 a certified trainee under the plan), submitted. */
export async function insertSafetyClaim(
  tx: Tx,
  c: { id: string; residentId: string; uscc: string; startDate: string; areaCode?: string; status?: 'submitted' },
) {
  await tx
    .insertInto('claims')
    .values({
      id: c.id,
      program: 'safety',
      applicant: 'enterprise',
      applicant_ref: c.uscc,
      resident_id: c.residentId,
      enterprise_uscc: c.uscc,
      class_id: null,
      provider_id: null,
      area_code: c.areaCode ?? '510402',
      occupation_code: 'SO-02',
      level: null,
      entrepreneurship_type: null,
      start_date: c.startDate,
      end_date: c.startDate,
      attended_hours: 40,
      attended_days: null,
      qualified: true,
      certificate_type: 'special_operation',
      certificate_number: `T-${c.id}`,
      new_hire: null,
      contract_months: null,
      plan_approved: null,
      insured_months: null,
      training_claim_id: null,
      project_id: null,
      status: c.status ?? 'submitted',
      outcome: null,
      amount_fen: null,
      payee: null,
      citations: null,
      reasons: null,
      missing: null,
      trace: null,
      policy_package_id: null,
      decided_at: null,
      r3_exception_reason: null,
      created_by: 'test',
      updated_by: null,
      updated_at: null,
    })
    .execute();
}
