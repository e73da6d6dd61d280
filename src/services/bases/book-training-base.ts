// 预约实训基地 (§5.4): a provider (a college included), an enterprise or an HR office books a span of a
// day at a base, optionally for one of its classes, for a number of seats up to the base's capacity,
// listing the consumables it will use, on the business date or a later day within the horizon; the
// charge is consumables × quantity at the price list's price, frozen on the booking, in integer fen.
// A time already booked is refused by the slots' primary key (the database, not a read-then-write
// check); audited.
import { newUuid } from '../../store/ids.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import { classInScope } from '../classes/class-scope.ts';
import { formatChineseDate } from '../../policy/dates.ts';
import type { BookerRole } from '../../store/schema.ts';
import { businessToday } from '../business-date.ts';
import { checkBookingDay, consumablesTotal, slotsOf } from './base-rules.ts';
import { getBaseBooking, type BaseBookingView } from './list-base-bookings.ts';

export interface BookingInput {
  baseId: string;
  classId: string | null;
  day: string;
  startsAt: string;
  endsAt: string;
  seats: number;
  purpose: string;
  items: { consumableId: number; quantity: number }[];
}

export async function bookTrainingBase(tx: Tx, actor: Actor | null, input: BookingInput): Promise<BaseBookingView> {
  const a = requireRole(actor, 'provider', 'enterprise', 'city', 'county');
  const base = await tx.selectFrom('training_bases').selectAll().where('id', '=', input.baseId).executeTakeFirst();
  if (!base) throw new AppError('invalid_input', 'baseId: 没有这个实训基地', 'baseId');
  checkBookingDay(input.day, businessToday());
  const slots = slotsOf(input.startsAt, input.endsAt);
  if (input.seats > base.capacity)
    throw new AppError('invalid_input', `seats: 超过实训基地“${base.name}”的容量 ${base.capacity} 人`, 'seats');

  let bookerRole: BookerRole;
  let bookerName: string;
  let bookerRef: string | null;
  if (a.role === 'provider') {
    const p = await tx
      .selectFrom('providers')
      .select(['id', 'name', 'kind'])
      .where('id', '=', a.providerId ?? '')
      .executeTakeFirstOrThrow();
    bookerRole = p.kind === 'college' ? 'college' : 'provider';
    bookerName = p.name;
    bookerRef = p.id;
  } else if (a.role === 'enterprise') {
    const e = await tx
      .selectFrom('enterprises')
      .select(['uscc', 'name'])
      .where('uscc', '=', a.enterpriseUscc ?? '')
      .executeTakeFirstOrThrow();
    bookerRole = 'enterprise';
    bookerName = e.name;
    bookerRef = e.uscc;
  } else {
    bookerRole = a.role === 'county' ? 'county' : 'city';
    bookerName = a.displayName;
    bookerRef = a.areaCode;
  }
  if (input.classId != null) {
    const cls = await tx
      .selectFrom('classes')
      .select(['id', 'status'])
      .where('id', '=', input.classId)
      .where(classInScope(a))
      .executeTakeFirst();
    if (!cls) throw new AppError('invalid_input', 'classId: 没有这个培训班，或它不是本单位的培训班', 'classId');
    if (cls.status === 'closed') throw new AppError('invalid_input', 'classId: 培训班已验收结班，不能再预约', 'classId');
  }
  const prices = input.items.length
    ? await tx
        .selectFrom('base_consumables')
        .selectAll()
        .where('base_id', '=', base.id)
        .where(
          'id',
          'in',
          input.items.map((i) => i.consumableId),
        )
        .execute()
    : [];
  const lines = input.items.map((item, i) => {
    const c = prices.find((p) => Number(p.id) === item.consumableId);
    if (!c) throw new AppError('invalid_input', `items[${i}].consumableId: 该实训基地没有这种耗材`, `items[${i}].consumableId`);
    return { c, quantity: item.quantity, priceFen: Number(c.price_fen) };
  });
  const seen = new Set<number>();
  input.items.forEach((item, i) => {
    if (seen.has(item.consumableId))
      throw new AppError('invalid_input', `items[${i}].consumableId: 同一耗材只能列一行`, `items[${i}].consumableId`);
    seen.add(item.consumableId);
  });
  const { lineFen, totalFen } = consumablesTotal(lines);

  const id = newUuid();
  await tx
    .insertInto('base_bookings')
    .values({
      id,
      base_id: base.id,
      class_id: input.classId,
      booker_role: bookerRole,
      booker_name: bookerName,
      booker_ref: bookerRef,
      day: input.day,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      seats: input.seats,
      purpose: input.purpose.trim(),
      consumables_fen: totalFen,
      created_by: actorLabel(a),
    })
    .execute();
  if (lines.length > 0)
    await tx
      .insertInto('base_booking_items')
      .values(
        lines.map((l, i) => ({
          booking_id: id,
          consumable_id: Number(l.c.id),
          name: l.c.name,
          unit: l.c.unit,
          unit_price_fen: l.priceFen,
          quantity: l.quantity,
          line_fen: lineFen[i]!,
        })),
      )
      .execute();
  try {
    await tx
      .insertInto('base_booking_slots')
      .values(slots.map((slot) => ({ base_id: base.id, day: input.day, slot, booking_id: id })))
      .execute();
  } catch (e) {
    if ((e as { code?: string }).code === '23505')
      throw new AppError(
        'conflict',
        `实训基地“${base.name}”在 ${formatChineseDate(input.day)} ${input.startsAt}–${input.endsAt} 已有预约（时段重叠），请另选时间`,
        'startsAt',
      );
    throw e;
  }
  const made = await getBaseBooking(tx, id);
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'base_booking.book',
    entity: 'base_booking',
    entityId: id,
    data: {
      number: made.number,
      base: base.name,
      day: input.day,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      seats: input.seats,
      consumablesFen: totalFen,
    },
  });
  return made;
}
