// Registry rows the claim tests need (people with facts, enterprises, providers, funds), inserted
// directly: the registries' own services are tested elsewhere. Identifiers carry valid check characters.
import { residentIdCheckChar, usccCheckChar } from '../../src/policy/identifiers.ts';
import type { Tx } from '../../src/store/transaction.ts';

/** A valid resident ID (GB 11643) of an area, born 1985-03-12, numbered n. */
export function residentId(n: number, area = '510402', birth = '19850312'): string {
  const first17 = `${area}${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A valid USCC (GB 32100) numbered n. */
export function uscc(n: number): string {
  const first17 = `91510400MA6X${String(n).padStart(5, '0')}`;
  return first17 + usccCheckChar(first17);
}

export interface PersonFixture {
  residentId: string;
  name?: string;
  areaCode?: string;
  facts?: Record<string, boolean>;
}

export async function insertPeople(tx: Tx, people: PersonFixture[]): Promise<void> {
  for (let i = 0; i < people.length; i += 1000) {
    const chunk = people.slice(i, i + 1000);
    await tx
      .insertInto('people')
      .values(
        chunk.map((p) => ({
          resident_id: p.residentId,
          name: p.name ?? '测试人员',
          area_code: p.areaCode ?? '510402',
          phone: null,
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })),
      )
      .execute();
    const facts = chunk.flatMap((p) =>
      Object.entries(p.facts ?? {}).map(([fact, value]) => ({
        resident_id: p.residentId,
        fact,
        value,
        source: '测试',
        as_of: '2020-01-01',
        recorded_by: 'test',
      })),
    );
    if (facts.length) await tx.insertInto('person_facts').values(facts).execute();
  }
}

export async function insertEnterprise(
  tx: Tx,
  e: { uscc: string; areaCode?: string; insured?: boolean | null; educationFund?: Record<number, boolean> },
): Promise<void> {
  await tx
    .insertInto('enterprises')
    .values({
      uscc: e.uscc,
      name: '测试企业',
      area_code: e.areaCode ?? '510402',
      industry: 'vanadium_titanium',
      insured: e.insured ?? true,
      dispatching_agency_uscc: null,
      created_by: 'test',
      updated_by: null,
      updated_at: null,
    })
    .execute();
  for (const [year, used] of Object.entries(e.educationFund ?? {})) {
    await tx
      .insertInto('enterprise_education_fund')
      .values({ uscc: e.uscc, year: Number(year), fully_used: used, source: '测试', recorded_by: 'test' })
      .execute();
  }
}

export async function insertProvider(tx: Tx, id: string, areaCode = '510402'): Promise<void> {
  await tx
    .insertInto('providers')
    .values({
      id,
      name: '测试培训学校',
      kind: 'training_institution',
      uscc: null,
      area_code: areaCode,
      created_by: 'test',
      updated_by: null,
      updated_at: null,
    })
    .execute();
}

export async function insertFund(tx: Tx, source: 'special_action' | 'employment_fund', year: number, budgetFen: number): Promise<string> {
  const id = `${source}-${year}`;
  await tx
    .insertInto('funds')
    .values({ id, source, year, budget_fen: budgetFen, created_by: 'test', updated_by: null, updated_at: null })
    .execute();
  return id;
}

/** A §4.2 skill-upgrade claim body (露天采矿工 四级 in the shipped sample catalog: 1700 × 1.1 = 1870 yuan). */
export function skillUpgradeBody(person: string, overrides: Record<string, unknown> = {}) {
  return {
    program: 'skill_upgrade',
    residentId: person,
    occupationCode: '6-16-01-03',
    level: 4,
    startDate: '2020-03-02',
    endDate: '2020-06-30',
    attendedHours: 160,
    qualified: true,
    certificate: { type: 'skill_level', number: `S-${person}-${String(overrides.endDate ?? '')}` },
    ...overrides,
  };
}

/** A claim row on record in any status (history, or a claim placed in a status for a transition test). */
export async function insertClaimRow(
  tx: Tx,
  row: {
    id: string;
    residentId: string;
    status: import('../../src/store/schema.ts').ClaimStatus;
    program?: string;
    enterpriseUscc?: string | null;
    occupationCode?: string;
    level?: string;
    startDate?: string;
    endDate?: string;
    areaCode?: string;
    outcome?: string | null;
    amountFen?: number | null;
    payee?: string | null;
  },
): Promise<void> {
  await tx
    .insertInto('claims')
    .values({
      id: row.id,
      program: row.program ?? 'skill_upgrade',
      applicant: 'individual',
      applicant_ref: null,
      resident_id: row.residentId,
      enterprise_uscc: row.enterpriseUscc ?? null,
      class_id: null,
      provider_id: null,
      area_code: row.areaCode ?? '510402',
      occupation_code: row.occupationCode ?? '6-16-01-03',
      level: row.level ?? '4',
      entrepreneurship_type: null,
      start_date: row.startDate ?? '2020-03-02',
      end_date: row.endDate ?? '2020-06-30',
      attended_hours: 160,
      attended_days: null,
      qualified: true,
      certificate_type: 'skill_level',
      certificate_number: `S-${row.id}`,
      new_hire: null,
      contract_months: null,
      plan_approved: null,
      insured_months: null,
      training_claim_id: null,
      project_id: null,
      status: row.status,
      outcome: row.outcome ?? null,
      amount_fen: row.amountFen ?? null,
      payee: row.payee ?? null,
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
