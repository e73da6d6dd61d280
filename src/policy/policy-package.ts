// Policy packages: every number and list of a plan as dated data with its clause (OpenFisca-style).
// A package says which programs it governs and when; packages of higher precedence supersede lower
// ones inside their window (the plan prevails over the city's earlier policies, SPEC "Validity").
import { z } from 'zod';
import { CATALOG_SECTIONS, GROUPS, CERTIFICATE_TYPES, INDUSTRIES, PROGRAMS, ProgramCodeSchema, type ProgramCode } from './codes.ts';
import { CLAUSE_HEADINGS, type Clause } from './clauses.ts';
import { addDays, firstDayOfMonth, isIsoDate, type IsoDate } from './dates.ts';

const isoDate = z.string().refine(isIsoDate, '不是有效日期');
const clause = z.enum(Object.keys(CLAUSE_HEADINGS) as [Clause, ...Clause[]]);
const percent = z.number().int().min(0).max(100);
const positiveInt = z.number().int().positive();
const bounds = z.object({ min: z.number().nonnegative(), max: z.number().nonnegative() }).refine((b) => b.min <= b.max, '下限大于上限');

/** The shape of every parameter the engine reads; a package lacking one is refused at load. */
export const PARAMETER_SCHEMAS = {
  'certificates.training': z.array(z.enum(CERTIFICATE_TYPES)),
  'certificates.skillLevel': z.array(z.enum(CERTIFICATE_TYPES)),
  'certificates.employmentSkill': z.array(z.enum(CERTIFICATE_TYPES)),
  'certificates.entrepreneurship': z.array(z.enum(CERTIFICATE_TYPES)),
  'certificates.safety': z.array(z.enum(CERTIFICATE_TYPES)),
  'groups.key': z.array(z.enum(GROUPS)),
  'groups.free': z.array(z.enum(GROUPS)),
  'groups.hardship': z.array(z.enum(GROUPS)),
  'catalog.priorityIndustries': z.array(z.enum(INDUSTRIES)),
  'catalog.upliftBounds': bounds,
  'annualCap.maxTrainingSubsidies': positiveInt,
  'enterprise.reducedRatePercent': percent,
  'enterprise.minShareOfSpendingPercent': percent,
  'apprenticeship.yearlyRateYuan': z.partialRecord(z.enum(['5', '4', '3', '2', '1']), positiveInt),
  'apprenticeship.minContractMonths': positiveInt,
  'apprenticeship.monthsRange': z.object({ min: positiveInt, max: positiveInt }),
  'shortTerm.minAttendedHours': z.number().nonnegative(),
  'shortTerm.amountYuan': positiveInt,
  'preJob.amountByContract': z.array(z.object({ minMonths: positiveInt, amountYuan: positiveInt })).min(1),
  'employmentSkill.inSchoolPercent': percent,
  'livingAllowance.dailyYuan': positiveInt,
  'entrepreneurship.amountBoundsYuan': bounds,
  'workForTraining.monthlyYuan': positiveInt,
  'workForTraining.maxMonths': positiveInt,
  'safety.amountYuan': positiveInt,
  'appraisal.sectionOrder': z.array(z.enum(CATALOG_SECTIONS)).min(1),
  'advance.maxPercent': percent,
  'goals.skilledShareOfEmployedPercent': percent,
  'goals.highSkilledShareOfSkilledPercent': percent,
  'goals.rotationIndustries': z
    .array(z.enum(INDUSTRIES))
    .min(1)
    .refine((xs) => new Set(xs).size === xs.length, '产业不能重复'),
  'online.maxSharePercent': percent,
} as const;

export type ParameterName = keyof typeof PARAMETER_SCHEMAS;
export type ParameterValueOf<N extends ParameterName> = z.infer<(typeof PARAMETER_SCHEMAS)[N]>;

const windowSchema = z.object({
  from: isoDate,
  to: isoDate,
  byMonth: z.boolean().optional(),
  clause,
  description: z.string().optional(),
});

const parameterSchema = z.object({
  clause,
  description: z.string(),
  values: z.array(z.object({ from: isoDate, to: isoDate.nullish(), value: z.unknown() })).min(1),
});

const packageSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  document: z.string().optional(),
  issuedOn: isoDate.optional(),
  precedence: z.number().int(),
  programs: z.array(ProgramCodeSchema).min(1),
  inForce: z.object({ default: windowSchema }).catchall(windowSchema),
  parameters: z.record(z.string(), parameterSchema),
});

export type InForceWindow = z.infer<typeof windowSchema>;
export type PolicyPackage = z.infer<typeof packageSchema>;

/** One parameter value as read for a decision, for the trace. */
export interface ParameterRead {
  name: ParameterName;
  value: unknown;
  clause: Clause;
  from: IsoDate;
  to: IsoDate | null;
}

export class PolicyConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'PolicyConfigError';
  }
}

/** A validated package: its in-force windows and a dated lookup for each parameter. */
export class LoadedPackage {
  private readonly byName = new Map<string, ParameterRead[]>();

  constructor(readonly data: PolicyPackage) {
    for (const [name, p] of Object.entries(data.parameters)) {
      this.byName.set(
        name,
        p.values
          .map((v) => ({ name: name as ParameterName, value: v.value, clause: p.clause, from: v.from, to: v.to ?? null }))
          .sort((a, b) => (a.from < b.from ? -1 : 1)),
      );
    }
  }

  get id(): string {
    return this.data.id;
  }

