// The business date (DESIGN.md conventions): the one "today" every use case, default and check of the
// product reads — publicity deadlines, "not after today", default dates of forms and APIs, to-dos.
// It is the setting UPSKILL_TODAY=YYYY-MM-DD when set (the demo runs as of 2021-11-15), otherwise the real
// calendar day in Asia/Shanghai. A simulation (the demo seeder) runs its use cases under a clock of its
// own (`withBusinessClock`), which it advances as its story moves on; nothing else can move the date.
import { AsyncLocalStorage } from 'node:async_hooks';
import { formatChineseDate, isIsoDate, type IsoDate } from '../policy/dates.ts';
import { calendarCovers, OFFICIAL_CALENDAR } from '../policy/working-calendar.ts';
import { AppError } from './app-error.ts';

export const BUSINESS_DATE_SETTING = 'UPSKILL_TODAY';

/** A clock the caller owns and moves (`clock.today = …`) while its work runs. */
export interface BusinessClock {
  today: IsoDate;
}

const clocks = new AsyncLocalStorage<BusinessClock>();

/** What the setting says: a date, `null` when unset, or a Chinese message saying why the value is bad. */
export function readBusinessDateSetting(env: NodeJS.ProcessEnv = process.env): { date: IsoDate | null } | { error: string } {
  const raw = env[BUSINESS_DATE_SETTING];
  if (raw === undefined || raw.trim() === '') return { date: null };
  const value = raw.trim();
  if (!isIsoDate(value)) {
    return {
      error: `${BUSINESS_DATE_SETTING} 设置有误：“${raw}”不是有效日期，应写作 YYYY-MM-DD（如 ${BUSINESS_DATE_SETTING}=2021-11-15）；不设置则取北京时间的当天日期`,
    };
  }
  return { date: value };
}

/** The real calendar day in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiDate(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Checks the setting once at start (`upskill serve`, `upskill demo`, the API): returns a warning when
 * the date is outside the working-day calendar (acts counted in working days will be refused), throws
 * a plain Error with the Chinese message when the value is not a date.
 */
export function checkBusinessDateSetting(env: NodeJS.ProcessEnv = process.env): { today: IsoDate; warning: string | null } {
  const setting = readBusinessDateSetting(env);
  if ('error' in setting) throw new Error(setting.error);
  const today = setting.date ?? shanghaiDate();
  const warning = calendarCovers(today)
    ? null
    : `业务日期 ${formatChineseDate(today)} 不在系统的工作日历（${calendarYears()} 年）内：公示等按工作日计算的操作将被拒绝`;
  return { today, warning };
}

/** Today, as the product counts days: the simulation's clock, else the setting, else the real date. */
export function businessToday(): IsoDate {
  const clock = clocks.getStore();
  if (clock) return clock.today;
  const setting = readBusinessDateSetting();
  // Checked at start; a value changed afterwards is refused here rather than read as another date.
  if ('error' in setting) throw new AppError('invalid_input', setting.error, BUSINESS_DATE_SETTING);
  return setting.date ?? shanghaiDate();
}

/** Where today's date came from, for the screens that show it. */
export function businessDateSource(): 'clock' | 'setting' | 'real' {
  if (clocks.getStore()) return 'clock';
  const setting = readBusinessDateSetting();
  return 'date' in setting && setting.date ? 'setting' : 'real';
}

/** Runs `work` (and everything it awaits) with `clock.today` as the business date. */
export function withBusinessClock<T>(clock: BusinessClock, work: () => Promise<T>): Promise<T> {
  if (!isIsoDate(clock.today)) throw new RangeError(`business clock: not a date: ${clock.today}`);
  return clocks.run(clock, work);
}

/** The years of the official working-day calendar the system holds ("2020—2021"). */
export function calendarYears(): string {
  const years = Object.keys(OFFICIAL_CALENDAR)
    .map(Number)
    .sort((a, b) => a - b);
  return years.length > 1 ? `${years[0]}—${years.at(-1)}` : String(years[0]);
}

/** Refuses a date the working-day calendar does not hold, naming the field and the act. */
export function requireCalendarDay(date: IsoDate, field: string, what: string): void {
  if (!calendarCovers(date)) {
    throw new AppError(
      'invalid_input',
      `${field}: ${what}日期 ${formatChineseDate(date)} 不在系统的工作日历（${calendarYears()} 年法定节假日和调休安排）内，无法按工作日计算`,
      field,
    );
  }
}
