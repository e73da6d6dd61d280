// One person, if the actor's slice includes them (otherwise not found: existence does not leak).
import { requireActor, type Actor } from '../access.ts';
import { notFound } from '../record-scope.ts';
import type { Tx } from '../../store/audit-log.ts';
import { personInScope } from './person-scope.ts';
import { personView, type PersonView } from './person-view.ts';

export async function getPerson(tx: Tx, actor: Actor | null, residentId: string): Promise<PersonView> {
  const a = requireActor(actor);
  const row = await tx.selectFrom('people').selectAll().where('resident_id', '=', residentId).where(personInScope(a)).executeTakeFirst();
  if (!row) throw notFound('人员', residentId);
  return personView(a, row);
}
