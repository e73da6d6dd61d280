// Publicity notices for the public (公示, no login): current (open or paused by an objection) and past
// (closed), each with its claims as the public may see them — the person's name masked to the surname,
// the resident ID masked, the program, the area, the amount and who is paid.
import type { Tx } from '../../store/audit-log.ts';
import { maskName, maskResidentId } from '../access.ts';
import { notFound } from '../record-scope.ts';
import { likePattern, readPage, type Page, type PageQuery } from '../paging.ts';
import type { ClaimStatus, NoticeStatus } from '../../vocabulary/statuses.ts';

export const NOTICE_SORTS = { startsOn: 'n.starts_on', endsOn: 'n.ends_on', title: 'n.title' } as const;
export const NOTICE_CLAIM_SORTS = { number: 'c.number', id: 'c.id', program: 'c.program', amount: 'c.amount_fen' } as const;

export interface PublicNoticeView {
  id: string;
  number: string;
  areaCode: string;
  areaName: string | null;
  title: string;
  startsOn: string;
  workingDays: number;
  endsOn: string;
  status: NoticeStatus;
  current: boolean;
  claims: number;
  totalFen: number;
  objections: number;
}
export interface PublicNoticeClaimView {
  id: string;
  number: string;
  program: string;
  areaCode: string;
  name: string;
  residentId: string;
  amountFen: number | null;
  payee: string | null;
  status: ClaimStatus;
  objected: boolean;
}

const day = (d: unknown) => String(d).slice(0, 10);

/** The home page's list: the newest notices first (at most 200), optionally of one area. */
export async function listRecentNotices(tx: Tx, areaCode: string | undefined) {
  const { items } = await listPublicNotices(tx, { areaCode, pageSize: 200 });
  return items.map(({ id, number, areaCode, title, startsOn, workingDays, endsOn, status, claims }) => ({
    id,
    number,
    areaCode,
    title,
    startsOn,
    workingDays,
    endsOn,
    status,
    claims,
  }));
}

export async function listPublicNotices(
  tx: Tx,
  input: PageQuery<keyof typeof NOTICE_SORTS> & { areaCode?: string; state?: 'current' | 'past'; title?: string },
): Promise<Page<PublicNoticeView>> {
  let q = tx
    .selectFrom('publicity_notices as n')
    .leftJoin('areas as ar', 'ar.code', 'n.area_code')
    .select((eb) => [
      'n.id',
      'n.number',
      'n.area_code',
      'ar.name as area_name',
      'n.title',
      'n.starts_on',
      'n.working_days',
      'n.ends_on',
      'n.status',
      eb
        .selectFrom('publicity_items as i')
        .select((e) => e.fn.countAll<number>().as('c'))
        .whereRef('i.notice_id', '=', 'n.id')
        .as('claims'),
      eb
        .selectFrom('publicity_items as i')
        .innerJoin('claims as c', 'c.id', 'i.claim_id')
        .select((e) => e.fn.sum<number>('c.amount_fen').as('s'))
        .whereRef('i.notice_id', '=', 'n.id')
        .as('total'),
      eb
        .selectFrom('objections as o')
        .select((e) => e.fn.countAll<number>().as('c'))
        .whereRef('o.notice_id', '=', 'n.id')
        .as('objections'),
    ]);
  if (input.areaCode) q = q.where('n.area_code', '=', input.areaCode);
  if (input.state === 'current') q = q.where('n.status', 'in', ['open', 'paused']);
  if (input.state === 'past') q = q.where('n.status', '=', 'closed');
  if (input.title)
    q = q.where((eb) =>
      eb.or([eb('n.title', 'like', `%${input.title!.replace(/[%_\\]/g, '\\$&')}%`), eb('n.number', 'ilike', likePattern(input.title!))]),
    );
  const page = await readPage(q, { ...input, order: input.order ?? (input.sort ? 'asc' : 'desc') }, NOTICE_SORTS, 'startsOn', 'n.id');
  return {
    ...page,
    items: page.items.map((n) => ({
      id: n.id,
      number: n.number,
      areaCode: n.area_code,
      areaName: n.area_name,
      title: n.title,
      startsOn: day(n.starts_on),
      workingDays: Number(n.working_days),
      endsOn: day(n.ends_on),
      status: n.status,
      current: n.status !== 'closed',
      claims: Number(n.claims ?? 0),
      totalFen: Number(n.total ?? 0),
      objections: Number(n.objections ?? 0),
    })),
  };
}

