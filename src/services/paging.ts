// Server-side paging for every list: page from 1, at most 200 rows a page, sorting by a named column
// from the list's own whitelist (never a column name taken from the request as is).
import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../store/schema.ts';

export const MAX_PAGE_SIZE = 200;

export interface PageQuery<S extends string = string> {
  page?: number;
  pageSize?: number;
  sort?: S;
  order?: 'asc' | 'desc';
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Counts the filtered rows and reads one page. `sortColumns` maps the sort names a list offers to
 * columns; the tie-breaker keeps pages stable when many rows share the sort value.
 */
export async function readPage<DB extends Database, TB extends keyof DB, O, S extends string>(
  query: SelectQueryBuilder<DB, TB, O>,
  paging: PageQuery<S>,
  sortColumns: Record<S, string>,
  defaultSort: S,
  tieBreaker: string,
): Promise<Page<O>> {
  const page = Math.max(1, paging.page ?? 1);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, paging.pageSize ?? 50));
  const counted = (await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()) as { n: number | string } | undefined;
  const column = sortColumns[paging.sort ?? defaultSort] as never;
  const order = paging.order ?? 'asc';
  const items = await query
    .orderBy(column, order)
    .orderBy(tieBreaker as never, order)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items, total: Number(counted?.n ?? 0), page, pageSize };
}

/**
 * A list's search text as a LIKE pattern matching it anywhere: spaces dropped (numbers are typed with
 * and without them), the LIKE wildcards taken literally.
 */
export function likePattern(text: string): string {
  return `%${text.replace(/\s+/g, '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
