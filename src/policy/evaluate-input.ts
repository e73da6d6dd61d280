// The evaluate file format (docs/evaluate.md) as one zod schema: every input error the
// contract lists is found here, before any decision, and named by its field path.
import { z } from 'zod';
import {
  APPLICANTS,
  CATALOG_SECTIONS,
  CERTIFICATE_TYPES,
  CLAIM_STATUSES,
  GROUPS,
  INDUSTRIES,
  LEVELS,
  PROGRAMS,
  ProgramCodeSchema,
  type GroupCode,
} from './codes.ts';
import { isIsoDate } from './dates.ts';
import { residentIdProblem, usccProblem, type IdProblem } from './identifiers.ts';
import { decimalPlaces } from './money.ts';
import type { PolicySet } from './policy-package.ts';

/** A problem with the input file: the field path (`claims[3].endDate`) and what is wrong, in Chinese. */
export interface InputIssue {
  path: string;
  message: string;
}

export class InputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n'));
    this.name = 'InputError';
  }
}

const ID_MESSAGES: Record<IdProblem, string> = {
  length: '应为18位',
  characters: '含有不允许的字符',
  birthDate: '出生日期不存在',
  checkCharacter: '校验码错误',
};

const isoDate = z.string().refine(isIsoDate, '不是有效日期（应为存在的日期，格式 YYYY-MM-DD）');
const yuan = z
  .number()
  .nonnegative()
  .refine((x) => decimalPlaces(x) <= 2, '金额最多保留两位小数（分）');
const nonNegative = z.number().nonnegative();
const wholeNonNegative = z.number().int().nonnegative();
const level = z.union([z.literal(5), z.literal(4), z.literal(3), z.literal(2), z.literal(1), z.literal('special')], {
  error: `等级应为 ${LEVELS.join('、')} 之一`,
});

const residentId = z.string().superRefine((id, ctx) => {
  const problem = residentIdProblem(id);
  if (problem) ctx.addIssue({ code: 'custom', message: `居民身份证号码${ID_MESSAGES[problem]}（GB 11643）` });
});

const uscc = z.string().superRefine((code, ctx) => {
  const problem = usccProblem(code);
  if (problem) ctx.addIssue({ code: 'custom', message: `统一社会信用代码${ID_MESSAGES[problem]}（GB 32100）` });
});

export const catalogEntrySchema = z.object({
  section: z.enum(CATALOG_SECTIONS),
  code: z.string().min(1),
  name: z.string().nullish(),
  level,
  baseStandardYuan: yuan,
  industry: z.enum(INDUSTRIES),
  upliftRate: z
    .number()
    .min(0)
    .max(1)
    .refine((x) => decimalPlaces(x) <= 6, '上浮比例最多六位小数'),
  appraisalStandardYuan: yuan.nullish(),
  hours: nonNegative.nullish(),
  effectiveFrom: isoDate.nullish(),
  effectiveTo: isoDate.nullish(),
});

export const entrepreneurshipTypeSchema = z.object({
  code: z.string().min(1),
  name: z.string().nullish(),
  amountYuan: yuan,
});

// Facts in time (contract v2.2): a person's or an enterprise's fact is one value that holds on every
// date, or a timeline read as of each claim's own start date. The checks are written by hand rather
// than as zod unions, so that an error inside a timeline is named by its own path
// (`people[1].pensionEntitled[2].from`), and so that the plain values of an old-style file cost no
// more than before (a boolean is accepted before anything else is looked at).

/** One change of a fact: from this date on (until the next change) the fact has this value. */
export interface FactChange {
  from: string;
  value: boolean;
}
/** A yes/no fact: one value on every date, or its changes in date order (before the first: unknown). */
export type DatedFlag = boolean | readonly FactChange[];
/** A group membership for a period (both ends inclusive; `from` absent = since ever, `to` absent = open). */
export interface GroupPeriod {
  group: GroupCode;
  from?: string | null;
  to?: string | null;
}
export type GroupItem = GroupCode | GroupPeriod;
/** A difficulty recognition (§4.5): `to` absent = open-ended. */
export interface Period {
  from: string;
  to?: string | null;
}

