// The §1 goals, measured: the skilled share of the employed and the high-skilled share of the skilled
// per area and city-wide (from the recorded employment figures), and the rotation of the industries
// the plan names (钒钛, 康养): distinct people trained against their enterprises' main-post headcounts
// for the year. The thresholds and the industries are dated parameters of the policy package
// (`goals.*`, §1), read from the package governing the year as at its last day (the goals are
// year-end figures). A figure not on record is listed as missing, never read as zero: an enterprise
// without a headcount for the year is named and leaves its industry's ratio open; the city-wide
// ratio needs every area.
import type { Db } from '../../store/database.ts';
import type { Tx } from '../../store/transaction.ts';
import { INDUSTRY_NAMES, type Industry } from '../../policy/codes.ts';
import type { PolicySet } from '../../policy/policy-package.ts';
import { requireRole, type Actor } from '../access.ts';
import { policiesFromStore } from '../claims/engine-input-from-store.ts';
import { LIVE_STATUSES, TRAINING_PROGRAMS } from '../reports/report-period.ts';
import { COUNTY_AREA_CODES } from './task-units.ts';

export interface SkillRatio {
  areaCode: string;
  areaName: string;
  employed: number | null;
  skilled: number | null;
  highSkilled: number | null;
  /** Basis points (3300 = 33.00%); null when a figure is missing. */
  skilledBasisPoints: number | null;
  highSkilledBasisPoints: number | null;
  skilledMet: boolean | null;
  highSkilledMet: boolean | null;
  missing: boolean;
}
export interface EnterpriseWithoutHeadcount {
  uscc: string;
  name: string;
  areaCode: string;
}
export interface IndustryRotation {
  industry: string;
  industryName: string;
  enterprises: number;
  enterprisesWithoutHeadcount: number;
  /** The industry's enterprises with no main-post headcount for the year, by name (never counted as 0). */
  withoutHeadcount: EnterpriseWithoutHeadcount[];
  /** The sum of the recorded headcounts (of the enterprises that have one). */
  mainPostEmployees: number;
  trained: number;
  trainedBasisPoints: number | null;
  met: boolean | null;
}
export interface CityGoals {
  year: number;
  clause: '§1';
  /** The package the thresholds were read from, and the date they were read at; null when no plan is in force that year. */
  policyPackage: string | null;
  asOf: string;
  /** The thresholds in force on `asOf` (null when no plan is in force: nothing is judged). */
  skilledTargetPercent: number | null;
  highSkilledTargetPercent: number | null;
  areas: SkillRatio[];
  city: SkillRatio;
  rotation: IndustryRotation[];
  missing: string[];
}

/** The §1 parameters in force at the end of `year`, from the package that governs then (as R9 reads its own). */
export function goalParametersFor(policies: PolicySet, year: number) {
  const asOf = `${year}-12-31`;
  // The §1 goals belong to the plan as a whole; the package governing its enterprise training decides (as for R9).
  const pkg = policies.governing('skill_upgrade', asOf);
  if (!pkg) return { asOf, pkg: undefined, planFrom: null, skilled: null, highSkilled: null, industries: [] as Industry[] };
  return {
    asOf,
    pkg,
    planFrom: pkg.data.inForce.default.from,
    skilled: pkg.read('goals.skilledShareOfEmployedPercent', asOf).value,
    highSkilled: pkg.read('goals.highSkilledShareOfSkilledPercent', asOf).value,
    industries: pkg.read('goals.rotationIndustries', asOf).value as Industry[],
  };
}

const bp = (part: number, whole: number) => (whole > 0 ? Math.floor((part * 10000) / whole) : null);
/** Exact: part ≥ percent% of whole, in integers; null when there is no whole or no threshold to judge by. */
const meets = (part: number, whole: number, percent: number | null) =>
  whole > 0 && percent != null ? part * 100 >= percent * whole : null;

function ratio(
  areaCode: string,
  areaName: string,
  f: { employed: number; skilled: number; high_skilled: number } | undefined,
  s: number | null,
  h: number | null,
): SkillRatio {
  if (!f)
    return {
      areaCode,
      areaName,
      employed: null,
      skilled: null,
      highSkilled: null,
      skilledBasisPoints: null,
      highSkilledBasisPoints: null,
      skilledMet: null,
      highSkilledMet: null,
      missing: true,
    };
  return {
    areaCode,
    areaName,
    employed: f.employed,
    skilled: f.skilled,
    highSkilled: f.high_skilled,
    skilledBasisPoints: bp(f.skilled, f.employed),
    highSkilledBasisPoints: bp(f.high_skilled, f.skilled),
    skilledMet: meets(f.skilled, f.employed, s),
    highSkilledMet: meets(f.high_skilled, f.skilled, h),
    missing: false,
  };
}

