// Excel (.xlsx) files of the provider's work: a template with Chinese headers and an example row, and
// a reader that gives every cell as trimmed text with its row number. The caller validates the whole
// file and reports every problem by row and column (行 5，"身份证号" 列：…) before anything is written.
import ExcelJS from 'exceljs';
import { AppError } from '../app-error.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A roster of 2,000 people is ~100 KB; 5 MB leaves room for formatting without inviting abuse. */
export const XLSX_LIMIT_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 2000;

export interface SheetColumn {
  header: string;
  width?: number;
  /** Written as text so that Excel keeps 18-digit IDs exact (never a number in scientific notation). */
  text?: boolean;
  note?: string;
}

export interface RowProblem {
  /** The Excel row number (the header is row 1). */
  row: number;
  /** The column's header, as in the file. */
  column: string;
  message: string;
  /** The API field the cell feeds (`trainees[3].residentId`), when there is one. */
  field?: string;
}

export const rowProblemText = (p: RowProblem) => `行 ${p.row}，"${p.column}" 列：${p.message}`;

/** Refuses a file with problems: one 400 naming the first, all of them in `issues`; nothing is written. */
export function refuseRows(problems: RowProblem[], what: string): never {
  const first = problems[0]!;
  throw new AppError('invalid_input', `${what}有 ${problems.length} 处错误，未导入任何数据。${rowProblemText(first)}`, 'file',
    problems.map((p) => ({ ...p, text: rowProblemText(p) })));
}

export async function writeSheet(sheetName: string, columns: SheetColumn[], rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(12, c.header.length * 2 + 4), style: c.text ? { numFmt: '@' } : {} }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  columns.forEach((c, i) => { if (c.note) head.getCell(i + 1).note = c.note; });
  for (const r of rows) sheet.addRow(r.map((v) => v ?? ''));
  return Buffer.from(await book.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('').trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

export interface SheetRow {
  row: number;
  /** By header: the cell's text ('' when empty), and whether Excel stored it as a number. */
  get(header: string): string;
  isNumber(header: string): boolean;
}
export interface ReadSheet {
  headers: string[];
  rows: SheetRow[];
}

/** Reads the first sheet; `required` headers must be present (a file-level problem otherwise). Empty rows are skipped. */
export async function readSheet(body: unknown, required: string[]): Promise<ReadSheet> {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new AppError('invalid_input', `file: 请上传 Excel 文件（.xlsx，Content-Type: ${XLSX_MIME}）`, 'file');
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid_input', 'file: 文件不是有效的 Excel（.xlsx）文件，请用下载的模板填写后上传', 'file');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new AppError('invalid_input', 'file: 文件中没有工作表', 'file');
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => { headers[col - 1] = cellText(cell.value); });
  const columnOf = new Map<string, number>();
  headers.forEach((h, i) => { if (h && !columnOf.has(h)) columnOf.set(h, i + 1); });
  const missing = required.filter((h) => !columnOf.has(h));
  if (missing.length > 0) {
    throw new AppError('invalid_input', `file: 第 1 行缺少列：${missing.map((h) => `"${h}"`).join('、')}（请使用下载的模板）`, 'file');
  }
  const rows: SheetRow[] = [];
  const count = sheet.rowCount;
  for (let r = 2; r <= count; r++) {
    const row = sheet.getRow(r);
    const texts = new Map<string, string>();
    const numbers = new Set<string>();
    for (const [h, c] of columnOf) {
      const v = row.getCell(c).value;
      texts.set(h, cellText(v));
      if (typeof v === 'number') numbers.add(h);
    }
    if ([...texts.values()].every((t) => t === '')) continue;
    rows.push({ row: r, get: (h) => texts.get(h) ?? '', isNumber: (h) => numbers.has(h) });
    if (rows.length > MAX_ROWS) throw new AppError('invalid_input', `file: 一次最多导入 ${MAX_ROWS} 行`, 'file');
  }
  return { headers: headers.filter(Boolean), rows };
}