const GROUP_SET: ReadonlySet<string> = new Set(GROUPS);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Where a hand-written check reports a problem: zod's context, or a flag for the fast acceptance below. */
type Report = (path: (string | number)[], message: string) => void;
const here =
  (ctx: z.RefinementCtx): Report =>
  (path, message) =>
    ctx.addIssue({ code: 'custom', path, message });

function checkDate(report: Report, value: unknown, path: (string | number)[], required: boolean): value is string | null | undefined {
  if (value == null) {
    if (required) report(path, '缺少必填字段');
    return !required;
  }
  if (typeof value !== 'string' || !isIsoDate(value)) {
    report(path, '不是有效日期（应为存在的日期，格式 YYYY-MM-DD）');
    return false;
  }
  return true;
}

/** `true`/`false`, or changes `[{ from, value }]` with strictly increasing `from`. */
function checkDatedFlag(v: unknown, report: Report): void {
  if (v == null || typeof v === 'boolean') return;
  if (!Array.isArray(v)) {
    report([], '应为布尔值（true/false）或按日期排列的变化列表 [{ from, value }]');
    return;
  }
  let previous: string | undefined;
  for (let i = 0; i < v.length; i++) {
    const change: unknown = v[i];
    if (!isObject(change)) {
      report([i], '应为对象 { from, value }');
      continue;
    }
    if (change.value == null) report([i, 'value'], '缺少必填字段');
    else if (typeof change.value !== 'boolean') report([i, 'value'], '应为布尔值（true/false）');
    for (const key of Object.keys(change)) if (key !== 'from' && key !== 'value') report([i], `未知字段：${key}`);
    if (!checkDate(report, change.from, [i, 'from'], true)) continue;
    const from = change.from as string;
    if (previous !== undefined && from <= previous) report([i, 'from'], `变化日期应严格递增（前一项为 ${previous}）`);
    previous = from;
  }
}
const datedFlag = z.custom<DatedFlag | null | undefined>().superRefine((v, ctx) => checkDatedFlag(v, here(ctx)));

/** Group codes and membership periods, mixed. */
function checkGroupList(v: unknown, report: Report): void {
  if (v == null) return;
  if (!Array.isArray(v)) {
    report([], '应为数组');
    return;
  }
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    if (typeof item === 'string') {
      if (!GROUP_SET.has(item)) report([i], `不是允许的取值（可选：${GROUPS.join('、')}）`);
      continue;
    }
    if (!isObject(item)) {
      report([i], '应为群体代码或成员期间 { group, from, to }');
      continue;
    }
    if (item.group == null) report([i, 'group'], '缺少必填字段');
    else if (typeof item.group !== 'string' || !GROUP_SET.has(item.group))
      report([i, 'group'], `不是允许的取值（可选：${GROUPS.join('、')}）`);
    for (const key of Object.keys(item)) if (key !== 'group' && key !== 'from' && key !== 'to') report([i], `未知字段：${key}`);
    const fromOk = checkDate(report, item.from, [i, 'from'], false);
    const toOk = checkDate(report, item.to, [i, 'to'], false);
    if (fromOk && toOk && item.from != null && item.to != null && (item.to as string) < (item.from as string)) {
      report([i, 'to'], '成员期间的终止日期早于起始日期');
    }
  }
}
const groupList = z.custom<GroupItem[] | null | undefined>().superRefine((v, ctx) => checkGroupList(v, here(ctx)));

/** One difficulty period `{ from, to }`, or several. */
function checkDifficultyPeriods(v: unknown, report: Report): void {
  if (v == null) return;
  const one = (p: unknown, at: (string | number)[]) => {
    if (!isObject(p)) {
      report(at, '应为期间 { from, to }');
      return;
    }
    for (const key of Object.keys(p)) if (key !== 'from' && key !== 'to') report(at, `未知字段：${key}`);
    const fromOk = checkDate(report, p.from, [...at, 'from'], true);
    const toOk = checkDate(report, p.to, [...at, 'to'], false);
    if (fromOk && toOk && p.to != null && (p.to as string) < (p.from as string)) {
      report([...at, 'to'], '困难企业认定的终止日期早于起始日期');
    }
  };
  if (Array.isArray(v)) v.forEach((p, i) => one(p, [i]));
  else one(v, []);
}
const difficultyPeriods = z.custom<Period | Period[] | null | undefined>().superRefine((v, ctx) => checkDifficultyPeriods(v, here(ctx)));