export async function getPublicNotice(tx: Tx, id: string): Promise<PublicNoticeView> {
  const row = await tx.selectFrom('publicity_notices').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('公示', id);
  const one = await listPublicNoticesById(tx, id);
  return one;
}

async function listPublicNoticesById(tx: Tx, id: string): Promise<PublicNoticeView> {
  const n = await tx
    .selectFrom('publicity_notices as n')
    .leftJoin('areas as ar', 'ar.code', 'n.area_code')
    .select([
      'n.id',
      'n.number',
      'n.area_code',
      'ar.name as area_name',
      'n.title',
      'n.starts_on',
      'n.working_days',
      'n.ends_on',
      'n.status',
    ])
    .where('n.id', '=', id)
    .executeTakeFirstOrThrow();
  const agg = await tx
    .selectFrom('publicity_items as i')
    .innerJoin('claims as c', 'c.id', 'i.claim_id')
    .select((e) => [e.fn.countAll<number>().as('n'), e.fn.sum<number>('c.amount_fen').as('s')])
    .where('i.notice_id', '=', id)
    .executeTakeFirstOrThrow();
  const obj = await tx
    .selectFrom('objections')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('notice_id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: n.id,
    number: n.number,
    areaCode: n.area_code,
    areaName: n.area_name,
    title: n.title,
    startsOn: day(n.starts_on),
    workingDays: Number(n.working_days),
    endsOn: day(n.ends_on),
    status: n.status,
    current: n.status !== 'closed',
    claims: Number(agg.n),
    totalFen: Number(agg.s ?? 0),
    objections: Number(obj.n),
  };
}

export async function listPublicNoticeClaims(
  tx: Tx,
  id: string,
  input: PageQuery<keyof typeof NOTICE_CLAIM_SORTS> & { program?: string },
): Promise<Page<PublicNoticeClaimView>> {
  const notice = await tx.selectFrom('publicity_notices').select('id').where('id', '=', id).executeTakeFirst();
  if (!notice) throw notFound('公示', id);
  let q = tx
    .selectFrom('publicity_items as i')
    .innerJoin('claims as c', 'c.id', 'i.claim_id')
    .leftJoin('people as p', 'p.resident_id', 'c.resident_id')
    .select((eb) => [
      'c.id',
      'c.number',
      'c.program',
      'c.area_code',
      'p.name',
      'c.resident_id',
      'c.amount_fen',
      'c.payee',
      'c.status',
      eb
        .exists(
          eb.selectFrom('objections as o').select('o.id').whereRef('o.notice_id', '=', 'i.notice_id').whereRef('o.claim_id', '=', 'c.id'),
        )
        .as('objected'),
    ])
    .where('i.notice_id', '=', id);
  if (input.program) q = q.where('c.program', '=', input.program);
  const page = await readPage(q, input, NOTICE_CLAIM_SORTS, 'number', 'c.id');
  return {
    ...page,
    items: page.items.map((c) => ({
      id: c.id,
      number: c.number,
      program: c.program,
      areaCode: c.area_code,
      name: maskName(c.name ?? ''),
      residentId: maskResidentId(c.resident_id),
      amountFen: c.amount_fen == null ? null : Number(c.amount_fen),
      payee: c.payee,
      status: c.status,
      objected: Boolean(c.objected),
    })),
  };
}
