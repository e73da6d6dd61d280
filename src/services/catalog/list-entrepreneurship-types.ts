// §4.7 entrepreneurship training types, public, optionally those in force on a date.
import type { Tx } from '../../store/audit-log.ts';
import { entrepreneurshipTypeView, type EntrepreneurshipTypeView } from './catalog-view.ts';

export async function listEntrepreneurshipTypes(tx: Tx, input: { onDate?: string; code?: string }): Promise<EntrepreneurshipTypeView[]> {
  let q = tx.selectFrom('entrepreneurship_types').selectAll();
  if (input.code) q = q.where('code', '=', input.code);
  if (input.onDate) {
    const d = input.onDate;
    q = q
      .where((eb) => eb.or([eb('effective_from', 'is', null), eb('effective_from', '<=', d)]))
      .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', d)]));
  }
  const rows = await q.orderBy('code').orderBy('effective_from').orderBy('id').execute();
  return rows.map(entrepreneurshipTypeView);
}
