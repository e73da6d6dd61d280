// The evaluate file (../shared/contracts/evaluate.md) for a set of people, built from the database:
// the same engine as `upskill evaluate` then decides it, so a claim decided in the API and the same
// claim in a file get the same decision (issue #4 §3).
//
// What the file holds, and why:
// - each person's facts (person_facts, the latest `as_of` per fact). A fact never recorded is left out,
//   i.e. unknown (R10), never false. Groups follow the contract: the list is complete, so a group with
//   no `true` fact on record is not the person's;
// - every enterprise any included claim names (insured, education fund by year, difficulty period);
// - the catalog and entrepreneurship types from the database tables (not the shipped sample);
// - ALL the person's claims: those to decide without a status, the others as history (R3, R4, R6,
//   §4.4, §4.6 days, §4.8); for §4.9 also the other trainees' claims of the same project, since the
//   contract total is used up across trainees.
import type { Kysely, Selectable } from 'kysely';
import { GROUPS } from '../../policy/codes.ts';
import { PolicySet, shippedPolicies } from '../../policy/index.ts';
import type { Database, ClaimStatus } from '../../store/schema.ts';

type Queryable = Kysely<Database>;
type ClaimRow = Selectable<Database['claims']>;

/** Store status → the contract's history status (evaluate.md: pending, approved, paid, rejected, withdrawn). */
export const HISTORY_STATUS: Record<ClaimStatus, 'pending' | 'approved' | 'paid' | 'rejected' | 'withdrawn'> = {
  submitted: 'pending',
  decided: 'pending',
  reviewed: 'pending',
  publicity: 'pending',
  approved: 'approved',
  paid: 'paid',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

/**
 * The history status a claim on record counts as. A claim still in review whose frozen decision is not
 * eligible (and has no R3 exception) counts as rejected: in the file engine too, only eligible
 * decisions count for the claims after them; it still counts as an appraisal attempt (R6).
 */
export function historyStatusOf(c: { status: ClaimStatus; outcome: string | null; r3_exception_reason: string | null }) {
  const inReview = c.status === 'decided' || c.status === 'reviewed' || c.status === 'publicity';
  if (inReview && c.outcome !== 'eligible' && c.r3_exception_reason == null) return 'rejected';
  return HISTORY_STATUS[c.status];
}

/** An apprenticeship plan counts as listed (列入计划, §4.1) once the HR office listed it, whatever happened after. */
const LISTED_PLAN = new Set(['listed', 'completed', 'failed', 'quit']);

const yuan = (fen: number) => fen / 100;
const levelOf = (level: string | null) => (level == null ? undefined : level === 'special' ? 'special' : Number(level));

function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out as Partial<T>;
}

export interface StoreEvaluateInput {
  /** The evaluate file, as a plain object (it can be written out and run with `upskill evaluate`). */
  file: { catalog: unknown[]; entrepreneurshipTypes: unknown[]; people: unknown[]; enterprises: unknown[]; claims: Record<string, unknown>[] };
  /** The claims decided by the file, in file order. */
  decidedIds: string[];
}

/** The policy packages on record (policy_packages), or the shipped ones when the table is empty. */
export async function policiesFromStore(db: Queryable): Promise<PolicySet> {
  const rows = await db.selectFrom('policy_packages').select(['data']).orderBy('id').execute();
  if (rows.length === 0) return shippedPolicies();
  return new PolicySet(rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data)));
}

