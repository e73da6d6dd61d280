// Users read dates as 2021年3月2日 (docs/record-numbers.md, "Dates"): the Chinese messages of the paths
// that refuse a date — a date that does not exist, one outside the working-day calendar the system
// holds, a publicity period that cannot be counted, a policy change outside the plan's period, the
// business date itself — name their days that way, never as 2021-03-02.
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../../src/policy/working-calendar.ts';
import { shippedPolicies } from '../../src/policy/shipped.ts';
import { checkBusinessDateSetting, requireCalendarDay } from '../../src/services/business-date.ts';
import { assertDate } from '../../src/services/identifiers.ts';
import { checkChange, topPackage } from '../../src/services/policy/parameter-change.ts';
import { onWorkingCalendar } from '../../src/services/publicity/publicity-rules.ts';

const ISO_DAY = /\d{4}-\d{2}-\d{2}/;

function refusal(act: () => unknown): string {
  try {
    act();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the act was not refused');
}

const CASES: [string, () => unknown, string][] = [
  ['a day that does not exist', () => assertDate('2021-02-30', 'startDate'), '2021年3月2日'],
  ['a day outside the working-day calendar', () => requireCalendarDay('2022-01-04', 'startsOn', '公示开始'), '2022年1月4日'],
  ['the calendar asked about a year it does not hold', () => isWorkingDay('2022-10-03'), '2022年10月3日'],
  [
    'a publicity period running past the calendar',
    () => onWorkingCalendar('公示期', 'startsOn', () => addWorkingDays('2021-12-29', 5)),
    '2022年1月1日',
  ],
  [
    'a policy change outside the plan’s period',
    () =>
      checkChange(topPackage(shippedPolicies()), { parameter: 'safety.amountYuan', value: 1500, validFrom: '2019-07-01', validTo: null }),
    '2020年1月1日',
  ],
];

describe('Messages that refuse a date write it in Chinese', () => {
  it.each(CASES)('%s', (_, act, day) => {
    const message = refusal(act);
    expect(message).toMatch(/[\u4e00-\u9fa5]/);
    expect(message).not.toMatch(ISO_DAY);
    expect(message).toContain(day);
  });

  it('the warning about a business date outside the calendar names the day in Chinese', () => {
    const { warning } = checkBusinessDateSetting({ UPSKILL_TODAY: '2022-03-01' });
    expect(warning).toContain('2022年3月1日');
    expect(warning).not.toMatch(ISO_DAY);
  });
});
