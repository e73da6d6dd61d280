// The §1 goals, measured: the skilled share of the employed and the high-skilled share of the skilled
// per area and city-wide (from the recorded employment figures), and the rotation of the 钒钛 and
// 康养 industries: distinct people trained against their enterprises' main-post headcounts. A figure
// not on record is listed as missing, never read as zero; the city-wide ratio needs every area.
import type { Db } from '../../store/database.ts';
import type { Tx } from '../../store/transaction.ts';
import { requireRole, type Actor } from '../access.ts';
import { LIVE_STATUSES, TRAINING_PROGRAMS } from '../reports/report-period.ts';
import { GOAL_PARAMETERS } from './goal-parameters.ts';
import { COUNTY_AREA_CODES } from './task-units.ts';

export interface SkillRatio {
  areaCode: string; areaName: string; employed: number | null; skilled: number | null; highSkilled: number | null;
  /** Basis points (3300 = 33.00%); null when a figure is missing. */
  skilledBasisPoints: number | null; highSkilledBasisPoints: number | null;
  skilledMet: boolean | null; highSkilledMet: boolean | null; missing: boolean;
}
export interface IndustryRotation {
  industry: string; industryName: string; enterprises: number; enterprisesWithoutHeadcount: number;
  mainPostEmployees: number; trained: number; trainedBasisPoints: number | null; met: boolean | null;
}
export interface CityGoals {
  year: number; clause: '§1'; skilledTargetPercent: number; highSkilledTargetPercent: number;
  areas: SkillRatio[]; city: SkillRatio; rotation: IndustryRotation[]; missing: string[];
}

const bp = (part: number, whole: number) => (whole > 0 ? Math.floor((part * 10000) / whole) : null);
const meets = (part: number, whole: number, percent: number) => (whole > 0 ? part * 100 >= percent * whole : null);

function ratio(areaCode: string, areaName: string, f: { employed: number; skilled: number; high_skilled: number } | undefined): SkillRatio {
  const { skilledShareOfEmployedPercent: s, highSkilledShareOfSkilledPercent: h } = GOAL_PARAMETERS;
  if (!f) return { areaCode, areaName, employed: null, skilled: null, highSkilled: null, skilledBasisPoints: null, highSkilledBasisPoints: null, skilledMet: null, highSkilledMet: null, missing: true };
  return {
    areaCode, areaName, employed: f.employed, skilled: f.skilled, highSkilled: f.high_skilled,
    skilledBasisPoints: bp(f.skilled, f.employed), highSkilledBasisPoints: bp(f.high_skilled, f.skilled),
    skilledMet: meets(f.skilled, f.employed, s), highSkilledMet: meets(f.high_skilled, f.skilled, h), missing: false,
  };
}

export async function cityGoals(db: Db | Tx, year: number, onlyArea?: string): Promise<CityGoals> {
  const areaNames = new Map((await db.selectFrom('areas').select(['code', 'name']).execute()).map((a) => [a.code, a.name]));
  const figures = new Map((await db.selectFrom('employment_figures').selectAll().where('year', '=', year).execute()).map((f) => [f.area_code, f]));
  const codes = onlyArea ? [onlyArea] : [...COUNTY_AREA_CODES];
  const areas = codes.map((c) => ratio(c, areaNames.get(c) ?? c, figures.get(c)));
  const missing = areas.filter((a) => a.missing).map((a) => `${a.areaName}${year}年就业人员统计`);
  const sum = areas.some((a) => a.missing) ? undefined : areas.reduce((t, a) => ({ employed: t.employed + a.employed!, skilled: t.skilled + a.skilled!, high_skilled: t.high_skilled + a.highSkilled! }), { employed: 0, skilled: 0, high_skilled: 0 });
  const city = ratio(onlyArea ?? '510400', onlyArea ? (areaNames.get(onlyArea) ?? onlyArea) : '全市', sum);

  // Rotation: the enterprises of each industry (in the area when one is asked), their headcount for the
  // year (the latest recorded up to it), and the distinct people trained for them since the plan began.
  const rotation: IndustryRotation[] = await Promise.all(Object.entries(GOAL_PARAMETERS.rotationIndustries).map(async ([industry, industryName]) => {
    let eq = db.selectFrom('enterprises').select('uscc').where('industry', '=', industry);
    if (onlyArea) eq = eq.where('area_code', '=', onlyArea);
    const enterprises = (await eq.execute()).map((e) => e.uscc);
    let headcount = 0;
    let without = 0;
    let trained = 0;
    if (enterprises.length) {
      const [counts, people] = await Promise.all([
        db.selectFrom('enterprise_headcounts').select(['uscc', 'year', 'main_post_employees'])
          .where('uscc', 'in', enterprises).where('year', '<=', year).orderBy('uscc').orderBy('year', 'desc').execute(),
        db.selectFrom('claims')
          .select((eb) => eb.fn.count<number>('resident_id').distinct().as('n'))
          .where('enterprise_uscc', 'in', enterprises).where('program', 'in', TRAINING_PROGRAMS).where('status', 'in', [...LIVE_STATUSES])
          .where('end_date', '>=', GOAL_PARAMETERS.from).where('end_date', '<=', `${year}-12-31`).executeTakeFirstOrThrow(),
      ]);
      const latest = new Map<string, number>();
      for (const c of counts) if (!latest.has(c.uscc)) latest.set(c.uscc, c.main_post_employees);
      headcount = [...latest.values()].reduce((s, n) => s + n, 0);
      without = enterprises.length - latest.size;
      trained = Number(people.n);
    }
    return {
      industry, industryName, enterprises: enterprises.length, enterprisesWithoutHeadcount: without, mainPostEmployees: headcount, trained,
      trainedBasisPoints: without > 0 ? null : bp(trained, headcount), met: without > 0 ? null : meets(trained, headcount, 100),
    };
  }));
  for (const x of rotation) if (x.enterprisesWithoutHeadcount > 0) missing.push(`${x.industryName}${x.enterprisesWithoutHeadcount}家企业的主要岗位职工人数`);
  return {
    year, clause: '§1', skilledTargetPercent: GOAL_PARAMETERS.skilledShareOfEmployedPercent, highSkilledTargetPercent: GOAL_PARAMETERS.highSkilledShareOfSkilledPercent,
    areas, city, rotation, missing,
  };
}

/** The goals for the actor: the city and departments city-wide; a county its own area. */
export function readCityGoals(db: Db, actor: Actor | null, year: number) {
  const a = requireRole(actor, 'city', 'county', 'department');
  return cityGoals(db, year, a.role === 'county' ? (a.areaCode ?? '') : undefined);
}
