// How an export's value becomes an Excel cell, for every workbook the app writes (list.tsx): a date
// (2021-03-02) or a timestamp (2021-03-02T06:05:00Z) is stored as a real date cell shown the Chinese
// way (2021年3月2日), so the sheet can sort, filter and compute on it; anything else as it is. A value
// already formatted for the screen (format.ts: 2021年3月2日, 2021年3月2日 14:05) is read back the same
// way, so every export column gets date cells without each screen having to remember.
// The server's report files (services/reports/report-files.ts) use it too, so both write dates the same way.

export const XLSX_DATE_FORMAT = 'yyyy"年"m"月"d"日"';
export const XLSX_DATE_TIME_FORMAT = 'yyyy"年"m"月"d"日" hh:mm';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?: (\d{2}):(\d{2}))?$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export interface XlsxCell {
  value: string | number | Date | null;
  numFmt?: string;
}

/**
 * A value as a cell. Excel dates have no time zone: a day is written as that calendar day (UTC
 * midnight, which exceljs stores as the day's serial number) and a timestamp as its Beijing wall time.
 */
export function xlsxCell(value: string | number | Date | null | undefined): XlsxCell {
  if (value == null) return { value: null };
  if (value instanceof Date) return { value: new Date(value.getTime() + 8 * 3_600_000), numFmt: XLSX_DATE_TIME_FORMAT };
  if (typeof value !== 'string') return { value };
  const day = ISO_DATE.exec(value) ?? CHINESE_DATE.exec(value);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const withTime = day[4] !== undefined;
    const at = new Date(Date.UTC(y, m - 1, d, withTime ? Number(day[4]) : 0, withTime ? Number(day[5]) : 0));
    // Only a day that exists (not 2021-02-30) becomes a date.
    if (at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d) {
      return { value: at, numFmt: withTime ? XLSX_DATE_TIME_FORMAT : XLSX_DATE_FORMAT };
    }
    return { value };
  }
  if (ISO_TIMESTAMP.test(value)) {
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return { value: new Date(t + 8 * 3_600_000), numFmt: XLSX_DATE_TIME_FORMAT };
  }
  return { value };
}
