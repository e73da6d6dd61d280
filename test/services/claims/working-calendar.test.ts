// Publicity runs on working days of the official 2020–2021 calendar, with its adjusted working days (调休).
import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarCovers, isWorkingDay, OutsideCalendarError } from '../../../src/policy/working-calendar.ts';
import { publicityEndsOn, workingDaysRun } from '../../../src/services/publicity/publicity-rules.ts';

describe('The official working calendar, 2020–2021', () => {
  it.each([
    ['2020-01-19', true, 'a Sunday worked before the Spring Festival'],
    ['2020-01-31', false, 'the Spring Festival, extended for COVID'],
    ['2020-02-01', false, 'the Saturday no longer worked once the holiday was extended'],
    ['2020-02-02', false, 'the last day of the extended Spring Festival'],
    ['2020-02-03', true, 'the first working day after it'],
    ['2020-04-26', true, 'a Sunday worked for 劳动节'],
    ['2020-05-05', false, '劳动节'],
    ['2020-05-09', true, 'a Saturday worked for 劳动节'],
    ['2020-06-28', true, 'a Sunday worked for 端午'],
    ['2020-09-27', true, 'a Sunday worked for 国庆'],
    ['2020-10-08', false, '国庆 and 中秋'],
    ['2020-10-10', true, 'a Saturday worked for 国庆'],
    ['2021-01-04', true, 'Monday after 元旦'],
    ['2021-02-07', true, 'a Sunday worked for 春节'],
    ['2021-02-17', false, '春节'],
    ['2021-02-20', true, 'a Saturday worked for 春节'],
    ['2021-06-14', false, '端午 (Monday)'],
    ['2021-09-18', true, 'a Saturday worked for 中秋'],
    ['2021-09-26', true, 'a Sunday worked for 国庆'],
    ['2021-10-09', true, 'a Saturday worked for 国庆'],
    ['2021-10-07', false, '国庆'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it('5 working days after 2020-09-30 end on 2020-10-14: 10-09, the 10-10 working Saturday, 10-12, 10-13, 10-14', () => {
    expect(addWorkingDays('2020-09-30', 5)).toBe('2020-10-14');
  });

  it('a notice of 5 working days starting 2020-09-30 ends on 2020-10-13 (9-30 counts)', () => {
    expect(publicityEndsOn('2020-09-30', 5)).toBe('2020-10-13');
  });

  it('a notice starting on a holiday begins counting at the next working day: from 2021-02-11 (春节), 3 days end 2021-02-20', () => {
    // 2-18, 2-19, then the 2-20 working Saturday
    expect(publicityEndsOn('2021-02-11', 3)).toBe('2021-02-20');
  });

  it('a notice paused on 2020-10-12 has run 9-30, 10-09 and 10-10', () => {
    expect(workingDaysRun('2020-09-30', '2020-10-12')).toBe(3);
  });

  it('outside 2020–2021 the calendar is not loaded: a day there is refused, never guessed to be a working day', () => {
    expect(calendarCovers('2022-10-03')).toBe(false);
    // 2022-10-03 is a national holiday in reality; a Monday–Friday guess would count it.
    expect(() => isWorkingDay('2022-10-03')).toThrow(OutsideCalendarError);
    expect(() => isWorkingDay('2022-10-03')).toThrow(/2022年10月3日 不在系统的工作日历/);
    // A count that runs past the end of 2021 is refused too.
    expect(() => addWorkingDays('2021-12-30', 3)).toThrow(OutsideCalendarError);
    expect(addWorkingDays('2021-12-29', 2)).toBe('2021-12-31');
  });
});
