// Publicity (公示) settings. The plan does not fix how many working days a notice runs; the bureau's
// practice is 5 working days, kept here as the default a notice may override (each notice stores its own).
import { addDays, type IsoDate } from '../../policy/dates.ts';
import { addWorkingDays, workingDaysBetween } from '../../policy/working-calendar.ts';
import { AppError } from '../app-error.ts';

export const DEFAULT_PUBLICITY_WORKING_DAYS = 5;

/** The last day of a notice that runs `days` working days counted from `from` (inclusive). */
export function publicityEndsOn(from: IsoDate, days: number): IsoDate {
  return addWorkingDays(addDays(from, -1), days);
}

/** Working days a running notice has used from `segmentStart` up to (not including) `pausedOn`. */
export function workingDaysRun(segmentStart: IsoDate, pausedOn: IsoDate): number {
  return workingDaysBetween(segmentStart, addDays(pausedOn, -1));
}

/** Today in Asia/Shanghai (DESIGN.md: dates are Asia/Shanghai calendar days). */
export function todayInShanghai(now = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The day an event on a notice happened: today when not given; a later day is refused, so a notice
 *  cannot be closed (or an objection settled) ahead of time by naming a day after its end. */
export function eventDay(on: IsoDate | undefined, what: string, now = new Date()): IsoDate {
  const today = todayInShanghai(now);
  if (on !== undefined && on > today) throw new AppError('invalid_input', `on: ${what}日期 ${on} 晚于今天（${today}），不能预先登记`, 'on');
  return on ?? today;
}
