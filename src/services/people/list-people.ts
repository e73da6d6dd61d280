// People in the actor's slice, paged, sorted and filtered on the server.
import { requireActor, type Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/audit-log.ts';
import { personInScope } from './person-scope.ts';
import { personView, type PersonView } from './person-view.ts';

export const PEOPLE_SORTS = {
  name: 'people.name',
  residentId: 'people.resident_id',
  areaCode: 'people.area_code',
  createdAt: 'people.created_at',
} as const;

export interface ListPeopleInput extends PageQuery<keyof typeof PEOPLE_SORTS> {
  areaCode?: string;
  name?: string;
  residentId?: string;
}

export async function listPeople(tx: Tx, actor: Actor | null, input: ListPeopleInput): Promise<Page<PersonView>> {
  const a = requireActor(actor);
  let q = tx.selectFrom('people').selectAll().where(personInScope(a));
  if (input.areaCode) q = q.where('area_code', '=', input.areaCode);
  if (input.name) q = q.where('name', 'like', `%${input.name.replace(/[%_\\]/g, '\\$&')}%`);
  if (input.residentId) q = q.where('resident_id', '=', input.residentId);
  const page = await readPage(q, input, PEOPLE_SORTS, 'name', 'people.resident_id');
  return { ...page, items: page.items.map((row) => personView(a, row)) };
}
