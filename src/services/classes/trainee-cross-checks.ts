// Every trainee's cross-program status at the class-opening review (开班审查, SPEC §5.5): R5 pension,
// R3 annual cap, R4 no repeat, R11 employer, and §4.4 × §4.8 for the same employer. Not
// re-implemented: each trainee becomes one undecided claim of this class in a small evaluate input,
// with the person's claims on record (and their other approved classes) as history, and the pure
// engine's verdicts on exactly those rules are read from its trace. The engine's other steps (result,
// certificate, amounts) are about completion and are not the opening review's business.
import type { ClaimInput, EnterpriseInput, EvaluateInput, PersonInput } from '../../policy/evaluate-input.ts';
import { evaluateClaims } from '../../policy/engine/evaluate-batch.ts';
import type { Clause } from '../../policy/clauses.ts';
import { GROUPS, type ProgramCode } from '../../policy/codes.ts';
import type { ClassStatus, ClaimStatus } from '../../store/schema.ts';
import type { Tx } from '../../store/audit-log.ts';
import { policiesOnRecord } from '../catalog/catalog-rules.ts';
import { factsOn } from '../people/person-facts.ts';
import { EMPLOYEE_PROGRAMS } from './class-application.ts';

export interface Problem {
  rule: string;
  clause: Clause | string;
  severity: 'blocking' | 'warning';
  message: string;
}

export interface ClassUnderReview {
  id: string;
  program: string;
  enterprise_uscc: string | null;
  occupation_code: string | null;
  level: string | null;
  entrepreneurship_type: string | null;
  project_id: string | null;
  start_date: string;
  end_date: string;
}
export interface TraineeUnderReview {
  resident_id: string;
  employer_uscc: string | null;
  new_hire: boolean | null;
  contract_months: number | null;
}

/** Rules of the engine the opening review reads; the step name in the trace → what we call it. */
const REVIEWED_RULES = new Set(['R5', 'R3', 'R4', 'R11', '同一雇主']);
/** Other classes that will produce a claim: they count like one (R3, R4, §4.4 × §4.8). */
const COMMITTED: ClassStatus[] = ['approved', 'running', 'assessed', 'closed'];

const toLevel = (level: string | null): ClaimInput['level'] => {
  if (level == null) return undefined;
  return level === 'special' ? 'special' : (Number(level) as 5 | 4 | 3 | 2 | 1);
};

/** The claims table's workflow states, as the engine's history states (rejected/withdrawn do not count). */
function historyStatus(s: ClaimStatus): NonNullable<ClaimInput['status']> {
  if (s === 'rejected' || s === 'withdrawn' || s === 'paid' || s === 'approved') return s;
  return 'pending';
}

export interface TraineeVerdicts {
  /** Class-level: the plan does not govern the class's start date. */
  notInForce: string | null;
  problems: Map<string, Problem[]>;
}

