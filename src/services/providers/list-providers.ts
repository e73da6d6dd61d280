// The provider list: anonymous readers get the public list of listed providers and their programs
// (§5.5 目录清单管理); signed-in staff see their slice, filtered and paged.
import type { Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/audit-log.ts';
import { providerInScope, providerView, type ProviderView } from './provider-view.ts';

export const PROVIDER_SORTS = {
  name: 'providers.name',
  id: 'providers.id',
  areaCode: 'providers.area_code',
  status: 'providers.status',
} as const;

export interface ListProvidersInput extends PageQuery<keyof typeof PROVIDER_SORTS> {
  areaCode?: string;
  kind?: string;
  status?: string;
  program?: string;
  name?: string;
}

export async function listProviders(tx: Tx, actor: Actor | null, input: ListProvidersInput): Promise<Page<ProviderView>> {
  let q = tx.selectFrom('providers').selectAll().where(providerInScope(actor));
  if (input.areaCode) q = q.where('area_code', '=', input.areaCode);
  if (input.kind) q = q.where('kind', '=', input.kind);
  if (input.status) q = q.where('status', '=', input.status as never);
  if (input.name) q = q.where('name', 'like', `%${input.name.replace(/[%_\\]/g, '\\$&')}%`);
  if (input.program) {
    const program = input.program;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('provider_scopes')
          .whereRef('provider_scopes.provider_id', '=', 'providers.id')
          .where('provider_scopes.program', '=', program)
          .select('provider_scopes.id'),
      ),
    );
  }
  const page = await readPage(q, input, PROVIDER_SORTS, 'name', 'providers.id');
  const items: ProviderView[] = [];
  for (const row of page.items) items.push(await providerView(tx, row));
  return { ...page, items };
}
