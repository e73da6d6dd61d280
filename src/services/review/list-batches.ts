// 支付批次: the payment batches of the office's slice, paged, with how far each has been paid.
import type { Tx } from '../../store/audit-log.ts';
import type { Actor } from '../access.ts';
import { likePattern, readPage, type Page, type PageQuery } from '../paging.ts';
import { officeArea, requireOffice } from './review-scope.ts';
import type { BatchStatus } from '../../vocabulary/statuses.ts';

export const BATCH_SORTS = { createdAt: 'b.created_at', total: 'b.total_fen', status: 'b.status' } as const;

export interface ListBatchesInput extends PageQuery<keyof typeof BATCH_SORTS> {
  status?: BatchStatus;
  areaCode?: string;
  fundId?: string;
  q?: string;
}

export interface BatchSummary {
  id: string;
  number: string;
  fundYear: number;
  fundSource: string;
  areaCode: string;
  fundId: string;
  status: BatchStatus;
  totalFen: number;
  items: number;
  paid: number;
  paidFen: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

export async function listBatches(tx: Tx, actor: Actor | null, input: ListBatchesInput): Promise<Page<BatchSummary>> {
  const a = requireOffice(actor);
  let q = tx
    .selectFrom('payment_batches as b')
    .innerJoin('funds as f', 'f.id', 'b.fund_id')
    .select((eb) => [
      'b.number',
      'f.year as fund_year',
      'f.source as fund_source',
      'b.id',
      'b.area_code',
      'b.fund_id',
      'b.status',
      'b.total_fen',
      'b.created_by',
      'b.created_at',
      'b.updated_by',
      'b.updated_at',
      eb
        .selectFrom('payment_batch_items as i')
        .select((e) => e.fn.countAll<number>().as('c'))
        .whereRef('i.batch_id', '=', 'b.id')
        .as('items'),
      eb
        .selectFrom('payments as p')
        .select((e) => e.fn.countAll<number>().as('c'))
        .whereRef('p.batch_id', '=', 'b.id')
        .as('paid'),
      eb
        .selectFrom('payments as p')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('p.amount_fen'), e.lit(0)).as('s'))
        .whereRef('p.batch_id', '=', 'b.id')
        .as('paid_fen'),
    ]);
  const area = officeArea(a);
  if (area !== null) q = q.where('b.area_code', '=', area);
  if (input.areaCode) q = q.where('b.area_code', '=', input.areaCode);
  if (input.status) q = q.where('b.status', '=', input.status);
  if (input.fundId) q = q.where('b.fund_id', '=', input.fundId);
  if (input.q) q = q.where('b.number', 'ilike', likePattern(input.q));
  const page = await readPage(q, { ...input, order: input.order ?? 'desc' }, BATCH_SORTS, 'createdAt', 'b.id');
  return {
    ...page,
    items: page.items.map((b) => ({
      id: b.id,
      number: b.number,
      fundYear: Number(b.fund_year),
      fundSource: b.fund_source,
      areaCode: b.area_code,
      fundId: b.fund_id,
      status: b.status,
      totalFen: Number(b.total_fen),
      items: Number(b.items ?? 0),
      paid: Number(b.paid ?? 0),
      paidFen: Number(b.paid_fen ?? 0),
      createdBy: b.created_by,
      createdAt: new Date(b.created_at).toISOString(),
      updatedBy: b.updated_by,
      updatedAt: b.updated_at ? new Date(b.updated_at).toISOString() : null,
    })),
  };
}
