// Excel (.xlsx) files of the provider's and the offices' work: a template with Chinese headers and an
// example row, and a reader that gives every cell as trimmed text with its row number. The caller
// validates the whole file and reports every problem by row and column (行 5，"身份证号" 列：…)
// before anything is written.
//
// Reading is built to survive a hostile file (limits in ../limits.ts, docs/imports.md):
//  1. The zip's central directory is read (yauzl) and the parts needed — the workbook, its relations,
//     the shared strings, the styles and the FIRST worksheet — are checked against the inflated-size
//     budget by their declared sizes BEFORE anything is inflated; then inflated one by one, counting
//     the bytes that actually come out (a declared size can lie) and stopping at the budget.
//  2. Those parts, and only they, are packed again (stored, not compressed) and read row by row with
//     exceljs's streaming reader, stopping at the row, column and cell-length limits; the reader gives
//     the event loop a turn every few thousand cells so other requests are served meanwhile.
//  3. The caller does this BEFORE opening its database transaction (the embedded store has one
//     connection): parse, then validate and write in one short transaction.
//  4. Reading and writing run in a worker thread of their own (sheet-thread.ts), one file at a time,
//     with a heap of its own: a file being parsed never holds the server's event loop, and a file that
//     got past every limit and still exhausted memory ends that thread, not the server.
import { Readable, PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { AppError } from '../app-error.ts';
import { bytesText, limits, type Limits } from '../limits.ts';
import { inSheetThread } from './sheet-thread.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  throw new AppError(
    'invalid_input',
    `${what}有 ${problems.length} 处错误，未导入任何数据。${rowProblemText(first)}`,
    'file',
    problems.map((p) => ({ ...p, text: rowProblemText(p) })),
  );
}

const fileError = (message: string) => new AppError('invalid_input', `file: ${message}`, 'file');

/**
 * What a file is, as its caller knows it: the name users call it (花名册, 银行回单, 社会保险参保登记数据…)
 * and where its columns come from — a template the product hands out, or a layout the docs describe
 * (a bank's return is the bank's file, not ours).
 */
export interface FileKind {
  name: string;
  layout: 'template' | 'documented';
}

/** The message of a file whose header row lacks required columns: names the file's kind and the columns. */
export function missingColumnsMessage(kind: FileKind, missing: string[]): string {
  const how = kind.layout === 'template' ? '请使用下载的模板' : `请按文档所列的${kind.name}格式`;
  return `${kind.name}第 1 行缺少列：${missing.map((h) => `"${h}"`).join('、')}（${how}）`;
}
const NOT_XLSX = '文件不是有效的 Excel（.xlsx）文件，请用下载的模板填写后上传';

/**
 * Writes a one-sheet workbook with exceljs's streaming writer (rows are committed as they are added,
 * and the event loop gets a turn every few thousand cells, so a large sheet does not stall the server).
 */
export function writeSheet(sheetName: string, columns: SheetColumn[], rows: (string | number | null)[][]): Promise<Buffer> {
  return inSheetThread<Uint8Array>({ op: 'write', sheetName, columns, rows }).then((b) =>
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}

/** writeSheet's work, in the sheet thread. */
export async function buildSheet(sheetName: string, columns: SheetColumn[], rows: (string | number | null)[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = book.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(12, c.header.length * 2 + 4),
    style: c.text ? { numFmt: '@' } : {},
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  columns.forEach((c, i) => {
    if (c.note) head.getCell(i + 1).note = c.note;
  });
  head.commit();
  let cells = 0;
  for (const r of rows) {
    sheet.addRow(r.map((v) => v ?? '')).commit();
    cells += r.length;
    if (cells >= YIELD_EVERY_CELLS) {
      cells = 0;
      await nextTurn();
    }
  }
  sheet.commit();
  await book.commit();
  out.end();
  await done;
  return Buffer.concat(chunks);
}

const YIELD_EVERY_CELLS = 5000;
const FEED_CHUNK = 16 * 1024;

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/** A row as it crosses from the sheet thread: plain data, no functions. */
export interface PlainSheetRow {
  row: number;
  cells: [string, string][];
  numbers: string[];
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

// ---------------------------------------------------------------------------------------------
// 1. The zip: declared sizes first, then the bytes that actually inflate, within one budget.
// ---------------------------------------------------------------------------------------------
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
const EMPTY_SST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

const tooBig = (lim: Limits, what: string) =>
  fileError(`文件解压后超过 ${bytesText(lim.xlsxInflatedBytes)} 的上限（${what}），未导入。请删除多余的行、列和格式后重试，或分批导入`);

/** The first worksheet's part, as the workbook lists its sheets (falls back to the lowest-numbered sheet). */
function firstSheetPath(workbookXml: string | undefined, relsXml: string | undefined, names: string[]): string | undefined {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  const sheetTag = workbookXml && /<(?:\w+:)?sheet\b[^>]*>/.exec(workbookXml)?.[0];
  const rid = sheetTag && /\b\w+:id="([^"]*)"/.exec(sheetTag)?.[1];
  if (rid && relsXml) {
    for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      if (attr(m[0], 'Id') !== rid) continue;
      const target = attr(m[0], 'Target') ?? '';
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      if (names.includes(path)) return path;
    }
  }
  const sheets = names.map((n) => /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(n)).filter((m) => m !== null);
  sheets.sort((a, b) => Number(a[1]) - Number(b[1]));
  return sheets[0]?.[0];
}

