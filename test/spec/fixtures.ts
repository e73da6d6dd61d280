// Builders for the SPEC tests (test/spec). Everything here is derived from
// docs/rules.md and docs/evaluate.md only: a valid file in the
// contract's format, with its own catalog and entrepreneurship types, so that the tests never
// depend on the catalog the product ships.
import { expect } from 'vitest';
import { evaluateFile, InputError } from '../../src/policy/index.ts';
import { residentIdCheckChar, usccCheckChar } from '../../src/policy/identifiers.ts';

export { evaluateFile, InputError };

// ---------------------------------------------------------------------------------------------
// Types of the file format (loose on purpose: tests also build invalid files)
// ---------------------------------------------------------------------------------------------

export type Program =
  | 'apprenticeship'
  | 'skill_upgrade'
  | 'short_term'
  | 'pre_job'
  | 'transfer'
  | 'employment_skill'
  | 'living_allowance'
  | 'entrepreneurship'
  | 'work_for_training'
  | 'project_based'
  | 'safety'
  | 'appraisal';

export type Json = Record<string, unknown>;

export interface SpecDecision {
  ref: string;
  outcome: 'eligible' | 'ineligible' | 'not_applicable' | 'undecided';
  amountFen: number;
  payee: 'individual' | 'enterprise' | 'institution' | null;
  citations: string[];
  reasons: string[];
  missing: string[];
}

/** The clause every decision of a program cites first (contract: "the program's clause first"). */
export const CLAUSE: Record<Program, string> = {
  apprenticeship: '§4.1',
  skill_upgrade: '§4.2',
  short_term: '§4.3',
  pre_job: '§4.4',
  transfer: '§4.5',
  employment_skill: '§4.6',
  living_allowance: '§4.6',
  entrepreneurship: '§4.7',
  work_for_training: '§4.8',
  project_based: '§4.9',
  safety: '§4.10',
  appraisal: '§4.0',
};

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

