// The official PRC working calendar for 2020–2021, as data: public holidays and the adjusted working
// days (调休) of the State Council General Office's notices (国办发明电〔2019〕16号 for 2020, with the
// Spring Festival extended to 2 February by 国办发明电〔2020〕1号, which also cancelled the 1 February
// make-up day; 国办发明电〔2020〕27号 for 2021). Publicity periods (公示, DESIGN.md) count these days.
// Outside 2020–2021 the calendar is not loaded, so no day there can be said to be a working day or not:
// asking throws OutsideCalendarError (a Monday–Friday guess would miss that year's holidays and 调休).
import { addDays, formatChineseDate, type IsoDate } from './dates.ts';

interface HolidayPeriod {
  name: string;
  from: IsoDate;
  to: IsoDate;
  /** Weekend days worked in exchange (调休上班). */
  workingDays: IsoDate[];
}

export const OFFICIAL_CALENDAR: Record<number, HolidayPeriod[]> = {
  2020: [
    { name: '元旦', from: '2020-01-01', to: '2020-01-01', workingDays: [] },
    { name: '春节（因疫情延长至2月2日）', from: '2020-01-24', to: '2020-02-02', workingDays: ['2020-01-19'] },
    { name: '清明节', from: '2020-04-04', to: '2020-04-06', workingDays: [] },
    { name: '劳动节', from: '2020-05-01', to: '2020-05-05', workingDays: ['2020-04-26', '2020-05-09'] },
    { name: '端午节', from: '2020-06-25', to: '2020-06-27', workingDays: ['2020-06-28'] },
    { name: '国庆节、中秋节', from: '2020-10-01', to: '2020-10-08', workingDays: ['2020-09-27', '2020-10-10'] },
  ],
  2021: [
    { name: '元旦', from: '2021-01-01', to: '2021-01-03', workingDays: [] },
    { name: '春节', from: '2021-02-11', to: '2021-02-17', workingDays: ['2021-02-07', '2021-02-20'] },
    { name: '清明节', from: '2021-04-03', to: '2021-04-05', workingDays: [] },
    { name: '劳动节', from: '2021-05-01', to: '2021-05-05', workingDays: ['2021-04-25', '2021-05-08'] },
    { name: '端午节', from: '2021-06-12', to: '2021-06-14', workingDays: [] },
    { name: '中秋节', from: '2021-09-19', to: '2021-09-21', workingDays: ['2021-09-18'] },
    { name: '国庆节', from: '2021-10-01', to: '2021-10-07', workingDays: ['2021-09-26', '2021-10-09'] },
  ],
};

const holidays = new Set<IsoDate>();
const adjustedWorkingDays = new Set<IsoDate>();
for (const periods of Object.values(OFFICIAL_CALENDAR)) {
  for (const p of periods) {
    for (let d = p.from; d <= p.to; d = addDays(d, 1)) holidays.add(d);
    for (const w of p.workingDays) adjustedWorkingDays.add(w);
  }
}

/** Whether the official calendar of the date's year is loaded (otherwise Monday–Friday is used). */
export function calendarCovers(date: IsoDate): boolean {
  return Number(date.slice(0, 4)) in OFFICIAL_CALENDAR;
}

/** A day the loaded calendar cannot classify (its year's holidays and 调休 are not held). */
export class OutsideCalendarError extends RangeError {
  constructor(readonly date: IsoDate) {
    super(
      `${formatChineseDate(date)} 不在系统的工作日历（${Object.keys(OFFICIAL_CALENDAR).join('、')} 年法定节假日和调休安排）内，无法按工作日计算`,
    );
    this.name = 'OutsideCalendarError';
  }
}

/** Whether `date` is a working day; throws OutsideCalendarError outside the loaded years. */
export function isWorkingDay(date: IsoDate): boolean {
  if (!calendarCovers(date)) throw new OutsideCalendarError(date);
  if (holidays.has(date)) return false;
  if (adjustedWorkingDays.has(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The n-th working day after `date` (n ≥ 1; `date` itself is not counted). n = 0 returns `date`. */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days in [from, to], both included (0 when to < from). */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}