async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: { left: number }, lim: Limits): Promise<Buffer> {
  if (entry.isEncrypted()) throw fileError('文件已加密，请取消密码保护后上传');
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch {
    throw fileError(NOT_XLSX);
  }
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      budget.left -= chunk.length;
      // Declared sizes were within the budget; one that lied is stopped here, at the budget, not at its end.
      if (budget.left < 0) {
        stream.destroy();
        throw tooBig(lim, `“${entry.fileName}”实际解压后超出`);
      }
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    // yauzl checks the inflated bytes against the declared size as they come (validateEntrySizes).
    throw fileError(`${NOT_XLSX}（压缩包内“${entry.fileName}”的实际大小与记录不符）`);
  }
  return Buffer.concat(chunks);
}

/** The parts of the workbook needed to read its first sheet, inflated within the budget. */
async function unpack(body: Buffer, lim: Limits): Promise<Map<string, Buffer>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(body, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true });
  } catch {
    throw fileError(NOT_XLSX);
  }
  try {
    if (zip.entryCount > lim.xlsxEntries)
      throw fileError(`文件包含 ${zip.entryCount} 个部件，超过 ${lim.xlsxEntries} 个的上限，不是正常的 Excel 文件`);
    const entries = new Map<string, yauzl.Entry>();
    try {
      for await (const e of zip.eachEntry()) if (!entries.has(e.fileName)) entries.set(e.fileName, e);
    } catch {
      throw fileError(NOT_XLSX);
    }
    const budget = { left: lim.xlsxInflatedBytes };
    const declared = (names: (string | undefined)[]) =>
      names.reduce((n, name) => n + (name ? (entries.get(name)?.uncompressedSize ?? 0) : 0), 0);
    const parts = new Map<string, Buffer>();
    const read = async (name: string) => {
      const e = entries.get(name);
      if (e) parts.set(name, await inflate(zip, e, budget, lim));
    };

    if (declared([WORKBOOK, WORKBOOK_RELS]) > budget.left) throw tooBig(lim, '工作簿目录过大');
    await read(WORKBOOK);
    await read(WORKBOOK_RELS);
    const sheet = firstSheetPath(parts.get(WORKBOOK)?.toString('utf8'), parts.get(WORKBOOK_RELS)?.toString('utf8'), [...entries.keys()]);
    if (!parts.has(WORKBOOK)) throw fileError(NOT_XLSX);
    if (!sheet) throw fileError('文件中没有工作表');
    const rest = [SHARED_STRINGS, STYLES, sheet];
    const total = declared([WORKBOOK, WORKBOOK_RELS, ...rest]);
    if (total > lim.xlsxInflatedBytes) throw tooBig(lim, `声明解压后为 ${bytesText(total)}`);
    for (const name of rest) await read(name);
    // The first sheet is handed on as sheet1 (the name the streaming reader expects).
    const data = parts.get(sheet)!;
    parts.delete(sheet);
    parts.set('xl/worksheets/sheet1.xml', data);
    return parts;
  } finally {
    zip.close();
  }
}

/** A zip of the given parts, stored (not compressed): only ever our own bytes reach the streaming reader. */
function storedZip(parts: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const n = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(0, 10);
    dir.writeUInt32LE(0, 12);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    central.push(dir, n);
    offset += 30 + n.length + data.length;
  }
  const size = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

