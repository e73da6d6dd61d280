// Resolving an objection: upheld → the claim is rejected; dismissed → it stays. When no objection is
// left open the notice resumes on the resolution day and its end moves by the days it was paused. The
// resolution day is the business date (business-date.ts), not one the office names.
import { formatChineseDate } from '../../policy/dates.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { moveClaim } from '../claims/move-claim.ts';
import { businessToday } from '../business-date.ts';
import { onWorkingCalendar, publicityEndsOn } from './publicity-rules.ts';
import { notifyClaim } from '../notifications/claim-notices.ts';

export interface ResolveObjectionInput {
  objectionId: string;
  verdict: 'upheld' | 'dismissed';
  resolution: string;
}

export async function resolveObjection(tx: Tx, actor: Actor | null, input: ResolveObjectionInput) {
  const a = requireRole(actor, 'city', 'county');
  const objection = await tx.selectFrom('objections').selectAll().where('id', '=', input.objectionId).forUpdate().executeTakeFirst();
  if (!objection) throw new AppError('not_found', '没有找到这条异议', 'objectionId');
  const notice = await tx
    .selectFrom('publicity_notices')
    .selectAll()
    .where('id', '=', objection.notice_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (a.role === 'county' && a.areaCode !== notice.area_code) throw new AppError('not_found', '没有找到这条异议', 'objectionId');
  if (objection.status !== 'open')
    throw new AppError('invalid_transition', `该异议已处理（${objection.status === 'upheld' ? '成立' : '不成立'}）`, 'objectionId');
  const on = businessToday();
  const receivedOn = objection.received_on ?? notice.paused_on;
  if (receivedOn && on < receivedOn)
    throw new AppError(
      'invalid_transition',
      `该异议于 ${formatChineseDate(receivedOn)} 受理，今天（${formatChineseDate(on)}）早于受理日期，不能处理`,
      'objectionId',
    );
  const open = await tx
    .selectFrom('objections')
    .select('id')
    .where('notice_id', '=', notice.id)
    .where('status', '=', 'open')
    .where('id', '!=', objection.id)
    .execute();
  const resumes = open.length === 0 && notice.status === 'paused';
  // Counted before anything is written: a day outside the calendar changes nothing.
  const resumedEndsOn = resumes
    ? onWorkingCalendar('恢复公示', 'objectionId', () => publicityEndsOn(on, notice.days_left ?? notice.working_days))
    : notice.ends_on;
  const label = actorLabel(a);
  await tx
    .updateTable('objections')
    .set({ status: input.verdict, resolution: input.resolution, resolved_by: label, resolved_at: new Date(), resolved_on: on })
    .where('id', '=', objection.id)
    .execute();
  if (input.verdict === 'upheld' && objection.claim_id) {
    const claim = await tx
      .selectFrom('claims')
      .select(['id', 'number', 'status', 'program', 'resident_id'])
      .where('id', '=', objection.claim_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (claim.status !== 'rejected') {
      await moveClaim(tx, label, claim, 'reject', { objectionId: objection.id, reason: input.resolution });
      await tx
        .insertInto('reviews')
        .values({ claim_id: claim.id, verdict: 'reject', note: `公示异议成立：${input.resolution}`, reviewer: label })
        .execute();
      await notifyClaim(tx, claim, 'rejected');
    }
  }
  let status = notice.status;
  let endsOn = notice.ends_on;
  if (resumes) {
    status = 'open';
    endsOn = resumedEndsOn;
    await tx
      .updateTable('publicity_notices')
      .set({ status, ends_on: endsOn, segment_start: on, paused_on: null, updated_by: label, updated_at: new Date() })
      .where('id', '=', notice.id)
      .execute();
  }
  await appendAudit(tx, {
    actor: label,
    action: 'publicity.resolve',
    entity: 'publicity_notice',
    entityId: notice.id,
    data: { objectionId: objection.id, verdict: input.verdict, resolution: input.resolution, on, status, endsOn },
  });
  return { objectionId: objection.id, verdict: input.verdict, noticeId: notice.id, noticeStatus: status, endsOn, resolvedOn: on };
}
