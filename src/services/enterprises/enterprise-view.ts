import type { Tx } from '../../store/audit-log.ts';

export interface EnterpriseView {
  uscc: string;
  name: string;
  areaCode: string;
  industry: string;
  insured: boolean | null;
  directlyManaged: boolean;
  dispatchingAgencyUscc: string | null;
  educationFund: { year: number; fullyUsed: boolean; source: string }[];
  difficulty: { id: number; validFrom: string; validTo: string | null; source: string }[];
  /** 参保 (§4.8) as dated records, oldest first; `insured` above is the value registered at creation. */
  insuredHistory: { id: number; value: boolean; asOf: string; source: string; recordedBy: string; recordedAt: string }[];
  createdBy: string;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

export async function enterpriseView(
  tx: Tx,
  row: {
    uscc: string;
    name: string;
    area_code: string;
    industry: string;
    insured: boolean | null;
    directly_managed: boolean;
    dispatching_agency_uscc: string | null;
    created_by: string;
    created_at: Date;
    updated_by: string | null;
    updated_at: Date | null;
  },
): Promise<EnterpriseView> {
  const fund = await tx.selectFrom('enterprise_education_fund').selectAll().where('uscc', '=', row.uscc).orderBy('year').execute();
  const difficulty = await tx.selectFrom('enterprise_difficulty').selectAll().where('uscc', '=', row.uscc).orderBy('valid_from').execute();
  const insured = await tx
    .selectFrom('enterprise_facts')
    .selectAll()
    .where('uscc', '=', row.uscc)
    .where('fact', '=', 'insured')
    .orderBy('as_of')
    .orderBy('id')
    .execute();
  return {
    uscc: row.uscc,
    name: row.name,
    areaCode: row.area_code,
    industry: row.industry,
    insured: row.insured,
    directlyManaged: row.directly_managed,
    dispatchingAgencyUscc: row.dispatching_agency_uscc,
    educationFund: fund.map((f) => ({ year: f.year, fullyUsed: f.fully_used, source: f.source })),
    difficulty: difficulty.map((d) => ({ id: Number(d.id), validFrom: d.valid_from, validTo: d.valid_to, source: d.source })),
    insuredHistory: insured.map((f) => ({
      id: Number(f.id),
      value: f.value,
      asOf: f.as_of,
      source: f.source,
      recordedBy: f.recorded_by,
      recordedAt: f.recorded_at.toISOString(),
    })),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at?.toISOString() ?? null,
  };
}
