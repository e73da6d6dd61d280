// Quarterly progress against the annual tasks (§5.3) and the laggards named each quarter (通报).
// Done = trainings (live claims of the program) in the unit whose training ended from 1 January to
// the end of the quarter; expected = the even pace (q/4 of the target, rounded up); a task is lagging
// when done < expected. A department's trainings are the claims of its §5.7 slice.
import type { Db } from '../../store/database.ts';
import type { Tx } from '../../store/transaction.ts';
import { requireRole, type Actor, type Department } from '../access.ts';
import { claimScope } from '../claims/claim-scope.ts';
import { LIVE_STATUSES, periodOf, programName } from '../reports/report-period.ts';
import { GOAL_PARAMETERS } from './goal-parameters.ts';
import { taskFilter, unitName, type UnitKind } from './task-units.ts';

export interface TaskProgress {
  id: number;
  year: number;
  quarter: number;
  unitKind: UnitKind;
  unit: string;
  unitName: string;
  areaCode: string | null;
  program: string;
  programName: string;
  target: number;
  done: number;
  expected: number;
  /** Done as basis points of the target (10000 = 100%). */
  doneBasisPoints: number;
  lagging: boolean;
  shortfall: number;
  note: string | null;
}

const deptActor = (department: string): Actor => ({
  userId: 'report',
  username: 'report',
  displayName: '',
  role: 'department',
  areaCode: null,
  department: department as Department,
  enterpriseUscc: null,
  providerId: null,
  residentId: null,
});

/** Trainings done per (unit kind, unit, program) up to the end of the quarter. */
export async function trainingsDone(
  db: Db | Tx,
  year: number,
  quarter: number,
  units: { kind: UnitKind; unit: string }[],
  areaDone?: Map<string, number>,
): Promise<Map<string, number>> {
  const period = periodOf(year, quarter);
  const out = new Map<string, number>(areaDone ?? []);
  const base = () =>
    db
      .selectFrom('claims')
      .where('end_date', '>=', `${year}-01-01`)
      .where('end_date', '<=', period.to)
      .where('status', 'in', [...LIVE_STATUSES]);
  if (!areaDone && units.some((u) => u.kind === 'area')) {
    const rows = await base()
      .select(['area_code', 'program', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['area_code', 'program'])
      .execute();
    for (const r of rows) out.set(`area|${r.area_code}|${r.program}`, Number(r.n));
  }
  for (const dept of new Set(units.filter((u) => u.kind === 'department').map((u) => u.unit))) {
    const rows = await base()
      .where(claimScope(deptActor(dept)))
      .select(['program', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('program')
      .execute();
    for (const r of rows) out.set(`department|${dept}|${r.program}`, Number(r.n));
  }
  return out;
}

export interface TaskProgressQuery {
  year: number;
  quarter: number;
  lagging?: boolean;
  unitKind?: UnitKind;
  unit?: string;
  program?: string;
  sort?: 'unit' | 'program' | 'target' | 'done' | 'rate';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** `areaDone`: the area counts when the caller has them already (the period report's aggregate). */
export async function taskProgress(
  db: Db | Tx,
  actor: Actor,
  q: TaskProgressQuery,
  areaDone?: Map<string, number>,
): Promise<TaskProgress[]> {
  let query = db.selectFrom('annual_tasks').selectAll().where('year', '=', q.year);
  const own = taskFilter(actor);
  if (own) query = query.where('unit_kind', '=', own.kind).where('unit', '=', own.unit);
  if (q.unitKind) query = query.where('unit_kind', '=', q.unitKind);
  if (q.unit) query = query.where('unit', '=', q.unit);
  if (q.program) query = query.where('program', '=', q.program);
  const tasks = await query.orderBy('id').execute();
  const done = await trainingsDone(
    db,
    q.year,
    q.quarter,
    tasks.map((t) => ({ kind: t.unit_kind, unit: t.unit })),
    areaDone,
  );
  const areaNames = new Map((await db.selectFrom('areas').select(['code', 'name']).execute()).map((a) => [a.code, a.name]));
  const pace = GOAL_PARAMETERS.expectedShareByQuarter[q.quarter - 1]!;
  const out: TaskProgress[] = [];
  for (const t of tasks) {
    const d = done.get(`${t.unit_kind}|${t.unit}|${t.program}`) ?? 0;
    const expected = Math.ceil((t.target * pace) / 100);
    out.push({
      id: Number(t.id),
      year: t.year,
      quarter: q.quarter,
      unitKind: t.unit_kind,
      unit: t.unit,
      unitName: await unitName(t.unit_kind, t.unit, areaNames),
      areaCode: t.unit_kind === 'area' ? t.unit : null,
      program: t.program,
      programName: programName(t.program),
      target: t.target,
      done: d,
      expected,
      doneBasisPoints: Math.floor((d * 10000) / t.target),
      lagging: d < expected,
      shortfall: Math.max(0, expected - d),
      note: t.note,
    });
  }
  return out;
}

const SORTS: Record<NonNullable<TaskProgressQuery['sort']>, (t: TaskProgress) => string | number> = {
  unit: (t) => `${t.unitKind}|${t.unit}`,
  program: (t) => t.program,
  target: (t) => t.target,
  done: (t) => t.done,
  rate: (t) => t.doneBasisPoints,
};

/** The tasks in the actor's slice with their progress, paged; `lagging` gives the quarter's 通报 list. */
export async function listTaskProgress(db: Db, actor: Actor | null, q: TaskProgressQuery) {
  const a = requireRole(actor, 'city', 'county', 'department');
  let rows = await taskProgress(db, a, q);
  if (q.lagging) rows = rows.filter((t) => t.lagging);
  const key = SORTS[q.sort ?? (q.lagging ? 'rate' : 'unit')];
  const dir = (q.order ?? 'asc') === 'asc' ? 1 : -1;
  rows.sort((x, y) => {
    const a1 = key(x),
      b1 = key(y);
    return (a1 < b1 ? -1 : a1 > b1 ? 1 : x.id - y.id) * dir;
  });
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageSize };
}
