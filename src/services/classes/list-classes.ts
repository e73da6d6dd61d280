import { sql } from 'kysely';
import { requireActor, type Actor } from '../access.ts';
import { likePattern, readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classInScope } from './class-scope.ts';

export const CLASS_SORTS = {
  startDate: 'classes.start_date',
  endDate: 'classes.end_date',
  status: 'classes.status',
  createdAt: 'classes.created_at',
} as const;

export interface ListClassesInput extends PageQuery<keyof typeof CLASS_SORTS> {
  status?: string;
  program?: string;
  providerId?: string;
  areaCode?: string;
  startFrom?: string;
  startTo?: string;
  /** Part of a class number (BJ-2021-510402-000012) or of the provider's name. */
  q?: string;
}

export interface ClassSummary {
  id: string;
  number: string;
  providerId: string;
  providerName: string | null;
  enterpriseUscc: string | null;
  enterpriseName: string | null;
  occupationName: string | null;
  program: string;
  areaCode: string;
  occupationCode: string | null;
  level: string | null;
  startDate: string;
  endDate: string;
  status: string;
  trainees: number;
}

export async function listClasses(tx: Tx, actor: Actor | null, input: ListClassesInput): Promise<Page<ClassSummary>> {
  const a = requireActor(actor);
  let q = tx
    .selectFrom('classes')
    .select((eb) => [
      'classes.id',
      'classes.number',
      'classes.provider_id',
      'classes.enterprise_uscc',
      eb.selectFrom('providers as np').select('np.name').whereRef('np.id', '=', 'classes.provider_id').as('provider_name'),
      eb.selectFrom('enterprises as ne').select('ne.name').whereRef('ne.uscc', '=', 'classes.enterprise_uscc').as('enterprise_name'),
      sql<
        string | null
      >`(select ce.name from catalog_entries ce where ce.code = classes.occupation_code order by ce.effective_from desc nulls last limit 1)`.as(
        'occupation_name',
      ),
      'classes.program',
      'classes.area_code',
      'classes.occupation_code',
      'classes.level',
      'classes.start_date',
      'classes.end_date',
      'classes.status',
      eb
        .selectFrom('class_trainees')
        .whereRef('class_trainees.class_id', '=', 'classes.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('trainees'),
    ])
    .where(classInScope(a));
  if (input.status) q = q.where('classes.status', '=', input.status as never);
  if (input.program) q = q.where('classes.program', '=', input.program);
  if (input.providerId) q = q.where('classes.provider_id', '=', input.providerId);
  if (input.areaCode) q = q.where('classes.area_code', '=', input.areaCode);
  if (input.startFrom) q = q.where('classes.start_date', '>=', input.startFrom);
  if (input.startTo) q = q.where('classes.start_date', '<=', input.startTo);
  if (input.q) {
    const pattern = likePattern(input.q);
    q = q.where((eb) =>
      eb.or([
        eb('classes.number', 'ilike', pattern),
        eb.exists(
          eb.selectFrom('providers as sp').select('sp.id').whereRef('sp.id', '=', 'classes.provider_id').where('sp.name', 'like', pattern),
        ),
      ]),
    );
  }
  const page = await readPage(q, input, CLASS_SORTS, 'startDate', 'classes.id');
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      number: r.number,
      providerId: r.provider_id,
      providerName: r.provider_name ?? null,
      enterpriseUscc: r.enterprise_uscc,
      enterpriseName: r.enterprise_name ?? null,
      occupationName: r.occupation_name ?? null,
      program: r.program,
      areaCode: r.area_code,
      occupationCode: r.occupation_code,
      level: r.level,
      startDate: r.start_date,
      endDate: r.end_date,
      status: r.status,
      trainees: Number(r.trainees ?? 0),
    })),
  };
}