const person = z.object({
  id: residentId,
  name: z.string().nullish(),
  groups: groupList.optional(),
  rural: datedFlag.optional(),
  pensionEntitled: datedFlag.optional(),
  earlierAppraisal: datedFlag.optional(),
});

const enterprise = z.object({
  uscc,
  name: z.string().nullish(),
  insured: datedFlag.optional(),
  educationFundFullyUsed: z.record(z.string().regex(/^\d{4}$/, '年份应为四位数字'), z.boolean().nullish()).nullish(),
  difficulty: difficultyPeriods.optional(),
  dispatchingAgencyUscc: uscc.nullish(),
});

const claim = z.object({
  ref: z.string().min(1),
  program: ProgramCodeSchema,
  applicant: z.enum(APPLICANTS),
  personId: z.string().min(1),
  enterpriseUscc: z.string().nullish(),
  occupationCode: z.string().min(1).nullish(),
  level: level.nullish(),
  entrepreneurshipType: z.string().min(1).nullish(),
  startDate: isoDate,
  endDate: isoDate,
  attendedHours: nonNegative.nullish(),
  attendedDays: wholeNonNegative.nullish(),
  qualified: z.boolean().nullish(),
  certificate: z.object({ type: z.enum(CERTIFICATE_TYPES), number: z.string().nullish(), issuedOn: isoDate.nullish() }).nullish(),
  newHire: z.boolean().nullish(),
  contractMonths: nonNegative.nullish(),
  planApproved: z.boolean().nullish(),
  insuredMonths: wholeNonNegative.nullish(),
  trainingRef: z.string().min(1).nullish(),
  contractPerTraineeYuan: yuan.nullish(),
  projectId: z.string().min(1).nullish(),
  contractTotalYuan: yuan.nullish(),
  status: z.enum(CLAIM_STATUSES).nullish(),
});

// Fast acceptance. Checking a million claims with the schema costs a result object per field (about a
// quarter of `upskill evaluate`'s time at 1M claims). These predicates accept a record only when the
// schema above certainly accepts it too (the same checks, written as tests that allocate nothing);
// when any record is not accepted here, the whole file goes through the schema as before, so every
// problem is still reported by the schema, with the same message and in the same order. A predicate
// may be stricter than the schema (it then only costs time), never looser: test/policy/input-records.test.ts.

const PROGRAM_SET: ReadonlySet<unknown> = new Set(PROGRAMS);
const APPLICANT_SET: ReadonlySet<unknown> = new Set(APPLICANTS);
const CERTIFICATE_SET: ReadonlySet<unknown> = new Set(CERTIFICATE_TYPES);
const STATUS_SET: ReadonlySet<unknown> = new Set(CLAIM_STATUSES);
const LEVEL_SET: ReadonlySet<unknown> = new Set(LEVELS);
const YEAR = /^\d{4}$/;

const isText = (v: unknown): v is string => typeof v === 'string';
const textOrNothing = (v: unknown) => v == null || typeof v === 'string';
const someText = (v: unknown) => typeof v === 'string' && v.length > 0;
const someTextOrNothing = (v: unknown) => v == null || someText(v);
const yesNoOrNothing = (v: unknown) => v == null || typeof v === 'boolean';
const nonNegativeOrNothing = (v: unknown) => v == null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
const wholeOrNothing = (v: unknown) => v == null || (Number.isSafeInteger(v) && (v as number) >= 0);
const yuanOrNothing = (v: unknown) =>
  v == null || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && (Number.isInteger(v) || decimalPlaces(v) <= 2));
const isDate = (v: unknown) => typeof v === 'string' && isIsoDate(v);
const dateOrNothing = (v: unknown) => v == null || isDate(v);
const isUscc = (v: unknown) => isText(v) && usccProblem(v) === null;

/** Set by the hand-written checks' fast report (no closure per record). */
let rejected = false;
const reject: Report = () => {
  rejected = true;
};
function handChecksPass(check: (v: unknown, report: Report) => void, v: unknown): boolean {
  if (v == null) return true;
  rejected = false;
  check(v, reject);
  return !rejected;
}

