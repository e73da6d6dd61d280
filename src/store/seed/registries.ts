// Registry records for demo data (`upskill demo`) and tests: people with their facts, enterprises,
// providers with licence scopes. Direct inserts with one audit entry each, like the use cases write,
// but without the role checks (the seeding process is the actor).
import { appendAudit, appendAuditEntries, type Tx } from '../audit-log.ts';

export interface SeedFact {
  fact: string;
  value: boolean;
  source?: string;
  asOf?: string;
}

export interface SeedPerson {
  residentId: string;
  name?: string;
  areaCode?: string;
  phone?: string | null;
  facts?: SeedFact[];
}

export async function insertPerson(tx: Tx, p: SeedPerson, actor = 'seed'): Promise<string> {
  await insertPeople(tx, [p], actor);
  return p.residentId;
}

/** Many people in a few multi-row statements (a register loaded at once), one audit entry each. */
export async function insertPeople(tx: Tx, people: SeedPerson[], actor = 'seed'): Promise<void> {
  const CHUNK = 1000;
  for (let i = 0; i < people.length; i += CHUNK) {
    const chunk = people.slice(i, i + CHUNK);
    await tx
      .insertInto('people')
      .values(
        chunk.map((p) => ({
          resident_id: p.residentId,
          name: p.name ?? '测试人员',
          area_code: p.areaCode ?? '510402',
          phone: p.phone ?? null,
          created_by: actor,
          updated_by: null,
          updated_at: null,
        })),
      )
      .execute();
    const facts = chunk.flatMap((p) =>
      (p.facts ?? []).map((f) => ({
        resident_id: p.residentId,
        fact: f.fact,
        value: f.value,
        source: f.source ?? '演示数据',
        as_of: f.asOf ?? '2020-01-01',
        recorded_by: actor,
      })),
    );
    for (let k = 0; k < facts.length; k += CHUNK)
      await tx
        .insertInto('person_facts')
        .values(facts.slice(k, k + CHUNK))
        .execute();
  }
  await appendAuditEntries(
    tx,
    people.map((p) => ({
      actor,
      action: 'person.create',
      entity: 'person',
      entityId: p.residentId,
      data: { areaCode: p.areaCode ?? '510402', facts: p.facts?.length ?? 0 },
    })),
  );
}

export interface SeedEnterprise {
  uscc: string;
  name?: string;
  areaCode?: string;
  industry?: 'vanadium_titanium' | 'health_care' | 'modern_service' | 'other';
  insured?: boolean | null;
  directlyManaged?: boolean;
  dispatchingAgencyUscc?: string | null;
  educationFund?: { year: number; fullyUsed: boolean }[];
  difficulty?: { from: string; to: string | null }[];
}

export async function insertEnterprise(tx: Tx, e: SeedEnterprise, actor = 'seed'): Promise<string> {
  await tx
    .insertInto('enterprises')
    .values({
      uscc: e.uscc,
      name: e.name ?? '测试企业',
      area_code: e.areaCode ?? '510402',
      industry: e.industry ?? 'other',
      insured: e.insured === undefined ? true : e.insured,
      directly_managed: e.directlyManaged ?? false,
      dispatching_agency_uscc: e.dispatchingAgencyUscc ?? null,
      created_by: actor,
      updated_by: null,
      updated_at: null,
    })
    .execute();
  for (const f of e.educationFund ?? []) {
    await tx
      .insertInto('enterprise_education_fund')
      .values({ uscc: e.uscc, year: f.year, fully_used: f.fullyUsed, source: '演示数据', recorded_by: actor })
      .execute();
  }
  for (const d of e.difficulty ?? []) {
    await tx
      .insertInto('enterprise_difficulty')
      .values({ uscc: e.uscc, valid_from: d.from, valid_to: d.to, source: '演示数据', recorded_by: actor })
      .execute();
  }
  await appendAudit(tx, {
    actor,
    action: 'enterprise.create',
    entity: 'enterprise',
    entityId: e.uscc,
    data: { areaCode: e.areaCode ?? '510402' },
  });
  return e.uscc;
}

export interface SeedScope {
  program: string;
  occupationCode?: string | null;
  level?: string | null;
  validFrom?: string;
  validTo?: string | null;
}

export interface SeedProvider {
  id: string;
  name?: string;
  kind?: 'enterprise_center' | 'college' | 'social_institution' | 'evaluation_institution';
  uscc?: string | null;
  areaCode?: string;
  status?: 'listed' | 'suspended' | 'delisted';
  entrepreneurshipQualified?: boolean;
  scopes?: SeedScope[];
}

export async function insertProvider(tx: Tx, p: SeedProvider, actor = 'seed'): Promise<string> {
  await tx
    .insertInto('providers')
    .values({
      id: p.id,
      name: p.name ?? '测试培训机构',
      kind: p.kind ?? 'social_institution',
      uscc: p.uscc ?? null,
      area_code: p.areaCode ?? '510402',
      status: p.status ?? 'listed',
      entrepreneurship_qualified: p.entrepreneurshipQualified ?? false,
      created_by: actor,
      updated_by: null,
      updated_at: null,
    })
    .execute();
  for (const s of p.scopes ?? []) {
    await tx
      .insertInto('provider_scopes')
      .values({
        provider_id: p.id,
        program: s.program,
        occupation_code: s.occupationCode ?? null,
        level: s.level ?? null,
        valid_from: s.validFrom ?? '2020-01-14',
        valid_to: s.validTo ?? null,
      })
      .execute();
  }
  await appendAudit(tx, { actor, action: 'provider.create', entity: 'provider', entityId: p.id, data: { scopes: p.scopes?.length ?? 0 } });
  return p.id;
}
