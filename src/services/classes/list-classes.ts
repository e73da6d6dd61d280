import { requireActor, type Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classInScope } from './class-scope.ts';

export const CLASS_SORTS = { startDate: 'classes.start_date', endDate: 'classes.end_date', status: 'classes.status', createdAt: 'classes.created_at' } as const;

export interface ListClassesInput extends PageQuery<keyof typeof CLASS_SORTS> {
  status?: string;
  program?: string;
  providerId?: string;
  areaCode?: string;
  startFrom?: string;
  startTo?: string;
}

export interface ClassSummary {
  id: string; providerId: string; program: string; areaCode: string; occupationCode: string | null; level: string | null;
  startDate: string; endDate: string; status: string; trainees: number;
}

export async function listClasses(tx: Tx, actor: Actor | null, input: ListClassesInput): Promise<Page<ClassSummary>> {
  const a = requireActor(actor);
  let q = tx.selectFrom('classes').select((eb) => [
    'classes.id', 'classes.provider_id', 'classes.program', 'classes.area_code', 'classes.occupation_code', 'classes.level',
    'classes.start_date', 'classes.end_date', 'classes.status',
    eb.selectFrom('class_trainees').whereRef('class_trainees.class_id', '=', 'classes.id').select((e) => e.fn.countAll<number>().as('n')).as('trainees'),
  ]).where(classInScope(a));
  if (input.status) q = q.where('classes.status', '=', input.status as never);
  if (input.program) q = q.where('classes.program', '=', input.program);
  if (input.providerId) q = q.where('classes.provider_id', '=', input.providerId);
  if (input.areaCode) q = q.where('classes.area_code', '=', input.areaCode);
  if (input.startFrom) q = q.where('classes.start_date', '>=', input.startFrom);
  if (input.startTo) q = q.where('classes.start_date', '<=', input.startTo);
  const page = await readPage(q, input, CLASS_SORTS, 'startDate', 'classes.id');
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id, providerId: r.provider_id, program: r.program, areaCode: r.area_code, occupationCode: r.occupation_code, level: r.level,
      startDate: r.start_date, endDate: r.end_date, status: r.status, trainees: Number(r.trainees ?? 0),
    })),
  };
}