// Each record's own keys are walked once (a record's absent fields are absent from the schema's point of
// view too): reading two dozen names off a million objects of a hundred shapes is ten times slower.

function acceptsPerson(p: unknown): boolean {
  if (!isObject(p)) return false;
  let id = false;
  for (const key in p) {
    const v = p[key];
    switch (key) {
      case 'id':
        if (!isText(v) || residentIdProblem(v) !== null) return false;
        id = true;
        break;
      case 'name':
        if (!textOrNothing(v)) return false;
        break;
      case 'groups':
        if (!handChecksPass(checkGroupList, v)) return false;
        break;
      case 'rural':
      case 'pensionEntitled':
      case 'earlierAppraisal':
        if (!handChecksPass(checkDatedFlag, v)) return false;
        break;
    }
  }
  return id;
}

function acceptsFundYears(v: unknown): boolean {
  if (v == null) return true;
  if (!isObject(v)) return false;
  for (const key in v) if (!YEAR.test(key) || !yesNoOrNothing(v[key])) return false;
  return true;
}

function acceptsEnterprise(e: unknown): boolean {
  if (!isObject(e)) return false;
  let uscc = false;
  for (const key in e) {
    const v = e[key];
    switch (key) {
      case 'uscc':
        if (!isUscc(v)) return false;
        uscc = true;
        break;
      case 'name':
        if (!textOrNothing(v)) return false;
        break;
      case 'insured':
        if (!handChecksPass(checkDatedFlag, v)) return false;
        break;
      case 'educationFundFullyUsed':
        if (!acceptsFundYears(v)) return false;
        break;
      case 'difficulty':
        if (!handChecksPass(checkDifficultyPeriods, v)) return false;
        break;
      case 'dispatchingAgencyUscc':
        if (v != null && !isUscc(v)) return false;
        break;
    }
  }
  return uscc;
}

function acceptsCertificate(c: unknown): boolean {
  return c == null || (isObject(c) && CERTIFICATE_SET.has(c.type) && textOrNothing(c.number) && dateOrNothing(c.issuedOn));
}

/** ref, program, applicant, personId, startDate, endDate. */
const REQUIRED_CLAIM_FIELDS = 6;

function acceptsClaim(c: unknown): boolean {
  if (!isObject(c)) return false;
  let required = 0;
  for (const key in c) {
    const v = c[key];
    switch (key) {
      case 'ref':
      case 'personId':
        if (!someText(v)) return false;
        required++;
        break;
      case 'program':
        if (!PROGRAM_SET.has(v)) return false;
        required++;
        break;
      case 'applicant':
        if (!APPLICANT_SET.has(v)) return false;
        required++;
        break;
      case 'startDate':
      case 'endDate':
        if (!isDate(v)) return false;
        required++;
        break;
      case 'enterpriseUscc':
        if (!textOrNothing(v)) return false;
        break;
      case 'occupationCode':
      case 'entrepreneurshipType':
      case 'trainingRef':
      case 'projectId':
        if (!someTextOrNothing(v)) return false;
        break;
      case 'level':
        if (v != null && !LEVEL_SET.has(v)) return false;
        break;
      case 'attendedHours':
      case 'contractMonths':
        if (!nonNegativeOrNothing(v)) return false;
        break;
      case 'attendedDays':
      case 'insuredMonths':
        if (!wholeOrNothing(v)) return false;
        break;
      case 'qualified':
      case 'newHire':
      case 'planApproved':
        if (!yesNoOrNothing(v)) return false;
        break;
      case 'certificate':
        if (!acceptsCertificate(v)) return false;
        break;
      case 'contractPerTraineeYuan':
      case 'contractTotalYuan':
        if (!yuanOrNothing(v)) return false;
        break;
      case 'status':
        if (v != null && !STATUS_SET.has(v)) return false;
        break;
    }
  }
  return required === REQUIRED_CLAIM_FIELDS;
}

function everyAccepted(list: unknown, accepts: (record: unknown) => boolean, required: boolean): boolean {
  if (list == null) return !required;
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) if (!accepts(list[i])) return false;
  return true;
}

