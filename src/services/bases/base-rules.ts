// Public training bases (§5.4): open to enterprises, colleges and providers, charging consumables
// only. A booking holds half-hour slots (base_booking_slots, primary key (base, day, slot)): the
// database refuses a second booking of the same time on PGlite and PostgreSQL alike.
import { addDays, formatChineseDate, type IsoDate } from '../../policy/dates.ts';
import { AppError } from '../app-error.ts';
import { BOOKING_HORIZON_DAYS } from '../../vocabulary/enrolment.ts';

export const SLOT_MINUTES = 30;

/**
 * A booking is for the business date or a later day (a past day cannot be used), and no later than
 * the horizon; else a Chinese error naming the field.
 */
export function checkBookingDay(day: IsoDate, today: IsoDate): void {
  if (day < today)
    throw new AppError(
      'invalid_input',
      `day: 预约日期 ${formatChineseDate(day)} 已过（今天是 ${formatChineseDate(today)}），只能预约今天或以后的日期`,
      'day',
    );
  const last = addDays(today, BOOKING_HORIZON_DAYS);
  if (day > last)
    throw new AppError(
      'invalid_input',
      `day: 实训基地最多提前 ${BOOKING_HORIZON_DAYS} 天预约，最晚可约到 ${formatChineseDate(last)}`,
      'day',
    );
}

/** '08:30' → minutes since midnight, on a half-hour boundary; else a Chinese error naming the field. */
export function slotMinutes(time: string, field: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::00)?$/.exec(time) ?? (time === '24:00' ? ['', '24', '00'] : null);
  if (!m) throw new AppError('invalid_input', `${field}: 时间应写作 HH:MM（如 08:30）`, field);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes % SLOT_MINUTES !== 0) throw new AppError('invalid_input', `${field}: 实训基地按半小时预约，时间应为整点或半点`, field);
  return minutes;
}

/** The slots a span holds: 08:00–10:00 → [16, 17, 18, 19]. */
export function slotsOf(startsAt: string, endsAt: string): number[] {
  const from = slotMinutes(startsAt, 'startsAt');
  const to = slotMinutes(endsAt, 'endsAt');
  if (!(from < to)) throw new AppError('invalid_input', 'endsAt: 结束时间应晚于开始时间', 'endsAt');
  const out: number[] = [];
  for (let m = from; m < to; m += SLOT_MINUTES) out.push(m / SLOT_MINUTES);
  return out;
}

/** Consumables × quantity, exact in integer fen (BigInt), refused beyond what a number holds exactly. */
export function consumablesTotal(lines: { priceFen: number; quantity: number }[]): { lineFen: number[]; totalFen: number } {
  let total = 0n;
  const lineFen = lines.map((l) => {
    const v = BigInt(l.priceFen) * BigInt(l.quantity);
    total += v;
    return v;
  });
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new AppError('invalid_input', 'items: 耗材金额过大', 'items');
  return { lineFen: lineFen.map(Number), totalFen: Number(total) };
}
