import { requireActor, type Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/audit-log.ts';
import { enterpriseRecordInScope } from './filing-scope.ts';
import { filingView, type FilingView } from './filing-view.ts';

export const FILING_SORTS = { filedOn: 'content_filings.filed_on', title: 'content_filings.title', status: 'content_filings.status' } as const;

export interface ListFilingsInput extends PageQuery<keyof typeof FILING_SORTS> {
  enterpriseUscc?: string;
  program?: string;
  status?: string;
}

export async function listFilings(tx: Tx, actor: Actor | null, input: ListFilingsInput): Promise<Page<FilingView>> {
  const a = requireActor(actor);
  let q = tx.selectFrom('content_filings').innerJoin('enterprises', 'enterprises.uscc', 'content_filings.enterprise_uscc')
    .selectAll('content_filings').where(enterpriseRecordInScope(a));
  if (input.enterpriseUscc) q = q.where('content_filings.enterprise_uscc', '=', input.enterpriseUscc);
  if (input.program) q = q.where('content_filings.program', '=', input.program);
  if (input.status) q = q.where('content_filings.status', '=', input.status as never);
  const page = await readPage(q, input, FILING_SORTS, 'filedOn', 'content_filings.id');
  return { ...page, items: page.items.map(filingView) };
}