  window(program: ProgramCode): InForceWindow {
    return this.data.inForce[program] ?? this.data.inForce.default;
  }

  /** The date a claim's start is compared with: §4.8 is governed by its first insured month. */
  governingDate(program: ProgramCode, startDate: IsoDate): IsoDate {
    return this.window(program).byMonth ? firstDayOfMonth(startDate) : startDate;
  }

  inForce(program: ProgramCode, startDate: IsoDate): boolean {
    if (!this.data.programs.includes(program)) return false;
    const w = this.window(program);
    const date = this.governingDate(program, startDate);
    return date >= w.from && date <= w.to;
  }

  /** The value of a parameter in force on a date; a package is checked at load to cover its windows. */
  read<N extends ParameterName>(name: N, date: IsoDate): ParameterRead & { value: ParameterValueOf<N> } {
    const values = this.byName.get(name)!;
    for (let i = values.length - 1; i >= 0; i--) {
      const v = values[i]!;
      if (v.from <= date && (v.to === null || date <= v.to)) return v as ParameterRead & { value: ParameterValueOf<N> };
    }
    throw new PolicyConfigError([`${this.id}: 参数 ${name} 在 ${date} 没有有效取值`]);
  }
}

function packageProblems(raw: unknown, label: string): { problems: string[]; pkg?: PolicyPackage } {
  const parsed = packageSchema.safeParse(raw);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => `${label}.${i.path.join('.')}: ${i.message}`) };
  }
  const pkg = parsed.data;
  const problems: string[] = [];
  const windows = [pkg.inForce.default, ...Object.values(pkg.inForce)];
  const envelopeFrom = windows.reduce((m, w) => (w.from < m ? w.from : m), pkg.inForce.default.from);
  const envelopeTo = windows.reduce((m, w) => (w.to > m ? w.to : m), pkg.inForce.default.to);
  for (const [program, w] of Object.entries(pkg.inForce)) {
    if (program !== 'default' && !(PROGRAMS as readonly string[]).includes(program)) {
      problems.push(`${label}.inForce.${program}: 不是已知的补贴项目`);
    }
    if (w.from > w.to) problems.push(`${label}.inForce.${program}: 起始日期晚于终止日期`);
  }
  for (const [name, schema] of Object.entries(PARAMETER_SCHEMAS)) {
    const param = pkg.parameters[name];
    if (!param) {
      problems.push(`${label}.parameters.${name}: 缺少参数`);
      continue;
    }
    param.values.forEach((v, i) => {
      const r = schema.safeParse(v.value);
      if (!r.success) problems.push(`${label}.parameters.${name}.values[${i}].value: ${r.error.issues[0]?.message}`);
    });
    // The values must cover every day the package is in force, with no gap and no overlap.
    const sorted = [...param.values].sort((a, b) => (a.from < b.from ? -1 : 1));
    let next: IsoDate = envelopeFrom; // the first day not yet covered
    let gap = false;
    sorted.forEach((v, i) => {
      const previousTo = i > 0 ? (sorted[i - 1]!.to ?? '9999-12-31') : null;
      if (previousTo !== null && v.from <= previousTo) problems.push(`${label}.parameters.${name}: 取值的有效期重叠（${v.from}）`);
      if (v.from > next && next <= envelopeTo) gap = true;
      const after = v.to == null ? '9999-12-31' : addDays(v.to, 1);
      if (after > next) next = after;
    });
    if (gap || next <= envelopeTo) problems.push(`${label}.parameters.${name}: 取值未覆盖政策有效期 ${envelopeFrom} 至 ${envelopeTo}`);
  }
  return { problems, pkg };
}

/** The packages in use, checked together: two of equal precedence in force for one program on one date is an error. */
export class PolicySet {
  readonly packages: LoadedPackage[];

  constructor(raws: unknown[]) {
    const problems: string[] = [];
    const loaded: LoadedPackage[] = [];
    raws.forEach((raw, i) => {
      const label = (raw as { id?: unknown })?.id ? String((raw as { id: unknown }).id) : `packages[${i}]`;
      const r = packageProblems(raw, label);
      problems.push(...r.problems);
      if (r.pkg && r.problems.length === 0) loaded.push(new LoadedPackage(r.pkg));
    });
    for (let a = 0; a < loaded.length; a++) {
      for (let b = a + 1; b < loaded.length; b++) {
        const pa = loaded[a]!;
        const pb = loaded[b]!;
        if (pa.data.precedence !== pb.data.precedence) continue;
        for (const program of pa.data.programs) {
          if (!pb.data.programs.includes(program)) continue;
          const wa = pa.window(program);
          const wb = pb.window(program);
          if (wa.from <= wb.to && wb.from <= wa.to) {
            const from = wa.from > wb.from ? wa.from : wb.from;
            problems.push(`政策包 ${pa.id} 与 ${pb.id} 优先级相同（${pa.data.precedence}），自 ${from} 起对项目 ${program} 同时有效`);
          }
        }
      }
    }
    if (problems.length > 0) throw new PolicyConfigError(problems);
    // Highest precedence first, so the first package in force is the one that governs.
    this.packages = loaded.sort((x, y) => y.data.precedence - x.data.precedence);
  }

  /** The package that governs a program for a training that starts on a date, or undefined (not_applicable). */
  governing(program: ProgramCode, startDate: IsoDate): LoadedPackage | undefined {
    for (const p of this.packages) if (p.inForce(program, startDate)) return p;
    return undefined;
  }
}
