// ISO calendar dates (YYYY-MM-DD, day precision). Strings compare in date order.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** Days from start to end, both included (2020-04-01 → 2020-05-15 is 45). */
export function daysInclusive(start: IsoDate, end: IsoDate): number {
  return (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Adds months keeping the day of the month, clamped to the month's last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Whole months of a period: the largest m with start + m months ≤ end + 1 day
 * (2020-03-01 → 2021-12-31 is 22; 2020-03-02 → 2021-03-01 is 12).
 */
export function wholeMonths(start: IsoDate, end: IsoDate): number {
  const limit = addDays(end, 1);
  const [ys, ms] = parts(start);
  const [ye, me] = parts(limit);
  let m = (ye - ys) * 12 + (me - ms);
  while (m > 0 && addMonths(start, m) > limit) m--;
  return Math.max(m, 0);
}

export function yearOf(date: IsoDate): string {
  return date.slice(0, 4);
}

export function firstDayOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/** 2020年3月2日 */
export function formatChineseDate(date: IsoDate): string {
  const [y, m, d] = parts(date);
  return `${y}年${m}月${d}日`;
}

export function within(date: IsoDate, from: IsoDate, to: IsoDate | null | undefined): boolean {
  return date >= from && (to == null || date <= to);
}