/** Reference data: loaded once per run of the batch decider. */
export async function referenceFromStore(db: Queryable, onDate: string): Promise<{ catalog: unknown[]; entrepreneurshipTypes: unknown[] }> {
  const entries = await db.selectFrom('catalog_entries').selectAll().orderBy('id').execute();
  const catalog = entries.map((e) => compact({
    section: e.section, code: e.code, name: e.name, level: levelOf(e.level), baseStandardYuan: yuan(Number(e.base_standard_fen)),
    industry: e.industry, upliftRate: Number(e.uplift_rate),
    appraisalStandardYuan: e.appraisal_standard_fen == null ? null : yuan(Number(e.appraisal_standard_fen)),
    hours: e.hours == null ? null : Number(e.hours), effectiveFrom: e.effective_from, effectiveTo: e.effective_to,
  }));
  // Entrepreneurship types may be versioned (effective dates); the file holds one amount per type:
  // the edition in force on the date the claims are read at, else the latest one.
  const types = (await db.selectFrom('entrepreneurship_types').selectAll().execute()) as unknown as
    { code: string; name: string; amount_fen: number; effective_from?: string | null; effective_to?: string | null }[];
  const byCode = new Map<string, (typeof types)[number]>();
  for (const t of types) {
    const inForce = (t.effective_from ?? '0000-01-01') <= onDate && onDate <= (t.effective_to ?? '9999-12-31');
    const held = byCode.get(t.code);
    const heldInForce = held && (held.effective_from ?? '0000-01-01') <= onDate && onDate <= (held.effective_to ?? '9999-12-31');
    if (!held || (inForce && !heldInForce) || (inForce === Boolean(heldInForce) && (t.effective_from ?? '') > (held.effective_from ?? ''))) byCode.set(t.code, t);
  }
  const entrepreneurshipTypes = [...byCode.values()].map((t) => ({ code: t.code, name: t.name, amountYuan: yuan(Number(t.amount_fen)) }));
  return { catalog, entrepreneurshipTypes };
}

