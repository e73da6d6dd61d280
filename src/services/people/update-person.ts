// Corrects a person's name, area or phone; the resident ID is the identity and never changes.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { coversArea, notFound, requireOwnArea } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { personView, type PersonView } from './person-view.ts';

export interface UpdatePersonInput {
  name?: string;
  areaCode?: string;
  phone?: string | null;
}

export async function updatePerson(tx: Tx, actor: Actor | null, residentId: string, input: UpdatePersonInput): Promise<PersonView> {
  const a = requireRole(actor, 'city', 'county');
  const before = await tx.selectFrom('people').selectAll().where('resident_id', '=', residentId).forUpdate().executeTakeFirst();
  if (!before || !coversArea(a, before.area_code)) throw notFound('人员', residentId);
  if (input.areaCode !== undefined) {
    requireOwnArea(a, input.areaCode, 'areaCode');
    const area = await tx.selectFrom('areas').select('code').where('code', '=', input.areaCode).executeTakeFirst();
    if (!area) throw new AppError('invalid_input', `areaCode: 没有这个行政区划：${input.areaCode}`, 'areaCode');
  }
  const row = await tx
    .updateTable('people')
    .set({
      name: input.name ?? before.name,
      area_code: input.areaCode ?? before.area_code,
      phone: input.phone === undefined ? before.phone : input.phone,
      updated_by: actorLabel(a),
      updated_at: new Date(),
    })
    .where('resident_id', '=', residentId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'person.update',
    entity: 'person',
    entityId: residentId,
    data: { before: { name: before.name, areaCode: before.area_code }, after: { name: row.name, areaCode: row.area_code } },
  });
  return personView(a, row);
}
