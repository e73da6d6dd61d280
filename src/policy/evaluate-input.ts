// The evaluate file format (docs/evaluate.md) as one zod schema: every input error the
// contract lists is found here, before any decision, and named by its field path.
import { z } from 'zod';
import {
  APPLICANTS, CATALOG_SECTIONS, CERTIFICATE_TYPES, CLAIM_STATUSES, GROUPS, INDUSTRIES, LEVELS, ProgramCodeSchema, type GroupCode,
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
const yuan = z.number().nonnegative().refine((x) => decimalPlaces(x) <= 2, '金额最多保留两位小数（分）');
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
  upliftRate: z.number().min(0).max(1).refine((x) => decimalPlaces(x) <= 6, '上浮比例最多六位小数'),
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
const here = (ctx: z.RefinementCtx, path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

function checkDate(ctx: z.RefinementCtx, value: unknown, path: (string | number)[], required: boolean): value is string | null | undefined {
  if (value == null) {
    if (required) here(ctx, path, '缺少必填字段');
    return !required;
  }
  if (typeof value !== 'string' || !isIsoDate(value)) {
    here(ctx, path, '不是有效日期（应为存在的日期，格式 YYYY-MM-DD）');
    return false;
  }
  return true;
}

/** `true`/`false`, or changes `[{ from, value }]` with strictly increasing `from`. */
const datedFlag = z.custom<DatedFlag | null | undefined>().superRefine((v, ctx) => {
  if (v == null || typeof v === 'boolean') return;
  if (!Array.isArray(v)) {
    here(ctx, [], '应为布尔值（true/false）或按日期排列的变化列表 [{ from, value }]');
    return;
  }
  let previous: string | undefined;
  for (let i = 0; i < v.length; i++) {
    const change: unknown = v[i];
    if (!isObject(change)) {
      here(ctx, [i], '应为对象 { from, value }');
      continue;
    }
    if (change.value == null) here(ctx, [i, 'value'], '缺少必填字段');
    else if (typeof change.value !== 'boolean') here(ctx, [i, 'value'], '应为布尔值（true/false）');
    for (const key of Object.keys(change)) if (key !== 'from' && key !== 'value') here(ctx, [i], `未知字段：${key}`);
    if (!checkDate(ctx, change.from, [i, 'from'], true)) continue;
    const from = change.from as string;
    if (previous !== undefined && from <= previous) here(ctx, [i, 'from'], `变化日期应严格递增（前一项为 ${previous}）`);
    previous = from;
  }
});

/** Group codes and membership periods, mixed. */
const groupList = z.custom<GroupItem[] | null | undefined>().superRefine((v, ctx) => {
  if (v == null) return;
  if (!Array.isArray(v)) {
    here(ctx, [], '应为数组');
    return;
  }
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    if (typeof item === 'string') {
      if (!GROUP_SET.has(item)) here(ctx, [i], `不是允许的取值（可选：${GROUPS.join('、')}）`);
      continue;
    }
    if (!isObject(item)) {
      here(ctx, [i], '应为群体代码或成员期间 { group, from, to }');
      continue;
    }
    if (item.group == null) here(ctx, [i, 'group'], '缺少必填字段');
    else if (typeof item.group !== 'string' || !GROUP_SET.has(item.group)) here(ctx, [i, 'group'], `不是允许的取值（可选：${GROUPS.join('、')}）`);
    for (const key of Object.keys(item)) if (key !== 'group' && key !== 'from' && key !== 'to') here(ctx, [i], `未知字段：${key}`);
    const fromOk = checkDate(ctx, item.from, [i, 'from'], false);
    const toOk = checkDate(ctx, item.to, [i, 'to'], false);
    if (fromOk && toOk && item.from != null && item.to != null && (item.to as string) < (item.from as string)) {
      here(ctx, [i, 'to'], '成员期间的终止日期早于起始日期');
    }
  }
});

/** One difficulty period `{ from, to }`, or several. */
const difficultyPeriods = z.custom<Period | Period[] | null | undefined>().superRefine((v, ctx) => {
  if (v == null) return;
  const one = (p: unknown, at: (string | number)[]) => {
    if (!isObject(p)) {
      here(ctx, at, '应为期间 { from, to }');
      return;
    }
    for (const key of Object.keys(p)) if (key !== 'from' && key !== 'to') here(ctx, at, `未知字段：${key}`);
    const fromOk = checkDate(ctx, p.from, [...at, 'from'], true);
    const toOk = checkDate(ctx, p.to, [...at, 'to'], false);
    if (fromOk && toOk && p.to != null && (p.to as string) < (p.from as string)) {
      here(ctx, [...at, 'to'], '困难企业认定的终止日期早于起始日期');
    }
  };
  if (Array.isArray(v)) v.forEach((p, i) => one(p, [i]));
  else one(v, []);
});

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
  certificate: z
    .object({ type: z.enum(CERTIFICATE_TYPES), number: z.string().nullish(), issuedOn: isoDate.nullish() })
    .nullish(),
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
export function evaluateInputSchema(policies: PolicySet, file?: FileRecords, found?: { claimIndexByRef?: Map<string, number> }) {
  return z
    .object({
      catalog: z.array(catalogEntrySchema).nullish(),
      entrepreneurshipTypes: z.array(entrepreneurshipTypeSchema).nullish(),
      people: z.array(file ? personChecked : person).nullish().transform((x) => x ?? []),
      enterprises: z.array(file ? enterpriseChecked : enterprise).nullish().transform((x) => x ?? []),
      claims: z.array(file ? claimChecked : claim),
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
  string: '文本', number: '数字', int: '整数', boolean: '布尔值（true/false）', object: '对象', array: '数组',
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
  const result = evaluateInputSchema(policies, file, found).safeParse(raw, { error: chineseMessage });
  if (!result.success) {
    throw new InputError(result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  const input = file ? withFileRecords(result.data, file) : (result.data as EvaluateInput);
  return { ...input, claimIndexByRef: found.claimIndexByRef };
}
