// The subsidy catalog, public (§5.5: workers and employers choose among listed programs): filtered
// by section, occupation, level, industry and the date it is in force on.
import { readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/audit-log.ts';
import { catalogView, type CatalogEntryView } from './catalog-view.ts';

export const CATALOG_SORTS = {
  code: 'code',
  name: 'name',
  level: 'level',
  effectiveFrom: 'effective_from',
  standard: 'base_standard_fen',
} as const;

export interface ListCatalogInput extends PageQuery<keyof typeof CATALOG_SORTS> {
  section?: string;
  code?: string;
  level?: string;
  industry?: string;
  name?: string;
  onDate?: string;
  /** An edition's label, e.g. 2021版 (the city's catalog versions screen). */
  edition?: string;
}

export async function listCatalogEntries(tx: Tx, input: ListCatalogInput): Promise<Page<CatalogEntryView>> {
  let q = tx.selectFrom('catalog_entries').selectAll();
  if (input.section) q = q.where('section', '=', input.section);
  if (input.code) q = q.where('code', '=', input.code);
  if (input.level) q = q.where('level', '=', input.level);
  if (input.industry) q = q.where('industry', '=', input.industry);
  if (input.name) q = q.where('name', 'like', `%${input.name.replace(/[%_\\]/g, '\\$&')}%`);
  if (input.edition) q = q.where('edition', '=', input.edition);
  if (input.onDate) {
    const d = input.onDate;
    q = q.where((eb) =>
      eb.and([
        eb.or([eb('effective_from', 'is', null), eb('effective_from', '<=', d)]),
        eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', d)]),
      ]),
    );
  }
  const page = await readPage(q, input, CATALOG_SORTS, 'code', 'id');
  return { ...page, items: page.items.map(catalogView) };
}

/** The catalog entry of a section, occupation and level in force on a date (one at most: editions never overlap). */
export async function catalogEntryOn(
  tx: Tx,
  section: string,
  code: string,
  level: string,
  date: string,
): Promise<CatalogEntryView | undefined> {
  const row = await tx
    .selectFrom('catalog_entries')
    .selectAll()
    .where('section', '=', section)
    .where('code', '=', code)
    .where('level', '=', level)
    .where((eb) => eb.or([eb('effective_from', 'is', null), eb('effective_from', '<=', date)]))
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', date)]))
    .executeTakeFirst();
  return row ? catalogView(row) : undefined;
}
