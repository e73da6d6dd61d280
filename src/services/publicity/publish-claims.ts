// A publicity notice (公示) per area: reviewed claims are published for N working days on the
// official 2020–2021 calendar (working-calendar.ts, with 调休). Objections pause it (object-to-claim.ts).
// A notice starts no earlier than the business day it is published (business-date.ts): a notice dated
// back would have "run" before anyone could read it, and could be closed at once.
import { formatChineseDate } from '../../policy/dates.ts';
import { newUuid } from '../../store/ids.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { businessToday } from '../business-date.ts';
import { transition } from '../claims/claim-states.ts';
import { DEFAULT_PUBLICITY_WORKING_DAYS, onWorkingCalendar, publicityEndsOn } from './publicity-rules.ts';

export interface PublishClaimsInput {
  /** The first day of the notice; the business date when not given, never before it. */
  areaCode: string;
  title: string;
  startsOn?: string;
  claimIds: string[];
  workingDays?: number;
}

export async function publishClaims(tx: Tx, actor: Actor | null, input: PublishClaimsInput) {
  const a = requireRole(actor, 'city', 'county');
  if (a.role === 'county' && a.areaCode !== input.areaCode) throw new AppError('forbidden', '只能公示本县（区）的申领', 'areaCode');
  const ids = [...new Set(input.claimIds)];
  const claims = await tx.selectFrom('claims').select(['id', 'number', 'status', 'area_code']).where('id', 'in', ids).forUpdate().execute();
  const byId = new Map(claims.map((c) => [c.id, c]));
  ids.forEach((id, i) => {
    const c = byId.get(id);
    if (!c || c.area_code !== input.areaCode)
      throw new AppError('invalid_input', `claimIds[${i}]: 第 ${i + 1} 条申领不存在或不属于该地区`, `claimIds[${i}]`);
    transition(c.number, c.status, 'publish');
  });
  const today = businessToday();
  const startsOn = input.startsOn ?? today;
  if (startsOn < today) {
    throw new AppError(
      'invalid_input',
      `startsOn: 公示开始日期 ${formatChineseDate(startsOn)} 早于发布当天（${formatChineseDate(today)}）；公示自发布之日起计算，不能倒签`,
      'startsOn',
    );
  }
  const days = input.workingDays ?? DEFAULT_PUBLICITY_WORKING_DAYS;
  const endsOn = onWorkingCalendar('公示期', 'startsOn', () => publicityEndsOn(startsOn, days));
  const id = `PN-${newUuid()}`;
  const { number } = await tx
    .insertInto('publicity_notices')
    .values({
      id,
      area_code: input.areaCode,
      title: input.title,
      starts_on: startsOn,
      working_days: days,
      ends_on: endsOn,
      published_on: today,
      segment_start: startsOn,
      days_left: days,
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .returning('number')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('publicity_items')
    .values(ids.map((claim_id) => ({ notice_id: id, claim_id })))
    .execute();
  await tx
    .updateTable('claims')
    .set({ status: 'publicity', updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', 'in', ids)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'publicity.open',
    entity: 'publicity_notice',
    entityId: id,
    data: { number, areaCode: input.areaCode, publishedOn: today, startsOn, workingDays: days, endsOn, claims: ids },
  });
  return { id, number, publishedOn: today, startsOn, workingDays: days, endsOn, status: 'open' as const, claims: ids.length };
}
