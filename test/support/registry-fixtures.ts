// Identifiers with valid check characters, and a claim row on record, for the registry and class tests.
import { residentIdCheckChar, usccCheckChar } from '../../src/policy/identifiers.ts';
import type { Tx } from '../../src/store/transaction.ts';

/** A valid resident ID (GB 11643) numbered n, born 1985-03-12 in 东区. */
export function rid(n: number): string {
  const first17 = `51040219850312${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A valid USCC (GB 32100) numbered n. */
export function usccOf(n: number): string {
  const first17 = `91510400MA6R${String(n).padStart(5, '0')}`;
  return first17 + usccCheckChar(first17);
}

export async function insertClaimOnRecord(
  tx: Tx,
  c: {
    id: string;
    residentId: string;
    program: string;
    status: 'submitted' | 'decided' | 'approved' | 'paid' | 'rejected' | 'withdrawn';
    startDate: string;
    endDate: string;
    occupationCode?: string | null;
    level?: string | null;
    enterpriseUscc?: string | null;
    insuredMonths?: number | null;
  },
): Promise<void> {
  await tx
    .insertInto('claims')
    .values({
      id: c.id,
      program: c.program,
      applicant: 'enterprise',
      applicant_ref: null,
      resident_id: c.residentId,
      enterprise_uscc: c.enterpriseUscc ?? null,
      class_id: null,
      provider_id: null,
      area_code: '510402',
      occupation_code: c.occupationCode ?? null,
      level: c.level ?? null,
      entrepreneurship_type: null,
      start_date: c.startDate,
      end_date: c.endDate,
      attended_hours: null,
      attended_days: null,
      qualified: true,
      certificate_type: null,
      certificate_number: null,
      new_hire: null,
      contract_months: null,
      plan_approved: null,
      insured_months: c.insuredMonths ?? null,
      training_claim_id: null,
      project_id: null,
      status: c.status,
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