export async function cityGoals(db: Db | Tx, year: number, onlyArea?: string): Promise<CityGoals> {
  const params = goalParametersFor(await policiesFromStore(db), year);
  const { skilled: s, highSkilled: h } = params;
  const areaNames = new Map((await db.selectFrom('areas').select(['code', 'name']).execute()).map((a) => [a.code, a.name]));
  const figures = new Map(
    (await db.selectFrom('employment_figures').selectAll().where('year', '=', year).execute()).map((f) => [f.area_code, f]),
  );
  const codes = onlyArea ? [onlyArea] : [...COUNTY_AREA_CODES];
  const areas = codes.map((c) => ratio(c, areaNames.get(c) ?? c, figures.get(c), s, h));
  const missing: string[] = params.pkg ? [] : [`${year}年没有有效的政策，§1目标不作判断`];
  missing.push(...areas.filter((a) => a.missing).map((a) => `${a.areaName}${year}年就业人员统计`));
  const sum = areas.some((a) => a.missing)
    ? undefined
    : areas.reduce(
        (t, a) => ({ employed: t.employed + a.employed!, skilled: t.skilled + a.skilled!, high_skilled: t.high_skilled + a.highSkilled! }),
        { employed: 0, skilled: 0, high_skilled: 0 },
      );
  const city = ratio(onlyArea ?? '510400', onlyArea ? (areaNames.get(onlyArea) ?? onlyArea) : '全市', sum, s, h);

  // Rotation: the enterprises of each industry (in the area when one is asked), their headcount for the
  // year itself, and the distinct people trained for them from the plan's first day to the year's end.
  const rotation: IndustryRotation[] = await Promise.all(
    params.industries.map(async (industry) => {
      let eq = db.selectFrom('enterprises').select(['uscc', 'name', 'area_code']).where('industry', '=', industry);
      if (onlyArea) eq = eq.where('area_code', '=', onlyArea);
      const enterprises = await eq.orderBy('name').orderBy('uscc').execute();
      let headcount = 0;
      let trained = 0;
      let without: EnterpriseWithoutHeadcount[] = [];
      if (enterprises.length) {
        const usccs = enterprises.map((e) => e.uscc);
        const [counts, people] = await Promise.all([
          db
            .selectFrom('enterprise_headcounts')
            .select(['uscc', 'main_post_employees'])
            .where('uscc', 'in', usccs)
            .where('year', '=', year)
            .execute(),
          db
            .selectFrom('claims')
            .select((eb) => eb.fn.count<number>('resident_id').distinct().as('n'))
            .where('enterprise_uscc', 'in', usccs)
            .where('program', 'in', TRAINING_PROGRAMS)
            .where('status', 'in', [...LIVE_STATUSES])
            .where('end_date', '>=', params.planFrom!)
            .where('end_date', '<=', `${year}-12-31`)
            .executeTakeFirstOrThrow(),
        ]);
        const recorded = new Map(counts.map((c) => [c.uscc, c.main_post_employees]));
        headcount = [...recorded.values()].reduce((t, n) => t + n, 0);
        without = enterprises.filter((e) => !recorded.has(e.uscc)).map((e) => ({ uscc: e.uscc, name: e.name, areaCode: e.area_code }));
        trained = Number(people.n);
      }
      const open = without.length > 0;
      return {
        industry,
        industryName: INDUSTRY_NAMES[industry],
        enterprises: enterprises.length,
        enterprisesWithoutHeadcount: without.length,
        withoutHeadcount: without,
        mainPostEmployees: headcount,
        trained,
        trainedBasisPoints: open ? null : bp(trained, headcount),
        met: open ? null : meets(trained, headcount, 100),
      };
    }),
  );
  for (const x of rotation) {
    if (x.withoutHeadcount.length > 0)
      missing.push(
        `${x.industryName}${x.withoutHeadcount.length}家企业${year}年的主要岗位职工人数（${x.withoutHeadcount.map((e) => e.name).join('、')}）`,
      );
  }
  return {
    year,
    clause: '§1',
    policyPackage: params.pkg?.id ?? null,
    asOf: params.asOf,
    skilledTargetPercent: s,
    highSkilledTargetPercent: h,
    areas,
    city,
    rotation,
    missing,
  };
}

/** The goals for the actor: the city and departments city-wide; a county its own area. */
export function readCityGoals(db: Db, actor: Actor | null, year: number) {
  const a = requireRole(actor, 'city', 'county', 'department');
  return cityGoals(db, year, a.role === 'county' ? (a.areaCode ?? '') : undefined);
}
