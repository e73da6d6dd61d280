// Exit codes (DESIGN.md conventions): 0 success; 2 bad input or usage; 1 anything else.
import { BUSINESS_DATE_SETTING, checkBusinessDateSetting } from '../services/business-date.ts';
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** Bad input: each line names its field path; nothing has been written to stdout. */
export class BadInputError extends Error {
  readonly exitCode = 2;
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/**
 * The business date a command runs on (UPSKILL_TODAY, else the real date in Asia/Shanghai), checked
 * before anything starts: a bad value is a usage error (exit 2); a date outside the working-day
 * calendar is said on stderr (the acts counted in working days will be refused).
 */
export function businessDateAtStart(): string {
  try {
    const { today, warning } = checkBusinessDateSetting();
    if (warning) process.stderr.write(`upskill: ${warning}（设置 ${BUSINESS_DATE_SETTING}=YYYY-MM-DD 可指定业务日期）\n`);
    return today;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
