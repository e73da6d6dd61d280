// The evaluate file (docs/evaluate.md) for a set of people, built from the database:
// the same engine as `upskill evaluate` then decides it, so a claim decided in the API and the same
// claim in a file get the same decision.
//
// What the file holds, and why:
// - each person's facts as timelines (SPEC Facts in time, contract v2.2): every dated record of
//   person_facts is a change from its `as_of` on (two records with the same `as_of`: the one recorded
//   last stands, a correction). The engine reads them as of each claim's own start, so a claim decided
//   today and next year gets the same answer, and a record entered late with an earlier `as_of` counts
//   for the claims it covers. Before the first record the fact is unknown (R10), never false. Groups
//   become membership periods: member from a `true` record until the next `false` one; the list is
//   complete, so a group no period covers on a date is not the person's;
// - every enterprise any included claim names: `insured` as a timeline of its dated records
//   (enterprise_facts) or, for an enterprise with none, the undated value it was registered with (one
//   value on every date, as before). With dated records, a registered value still holds before the
//   first of them: a dated record (by hand or from the social-insurance extract) speaks from its date
//   on and must not turn what was known before it into unknown; education fund by year; every
//   difficulty recognition;
// - the catalog and entrepreneurship types from the database tables (not the shipped sample);
// - ALL the person's claims: those to decide without a status, the others as history (R3, R4, R6,
//   §4.4, §4.6 days, §4.8); for §4.9 also the other trainees' claims of the same project, since the
//   contract total is used up across trainees.
import type { Kysely, Selectable } from 'kysely';
import { GROUPS } from '../../policy/codes.ts';
import { addDays } from '../../policy/dates.ts';
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
  file: {
    catalog: unknown[];
    entrepreneurshipTypes: unknown[];
    people: unknown[];
    enterprises: unknown[];
    claims: Record<string, unknown>[];
  };
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
  const catalog = entries.map((e) =>
    compact({
      section: e.section,
      code: e.code,
      name: e.name,
      level: levelOf(e.level),
      baseStandardYuan: yuan(Number(e.base_standard_fen)),
      industry: e.industry,
      upliftRate: Number(e.uplift_rate),
      appraisalStandardYuan: e.appraisal_standard_fen == null ? null : yuan(Number(e.appraisal_standard_fen)),
      hours: e.hours == null ? null : Number(e.hours),
      effectiveFrom: e.effective_from,
      effectiveTo: e.effective_to,
    }),
  );
  // Entrepreneurship types may be versioned (effective dates); the file holds one amount per type:
  // the edition in force on the date the claims are read at, else the latest one.
  const types = (await db.selectFrom('entrepreneurship_types').selectAll().execute()) as unknown as {
    code: string;
    name: string;
    amount_fen: number;
    effective_from?: string | null;
    effective_to?: string | null;
  }[];
  const byCode = new Map<string, (typeof types)[number]>();
  for (const t of types) {
    const inForce = (t.effective_from ?? '0000-01-01') <= onDate && onDate <= (t.effective_to ?? '9999-12-31');
    const held = byCode.get(t.code);
    const heldInForce = held && (held.effective_from ?? '0000-01-01') <= onDate && onDate <= (held.effective_to ?? '9999-12-31');
    if (!held || (inForce && !heldInForce) || (inForce === Boolean(heldInForce) && (t.effective_from ?? '') > (held.effective_from ?? '')))
      byCode.set(t.code, t);
  }
  const entrepreneurshipTypes = [...byCode.values()].map((t) => ({ code: t.code, name: t.name, amountYuan: yuan(Number(t.amount_fen)) }));
  return { catalog, entrepreneurshipTypes };
}

interface DatedValue {
  from: string;
  value: boolean;
}

/** Facts not yet on record, read as if they were recorded last (the preview of a change, or the change itself). */
export interface PendingFacts {
  personFacts?: PendingPersonFact[];
  insured?: { uscc: string; value: boolean; as_of: string }[];
  difficulty?: { uscc: string; valid_from: string; valid_to: string | null }[];
  educationFund?: { uscc: string; year: number; fully_used: boolean }[];
}
export interface PendingPersonFact {
  resident_id: string;
  fact: string;
  value: boolean;
  as_of: string;
}

/**
 * Dated records (in `as_of` order, then recording order) as a contract timeline: one change per date,
 * the one recorded last for a date standing (a correction), and a change to the same value dropped.
 */
/** The first day of a value that holds on every date (an enterprise's registered 参保, before its dated records). */
export const SINCE_EVER = '1900-01-01';

