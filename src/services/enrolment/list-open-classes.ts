// 开放报名的培训班 (public, no login; §5.5): what a person needs to choose — programme, occupation,
// level, provider, dates, place, seats left, the last day to apply and who trains free — and nothing
// about any person. Paged like every list (at most 200 a page).
import { sql } from 'kysely';
import { GROUP_NAMES, type GroupCode, type ProgramCode } from '../../policy/codes.ts';
import { PolicySet } from '../../policy/policy-package.ts';
import type { Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import { businessToday } from '../business-date.ts';
import { readPage, likePattern, type Page, type PageQuery } from '../paging.ts';
import { packagesOnRecord } from '../policy/parameter-change.ts';
import { openForEnrolment, rosterSize } from './open-class-rules.ts';

export const OPEN_CLASS_SORTS = { startDate: 'classes.start_date', enrolBy: 'classes.enrol_by', number: 'classes.number' } as const;

export interface ListOpenClassesInput extends PageQuery<keyof typeof OPEN_CLASS_SORTS> {
  program?: string;
  areaCode?: string;
  /** Part of the occupation's code or name, or of the provider's name. */
  q?: string;
}

export interface OpenClassView {
  id: string;
  number: string;
  program: string;
  occupationCode: string | null;
  occupationName: string | null;
  level: string | null;
  providerName: string;
  areaCode: string;
  startDate: string;
  endDate: string;
  hours: number;
  venue: string;
  seats: number;
  seatsLeft: number;
  enrolBy: string | null;
  textbook: string | null;
  /** Who is trained free, worded from the governing policy package on the start date; null: no free training. */
  freeFor: string | null;
}

/** Free training: §4.5 for the key groups (the provider claims for them); §4.9 purchased classes for all. */
export function freeForText(policies: PolicySet, program: string, startDate: string): string | null {
  if (program === 'project_based') return '政府购买培训项目，学员免费参训（§4.9）';
  if (program !== 'employment_skill') return null;
  const pkg = policies.governing(program as ProgramCode, startDate);
  if (!pkg) return null;
  const groups = pkg.read('groups.key', startDate).value as readonly GroupCode[];
  return `${groups.map((g) => GROUP_NAMES[g] ?? g).join('、')}免费参训（§4.5）`;
}

/** One class open for enrolment (the phone's class page); a class not open is "not found". */
export async function getOpenClass(tx: Tx, id: string): Promise<OpenClassView> {
  const found = (await listOpenClasses(tx, { id, pageSize: 1 })).items[0];
  if (!found) throw new AppError('not_found', '该培训班不在开放报名中（可能已截止、已满或已开班）');
  return found;
}

export async function listOpenClasses(tx: Tx, input: ListOpenClassesInput & { id?: string }): Promise<Page<OpenClassView>> {
  const today = businessToday();
  let q = tx
    .selectFrom('classes')
    .innerJoin('providers', 'providers.id', 'classes.provider_id')
    .leftJoin('textbooks', 'textbooks.id', 'classes.textbook_id')
    .select([
      'classes.id',
      'classes.number',
      'classes.program',
      'classes.occupation_code',
      sql<
        string | null
      >`(select ce.name from catalog_entries ce where ce.code = classes.occupation_code order by ce.effective_from desc nulls last limit 1)`.as(
        'occupation_name',
      ),
      'classes.level',
      'providers.name as provider_name',
      'classes.area_code',
      'classes.start_date',
      'classes.end_date',
      'classes.hours',
      'classes.venue',
      'classes.seats',
      rosterSize.as('roster'),
      'classes.enrol_by',
      'textbooks.title as textbook',
    ])
    .where(openForEnrolment(today));
  if (input.id) q = q.where('classes.id', '=', input.id);
  if (input.program) q = q.where('classes.program', '=', input.program);
  if (input.areaCode) q = q.where('classes.area_code', '=', input.areaCode);
  if (input.q) {
    const pattern = likePattern(input.q);
    q = q.where((eb) =>
      eb.or([
        eb('classes.occupation_code', 'like', pattern),
        eb('providers.name', 'like', pattern),
        eb.exists(
          eb
            .selectFrom('catalog_entries as oc')
            .whereRef('oc.code', '=', 'classes.occupation_code')
            .where('oc.name', 'like', pattern)
            .select(sql`1`.as('x')),
        ),
      ]),
    );
  }
  const page = await readPage(q, input, OPEN_CLASS_SORTS, 'startDate', 'classes.id');
  const policies = new PolicySet(await packagesOnRecord(tx));
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      number: r.number,
      program: r.program,
      occupationCode: r.occupation_code,
      occupationName: r.occupation_name ?? null,
      level: r.level,
      providerName: r.provider_name,
      areaCode: r.area_code,
      startDate: r.start_date,
      endDate: r.end_date,
      hours: Number(r.hours),
      venue: r.venue,
      seats: Number(r.seats),
      seatsLeft: Number(r.seats) - Number(r.roster),
      enrolBy: r.enrol_by,
      textbook: r.textbook ?? null,
      freeFor: freeForText(policies, r.program, r.start_date),
    })),
  };
}
