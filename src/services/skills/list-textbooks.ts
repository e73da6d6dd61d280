// The textbooks per occupation (§5.4), for the city's list and a class's choice of textbook.
import { sql } from 'kysely';
import type { Tx } from '../../store/audit-log.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';

export const TEXTBOOK_SORTS = { occupationCode: 'textbooks.occupation_code', title: 'textbooks.title' } as const;

export interface TextbookView {
  id: number;
  occupationCode: string;
  occupationName: string | null;
  title: string;
  kind: 'standard' | 'local';
  publisher: string | null;
  edition: string | null;
}

function textbooks(tx: Tx) {
  return tx
    .selectFrom('textbooks')
    .select([
      'textbooks.id',
      'textbooks.occupation_code',
      sql<
        string | null
      >`(select ce.name from catalog_entries ce where ce.code = textbooks.occupation_code order by ce.effective_from desc nulls last limit 1)`.as(
        'occupation_name',
      ),
      'textbooks.title',
      'textbooks.kind',
      'textbooks.publisher',
      'textbooks.edition',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof textbooks>['executeTakeFirstOrThrow']>>;
const view = (r: Row): TextbookView => ({
  id: Number(r.id),
  occupationCode: r.occupation_code,
  occupationName: r.occupation_name ?? null,
  title: r.title,
  kind: r.kind,
  publisher: r.publisher,
  edition: r.edition,
});

/** The given textbooks (ids not found are left out). */
export async function listTextbookRows(tx: Tx, ids: number[]): Promise<TextbookView[]> {
  if (ids.length === 0) return [];
  return (await textbooks(tx).where('textbooks.id', 'in', ids).orderBy('textbooks.id').execute()).map(view);
}

export async function listTextbooks(
  tx: Tx,
  input: PageQuery<keyof typeof TEXTBOOK_SORTS> & { occupationCode?: string; kind?: 'standard' | 'local' },
): Promise<Page<TextbookView>> {
  let q = textbooks(tx);
  if (input.occupationCode) q = q.where('textbooks.occupation_code', '=', input.occupationCode);
  if (input.kind) q = q.where('textbooks.kind', '=', input.kind);
  const page = await readPage(q, input, TEXTBOOK_SORTS, 'occupationCode', 'textbooks.id');
  return { ...page, items: page.items.map(view) };
}
