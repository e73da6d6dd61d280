// An objection (异议) to a published claim: anyone may raise one while the notice runs; it pauses the
// notice — working days do not run while it is paused — until every objection is resolved. It is dated
// by the day it was received (the business date), not by a day the objector types.
import { formatChineseDate } from '../../policy/dates.ts';
import { newUuid } from '../../store/ids.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { businessToday } from '../business-date.ts';
import { onWorkingCalendar, workingDaysRun } from './publicity-rules.ts';

export interface ObjectToClaimInput {
  noticeId: string;
  claimId: string;
  text: string;
}

export async function objectToClaim(tx: Tx, actor: Actor | null, input: ObjectToClaimInput) {
  const notice = await tx.selectFrom('publicity_notices').selectAll().where('id', '=', input.noticeId).forUpdate().executeTakeFirst();
  if (!notice) throw new AppError('not_found', '没有找到这份公示', 'noticeId');
  const on = businessToday();
  if (notice.status === 'closed' || (on > notice.ends_on && notice.status === 'open')) {
    throw new AppError(
      'invalid_transition',
      `公示 ${notice.number} 已于 ${formatChineseDate(notice.ends_on)} 期满，不再受理异议`,
      'noticeId',
    );
  }
  if (on < notice.starts_on)
    throw new AppError(
      'invalid_transition',
      `公示 ${notice.number} 自 ${formatChineseDate(notice.starts_on)} 开始，尚未开始公示，不能受理异议`,
      'noticeId',
    );
  const item = await tx
    .selectFrom('publicity_items')
    .select('claim_id')
    .where('notice_id', '=', notice.id)
    .where('claim_id', '=', input.claimId)
    .executeTakeFirst();
  if (!item) throw new AppError('invalid_input', `claimId: 公示 ${notice.number} 中没有这条申领`, 'claimId');
  let daysLeft = notice.days_left ?? notice.working_days;
  if (notice.status === 'open') {
    daysLeft = Math.max(
      0,
      daysLeft - onWorkingCalendar('暂停公示', 'noticeId', () => workingDaysRun(notice.segment_start ?? notice.starts_on, on)),
    );
  }
  const id = `OB-${newUuid()}`;
  await tx
    .insertInto('objections')
    .values({ id, notice_id: notice.id, claim_id: input.claimId, text: input.text, raised_by: actorLabel(actor), received_on: on })
    .execute();
  if (notice.status === 'open') {
    await tx
      .updateTable('publicity_notices')
      .set({ status: 'paused', paused_on: on, days_left: daysLeft, updated_by: actorLabel(actor), updated_at: new Date() })
      .where('id', '=', notice.id)
      .execute();
  }
  await appendAudit(tx, {
    actor: actorLabel(actor),
    action: 'publicity.object',
    entity: 'publicity_notice',
    entityId: notice.id,
    data: { objectionId: id, claimId: input.claimId, on, paused: true, daysLeft },
  });
  return { id, noticeId: notice.id, status: 'paused' as const, daysLeft, receivedOn: on };
}
