import { requireActor, type Actor } from '../access.ts';
import { likePattern, readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/audit-log.ts';
import { enterpriseRecordInScope } from './filing-scope.ts';
import { filingView, type FilingView } from './filing-view.ts';

export const FILING_SORTS = {
  number: 'content_filings.number',
  filedOn: 'content_filings.filed_on',
  title: 'content_filings.title',
  status: 'content_filings.status',
} as const;

export interface ListFilingsInput extends PageQuery<keyof typeof FILING_SORTS> {
  enterpriseUscc?: string;
  program?: string;
  status?: string;
  /** Part of a filing number (BA-2021-510402-000002) or of its title. */
  q?: string;
}

export async function listFilings(tx: Tx, actor: Actor | null, input: ListFilingsInput): Promise<Page<FilingView>> {
  const a = requireActor(actor);
  let q = tx
    .selectFrom('content_filings')
    .innerJoin('enterprises', 'enterprises.uscc', 'content_filings.enterprise_uscc')
    .selectAll('content_filings')
    .select('enterprises.name as enterprise_name')
    .where(enterpriseRecordInScope(a));
  if (input.enterpriseUscc) q = q.where('content_filings.enterprise_uscc', '=', input.enterpriseUscc);
  if (input.program) q = q.where('content_filings.program', '=', input.program);
  if (input.status) q = q.where('content_filings.status', '=', input.status as never);
  if (input.q) {
    const pattern = likePattern(input.q);
    q = q.where((eb) => eb.or([eb('content_filings.number', 'ilike', pattern), eb('content_filings.title', 'like', pattern)]));
  }
  const page = await readPage(q, input, FILING_SORTS, 'filedOn', 'content_filings.id');
  return { ...page, items: page.items.map(filingView) };
}