// ---------------------------------------------------------------------------------------------
// 2. The first sheet, row by row, within the row, column and cell limits.
// ---------------------------------------------------------------------------------------------
const columnLetters = (n: number): string =>
  n <= 0 ? '' : columnLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

/**
 * Reads the first sheet; `required` headers must be present (a file-level problem otherwise). Empty
 * rows are skipped. Call it OUTSIDE any database transaction.
 */
export async function readSheet(body: unknown, required: string[], kind: FileKind): Promise<ReadSheet> {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw fileError(`请上传 Excel 文件（.xlsx，Content-Type: ${XLSX_MIME}）`);
  }
  const lim = limits();
  if (body.length > lim.xlsxBytes) throw fileError(`文件大小为 ${bytesText(body.length)}，超过 ${bytesText(lim.xlsxBytes)} 的上限`);
  let read: { headers: string[]; rows: PlainSheetRow[] };
  try {
    read = await inSheetThread({ op: 'read', body: new Uint8Array(body), required, kind, lim });
  } catch (e) {
    if (e instanceof AppError) throw e;
    // The thread ran out of its own memory or died: the file is refused, the server goes on.
    throw fileError(`文件解析时超出了资源上限（${(e as Error).message}），未导入。请删除多余的行、列和格式后重试，或分批导入`);
  }
  return {
    headers: read.headers,
    rows: read.rows.map((r) => {
      const byHeader = new Map(r.cells);
      const numbers = new Set(r.numbers);
      return { row: r.row, get: (h: string) => byHeader.get(h) ?? '', isNumber: (h: string) => numbers.has(h) };
    }),
  };
}

/** readSheet's work, in the sheet thread: the checks on the zip, then the rows as plain data. */
export async function parseSheet(
  body: Buffer,
  required: string[],
  kind: FileKind,
  lim: Limits,
): Promise<{ headers: string[]; rows: PlainSheetRow[] }> {
  const parts = await unpack(body, lim);
  const order = [WORKBOOK_RELS, WORKBOOK, SHARED_STRINGS, STYLES, 'xl/worksheets/sheet1.xml'];
  if (!parts.has(SHARED_STRINGS)) parts.set(SHARED_STRINGS, Buffer.from(EMPTY_SST));
  const zip = storedZip(order.filter((n) => parts.has(n)).map((n) => [n, parts.get(n)!]));
  parts.clear();

  // Fed in small chunks, one per turn of the event loop: the streaming reader parses all it has been
  // given in one synchronous stretch, so a part given whole would hold every other request back.
  async function* feed() {
    for (let at = 0; at < zip.length; at += FEED_CHUNK) {
      yield zip.subarray(at, at + FEED_CHUNK);
      await nextTurn();
    }
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(feed()), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let headers: string[] | null = null;
  const columnOf = new Map<string, number>();
  const headerOf = (col: number) => headers?.[col - 1] || `${columnLetters(col)}`;
  const rows: PlainSheetRow[] = [];
  let cells = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        const texts: string[] = [];
        let any = false;
        // forEach skips the holes of a sparse row (a lone cell in column XFD is one cell, not 16,384).
        values.forEach((v, c) => {
          cells++;
          if (v == null) return;
          const t = cellText(v);
          if (t === '') return;
          if (c > lim.sheetColumns) {
            throw fileError(`第 ${row.number} 行第 ${c} 列（${columnLetters(c)} 列）超出了每行 ${lim.sheetColumns} 列的上限，未导入`);
          }
          if (t.length > lim.cellChars) {
            refuseRows(
              [{ row: row.number, column: headerOf(c), message: `内容有 ${t.length} 个字符，超过每格 ${lim.cellChars} 个字符的上限` }],
              '文件',
            );
          }
          texts[c] = t;
          any = true;
        });
        if (cells >= YIELD_EVERY_CELLS) {
          cells = 0;
          await nextTurn();
        }
        if (headers === null) {
          if (row.number !== 1) headers = [];
          else {
            headers = Array.from({ length: Math.max(0, texts.length - 1) }, (_, i) => texts[i + 1] ?? '');
            headers.forEach((h, i) => {
              if (h && !columnOf.has(h)) columnOf.set(h, i + 1);
            });
            const missing = required.filter((h) => !columnOf.has(h));
            if (missing.length > 0) throw fileError(missingColumnsMessage(kind, missing));
            continue;
          }
        }
        if (!any) continue;
        if (row.number - 1 > lim.sheetRows) {
          throw fileError(`文件超过 ${lim.sheetRows} 行数据的上限（第 ${row.number} 行起超出），未导入。请分批导入`);
        }
        const byHeader = new Map<string, string>();
        const numbers = new Set<string>();
        for (const [h, c] of columnOf) {
          byHeader.set(h, texts[c] ?? '');
          if (typeof values[c] === 'number') numbers.add(h);
        }
        if ([...byHeader.values()].every((t) => t === '')) continue;
        rows.push({ row: row.number, cells: [...byHeader], numbers: [...numbers] });
      }
      break; // the first sheet only
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fileError(NOT_XLSX);
  }
  if (headers === null || headers.length === 0) {
    if (required.length > 0) throw fileError(missingColumnsMessage(kind, required));
    headers = [];
  }
  return { headers: headers.filter(Boolean), rows };
}