/** True when the schema certainly accepts every person, enterprise and claim of the file (the lists are then not run through it). */
export function recordsAccepted(file: { people?: unknown; enterprises?: unknown; claims?: unknown }): boolean {
  return (
    everyAccepted(file.claims, acceptsClaim, true) &&
    everyAccepted(file.people, acceptsPerson, false) &&
    everyAccepted(file.enterprises, acceptsEnterprise, false)
  );
}

/** The schemas of one record, for tests of the fast acceptance against them. */
export const recordSchemas = { people: person, enterprises: enterprise, claims: claim } as const;
export const recordAccepts = { people: acceptsPerson, enterprises: acceptsEnterprise, claims: acceptsClaim } as const;

export type CatalogEntryInput = z.infer<typeof catalogEntrySchema>;
export type EntrepreneurshipTypeInput = z.infer<typeof entrepreneurshipTypeSchema>;
export type PersonInput = z.infer<typeof person>;
export type EnterpriseInput = z.infer<typeof enterprise>;
export type ClaimInput = z.infer<typeof claim>;

export interface EvaluateInput {
  catalog?: CatalogEntryInput[] | null;
  entrepreneurshipTypes?: EntrepreneurshipTypeInput[] | null;
  people: PersonInput[];
  enterprises: EnterpriseInput[];
  claims: ClaimInput[];
  /** Each claim's position by its ref, as validation found them (unique); the engine builds it when absent. */
  claimIndexByRef?: ReadonlyMap<string, number>;
}

/** Bounds a catalog or entrepreneurship type must respect: those of any package in use. */
function policyBounds(policies: PolicySet) {
  return policies.packages.map((p) => {
    const date = p.window('skill_upgrade').from;
    return {
      uplift: p.read('catalog.upliftBounds', date).value,
      priority: p.read('catalog.priorityIndustries', date).value as readonly string[],
      entrepreneurship: p.read('entrepreneurship.amountBoundsYuan', date).value,
    };
  });
}

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

/** Catalog data (the file's own or the shipped sample) checked against the plan's bounds. */
export function checkCatalog(
  catalog: CatalogEntryInput[],
  types: EntrepreneurshipTypeInput[],
  policies: PolicySet,
  ctx: Ctx,
  prefix: { catalog: (string | number)[]; types: (string | number)[] },
): void {
  const bounds = policyBounds(policies);
  const editions = new Map<string, { from: string; to: string; index: number }[]>();
  catalog.forEach((e, i) => {
    const at = [...prefix.catalog, i];
    const priority = bounds.some((b) => b.priority.includes(e.industry));
    if (!priority && e.upliftRate !== 0) {
      issue(ctx, [...at, 'upliftRate'], `${e.industry} 不属于上浮产业，上浮比例应为 0（§4.0）`);
    } else if (priority && !bounds.some((b) => e.upliftRate >= b.uplift.min && e.upliftRate <= b.uplift.max)) {
      const b = bounds[0]!.uplift;
      issue(ctx, [...at, 'upliftRate'], `上浮比例 ${e.upliftRate} 超出允许范围 [${b.min}, ${b.max}]（§4.0）`);
    }
    const from = e.effectiveFrom ?? '0000-01-01';
    const to = e.effectiveTo ?? '9999-12-31';
    if (from > to) issue(ctx, [...at, 'effectiveTo'], '终止日期早于起始日期');
    const key = `${e.section}|${e.code}|${e.level}`;
    const list = editions.get(key) ?? [];
    for (const other of list) {
      if (from <= other.to && other.from <= to) {
        issue(ctx, at, `与 catalog[${other.index}] 同一目录、工种和等级的有效期重叠`);
      }
    }
    list.push({ from, to, index: i });
    editions.set(key, list);
  });
  const codes = new Set<string>();
  types.forEach((t, i) => {
    const at = [...prefix.types, i];
    if (codes.has(t.code)) issue(ctx, [...at, 'code'], `创业培训类别 ${t.code} 重复`);
    codes.add(t.code);
    if (!bounds.some((b) => t.amountYuan >= b.entrepreneurship.min && t.amountYuan <= b.entrepreneurship.max)) {
      const b = bounds[0]!.entrepreneurship;
      issue(ctx, [...at, 'amountYuan'], `创业培训补贴标准 ${t.amountYuan} 元超出 [${b.min}, ${b.max}] 元（§4.7）`);
    }
  });
}

