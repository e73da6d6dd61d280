// Identifier checks of the use cases (GB 11643 resident IDs, GB 32100 USCCs, §5.2 real-name
// management), with the Chinese message naming the field. The API checks the same at its edge; the
// use cases check again because demo seeding and imports call them directly.
import { residentIdMessage, usccMessage } from '../policy/class-application.ts';
import { isIsoDate } from '../policy/dates.ts';
import { AppError } from './app-error.ts';

// The messages are the pure module's, so the browser's live checks say exactly the same.
export { residentIdMessage, usccMessage };

export function assertResidentId(id: string, field: string): void {
  const message = residentIdMessage(id);
  if (message) throw new AppError('invalid_input', `${field}: ${message}`, field);
}

export function assertUscc(code: string, field: string): void {
  const message = usccMessage(code);
  if (message) throw new AppError('invalid_input', `${field}: ${message}`, field);
}

export function assertDate(date: string, field: string): void {
  if (!isIsoDate(date))
    throw new AppError('invalid_input', `${field}: 不是有效日期（应为日历上存在的日期，如 2021年3月2日，按 YYYY-MM-DD 格式填写）`, field);
}

/** A period whose end is not before its start (an open end is fine). */
export function assertPeriod(from: string, fromField: string, to: string | null | undefined, toField: string): void {
  assertDate(from, fromField);
  if (to == null) return;
  assertDate(to, toField);
  if (to < from) throw new AppError('invalid_input', `${toField}: 终止日期早于起始日期`, toField);
}