export function timeline(records: readonly DatedValue[]): DatedValue[] {
  const byDate = new Map<string, boolean>();
  for (const r of records) byDate.set(r.from, r.value);
  const out: DatedValue[] = [];
  for (const from of [...byDate.keys()].sort()) {
    const value = byDate.get(from)!;
    if (out.at(-1)?.value !== value) out.push({ from, value });
  }
  return out;
}

/** A group's dated records as membership periods: member from a `true` change to the day before the next `false`. */
export function membershipPeriods(
  group: string,
  records: readonly DatedValue[] | undefined,
): { group: string; from: string; to?: string }[] {
  if (!records) return [];
  const changes = timeline(records);
  const out: { group: string; from: string; to?: string }[] = [];
  for (let i = 0; i < changes.length; i++) {
    if (!changes[i]!.value) continue;
    const next = changes[i + 1];
    out.push(next ? { group, from: changes[i]!.from, to: addDays(next.from, -1) } : { group, from: changes[i]!.from });
  }
  return out;
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
  pending: PendingFacts = {},
): Promise<StoreEvaluateInput> {
  const people = [...new Set(residentIds)];
  let claims: ClaimRow[] = [];
  for (const ids of chunked(people)) {
    claims.push(
      ...(await db.selectFrom('claims').selectAll().where('resident_id', 'in', ids).orderBy('created_at').orderBy('id').execute()),
    );
  }
  // §4.9: the other trainees' claims on the same projects use up the same contract total.
  const projectIds = [...new Set(claims.map((c) => c.project_id).filter((p): p is string => p != null))];
  const known = new Set(claims.map((c) => c.id));
  for (const ids of chunked(projectIds)) {
    const peers = await db.selectFrom('claims').selectAll().where('project_id', 'in', ids).orderBy('created_at').orderBy('id').execute();
    for (const p of peers)
      if (!known.has(p.id)) {
        claims.push(p);
        known.add(p.id);
      }
  }
  claims = claims.filter((c) => !exclude.has(c.id));
  const everyone = [...new Set(claims.map((c) => c.resident_id).concat(people))];

  const facts = new Map<string, Map<string, DatedValue[]>>();
  const addFact = (r: PendingPersonFact) => {
    let m = facts.get(r.resident_id);
    if (!m) facts.set(r.resident_id, (m = new Map()));
    let list = m.get(r.fact);
    if (!list) m.set(r.fact, (list = []));
    list.push({ from: r.as_of, value: r.value });
  };
  for (const ids of chunked(everyone)) {
    const rows = await db
      .selectFrom('person_facts')
      .select(['resident_id', 'fact', 'value', 'as_of', 'id'])
      .where('resident_id', 'in', ids)
      .orderBy('resident_id')
      .orderBy('fact')
      .orderBy('as_of')
      .orderBy('id')
      .execute();
    for (const r of rows) addFact(r);
  }
  // A fact about to be recorded (a preview, or the record being saved) counts as recorded last.
  for (const r of pending.personFacts ?? []) if (everyone.includes(r.resident_id)) addFact(r);
  const names = new Map<string, string>();
  for (const ids of chunked(everyone)) {
    for (const p of await db.selectFrom('people').select(['resident_id', 'name']).where('resident_id', 'in', ids).execute())
      names.set(p.resident_id, p.name);
  }

  const usccs = [...new Set(claims.map((c) => c.enterprise_uscc).filter((u): u is string => u != null))];
  const enterprises: unknown[] = [];
  for (const ids of chunked(usccs)) {
    const rows = await db
      .selectFrom('enterprises')
      .select(['uscc', 'name', 'insured', 'dispatching_agency_uscc'])
      .where('uscc', 'in', ids)
      .execute();
    const funds: { uscc: string; year: number; fully_used: boolean }[] = await db
      .selectFrom('enterprise_education_fund')
      .select(['uscc', 'year', 'fully_used'])
      .where('uscc', 'in', ids)
      .execute();
    const difficulty: { uscc: string; valid_from: string; valid_to: string | null }[] = await db
      .selectFrom('enterprise_difficulty')
      .select(['uscc', 'valid_from', 'valid_to', 'id'])
      .where('uscc', 'in', ids)
      .orderBy('valid_from')
      .orderBy('id')
      .execute();
    const insured: { uscc: string; value: boolean; as_of: string }[] = await db
      .selectFrom('enterprise_facts')
      .select(['uscc', 'value', 'as_of', 'id'])
      .where('uscc', 'in', ids)
      .where('fact', '=', 'insured')
      .orderBy('as_of')
      .orderBy('id')
      .execute();
    for (const f of pending.educationFund ?? []) {
      const i = funds.findIndex((x) => x.uscc === f.uscc && x.year === f.year);
      if (i >= 0) funds[i] = f;
      else funds.push(f);
    }
    difficulty.push(...(pending.difficulty ?? []));
    difficulty.sort((a, b) => (a.valid_from < b.valid_from ? -1 : a.valid_from > b.valid_from ? 1 : 0));
    insured.push(...(pending.insured ?? []));
    for (const e of rows) {
      const byYear: Record<string, boolean> = {};
      for (const f of funds) if (f.uscc === e.uscc) byYear[String(f.year)] = f.fully_used;
      const periods = difficulty.filter((x) => x.uscc === e.uscc).map((d) => compact({ from: d.valid_from, to: d.valid_to }));
      const dated = insured.filter((x) => x.uscc === e.uscc).map((x) => ({ from: x.as_of, value: x.value }));
      enterprises.push(
        compact({
          uscc: e.uscc,
          name: e.name,
          insured: dated.length > 0 ? timeline(e.insured == null ? dated : [{ from: SINCE_EVER, value: e.insured }, ...dated]) : e.insured,
          educationFundFullyUsed: byYear,
          difficulty: periods.length > 0 ? periods : null,
        }),
      );
    }
  }

  const planIds = [...new Set(claims.map((c) => c.apprenticeship_plan_id).filter((p): p is string => p != null))];
  const plans = new Map<string, string>();
  for (const ids of chunked(planIds)) {
    for (const p of await db.selectFrom('apprenticeship_plans').select(['id', 'status']).where('id', 'in', ids).execute())
      plans.set(p.id, p.status);
  }
  const projects = new Map<string, { number: string; per: number; total: number }>();
  for (const ids of chunked(projectIds)) {
    for (const p of await db
      .selectFrom('projects')
      .select(['id', 'number', 'per_trainee_fen', 'total_fen'])
      .where('id', 'in', ids)
      .execute()) {
      projects.set(p.id, { number: p.number, per: Number(p.per_trainee_fen), total: Number(p.total_fen) });
    }
  }

  // History first (it counts wherever it stands), then the claims to decide in the order they were submitted.
  const history = claims.filter((c) => !toDecide.has(c.id));
  const deciding = claims
    .filter((c) => toDecide.has(c.id))
    .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1));
  const toClaim = (c: ClaimRow, status?: string): Record<string, unknown> => {
    const project = c.project_id ? projects.get(c.project_id) : undefined;
    const plan = c.apprenticeship_plan_id ? plans.get(c.apprenticeship_plan_id) : undefined;
    return compact({
      ref: c.id,
      program: c.program,
      applicant: c.applicant,
      personId: c.resident_id,
      enterpriseUscc: c.enterprise_uscc,
      occupationCode: c.occupation_code,
      level: levelOf(c.level),
      entrepreneurshipType: c.entrepreneurship_type,
      startDate: c.start_date,
      endDate: c.end_date,
      attendedHours: c.attended_hours == null ? null : Number(c.attended_hours),
      attendedDays: c.attended_days,
      qualified: c.qualified,
      certificate: c.certificate_type ? compact({ type: c.certificate_type, number: c.certificate_number }) : null,
      newHire: c.new_hire,
      contractMonths: c.contract_months == null ? null : Number(c.contract_months),
      planApproved: plan !== undefined ? LISTED_PLAN.has(plan) : c.plan_approved,
      insuredMonths: c.insured_months,
      trainingRef: c.training_claim_id,
      // The project's record number (XM-…), unique like its id: the engine keys the contract's ledger on it
      // and names it in the decision's steps, which users read.
      projectId: project ? project.number : c.project_id,
      contractPerTraineeYuan: project ? yuan(project.per) : null,
      contractTotalYuan: project ? yuan(project.total) : null,
      status,
    });
  };
  const file = {
    catalog: reference.catalog,
    entrepreneurshipTypes: reference.entrepreneurshipTypes,
    people: everyone.map((id) => {
      const f = facts.get(id) ?? new Map<string, DatedValue[]>();
      const flag = (fact: string) => {
        const changes = f.get(fact);
        return changes ? timeline(changes) : undefined;
      };
      return compact({
        id,
        name: names.get(id),
        groups: GROUPS.flatMap((g) => membershipPeriods(g, f.get(g))),
        rural: flag('rural'),
        pensionEntitled: flag('pensionEntitled'),
        earlierAppraisal: flag('earlierAppraisal'),
      });
    }),
    enterprises,
    claims: [...history.map((c) => toClaim(c, historyStatusOf(c))), ...deciding.map((c) => toClaim(c))],
  };
  return { file, decidedIds: deciding.map((c) => c.id) };
}
