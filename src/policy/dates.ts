// ISO calendar dates (YYYY-MM-DD, day precision). Strings compare in date order.

export type IsoDate = string;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A real calendar date written YYYY-MM-DD (checked without building a Date: it runs for every claim). */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  return y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
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

/** Written dates by ISO date: a batch has a few hundred distinct dates and a million reasons citing them. */
const chineseDates = new Map<IsoDate, string>();
const CHINESE_DATES_KEPT = 10_000;

/** 2020年3月2日 */
export function formatChineseDate(date: IsoDate): string {
  let text = chineseDates.get(date);
  if (text === undefined) {
    text = `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
    if (chineseDates.size >= CHINESE_DATES_KEPT) chineseDates.clear();
    chineseDates.set(date, text);
  }
  return text;
}

export function within(date: IsoDate, from: IsoDate, to: IsoDate | null | undefined): boolean {
  return date >= from && (to == null || date <= to);
}

const DATE_IN_TEXT = /(?<![\d-])(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?(?![\d-])/g;

/**
 * A Chinese sentence built from stored values, with every ISO day or timestamp in it written the way
 * users read dates (2021年3月2日, 2021年3月2日 08:01) by formatChineseDate — risk evidence texts, messages.
 */
export function chineseDatesInText(text: string): string {
  return text.replace(DATE_IN_TEXT, (_, day: string, time: string | undefined) =>
    isIsoDate(day) ? `${formatChineseDate(day)}${time ? ` ${time}` : ''}` : _,
  );
}
