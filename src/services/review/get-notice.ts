// One publicity notice for the office that runs it: its dates (the working-day end, moved by pauses),
// its state, and every objection with how it was resolved. Its claims are GET /claims?noticeId=….
import { sql } from 'kysely';
import type { Tx } from '../../store/audit-log.ts';
import type { Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { businessToday } from '../business-date.ts';
import { requireInArea, requireOffice } from './review-scope.ts';

export async function getNotice(tx: Tx, actor: Actor | null, id: string) {
  const a = requireOffice(actor);
  const n = await tx.selectFrom('publicity_notices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!n) throw new AppError('not_found', '没有找到这份公示', 'id');
  requireInArea(a, n.area_code, '公示', id);
  const claims = await tx
    .selectFrom('publicity_items as i')
    .innerJoin('claims as c', 'c.id', 'i.claim_id')
    .select([
      'c.status',
      (eb) => eb.fn.countAll<number>().as('n'),
      // What approving would reserve: the decided amount, or the one recorded with an R3 exception.
      sql<string | null>`sum(coalesce(c.amount_fen, c.r3_exception_amount_fen))`.as('fen'),
    ])
    .where('i.notice_id', '=', id)
    .groupBy('c.status')
    .execute();
  const objections = await tx
    .selectFrom('objections')
    .selectAll()
    .select((eb) => eb.selectFrom('claims as oc').select('oc.number').whereRef('oc.id', '=', 'objections.claim_id').as('claim_number'))
    .where('notice_id', '=', id)
    .orderBy('raised_at')
    .orderBy('id')
    .execute();
  const today = businessToday();
  return {
    id: n.id,
    number: n.number,
    areaCode: n.area_code,
    title: n.title,
    startsOn: n.starts_on,
    workingDays: n.working_days,
    endsOn: n.ends_on,
    status: n.status,
    pausedOn: n.paused_on ?? null,
    daysLeft: n.days_left ?? null,
    publishedOn: n.published_on ?? null,
    closedOn: n.closed_on ?? null,
    /** The business date this view was read on (what `closable` was judged against). */
    today,
    /** Whether the office may close it today (open, and its last working day has passed). */
    closable: n.status === 'open' && today > n.ends_on,
    claimsByStatus: Object.fromEntries(claims.map((c) => [c.status, Number(c.n)])),
    amountFenByStatus: Object.fromEntries(claims.map((c) => [c.status, Number(c.fen ?? 0)])),
    objections: objections.map((o) => ({
      id: o.id,
      claimId: o.claim_id,
      claimNumber: o.claim_number ?? null,
      text: o.text,
      raisedBy: o.raised_by,
      raisedAt: new Date(o.raised_at).toISOString(),
      receivedOn: o.received_on ?? null,
      status: o.status,
      resolution: o.resolution,
      resolvedBy: o.resolved_by,
      resolvedAt: o.resolved_at ? new Date(o.resolved_at).toISOString() : null,
      resolvedOn: o.resolved_on ?? null,
    })),
    createdBy: n.created_by,
    createdAt: new Date(n.created_at).toISOString(),
  };
}
