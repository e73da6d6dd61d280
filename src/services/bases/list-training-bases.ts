// The public training bases (§5.4) with their equipment, capacity and consumables price list.
import type { Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';

export const BASE_SORTS = { name: 'training_bases.name', areaCode: 'training_bases.area_code' } as const;

export interface TrainingBaseView {
  id: string;
  name: string;
  address: string;
  areaCode: string;
  equipment: string;
  capacity: number;
  consumables: { id: number; name: string; unit: string; priceFen: number }[];
}

async function consumablesOf(tx: Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, TrainingBaseView['consumables']>();
  const rows = await tx.selectFrom('base_consumables').selectAll().where('base_id', 'in', ids).orderBy('base_id').orderBy('id').execute();
  const out = new Map<string, TrainingBaseView['consumables']>();
  for (const r of rows)
    out.set(r.base_id, [...(out.get(r.base_id) ?? []), { id: Number(r.id), name: r.name, unit: r.unit, priceFen: Number(r.price_fen) }]);
  return out;
}

export async function listTrainingBases(tx: Tx, input: PageQuery<keyof typeof BASE_SORTS>): Promise<Page<TrainingBaseView>> {
  const page = await readPage(tx.selectFrom('training_bases').selectAll(), input, BASE_SORTS, 'name', 'training_bases.id');
  const c = await consumablesOf(
    tx,
    page.items.map((b) => b.id),
  );
  return {
    ...page,
    items: page.items.map((b) => ({
      id: b.id,
      name: b.name,
      address: b.address,
      areaCode: b.area_code,
      equipment: b.equipment,
      capacity: b.capacity,
      consumables: c.get(b.id) ?? [],
    })),
  };
}

export async function getTrainingBase(tx: Tx, id: string): Promise<TrainingBaseView> {
  const b = await tx.selectFrom('training_bases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b) throw new AppError('not_found', '没有找到这个实训基地');
  const c = await consumablesOf(tx, [id]);
  return {
    id,
    name: b.name,
    address: b.address,
    areaCode: b.area_code,
    equipment: b.equipment,
    capacity: b.capacity,
    consumables: c.get(id) ?? [],
  };
}
