// Publicity (公示) settings and day counts. The plan does not fix how many working days a notice runs;
// the bureau's practice is 5 working days, kept here as the default a notice may override (each notice
// stores its own). Days are counted on the official working calendar (working-calendar.ts); a count
// that leaves it is refused, never guessed (a Monday–Friday guess would miss holidays and 调休).
import { formatChineseDate } from '../../policy/dates.ts';
import { addDays, type IsoDate } from '../../policy/dates.ts';
import { addWorkingDays, OutsideCalendarError, workingDaysBetween } from '../../policy/working-calendar.ts';
import { AppError } from '../app-error.ts';
import { calendarYears } from '../business-date.ts';

export const DEFAULT_PUBLICITY_WORKING_DAYS = 5;

/** The last day of a notice that runs `days` working days counted from `from` (inclusive). */
export function publicityEndsOn(from: IsoDate, days: number): IsoDate {
  return addWorkingDays(addDays(from, -1), days);
}

/** Working days a running notice has used from `segmentStart` up to (not including) `pausedOn`. */
export function workingDaysRun(segmentStart: IsoDate, pausedOn: IsoDate): number {
  return workingDaysBetween(segmentStart, addDays(pausedOn, -1));
}

/**
 * Runs a working-day count for an act on a notice; a day outside the calendar the system holds is
 * refused with the act and the field named (400), not answered with a guess.
 */
export function onWorkingCalendar<T>(what: string, field: string, count: () => T): T {
  try {
    return count();
  } catch (e) {
    if (!(e instanceof OutsideCalendarError)) throw e;
    throw new AppError(
      'invalid_input',
      `${field}: ${what}需按工作日计算，但 ${formatChineseDate(e.date)} 不在系统的工作日历（${calendarYears()} 年法定节假日和调休安排）内`,
      field,
    );
  }
}
