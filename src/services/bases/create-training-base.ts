// The city registers a public training base (§5.4): name, address, equipment, capacity and its price
// list of consumables in integer fen (the only charge of a base); audited.
import { newUuid } from '../../store/ids.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import { requireOwnArea } from '../record-scope.ts';
import { getTrainingBase, type TrainingBaseView } from './list-training-bases.ts';

export interface TrainingBaseInput {
  name: string;
  address: string;
  areaCode: string;
  equipment: string;
  capacity: number;
  consumables: { name: string; unit: string; priceFen: number }[];
}

export async function createTrainingBase(tx: Tx, actor: Actor | null, input: TrainingBaseInput): Promise<TrainingBaseView> {
  const a = requireRole(actor, 'city');
  requireOwnArea(a, input.areaCode, 'areaCode');
  if (!(await tx.selectFrom('areas').select('code').where('code', '=', input.areaCode).executeTakeFirst()))
    throw new AppError('invalid_input', `areaCode: 没有这个行政区划：${input.areaCode}`, 'areaCode');
  if (await tx.selectFrom('training_bases').select('id').where('name', '=', input.name.trim()).executeTakeFirst())
    throw new AppError('conflict', `已有名为“${input.name.trim()}”的实训基地`, 'name');
  const names = input.consumables.map((c) => c.name.trim());
  const dup = names.findIndex((n, i) => names.indexOf(n) !== i);
  if (dup >= 0) throw new AppError('invalid_input', `consumables[${dup}].name: 耗材“${names[dup]}”重复`, `consumables[${dup}].name`);
  const id = newUuid();
  await tx
    .insertInto('training_bases')
    .values({
      id,
      name: input.name.trim(),
      address: input.address.trim(),
      area_code: input.areaCode,
      equipment: input.equipment.trim(),
      capacity: input.capacity,
      created_by: actorLabel(a),
    })
    .execute();
  if (input.consumables.length > 0)
    await tx
      .insertInto('base_consumables')
      .values(input.consumables.map((c) => ({ base_id: id, name: c.name.trim(), unit: c.unit.trim(), price_fen: c.priceFen })))
      .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'training_base.create',
    entity: 'training_base',
    entityId: id,
    data: { name: input.name.trim(), capacity: input.capacity, consumables: input.consumables },
  });
  return getTrainingBase(tx, id);
}
