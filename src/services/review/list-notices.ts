// 公示管理: the publicity notices of the office's slice, paged, with their claims and open objections.
import type { Tx } from '../../store/audit-log.ts';
import type { Actor } from '../access.ts';
import { businessToday } from '../business-date.ts';
import { likePattern, readPage, type Page, type PageQuery } from '../paging.ts';
import { officeArea, requireOffice } from './review-scope.ts';
import type { NoticeStatus } from '../../vocabulary/statuses.ts';

export const NOTICE_SORTS = { startsOn: 'n.starts_on', endsOn: 'n.ends_on', createdAt: 'n.created_at' } as const;

export interface ListNoticesInput extends PageQuery<keyof typeof NOTICE_SORTS> {
  status?: 'open' | 'paused' | 'closed';
  areaCode?: string;
  /** 'true': only notices the office may close today (open, last working day passed). */
  closable?: 'true';
  /** Part of a notice number (GS-2021-510402-000003) or of its title. */
  q?: string;
}

export interface NoticeSummary {
  id: string;
  number: string;
  areaCode: string;
  title: string;
  startsOn: string;
  workingDays: number;
  endsOn: string;
  status: NoticeStatus;
  claims: number;
  openObjections: number;
  objections: number;
  createdBy: string;
  createdAt: string;
  closable: boolean;
}

export async function listNotices(tx: Tx, actor: Actor | null, input: ListNoticesInput): Promise<Page<NoticeSummary>> {
  const a = requireOffice(actor);
  let q = tx.selectFrom('publicity_notices as n').select((eb) => [
    'n.id',
    'n.number',
    'n.area_code',
    'n.title',
    'n.starts_on',
    'n.working_days',
    'n.ends_on',
    'n.status',
    'n.created_by',
    'n.created_at',
    eb
      .selectFrom('publicity_items as i')
      .select((e) => e.fn.countAll<number>().as('c'))
      .whereRef('i.notice_id', '=', 'n.id')
      .as('claims'),
    eb
      .selectFrom('objections as o')
      .select((e) => e.fn.countAll<number>().as('c'))
      .whereRef('o.notice_id', '=', 'n.id')
      .as('objections'),
    eb
      .selectFrom('objections as o')
      .select((e) => e.fn.countAll<number>().as('c'))
      .whereRef('o.notice_id', '=', 'n.id')
      .where('o.status', '=', 'open')
      .as('open_objections'),
  ]);
  const area = officeArea(a);
  if (area !== null) q = q.where('n.area_code', '=', area);
  if (input.areaCode) q = q.where('n.area_code', '=', input.areaCode);
  if (input.status) q = q.where('n.status', '=', input.status);
  if (input.q) {
    const pattern = likePattern(input.q);
    q = q.where((eb) => eb.or([eb('n.number', 'ilike', pattern), eb('n.title', 'like', pattern)]));
  }
  const today = businessToday();
  if (input.closable) q = q.where('n.status', '=', 'open').where('n.ends_on', '<', today);
  const page = await readPage(q, { ...input, order: input.order ?? 'desc' }, NOTICE_SORTS, 'startsOn', 'n.id');
  return {
    ...page,
    items: page.items.map((n) => ({
      id: n.id,
      number: n.number,
      areaCode: n.area_code,
      title: n.title,
      startsOn: n.starts_on,
      workingDays: n.working_days,
      endsOn: n.ends_on,
      status: n.status,
      claims: Number(n.claims ?? 0),
      objections: Number(n.objections ?? 0),
      openObjections: Number(n.open_objections ?? 0),
      createdBy: n.created_by,
      createdAt: new Date(n.created_at).toISOString(),
      closable: n.status === 'open' && today > n.ends_on,
    })),
  };
}