/** The checks across records; returns the claims' positions by ref (unique when nothing was reported). */
function checkReferences(input: EvaluateInput, policies: PolicySet, ctx: Ctx): Map<string, number> {
  checkCatalog(input.catalog ?? [], input.entrepreneurshipTypes ?? [], policies, ctx, {
    catalog: ['catalog'],
    types: ['entrepreneurshipTypes'],
  });
  const people = new Set<string>();
  input.people.forEach((p, i) => {
    if (people.has(p.id)) issue(ctx, ['people', i, 'id'], `人员 ${p.id} 重复`);
    people.add(p.id);
  });
  const enterprises = new Set<string>();
  input.enterprises.forEach((e, i) => {
    if (enterprises.has(e.uscc)) issue(ctx, ['enterprises', i, 'uscc'], `企业 ${e.uscc} 重复`);
    enterprises.add(e.uscc);
  });
  // Indexes by position: a million-claim file must not allocate a record per claim here.
  const claimIndexByRef = new Map<string, number>();
  const projects = new Map<string, { index: number; price?: number | null; total?: number | null }>();
  const claims = input.claims;
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i]!;
    const seen = claimIndexByRef.get(c.ref);
    if (seen !== undefined) issue(ctx, ['claims', i, 'ref'], `编号 ${c.ref} 与 claims[${seen}] 重复`);
    else claimIndexByRef.set(c.ref, i);
    if (c.endDate < c.startDate) issue(ctx, ['claims', i, 'endDate'], '结业日期早于开班日期');
    if (!people.has(c.personId)) issue(ctx, ['claims', i, 'personId'], `文件中没有身份证号为 ${c.personId} 的人员`);
    if (c.enterpriseUscc != null && !enterprises.has(c.enterpriseUscc)) {
      issue(ctx, ['claims', i, 'enterpriseUscc'], `文件中没有统一社会信用代码为 ${c.enterpriseUscc} 的企业`);
    }
    if (c.projectId != null) checkProjectFigures(c, i, projects, ctx);
  }
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i]!;
    if (c.trainingRef == null) continue;
    const t = claimIndexByRef.get(c.trainingRef);
    const training = t === undefined ? undefined : claims[t]!;
    if (!training) issue(ctx, ['claims', i, 'trainingRef'], `文件中没有编号为 ${c.trainingRef} 的申领`);
    else if (training.program !== 'employment_skill' || training.personId !== c.personId) {
      issue(ctx, ['claims', i, 'trainingRef'], `${c.trainingRef} 不是同一人员的就业技能培训申领`);
    }
  }
  return claimIndexByRef;
}

/** Claims of one §4.9 project must agree on its contract figures (an absent figure is no disagreement). */
function checkProjectFigures(
  c: ClaimInput,
  i: number,
  projects: Map<string, { index: number; price?: number | null; total?: number | null }>,
  ctx: Ctx,
): void {
  const seen = projects.get(c.projectId!);
  if (!seen) {
    projects.set(c.projectId!, { index: i, price: c.contractPerTraineeYuan, total: c.contractTotalYuan });
    return;
  }
  for (const [field, mine, theirs] of [
    ['contractPerTraineeYuan', c.contractPerTraineeYuan, seen.price],
    ['contractTotalYuan', c.contractTotalYuan, seen.total],
  ] as const) {
    if (mine != null && theirs != null && mine !== theirs) {
      issue(ctx, ['claims', i, field], `与 claims[${seen.index}] 同一项目 ${c.projectId} 的合同数据不一致`);
    }
  }
  seen.price ??= c.contractPerTraineeYuan;
  seen.total ??= c.contractTotalYuan;
}

/**
 * Which records a successful parse hands back for `people`, `enterprises` and `claims`: zod's copies
 * (unknown fields stripped, keys in schema order), or the file's own records once the same schema has
 * checked them. The file's own save a million copies surviving the young generation (seconds at 1M
 * claims); they may carry fields the schema does not know, which the engine never reads but a trace
 * (`--explain`) would print verbatim among its facts, so only callers without traces take them.
 */
export type InputRecords = 'copies' | 'file';

