// 季报 and 年报 (§5.3) for the actor's slice: the city for the whole city or one area, a county its own
// area, a department its §5.7 slice. Figures by program and area for the period (by training end
// date), the quarterly trend of the year, progress against the annual tasks, and, for the city and
// finance, the funds and the R9 share. The claims' figures come grouped by program × area × quarter ×
// status (claim-quarter-figures.ts), names joined after (STACK-NOTES trap 6).
import type { Db } from '../../store/database.ts';
import { requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { claimQuarterFigures } from './claim-quarter-figures.ts';
import { r8Summary, type R8Summary } from './r8-summary.ts';
import { enterpriseShare, fundAccounts, type EnterpriseShare, type FundAccount } from '../funds/fund-spending.ts';
import { cityGoals, type CityGoals } from '../targets/city-goals.ts';
import { taskProgress, type TaskProgress } from '../targets/task-progress.ts';
import { COUNTY_AREA_CODES } from '../targets/task-units.ts';
import { periodOf, programName, TRAINING_PROGRAMS, type Period } from './report-period.ts';
import { DEPARTMENTS } from '../../vocabulary/roles.ts';

export interface Figures {
  claims: number;
  trainings: number;
  approvedCount: number;
  approvedFen: number;
  paidCount: number;
  paidFen: number;
  rejected: number;
}
export interface ProgramFigures extends Figures {
  program: string;
  programName: string;
}
export interface AreaFigures extends Figures {
  areaCode: string;
  areaName: string;
}
export interface PeriodReport {
  kind: 'quarterly' | 'annual';
  title: string;
  period: Period;
  scope: { areaCode: string | null; department: string | null; label: string };
  generatedAt: string;
  summary: Figures;
  byProgram: ProgramFigures[];
  byArea: AreaFigures[];
  trend: ({ quarter: number; label: string } & Figures)[];
  tasks: TaskProgress[];
  laggards: TaskProgress[];
  funds: FundAccount[] | null;
  enterpriseShare: EnterpriseShare | null;
  goals: CityGoals | null;
  /** R8 (§5.2) for the year: the annual report's, for the offices and finance. */
  r8: R8Summary | null;
}

export interface ReportQuery {
  year: number;
  quarter?: number | null;
  areaCode?: string | null;
}

const empty = (): Figures => ({ claims: 0, trainings: 0, approvedCount: 0, approvedFen: 0, paidCount: 0, paidFen: 0, rejected: 0 });
function add(f: Figures, r: { program: string; status: string; n: number; amount: number }) {
  const live = r.status !== 'rejected' && r.status !== 'withdrawn';
  if (live) f.claims += r.n;
  if (live && (TRAINING_PROGRAMS as readonly string[]).includes(r.program)) f.trainings += r.n;
  if (r.status === 'approved' || r.status === 'paid') {
    f.approvedCount += r.n;
    f.approvedFen += r.amount;
  }
  if (r.status === 'paid') {
    f.paidCount += r.n;
    f.paidFen += r.amount;
  }
  if (r.status === 'rejected') f.rejected += r.n;
}

/** Which area the report covers for this actor (a county: its own; another area is not in its slice). */
function scopeArea(a: Actor, areaCode: string | null | undefined): string | null {
  if (areaCode && !(COUNTY_AREA_CODES as readonly string[]).includes(areaCode))
    throw new AppError('invalid_input', `areaCode: ${areaCode} 不是本市的县（区）`, 'areaCode');
  if (a.role === 'county') {
    if (areaCode && areaCode !== a.areaCode) throw new AppError('not_found', `没有找到${areaCode}的报表`, 'areaCode');
    return a.areaCode;
  }
  return areaCode ?? null;
}

export async function periodReport(db: Db, actor: Actor | null, q: ReportQuery): Promise<PeriodReport> {
  const a = requireRole(actor, 'city', 'county', 'department');
  const period = periodOf(q.year, q.quarter);
  const areaCode = scopeArea(a, q.areaCode);
  const areaNames = new Map((await db.selectFrom('areas').select(['code', 'name']).execute()).map((x) => [x.code, x.name]));

  const figures = claimQuarterFigures(db, a, q.year, period.quarter ?? 4, areaCode);

  // The quarterly report is the claims' aggregate and the task progress (read from the same rows for
  // area tasks); the funds with R9 and the §1 goals — yearly figures — are the annual report's (and
  // are live on the funds and targets screens). The parts run at once on PostgreSQL's pool.
  const annual = period.quarter === null;
  const seesFunds = annual && (a.role === 'city' || (a.role === 'department' && a.department === 'finance'));
  const seesGoals = annual && !(a.role === 'department' && a.department !== 'finance');
  const seesR8 = annual && (a.role !== 'department' || a.department === 'finance');
  const [rows, funds, goals, r8] = await Promise.all([
    figures,
    seesFunds && !areaCode ? fundAccounts(db, { year: q.year }) : Promise.resolve(null),
    seesGoals ? cityGoals(db, q.year, areaCode ?? undefined) : Promise.resolve(null),
    seesR8 ? r8Summary(db, q.year, areaCode) : Promise.resolve(null),
  ]);
  const share = funds ? await enterpriseShare(db, q.year, funds).catch(() => null) : null;

  const inPeriod = rows.filter((r) => !period.quarter || r.quarter === period.quarter);
  const summary = empty();
  const programs = new Map<string, Figures>();
  const areas = new Map<string, Figures>();
  for (const r of inPeriod) {
    add(summary, r);
    if (!programs.has(r.program)) programs.set(r.program, empty());
    add(programs.get(r.program)!, r);
    if (!areas.has(r.area)) areas.set(r.area, empty());
    add(areas.get(r.area)!, r);
  }
  const quarters = period.quarter ? Array.from({ length: period.quarter }, (_, i) => i + 1) : [1, 2, 3, 4];
  // Area tasks: live claims of the area and program ended by the quarter's end, from the rows above
  // (a department's scope is read by its own query in taskProgress).
  const asOf = period.quarter ?? 4;
  const areaDone = new Map<string, number>();
  if (a.role !== 'department') {
    for (const r of rows) {
      if (r.quarter <= asOf && r.status !== 'rejected' && r.status !== 'withdrawn') {
        const key = `area|${r.area}|${r.program}`;
        areaDone.set(key, (areaDone.get(key) ?? 0) + r.n);
      }
    }
  }
  const tasks = await taskProgress(
    db,
    a,
    { year: q.year, quarter: asOf, ...(areaCode ? { unitKind: 'area' as const, unit: areaCode } : {}) },
    a.role !== 'department' ? areaDone : undefined,
  );
  const trend = quarters.map((qq) => {
    const f = empty();
    for (const r of rows) if (r.quarter === qq) add(f, r);
    return { quarter: qq, label: `第${'一二三四'[qq - 1]}季度`, ...f };
  });

  const scopeLabel =
    a.role === 'department'
      ? (DEPARTMENTS[a.department!] ?? '部门') + (areaCode ? `（${areaNames.get(areaCode)}）` : '')
      : areaCode
        ? (areaNames.get(areaCode) ?? areaCode)
        : '攀枝花市';
  const kind = period.quarter ? 'quarterly' : 'annual';
  return {
    kind,
    title: `${scopeLabel}职业技能提升行动${period.label}${kind === 'quarterly' ? '季报' : '年报'}`,
    period,
    scope: { areaCode, department: a.role === 'department' ? a.department : null, label: scopeLabel },
    generatedAt: new Date().toISOString(),
    summary,
    byProgram: [...programs]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([program, f]) => ({ program, programName: programName(program), ...f })),
    byArea: [...areas]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([code, f]) => ({ areaCode: code, areaName: areaNames.get(code) ?? code, ...f })),
    trend,
    tasks,
    laggards: tasks.filter((t) => t.lagging).sort((x, y) => x.doneBasisPoints - y.doneBasisPoints),
    funds,
    enterpriseShare: share,
    goals,
    r8,
  };
}