// ---------------------------------------------------------------------------------------------
// 3. CSV files (a bank's return file): UTF-8 (with or without BOM) or GB18030, read in the sheet
//    thread like a workbook, within the same byte, row, column and cell limits.
// ---------------------------------------------------------------------------------------------
export const CSV_MIME = 'text/csv';

/** Reads a CSV file's rows like readSheet (header on line 1; empty rows skipped). Call it OUTSIDE any transaction. */
export async function readCsv(body: unknown, required: string[], kind: FileKind): Promise<ReadSheet> {
  if (!Buffer.isBuffer(body) || body.length === 0) throw fileError('请上传 CSV 文件（Content-Type: text/csv）');
  const lim = limits();
  if (body.length > lim.xlsxBytes) throw fileError(`文件大小为 ${bytesText(body.length)}，超过 ${bytesText(lim.xlsxBytes)} 的上限`);
  let read: { headers: string[]; rows: PlainSheetRow[] };
  try {
    read = await inSheetThread({ op: 'csv', body: new Uint8Array(body), required, kind, lim });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fileError(`文件解析时超出了资源上限（${(e as Error).message}），未导入`);
  }
  return {
    headers: read.headers,
    rows: read.rows.map((r) => {
      const byHeader = new Map(r.cells);
      return { row: r.row, get: (h: string) => byHeader.get(h) ?? '', isNumber: () => false };
    }),
  };
}

/** readCsv's work, in the sheet thread. */
export async function parseCsv(
  body: Buffer,
  required: string[],
  kind: FileKind,
  lim: Limits,
): Promise<{ headers: string[]; rows: PlainSheetRow[] }> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      throw fileError('CSV 文件的编码无法识别（应为 UTF-8 或 GB18030）');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const { parseString } = await import('@fast-csv/parse');
  const records: string[][] = [];
  await new Promise<void>((resolve, reject) => {
    parseString(text, { headers: false, ignoreEmpty: true, trim: true, maxRows: lim.sheetRows + 2 })
      .on('error', () => reject(fileError('CSV 文件格式不正确（引号不配对或分隔符有误），未导入')))
      .on('data', (r: string[]) => records.push(r))
      .on('end', () => resolve());
  });
  if (records.length > lim.sheetRows + 1) throw fileError(`文件超过 ${lim.sheetRows} 行数据的上限，未导入。请分批导入`);
  const headers = (records[0] ?? []).map((h) => h.trim());
  const missing = required.filter((h) => !headers.includes(h));
  if (missing.length > 0) throw fileError(missingColumnsMessage(kind, missing));
  const rows: PlainSheetRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const r = records[i]!;
    if (r.length > lim.sheetColumns) throw fileError(`第 ${i + 1} 行超出了每行 ${lim.sheetColumns} 列的上限，未导入`);
    const cells: [string, string][] = [];
    headers.forEach((h, c) => {
      const t = (r[c] ?? '').trim();
      if (t.length > lim.cellChars)
        refuseRows([{ row: i + 1, column: h, message: `内容有 ${t.length} 个字符，超过每格 ${lim.cellChars} 个字符的上限` }], '文件');
      if (h && !cells.some(([k]) => k === h)) cells.push([h, t]);
    });
    if (cells.every(([, t]) => t === '')) continue;
    rows.push({ row: i + 1, cells, numbers: [] });
  }
  return { headers: headers.filter(Boolean), rows };
}

/** Writes a CSV file as Chinese banks and Excel read it: UTF-8 with a BOM, CRLF, fields quoted where needed. */
export function csvText(headers: string[], rows: (string | number | null)[][]): Buffer {
  const field = (v: string | number | null) => {
    const s = v == null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [headers, ...rows].map((r) => r.map(field).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