/** The same checks, but the element's copy is dropped at once (the array keeps nothing per record). */
const checkedOnly = (schema: z.ZodType) => schema.transform(() => undefined);
const personChecked = checkedOnly(person);
const enterpriseChecked = checkedOnly(enterprise);
const claimChecked = checkedOnly(claim);

interface FileRecords {
  people?: unknown;
  enterprises?: unknown;
  claims?: unknown;
}

/** The parsed input with the file's own people, enterprises and claims in place of zod's copies. */
function withFileRecords<T extends object>(parsed: T, file: FileRecords): T & Pick<EvaluateInput, 'people' | 'enterprises' | 'claims'> {
  return {
    ...parsed,
    people: (file.people ?? []) as PersonInput[],
    enterprises: (file.enterprises ?? []) as EnterpriseInput[],
    claims: file.claims as ClaimInput[],
  };
}

/**
 * The whole file's schema; the catalog and entrepreneurship bounds come from the policy packages.
 * With `file` (the raw input being parsed), the large arrays are checked without keeping copies and
 * the cross-record checks read the file's own records (the same values: the schema transforms none).
 */
export function evaluateInputSchema(
  policies: PolicySet,
  file?: FileRecords,
  found?: { claimIndexByRef?: Map<string, number> },
  accepted = false,
) {
  // `accepted`: recordsAccepted(file) held, so the lists need no second look (the file's own are used).
  return z
    .object({
      catalog: z.array(catalogEntrySchema).nullish(),
      entrepreneurshipTypes: z.array(entrepreneurshipTypeSchema).nullish(),
      people:
        file && accepted
          ? z.unknown().optional()
          : z
              .array(file ? personChecked : person)
              .nullish()
              .transform((x) => x ?? []),
      enterprises:
        file && accepted
          ? z.unknown().optional()
          : z
              .array(file ? enterpriseChecked : enterprise)
              .nullish()
              .transform((x) => x ?? []),
      claims: file && accepted ? z.unknown().optional() : z.array(file ? claimChecked : claim),
    })
    .superRefine((input, ctx) => {
      const claimIndexByRef = checkReferences(file ? withFileRecords(input, file) : (input as EvaluateInput), policies, ctx);
      if (found) found.claimIndexByRef = claimIndexByRef;
    });
}

/** A zod issue path as the product writes field paths: `claims[3].endDate`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true/false）',
  object: '对象',
  array: '数组',
};

/** Chinese messages for zod's own checks; our custom checks carry their own. */
export function chineseMessage(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return '缺少必填字段';
      return `应为${TYPE_NAMES[iss.expected] ?? iss.expected}`;
    case 'invalid_value':
      return `不是允许的取值（可选：${iss.values.map(String).join('、')}）`;
    case 'too_small':
      if (iss.origin === 'string') return '不能为空';
      if (iss.origin === 'array') return `至少应有 ${String(iss.minimum)} 项`;
      return iss.inclusive ? `不得小于 ${String(iss.minimum)}` : `应大于 ${String(iss.minimum)}`;
    case 'too_big':
      return `不得大于 ${String(iss.maximum)}`;
    case 'unrecognized_keys':
      return `未知字段：${iss.keys.join('、')}`;
    case 'invalid_union':
      return '取值不符合要求';
    case 'invalid_format':
      return '格式不正确';
    default:
      return undefined;
  }
}

/**
 * Parses and validates a whole evaluate file; throws InputError listing every problem by field path.
 * `records`: see InputRecords (default: zod's copies).
 */
export function parseEvaluateInput(raw: unknown, policies: PolicySet, records: InputRecords = 'copies'): EvaluateInput {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError([{ path: '', message: '文件内容应为一个 JSON 对象（含 claims 数组）' }]);
  }
  const file = records === 'file' ? (raw as FileRecords) : undefined;
  const found: { claimIndexByRef?: Map<string, number> } = {};
  const accepted = file !== undefined && recordsAccepted(file);
  const result = evaluateInputSchema(policies, file, found, accepted).safeParse(raw, { error: chineseMessage });
  if (!result.success) {
    throw new InputError(result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  const input = file ? withFileRecords(result.data, file) : (result.data as EvaluateInput);
  return { ...input, claimIndexByRef: found.claimIndexByRef };
}
