// The claims of a year grouped by program × area × quarter (of the training end date) × status, up to
// a quarter, for the period reports. A slice that is a set of areas or programs — the city, a county,
// finance (every claim), emergency (安全技能) and development-reform (项目制) — reads the running
// figures the claims triggers keep (migration 2026-11-25T1250): totals + not-yet-folded deltas, a few
// hundred rows whatever the number of claims. A slice defined by people, providers or enterprises
// (§5.7: veterans, disabled federation, education, housing, civil affairs) groups its claims directly.
import { sql } from 'kysely';
import type { Db } from '../../store/database.ts';
import type { Actor } from '../access.ts';
import { claimScope, PROGRAM_SLICES } from '../claims/claim-scope.ts';

export interface QuarterFigure {
  program: string;
  area: string;
  status: string;
  quarter: number;
  n: number;
  amount: number;
}

export async function claimQuarterFigures(
  db: Db,
  actor: Actor,
  year: number,
  upToQuarter: number,
  areaCode: string | null,
): Promise<QuarterFigure[]> {
  const department = actor.role === 'department' ? (actor.department ?? '') : null;
  const rows =
    department === null || PROGRAM_SLICES[department] !== undefined
      ? await fromRunningFigures(db, year, upToQuarter, areaCode, department === null ? null : PROGRAM_SLICES[department]!)
      : await fromClaims(db, actor, year, upToQuarter, areaCode);
  return rows.map((r) => ({
    program: r.program,
    area: r.area_code,
    status: r.status,
    quarter: Number(r.quarter),
    n: Number(r.n),
    amount: Number(r.amount),
  }));
}

function fromRunningFigures(db: Db, year: number, upToQuarter: number, areaCode: string | null, programs: readonly string[] | null) {
  const columns = ['year', 'quarter', 'program', 'area_code', 'status', 'claims', 'amount_fen'] as const;
  let query = db
    .selectFrom((eb) =>
      eb.selectFrom('claim_period_totals').select(columns).unionAll(eb.selectFrom('claim_period_deltas').select(columns)).as('f'),
    )
    .select(['program', 'area_code', 'status', 'quarter', sql<string>`sum(claims)`.as('n'), sql<string>`sum(amount_fen)`.as('amount')])
    .where('year', '=', year)
    .where('quarter', '<=', upToQuarter)
    .groupBy(['program', 'area_code', 'status', 'quarter'])
    .having((eb) => eb.or([eb(sql`sum(claims)`, '<>', 0), eb(sql`sum(amount_fen)`, '<>', 0)]));
  if (areaCode) query = query.where('area_code', '=', areaCode);
  if (programs) query = query.where('program', 'in', programs);
  return query.execute();
}

function fromClaims(db: Db, actor: Actor, year: number, upToQuarter: number, areaCode: string | null) {
  const quarter = sql<number>`(extract(month from end_date)::int + 2) / 3`;
  let query = db
    .selectFrom('claims')
    .select((eb) => [
      'program',
      'area_code',
      'status',
      quarter.as('quarter'),
      eb.fn.countAll<string>().as('n'),
      sql<string>`coalesce(sum(coalesce(case when outcome = 'eligible' then amount_fen end, r3_exception_amount_fen)), 0)`.as('amount'),
    ])
    .where('end_date', '>=', `${year}-01-01`)
    .where('end_date', '<=', quarterEnd(year, upToQuarter))
    .where(claimScope(actor))
    .groupBy(['program', 'area_code', 'status', quarter]);
  if (areaCode) query = query.where('area_code', '=', areaCode);
  return query.execute();
}

const quarterEnd = (year: number, quarter: number) => `${year}-${['03-31', '06-30', '09-30', '12-31'][quarter - 1]}`;