function chunked<T>(items: T[], size = 5000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The evaluate file deciding `toDecide` (claim ids) for the given people, with every other claim of
 * theirs as history. `reference` is the catalog and types (load once with referenceFromStore).
 * `exclude` leaves claims out of the history altogether (used only by the R3 exception, see there).
 */
export async function buildEvaluateInput(
  db: Queryable,
  residentIds: string[],
  toDecide: ReadonlySet<string>,
  reference: { catalog: unknown[]; entrepreneurshipTypes: unknown[] },
  exclude: ReadonlySet<string> = new Set(),
): Promise<StoreEvaluateInput> {
  const people = [...new Set(residentIds)];
  let claims: ClaimRow[] = [];
  for (const ids of chunked(people)) {
    claims.push(...(await db.selectFrom('claims').selectAll().where('resident_id', 'in', ids).orderBy('created_at').orderBy('id').execute()));
  }
  // §4.9: the other trainees' claims on the same projects use up the same contract total.
  const projectIds = [...new Set(claims.map((c) => c.project_id).filter((p): p is string => p != null))];
  const known = new Set(claims.map((c) => c.id));
  for (const ids of chunked(projectIds)) {
    const peers = await db.selectFrom('claims').selectAll().where('project_id', 'in', ids).orderBy('created_at').orderBy('id').execute();
    for (const p of peers) if (!known.has(p.id)) { claims.push(p); known.add(p.id); }
  }
  claims = claims.filter((c) => !exclude.has(c.id));
  const everyone = [...new Set(claims.map((c) => c.resident_id).concat(people))];

  const facts = new Map<string, Map<string, boolean>>();
  for (const ids of chunked(everyone)) {
    const rows = await db.selectFrom('person_facts').select(['resident_id', 'fact', 'value', 'as_of', 'id'])
      .where('resident_id', 'in', ids).orderBy('resident_id').orderBy('fact').orderBy('as_of').orderBy('id').execute();
    for (const r of rows) {
      let m = facts.get(r.resident_id);
      if (!m) facts.set(r.resident_id, (m = new Map()));
      m.set(r.fact, r.value); // ordered by as_of: the latest wins
    }
  }
  const names = new Map<string, string>();
  for (const ids of chunked(everyone)) {
    for (const p of await db.selectFrom('people').select(['resident_id', 'name']).where('resident_id', 'in', ids).execute()) names.set(p.resident_id, p.name);
  }

  const usccs = [...new Set(claims.map((c) => c.enterprise_uscc).filter((u): u is string => u != null))];
  const enterprises: unknown[] = [];
  for (const ids of chunked(usccs)) {
    const rows = await db.selectFrom('enterprises').select(['uscc', 'name', 'insured', 'dispatching_agency_uscc']).where('uscc', 'in', ids).execute();
    const funds = await db.selectFrom('enterprise_education_fund').select(['uscc', 'year', 'fully_used']).where('uscc', 'in', ids).execute();
    const difficulty = await db.selectFrom('enterprise_difficulty').select(['uscc', 'valid_from', 'valid_to', 'id']).where('uscc', 'in', ids).orderBy('valid_from').orderBy('id').execute();
    for (const e of rows) {
      const byYear: Record<string, boolean> = {};
      for (const f of funds) if (f.uscc === e.uscc) byYear[String(f.year)] = f.fully_used;
      // The contract holds one recognition period: the latest one recorded (periods are recorded in order).
      const d = difficulty.filter((x) => x.uscc === e.uscc).at(-1);
      enterprises.push(compact({
        uscc: e.uscc, name: e.name, insured: e.insured, educationFundFullyUsed: byYear,
        difficulty: d ? compact({ from: d.valid_from, to: d.valid_to }) : null,
      }));
    }
  }

  const planIds = [...new Set(claims.map((c) => c.apprenticeship_plan_id).filter((p): p is string => p != null))];
  const plans = new Map<string, string>();
  for (const ids of chunked(planIds)) {
    for (const p of await db.selectFrom('apprenticeship_plans').select(['id', 'status']).where('id', 'in', ids).execute()) plans.set(p.id, p.status);
  }
  const projects = new Map<string, { per: number; total: number }>();
  for (const ids of chunked(projectIds)) {
    for (const p of await db.selectFrom('projects').select(['id', 'per_trainee_fen', 'total_fen']).where('id', 'in', ids).execute()) {
      projects.set(p.id, { per: Number(p.per_trainee_fen), total: Number(p.total_fen) });
    }
  }

  // History first (it counts wherever it stands), then the claims to decide in the order they were submitted.
  const history = claims.filter((c) => !toDecide.has(c.id));
  const deciding = claims.filter((c) => toDecide.has(c.id))
    .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1));
  const toClaim = (c: ClaimRow, status?: string): Record<string, unknown> => {
    const project = c.project_id ? projects.get(c.project_id) : undefined;
    const plan = c.apprenticeship_plan_id ? plans.get(c.apprenticeship_plan_id) : undefined;
    return compact({
      ref: c.id, program: c.program, applicant: c.applicant, personId: c.resident_id, enterpriseUscc: c.enterprise_uscc,
      occupationCode: c.occupation_code, level: levelOf(c.level), entrepreneurshipType: c.entrepreneurship_type,
      startDate: c.start_date, endDate: c.end_date,
      attendedHours: c.attended_hours == null ? null : Number(c.attended_hours), attendedDays: c.attended_days,
      qualified: c.qualified,
      certificate: c.certificate_type ? compact({ type: c.certificate_type, number: c.certificate_number }) : null,
      newHire: c.new_hire, contractMonths: c.contract_months == null ? null : Number(c.contract_months),
      planApproved: plan !== undefined ? LISTED_PLAN.has(plan) : c.plan_approved,
      insuredMonths: c.insured_months, trainingRef: c.training_claim_id,
      projectId: c.project_id, contractPerTraineeYuan: project ? yuan(project.per) : null, contractTotalYuan: project ? yuan(project.total) : null,
      status,
    });
  };
  const file = {
    catalog: reference.catalog,
    entrepreneurshipTypes: reference.entrepreneurshipTypes,
    people: everyone.map((id) => {
      const f = facts.get(id) ?? new Map<string, boolean>();
      return compact({
        id, name: names.get(id), groups: GROUPS.filter((g) => f.get(g) === true),
        rural: f.get('rural'), pensionEntitled: f.get('pensionEntitled'), earlierAppraisal: f.get('earlierAppraisal'),
      });
    }),
    enterprises,
    claims: [...history.map((c) => toClaim(c, historyStatusOf(c))), ...deciding.map((c) => toClaim(c))],
  };
  return { file, decidedIds: deciding.map((c) => c.id) };
}