export async function traineeCrossChecks(tx: Tx, cls: ClassUnderReview, trainees: TraineeUnderReview[]): Promise<TraineeVerdicts> {
  const problems = new Map<string, Problem[]>(trainees.map((t) => [t.resident_id, []]));
  if (trainees.length === 0) return { notInForce: null, problems };
  const ids = trainees.map((t) => t.resident_id);

  const facts = await factsOn(tx, ids, cls.start_date);
  const claims = await tx
    .selectFrom('claims')
    .selectAll()
    .where('resident_id', 'in', ids)
    .where('status', 'not in', ['rejected', 'withdrawn'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const claimedClasses = new Set(claims.map((c) => `${c.class_id}|${c.resident_id}`));
  const otherClasses = await tx
    .selectFrom('class_trainees')
    .innerJoin('classes', 'classes.id', 'class_trainees.class_id')
    .select([
      'classes.id',
      'classes.number',
      'classes.program',
      'classes.enterprise_uscc',
      'classes.occupation_code',
      'classes.level',
      'classes.entrepreneurship_type',
      'classes.project_id',
      'classes.start_date',
      'classes.end_date',
      'class_trainees.resident_id',
      'class_trainees.employer_uscc',
    ])
    .where('class_trainees.resident_id', 'in', ids)
    .where('classes.id', '!=', cls.id)
    .where('classes.status', 'in', COMMITTED)
    .orderBy('classes.start_date')
    .orderBy('classes.id')
    .orderBy('class_trainees.resident_id')
    .execute();

  const labels = new Map<string, string>();
  const history: ClaimInput[] = [];
  const push = (claim: ClaimInput, label: string) => {
    labels.set(`claims[${history.length}]`, label);
    history.push(claim);
  };
  for (const c of claims) {
    push(
      {
        ref: `claim:${c.id}`,
        program: c.program as ProgramCode,
        applicant: c.applicant as ClaimInput['applicant'],
        personId: c.resident_id,
        enterpriseUscc: c.enterprise_uscc,
        occupationCode: c.occupation_code,
        level: toLevel(c.level),
        entrepreneurshipType: c.entrepreneurship_type,
        startDate: c.start_date,
        endDate: c.end_date,
        insuredMonths: c.insured_months,
        projectId: c.project_id,
        status: historyStatus(c.status),
      },
      `补贴申领 ${c.number}`,
    );
  }
  // Another class already approved for the person will yield a claim: it counts as one (pending),
  // unless a claim for it is on record already (then the claim counts, once).
  for (const o of otherClasses) {
    if (claimedClasses.has(`${o.id}|${o.resident_id}`)) continue;
    push(
      {
        ref: `class:${o.id}:${o.resident_id}`,
        program: o.program as ProgramCode,
        applicant: 'institution',
        personId: o.resident_id,
        enterpriseUscc: o.employer_uscc ?? o.enterprise_uscc,
        occupationCode: o.occupation_code,
        level: toLevel(o.level),
        entrepreneurshipType: o.entrepreneurship_type,
        projectId: o.project_id,
        startDate: o.start_date,
        endDate: o.end_date,
        status: 'pending',
      },
      `已批准的培训班 ${o.number}`,
    );
  }
  const candidates: ClaimInput[] = trainees.map((t) => ({
    ref: `this:${t.resident_id}`,
    program: cls.program as ProgramCode,
    applicant: EMPLOYEE_PROGRAMS.includes(cls.program) || cls.program === 'pre_job' ? 'enterprise' : 'institution',
    personId: t.resident_id,
    enterpriseUscc: t.employer_uscc ?? cls.enterprise_uscc,
    occupationCode: cls.occupation_code,
    level: toLevel(cls.level),
    entrepreneurshipType: cls.entrepreneurship_type,
    projectId: cls.project_id,
    startDate: cls.start_date,
    endDate: cls.end_date,
    newHire: t.new_hire,
    contractMonths: t.contract_months,
  }));

  const people: PersonInput[] = ids.map((id) => {
    const f = facts.get(id)!;
    // Only facts on record are stated; an absent fact stays unknown to the engine (never false).
    return {
      id,
      groups: GROUPS.filter((g) => f.get(g) === true),
      rural: f.get('rural'),
      pensionEntitled: f.get('pensionEntitled'),
      earlierAppraisal: f.get('earlierAppraisal'),
    };
  });
  const usccs = [...new Set([...history, ...candidates].map((c) => c.enterpriseUscc).filter((u): u is string => u != null))];
  const enterpriseRows = usccs.length
    ? await tx.selectFrom('enterprises').select(['uscc', 'name', 'insured']).where('uscc', 'in', usccs).orderBy('uscc').execute()
    : [];
  const enterprises: EnterpriseInput[] = enterpriseRows.map((e) => ({ uscc: e.uscc, name: e.name, insured: e.insured }));

  const input: EvaluateInput = { catalog: [], entrepreneurshipTypes: [], people, enterprises, claims: [...history, ...candidates] };
  const relabel = (text: string) => text.replace(/claims\[\d+\]/g, (path) => labels.get(path) ?? path);
  let notInForce: string | null = null;
  for (const decision of evaluateClaims(input, await policiesOnRecord(tx), { catalog: [], entrepreneurshipTypes: [] }, { explain: true })) {
    if (!decision.ref.startsWith('this:')) continue;
    const residentId = decision.ref.slice('this:'.length);
    if (decision.outcome === 'not_applicable') {
      notInForce = decision.reasons[0] ?? null;
      continue;
    }
    for (const step of decision.trace?.steps ?? []) {
      if (!REVIEWED_RULES.has(step.rule) || (step.result !== 'fail' && step.result !== 'unknown')) continue;
      const rule = step.rule === '同一雇主' ? `${step.clause}×同一雇主` : step.rule;
      problems.get(residentId)!.push({
        rule,
        clause: step.clause,
        severity: step.result === 'fail' ? 'blocking' : 'warning',
        message: relabel(step.reason),
      });
    }
  }
  return { notInForce, problems };
}
