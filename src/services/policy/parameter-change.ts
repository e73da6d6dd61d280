// A dated change of one parameter as a new policy package (OpenFisca-style: the value is data with its
// dates). The new package is the governing one with the parameter's values re-cut around the change,
// at a higher precedence than every package on record, so it governs from then on — decisions already
// frozen keep the package they name. Pure: used by the recorded change and by the what-if alike.
import { PARAMETER_SCHEMAS, PolicyConfigError, PolicySet, type ParameterName, type PolicyPackage } from '../../policy/policy-package.ts';
import { addDays, formatChineseDate } from '../../policy/dates.ts';
import type { Kysely } from 'kysely';
import { SHIPPED_PACKAGES } from '../../policy/shipped.ts';
import type { Database } from '../../store/schema.ts';
import { AppError } from '../app-error.ts';

export interface ParameterChange {
  parameter: string;
  value: unknown;
  /** First day the new value applies (compared with the claim's governing date, i.e. the training start). */
  validFrom: string;
  /** Last day, or null: until the base package's values end. */
  validTo: string | null;
}

export const PARAMETER_NAMES = Object.keys(PARAMETER_SCHEMAS) as ParameterName[];

/** The package that governs most: the highest precedence on record (the one a change is made on). */
export function topPackage(policies: PolicySet): PolicyPackage {
  return policies.packages[0]!.data;
}

/** The package's whole in-force envelope (the days its parameter values must cover). */
export function envelopeOf(pkg: PolicyPackage): { from: string; to: string } {
  const windows = Object.values(pkg.inForce);
  return {
    from: windows.reduce((m, w) => (w.from < m ? w.from : m), pkg.inForce.default.from),
    to: windows.reduce((m, w) => (w.to > m ? w.to : m), pkg.inForce.default.to),
  };
}

/** Checks the change against the parameter's shape and the base package's envelope (400 naming the field). */
export function checkChange(base: PolicyPackage, change: ParameterChange): void {
  if (!(change.parameter in PARAMETER_SCHEMAS)) throw new AppError('invalid_input', `不是政策参数：${change.parameter}`, 'parameter');
  const parsed = PARAMETER_SCHEMAS[change.parameter as ParameterName].safeParse(change.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `（${issue.path.join('.')}）` : '';
    throw new AppError('invalid_input', `参数取值不符合要求${where}：${issueInChinese(issue)}`, 'value');
  }
  const env = envelopeOf(base);
  if (change.validFrom < env.from || change.validFrom > env.to) {
    throw new AppError(
      'invalid_input',
      `生效日期应在政策有效期 ${formatChineseDate(env.from)} 至 ${formatChineseDate(env.to)} 之内`,
      'validFrom',
    );
  }
  if (change.validTo !== null && change.validTo < change.validFrom) throw new AppError('invalid_input', '终止日期早于生效日期', 'validTo');
}

/** The base package with `change` applied, as a new package `id` of precedence `precedence`. */
export function packageWithChange(
  base: PolicyPackage,
  change: ParameterChange,
  id: string,
  title: string,
  precedence: number,
): PolicyPackage {
  checkChange(base, change);
  const from = change.validFrom;
  const to = change.validTo;
  const param = base.parameters[change.parameter]!;
  const values: { from: string; to?: string | null; value: unknown }[] = [];
  for (const v of param.values) {
    const vTo = v.to ?? null;
    const before = to !== null && v.from > to;
    const after = vTo !== null && vTo < from;
    if (before || after) {
      values.push(v);
      continue;
    }
    // The old value is cut around the change: kept before it and after it.
    if (v.from < from) values.push({ from: v.from, to: addDays(from, -1), value: v.value });
    if (to !== null && (vTo === null || vTo > to)) values.push({ from: addDays(to, 1), to: vTo, value: v.value });
  }
  values.push({ from, to, value: change.value });
  values.sort((a, b) => (a.from < b.from ? -1 : 1));
  return {
    ...structuredClone(base),
    id,
    title,
    precedence,
    issuedOn: undefined,
    document: base.document,
    parameters: { ...structuredClone(base.parameters), [change.parameter]: { ...param, values } },
  };
}

/** The policy set with one more package; a package the engine would refuse is a 400 naming the value. */
export function policySetWith(raws: unknown[], extra: PolicyPackage): PolicySet {
  try {
    return new PolicySet([...raws, JSON.parse(JSON.stringify(extra))]);
  } catch (e) {
    if (e instanceof PolicyConfigError) throw new AppError('invalid_input', `调整后的政策包无效：${e.problems[0]}`, 'value', e.problems);
    throw e;
  }
}

/** The raw packages on record, highest precedence first (the shipped ones when the table is empty). */
export async function packagesOnRecord(db: Kysely<Database>): Promise<unknown[]> {
  const rows = await db.selectFrom('policy_packages').select(['data']).orderBy('precedence', 'desc').orderBy('id').execute();
  if (rows.length === 0) return [...SHIPPED_PACKAGES];
  return rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data));
}

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  array: '列表',
  object: '对象',
  string: '文本',
  boolean: '是或否',
};

/** zod's issue in Chinese (the parameter schemas use the library's default messages, in English). */
function issueInChinese(issue: {
  code: string;
  message: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  inclusive?: unknown;
}): string {
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_NAMES[String(issue.expected)] ?? String(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `至少 ${String(issue.minimum)} 项`
        : issue.inclusive === false
          ? `应大于 ${String(issue.minimum)}`
          : `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `至多 ${String(issue.maximum)} 项` : `不能大于 ${String(issue.maximum)}`;
    case 'invalid_value':
      return '含有不允许的取值';
    case 'invalid_key':
      return '含有不允许的键';
    case 'unrecognized_keys':
      return '含有多余的键';
    case 'custom':
      return issue.message;
    default:
      return '格式不正确';
  }
}
