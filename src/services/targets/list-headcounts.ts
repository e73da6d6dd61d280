// The main-post headcounts of a year (§1), one row per enterprise the actor sees (enterprise-scope.ts),
// with the figure on record or null: an enterprise without one is listed as such (never as 0). Filters
// by area, industry, recorded or not, and name; paged and sorted on the server like every list.
import { sql } from 'kysely';
import { INDUSTRY_NAMES, type Industry } from '../../policy/codes.ts';
import type { Db } from '../../store/database.ts';
import type { Tx } from '../../store/transaction.ts';
import { requireRole, type Actor } from '../access.ts';
import { enterpriseInScope } from '../enterprises/enterprise-scope.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import { notFound } from '../record-scope.ts';
import { assertPlanYear, headcountYears, writesHeadcount } from './headcount-rules.ts';

export const HEADCOUNT_SORTS = {
  name: 'enterprises.name',
  uscc: 'enterprises.uscc',
  areaCode: 'enterprises.area_code',
  industry: 'enterprises.industry',
  mainPostEmployees: 'h.main_post_employees',
  recordedAt: 'h.recorded_at',
} as const;

export interface ListHeadcountsInput extends PageQuery<keyof typeof HEADCOUNT_SORTS> {
  year: number;
  areaCode?: string;
  industry?: string;
  recorded?: boolean;
  name?: string;
}

export interface HeadcountView {
  uscc: string;
  name: string;
  areaCode: string;
  areaName: string;
  industry: string;
  industryName: string;
  directlyManaged: boolean;
  year: number;
  /** null: no figure on record for the year (not zero). */
  mainPostEmployees: number | null;
  recordedBy: string | null;
  recordedAt: string | null;
  /** Whether the caller may enter or correct it. */
  editable: boolean;
}

export interface HeadcountPage extends Page<HeadcountView> {
  /** The years a figure can be recorded for (the plan's, from the policy packages). */
  years: number[];
}

function baseQuery(db: Db | Tx, actor: Actor, year: number) {
  return db
    .selectFrom('enterprises')
    .innerJoin('areas', 'areas.code', 'enterprises.area_code')
    .leftJoin('enterprise_headcounts as h', (j) => j.onRef('h.uscc', '=', 'enterprises.uscc').on('h.year', '=', year))
    .select([
      'enterprises.uscc',
      'enterprises.name',
      'enterprises.area_code',
      'areas.name as area_name',
      'enterprises.industry',
      'enterprises.directly_managed',
      'h.main_post_employees',
      'h.recorded_by',
      'h.recorded_at',
    ])
    .where(enterpriseInScope(actor));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function view(actor: Actor, year: number, r: Row): HeadcountView {
  return {
    uscc: r.uscc,
    name: r.name,
    areaCode: r.area_code,
    areaName: r.area_name,
    industry: r.industry,
    industryName: INDUSTRY_NAMES[r.industry as Industry] ?? r.industry,
    directlyManaged: r.directly_managed,
    year,
    mainPostEmployees: r.main_post_employees ?? null,
    recordedBy: r.recorded_by ?? null,
    recordedAt: r.recorded_at == null ? null : new Date(r.recorded_at).toISOString(),
    editable: writesHeadcount(actor, r),
  };
}

export async function listHeadcounts(db: Db | Tx, actor: Actor | null, input: ListHeadcountsInput): Promise<HeadcountPage> {
  const a = requireRole(actor, 'city', 'county', 'department', 'enterprise');
  const years = await headcountYears(db);
  assertPlanYear(input.year, years, 'query.year');
  let q = baseQuery(db, a, input.year);
  if (input.areaCode) q = q.where('enterprises.area_code', '=', input.areaCode);
  if (input.industry) q = q.where('enterprises.industry', '=', input.industry);
  if (input.recorded !== undefined) q = q.where('h.main_post_employees', input.recorded ? 'is not' : 'is', null);
  if (input.name) q = q.where(sql<boolean>`enterprises.name like ${`%${input.name.replace(/[%_\\]/g, '\\$&')}%`}`);
  const page = await readPage(q, input, HEADCOUNT_SORTS, 'name', 'enterprises.uscc');
  return { ...page, items: page.items.map((r) => view(a, input.year, r)), years };
}

/** One enterprise's row for a year, as the actor sees it (404 outside its scope). */
export async function headcountView(db: Db | Tx, actor: Actor, uscc: string, year: number): Promise<HeadcountView> {
  const r = await baseQuery(db, actor, year).where('enterprises.uscc', '=', uscc).executeTakeFirst();
  if (!r) throw notFound('企业', uscc);
  return view(actor, year, r);
}
