// Closing a notice once its working days have run: its claims (still 'publicity') may then be approved.
// The day is the business date (business-date.ts), not one the office names: a notice closes only
// after its last working day has actually passed.
import { formatChineseDate } from '../../policy/dates.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { businessToday } from '../business-date.ts';

export async function closeNotice(tx: Tx, actor: Actor | null, input: { noticeId: string }) {
  const a = requireRole(actor, 'city', 'county');
  const notice = await tx.selectFrom('publicity_notices').selectAll().where('id', '=', input.noticeId).forUpdate().executeTakeFirst();
  if (!notice || (a.role === 'county' && a.areaCode !== notice.area_code)) throw new AppError('not_found', '没有找到这份公示', 'noticeId');
  if (notice.status === 'paused')
    throw new AppError('invalid_transition', `公示 ${notice.number} 有未处理的异议，已暂停，不能结束`, 'noticeId');
  if (notice.status === 'closed') throw new AppError('invalid_transition', `公示 ${notice.number} 已结束`, 'noticeId');
  const today = businessToday();
  if (today <= notice.ends_on) {
    throw new AppError(
      'invalid_transition',
      `公示 ${notice.number} 的最后一个工作日是 ${formatChineseDate(notice.ends_on)}，今天（${formatChineseDate(today)}）公示期未满，不能结束`,
      'noticeId',
    );
  }
  await tx
    .updateTable('publicity_notices')
    .set({ status: 'closed', closed_on: today, updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', '=', notice.id)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'publicity.close',
    entity: 'publicity_notice',
    entityId: notice.id,
    data: { on: today, endsOn: notice.ends_on },
  });
  return { id: notice.id, status: 'closed' as const, endsOn: notice.ends_on, closedOn: today };
}
