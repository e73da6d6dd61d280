// Exports store dates as dates: every workbook the web app writes (list.tsx exportWorkbook) turns a
// day or a timestamp — ISO or already formatted the Chinese way — into a real date cell with a
// Chinese date format, so Excel sorts and filters it as a date; other text stays text.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CLAIM_EXPORT } from '../../web/src/claim-export.ts';
import { exportWorkbook } from '../../web/src/list.tsx';
import type { Claim } from '../../web/src/types.ts';
import { XLSX_DATE_FORMAT, XLSX_DATE_TIME_FORMAT, xlsxCell } from '../../src/policy/xlsx-cells.ts';

const claim = {
  id: 'CL-7f1c',
  number: 'SQ-2021-510422-000123',
  traineeName: '张三',
  providerName: '攀枝花技师学院',
  enterpriseName: null,
  classNumber: null,
  occupationName: null,
  program: 'skill_upgrade',
  applicant: 'individual',
  status: 'decided',
  areaCode: '510422',
  residentId: '510402198503120014',
  enterpriseUscc: null,
  providerId: 'P007',
  classId: null,
  occupationCode: '6-16-01-03',
  level: '4',
  startDate: '2021-03-02',
  endDate: '2021-06-30',
  outcome: 'eligible',
  amountFen: 165_000,
  payee: 'individual',
} as unknown as Claim;

describe('Excel export cells', () => {
  it("a claim export's start date is a date cell for 2 March 2021 with a Chinese date format", async () => {
    const book = await exportWorkbook('补贴申领', CLAIM_EXPORT, [claim]);
    // Written and read back, as the user's Excel will read it.
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await book.xlsx.writeBuffer());
    const sheet = read.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const start = sheet.getRow(2).getCell(headers.indexOf('开始日期') + 1);
    expect(start.type).toBe(ExcelJS.ValueType.Date);
    expect((start.value as Date).toISOString()).toBe('2021-03-02T00:00:00.000Z');
    expect(start.numFmt).toBe(XLSX_DATE_FORMAT);
    const number = sheet.getRow(2).getCell(headers.indexOf('申领编号') + 1);
    expect(number.value).toBe('SQ-2021-510422-000123');
  });

  it('a day already formatted for the screen, and a timestamp, become dates too; Beijing time is kept', () => {
    expect(xlsxCell('2021年3月2日')).toEqual({ value: new Date('2021-03-02T00:00:00Z'), numFmt: XLSX_DATE_FORMAT });
    expect(xlsxCell('2021年3月2日 14:05')).toEqual({ value: new Date('2021-03-02T14:05:00Z'), numFmt: XLSX_DATE_TIME_FORMAT });
    expect(xlsxCell('2021-03-02T06:05:00.000Z')).toEqual({ value: new Date('2021-03-02T14:05:00Z'), numFmt: XLSX_DATE_TIME_FORMAT });
  });

  it('a day that does not exist, a number and other text stay as they are', () => {
    expect(xlsxCell('2021-02-30')).toEqual({ value: '2021-02-30' });
    expect(xlsxCell(1650)).toEqual({ value: 1650 });
    expect(xlsxCell('SQ-2021-510422-000123')).toEqual({ value: 'SQ-2021-510422-000123' });
    expect(xlsxCell(null)).toEqual({ value: null });
  });
});