/** A GB 11643-valid resident ID: Panzhihua area code, the given birth date, sequence `seq`. */
export function residentId(seq: number, birth = '19900101'): string {
  const first17 = `510402${birth}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A GB 32100-valid unified social credit code. */
export function uscc(seq: number): string {
  const first17 = `91510400MA${String(seq).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}

/** The same resident ID with a wrong check character. */
export function corruptCheckChar(id: string): string {
  const last = id[id.length - 1];
  return id.slice(0, -1) + (last === '0' ? '1' : '0');
}

export const PERSON_A = residentId(1);
export const PERSON_B = residentId(2);
export const PERSON_C = residentId(3);
export const RETIREE = residentId(4, '19580930');
export const EMPLOYER = uscc(1);
export const OTHER_EMPLOYER = uscc(2);

// ---------------------------------------------------------------------------------------------
// Catalog (own data; numbers chosen so amounts are easy to check)
// ---------------------------------------------------------------------------------------------

export const OCC = {
  electrician: '6-31-01-03', // 电工: upgrade 5/4/3 levels, employment level 4
  welder: '6-18-02-04', // 焊工: upgrade level 4 only (vanadium-titanium, +12 %)
  housekeeper: '4-10-01-06', // 家政服务员: employment level 5 (modern service, +10 %)
  carer: '4-10-01-05', // 养老护理员: upgrade 4 (1230 × 1.05), employment 5 (1010 × 1.15), no appraisal at 5
  cook: '4-03-02-01', // 中式烹调师: upgrade 4 without appraisal standard, employment 4 with one; employment 5 without
  bricklayer: '6-29-01-01', // 砌筑工: upgrade level 4 in two editions (2020: 1000, 2021-: 1100)
  pastry: 'S-0001', // 专项职业能力 "中式面点制作": employment, level "special"
  unlisted: '9-99-99-99', // not in the catalog
} as const;

export function catalogEntry(o: Json = {}): Json {
  return {
    section: 'upgrade',
    code: OCC.electrician,
    name: '电工',
    level: 4,
    baseStandardYuan: 1500,
    industry: 'other',
    upliftRate: 0,
    appraisalStandardYuan: 200,
    hours: 160,
    ...o,
  };
}

export function defaultCatalog(): Json[] {
  return [
    catalogEntry({ code: OCC.electrician, level: 5, baseStandardYuan: 1000, appraisalStandardYuan: 150 }),
    catalogEntry({ code: OCC.electrician, level: 4, baseStandardYuan: 1500, appraisalStandardYuan: 200 }),
    catalogEntry({ code: OCC.electrician, level: 3, baseStandardYuan: 2000, appraisalStandardYuan: 250 }),
    catalogEntry({ section: 'employment', code: OCC.electrician, level: 4, baseStandardYuan: 1200, appraisalStandardYuan: 180 }),
    catalogEntry({
      code: OCC.welder,
      name: '焊工',
      level: 4,
      baseStandardYuan: 1600,
      industry: 'vanadium_titanium',
      upliftRate: 0.12,
      appraisalStandardYuan: 210,
    }),
    catalogEntry({
      section: 'employment',
      code: OCC.housekeeper,
      name: '家政服务员',
      level: 5,
      baseStandardYuan: 900,
      industry: 'modern_service',
      upliftRate: 0.1,
      appraisalStandardYuan: 100,
      hours: 90,
    }),
    catalogEntry({
      code: OCC.carer,
      name: '养老护理员',
      level: 4,
      baseStandardYuan: 1230,
      industry: 'health_care',
      upliftRate: 0.05,
      appraisalStandardYuan: 160,
    }),
    catalogEntry({
      section: 'employment',
      code: OCC.carer,
      name: '养老护理员',
      level: 5,
      baseStandardYuan: 1010,
      industry: 'health_care',
      upliftRate: 0.15,
      appraisalStandardYuan: undefined,
    }),
    catalogEntry({ code: OCC.cook, name: '中式烹调师', level: 4, baseStandardYuan: 1400, appraisalStandardYuan: undefined }),
    catalogEntry({
      section: 'employment',
      code: OCC.cook,
      name: '中式烹调师',
      level: 4,
      baseStandardYuan: 1100,
      appraisalStandardYuan: 120,
    }),
    catalogEntry({
      section: 'employment',
      code: OCC.cook,
      name: '中式烹调师',
      level: 5,
      baseStandardYuan: 800,
      appraisalStandardYuan: undefined,
    }),
    catalogEntry({
      code: OCC.bricklayer,
      name: '砌筑工',
      level: 4,
      baseStandardYuan: 1000,
      appraisalStandardYuan: 90,
      effectiveFrom: '2020-01-14',
      effectiveTo: '2020-12-31',
    }),
    catalogEntry({
      code: OCC.bricklayer,
      name: '砌筑工',
      level: 4,
      baseStandardYuan: 1100,
      appraisalStandardYuan: 95,
      effectiveFrom: '2021-01-01',
      effectiveTo: null,
    }),
    catalogEntry({
      section: 'employment',
      code: OCC.pastry,
      name: '中式面点制作',
      level: 'special',
      baseStandardYuan: 600,
      appraisalStandardYuan: undefined,
    }),
  ];
}

export function defaultEntrepreneurshipTypes(): Json[] {
  return [
    { code: 'SYB', amountYuan: 1000 },
    { code: 'GYB', amountYuan: 200 },
    { code: 'IYB', amountYuan: 1500 },
  ];
}

// ---------------------------------------------------------------------------------------------
// People, enterprises, claims
// ---------------------------------------------------------------------------------------------

/** A poor labourer (贫困劳动力) from a rural household, no pension, never appraised. */
export function person(o: Json = {}): Json {
  return {
    id: PERSON_A,
    name: '王芳',
    groups: ['poor_labor'],
    rural: true,
    pensionEntitled: false,
    earlierAppraisal: false,
    ...o,
  };
}

/** An insured enterprise that fully used its education fund in 2020 and 2021, recognised in difficulty 2020–2021. */
export function enterprise(o: Json = {}): Json {
  return {
    uscc: EMPLOYER,
    name: '攀枝花测试钒钛有限公司',
    insured: true,
    educationFundFullyUsed: { '2020': true, '2021': true },
    difficulty: { from: '2020-01-01', to: '2021-12-31' },
    ...o,
  };
}

let refCounter = 0;
function nextRef(program: string): string {
  refCounter += 1;
  return `${program}-${refCounter}`;
}

const DEFAULTS: Record<Program, () => Json> = {
  apprenticeship: () => ({
    applicant: 'enterprise',
    enterpriseUscc: EMPLOYER,
    occupationCode: OCC.electrician,
    level: 4,
    startDate: '2020-03-01',
    endDate: '2021-12-31', // 22 whole months
    qualified: true,
    certificate: { type: 'skill_level', number: 'S-APP-1' },
    newHire: true,
    contractMonths: 36,
    planApproved: true,
  }),
  skill_upgrade: () => ({
    applicant: 'individual',
    enterpriseUscc: EMPLOYER,
    occupationCode: OCC.electrician,
    level: 4,
    startDate: '2020-04-01',
    endDate: '2020-06-30',
    attendedHours: 160,
    qualified: true,
    certificate: { type: 'skill_level', number: 'S-UP-1' },
  }),
  short_term: () => ({
    applicant: 'enterprise',
    enterpriseUscc: EMPLOYER,
    startDate: '2020-04-01',
    endDate: '2020-04-05',
    attendedHours: 32,
    qualified: true,
    certificate: { type: 'training', number: 'PX-ST-1' },
  }),
  pre_job: () => ({
    applicant: 'enterprise',
    enterpriseUscc: EMPLOYER,
    startDate: '2020-04-01',
    endDate: '2020-04-20',
    attendedHours: 60,
    qualified: true,
    certificate: { type: 'training', number: 'PX-PJ-1' },
    newHire: true,
    contractMonths: 24,
  }),
  transfer: () => ({
    applicant: 'enterprise',
    enterpriseUscc: EMPLOYER,
    occupationCode: OCC.housekeeper,
    level: 5,
    startDate: '2020-04-01',
    endDate: '2020-05-15',
    attendedHours: 90,
    qualified: true,
    certificate: { type: 'training', number: 'PX-TR-1' },
  }),
  employment_skill: () => ({
    applicant: 'institution',
    occupationCode: OCC.housekeeper,
    level: 5,
    startDate: '2020-04-01',
    endDate: '2020-04-30', // 30 days inclusive
    attendedHours: 90,
    attendedDays: 25,
    qualified: true,
    certificate: { type: 'training', number: 'PX-ES-1' },
  }),
  living_allowance: () => ({
    applicant: 'individual',
    startDate: '2020-04-01',
    endDate: '2020-04-30',
    attendedDays: 20,
  }),
  entrepreneurship: () => ({
    applicant: 'individual',
    entrepreneurshipType: 'SYB',
    startDate: '2020-05-06',
    endDate: '2020-05-15',
    attendedDays: 10,
    qualified: true,
    certificate: { type: 'entrepreneurship', number: 'CY-1' },
  }),
  work_for_training: () => ({
    applicant: 'enterprise',
    enterpriseUscc: EMPLOYER,
    startDate: '2020-03-01',
    endDate: '2020-07-31', // 5 whole months
    newHire: true,
    insuredMonths: 5,
  }),
  project_based: () => ({
    applicant: 'institution',
    projectId: 'P-2020-01',
    contractPerTraineeYuan: 1800,
    contractTotalYuan: 90000,
    startDate: '2020-04-01',
    endDate: '2020-05-31',
    qualified: true,
    certificate: { type: 'training', number: 'PX-PB-1' },
  }),
  safety: () => ({
    applicant: 'enterprise',
    enterpriseUscc: EMPLOYER,
    occupationCode: '低压电工作业',
    startDate: '2020-04-01',
    endDate: '2020-04-10',
    qualified: true,
    certificate: { type: 'special_operation', number: 'T-1' },
  }),
  appraisal: () => ({
    applicant: 'individual',
    occupationCode: OCC.electrician,
    level: 4,
    startDate: '2020-07-01',
    endDate: '2020-07-01',
    qualified: true,
    certificate: { type: 'skill_level', number: 'S-AP-1' },
  }),
};

/**
 * A claim of `program` that is eligible with the default person and enterprise. Override any field;
 * an override of `undefined` removes the field (the file then does not state the fact).
 */
export function claim(program: Program, o: Json = {}): Json {
  return { ref: nextRef(program), program, personId: PERSON_A, ...DEFAULTS[program](), ...o };
}

/** A history claim (already on record): same as `claim` with a status. */
export function history(program: Program, status: string, o: Json = {}): Json {
  return claim(program, { status, ...o });
}

export interface FileParts {
  people?: Json[];
  enterprises?: Json[];
  claims: Json[];
  catalog?: Json[];
  entrepreneurshipTypes?: Json[];
}

/** A whole input file, round-tripped through JSON like a parsed file (undefined fields vanish). */
export function file(parts: FileParts): Json {
  return JSON.parse(
    JSON.stringify({
      catalog: parts.catalog ?? defaultCatalog(),
      entrepreneurshipTypes: parts.entrepreneurshipTypes ?? defaultEntrepreneurshipTypes(),
      people: parts.people ?? [person()],
      enterprises: parts.enterprises ?? [enterprise()],
      claims: parts.claims,
    }),
  ) as Json;
}

export function evaluate(parts: FileParts): SpecDecision[] {
  return evaluateFile(file(parts)) as unknown as SpecDecision[];
}

/** The decision of the claim with this ref. */
export function decisionOf(decisions: SpecDecision[], ref: unknown): SpecDecision {
  const d = decisions.find((x) => x.ref === ref);
  if (!d) throw new Error(`no decision for ${String(ref)}; got ${decisions.map((x) => x.ref).join(', ')}`);
  return d;
}

/** Evaluate a file and return the decision of one claim (by default the last claim of the file). */
export function decide(parts: FileParts, target?: Json): SpecDecision {
  const t = target ?? parts.claims[parts.claims.length - 1];
  return decisionOf(evaluate(parts), t?.ref);
}

/** Evaluate one claim with the default person and enterprise. */
export function decideOne(c: Json, parts: Partial<FileParts> = {}): SpecDecision {
  return decide({ ...parts, claims: [...(parts.claims ?? []), c] }, c);
}

// ---------------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------------

function context(d: SpecDecision): string {
  return `${d.ref}: ${d.outcome} ${d.amountFen} ${String(d.payee)} [${d.citations.join(' ')}] missing=[${d.missing.join(', ')}] reasons=${d.reasons.join(' | ')}`;
}

export function expectEligible(
  d: SpecDecision,
  amountFen: number,
  payee: 'individual' | 'enterprise' | 'institution',
  clause: string,
): void {
  expect(d.outcome, context(d)).toBe('eligible');
  expect(d.amountFen, context(d)).toBe(amountFen);
  expect(Number.isInteger(d.amountFen)).toBe(true);
  expect(d.payee, context(d)).toBe(payee);
  expect(d.citations[0], context(d)).toBe(clause);
}

export function expectIneligible(d: SpecDecision, clause: string): void {
  expect(d.outcome, context(d)).toBe('ineligible');
  expect(d.amountFen, context(d)).toBe(0);
  expect(d.payee, context(d)).toBeNull();
  expect(d.citations[0], context(d)).toBe(clause);
  expect(d.reasons.length, context(d)).toBeGreaterThan(0);
}

export function expectNotApplicable(d: SpecDecision, clause: string): void {
  expect(d.outcome, context(d)).toBe('not_applicable');
  expect(d.amountFen, context(d)).toBe(0);
  expect(d.payee, context(d)).toBeNull();
  expect(d.citations[0], context(d)).toBe(clause);
}

export function expectUndecided(d: SpecDecision, clause: string, missing: string[]): void {
  expect(d.outcome, context(d)).toBe('undecided');
  expect(d.amountFen, context(d)).toBe(0);
  expect(d.payee, context(d)).toBeNull();
  expect(d.citations[0], context(d)).toBe(clause);
  for (const m of missing) expect(d.missing, context(d)).toContain(m);
}

/** The missing path of an enterprise's education-fund year (the contract does not spell its exact form). */
export function expectMissingFundYear(d: SpecDecision, enterpriseIndex: number, year: string): void {
  const prefix = `enterprises[${enterpriseIndex}].educationFundFullyUsed`;
  expect(
    d.missing.some((m) => m.startsWith(prefix) && m.includes(year)),
    `${context(d)} should name ${prefix} of ${year}`,
  ).toBe(true);
}

/** Run `fn`, expect an InputError, and return its issues. */
export function inputIssues(input: unknown): { path: string; message: string }[] {
  try {
    evaluateFile(input);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as { issues: { path: string; message: string }[] }).issues;
  }
  throw new Error('expected an InputError, but the file was accepted');
}

export function expectInputErrorAt(input: unknown, path: string | ((p: string) => boolean)): void {
  const issues = inputIssues(input);
  const ok = issues.some((i) => (typeof path === 'string' ? i.path === path : path(i.path)));
  expect(ok, `issues ${JSON.stringify(issues)} should name ${String(path)}`).toBe(true);
}
