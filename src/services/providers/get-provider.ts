import type { Actor } from '../access.ts';
import { notFound } from '../record-scope.ts';
import type { Tx } from '../../store/audit-log.ts';
import { providerInScope, providerView, type ProviderView } from './provider-view.ts';

export async function getProvider(tx: Tx, actor: Actor | null, id: string): Promise<ProviderView> {
  const row = await tx.selectFrom('providers').selectAll().where('id', '=', id).where(providerInScope(actor)).executeTakeFirst();
  if (!row) throw notFound('培训机构', id);
  return providerView(tx, row);
}
