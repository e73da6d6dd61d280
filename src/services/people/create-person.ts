// Registers a person by real name and resident ID (§5.2 real-name management, GB 11643 check).
// The city and counties register anyone in their area. Parties (enterprises, providers) do not: the
// answer to a registration tells whether an ID is already on record, which a party must not learn;
// they name their trainees on rosters and plans, checked against the register without that leak.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertResidentId } from '../identifiers.ts';
import { requireOwnArea } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { personView, type PersonView } from './person-view.ts';

export interface CreatePersonInput {
  residentId: string;
  name: string;
  areaCode: string;
  phone?: string | null;
}

export async function createPerson(tx: Tx, actor: Actor | null, input: CreatePersonInput): Promise<PersonView> {
  const a = requireRole(actor, 'city', 'county');
  assertResidentId(input.residentId, 'residentId');
  requireOwnArea(a, input.areaCode, 'areaCode');
  const area = await tx.selectFrom('areas').select('code').where('code', '=', input.areaCode).executeTakeFirst();
  if (!area) throw new AppError('invalid_input', `areaCode: 没有这个行政区划：${input.areaCode}`, 'areaCode');
  const existing = await tx.selectFrom('people').select('resident_id').where('resident_id', '=', input.residentId).executeTakeFirst();
  if (existing) throw new AppError('conflict', `residentId: 该身份证号码的人员已登记`, 'residentId');
  const row = await tx
    .insertInto('people')
    .values({
      resident_id: input.residentId,
      name: input.name,
      area_code: input.areaCode,
      phone: input.phone ?? null,
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'person.create',
    entity: 'person',
    entityId: input.residentId,
    data: { areaCode: input.areaCode },
  });
  return personView(a, row);
}
