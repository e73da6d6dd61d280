// 企业主要岗位职工数 in bulk (§1), for the city: a template listing every enterprise with the year's
// figure on record, filled in and uploaded. The file is read with the roster import's helpers
// (classes/sheet-file.ts) and checked as a whole — each USCC valid (GB 32100) and registered, the name
// (when given) the registered one, the year one of the plan's, the figure a whole number, no
// enterprise and year twice — and refused with every problem by row and column, writing nothing; or
// each figure is written as one typed in the form would be (audited with the value it replaces).
// A row whose figure is left empty is skipped and counted: empty is not zero. The file is read outside
// any transaction (limits before inflating); the checks and writes then run in one.
import { INDUSTRY_NAMES, type Industry } from '../../policy/codes.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { usccMessage } from '../identifiers.ts';
import { readSheet, refuseRows, writeSheet, type ReadSheet, type RowProblem, type SheetColumn } from '../classes/sheet-file.ts';
import { inTransaction } from '../../store/transaction.ts';
import { assertPlanYear, headcountProblem, headcountYears, yearsText } from './headcount-rules.ts';
import { writeHeadcount } from './record-headcount.ts';

export const HEADCOUNT_COLUMNS = {
  uscc: '统一社会信用代码',
  name: '企业名称',
  industry: '所属产业',
  year: '年度',
  mainPostEmployees: '主要岗位职工人数',
} as const;

const C = HEADCOUNT_COLUMNS;
const TEMPLATE_COLUMNS: SheetColumn[] = [
  { header: C.uscc, width: 26, text: true, note: '18 位统一社会信用代码，以文本填写' },
  { header: C.name, width: 30, text: true, note: '与企业登记的名称一致；可留空' },
  { header: C.industry, width: 14, text: true, note: '仅供参考，导入时不读取' },
  { header: C.year, width: 10, note: '方案有效期内的年度' },
  { header: C.mainPostEmployees, width: 20, note: '整数（人），可为 0；留空的行不导入（不按 0 计）' },
];

/** The template for a year: every enterprise, with the figure on record (empty where there is none). */
export async function headcountTemplate(db: Db | Tx, actor: Actor | null, year: number): Promise<Buffer> {
  requireRole(actor, 'city');
  assertPlanYear(year, await headcountYears(db), 'query.year');
  const rows = await db
    .selectFrom('enterprises')
    .leftJoin('enterprise_headcounts as h', (j) => j.onRef('h.uscc', '=', 'enterprises.uscc').on('h.year', '=', year))
    .select(['enterprises.uscc', 'enterprises.name', 'enterprises.industry', 'h.main_post_employees'])
    .orderBy('enterprises.area_code')
    .orderBy('enterprises.name')
    .orderBy('enterprises.uscc')
    .execute();
  return writeSheet(
    `${year}年主要岗位职工数`,
    TEMPLATE_COLUMNS,
    rows.map((r) => [r.uscc, r.name, INDUSTRY_NAMES[r.industry as Industry] ?? r.industry, year, r.main_post_employees ?? null]),
  );
}

export interface HeadcountImportResult {
  /** Rows read (non-empty); of them, figures created, corrected, already so, and rows left without a figure. */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

const WHOLE = /^\d+$/;

export async function importHeadcounts(db: Db, actor: Actor | null, file: unknown): Promise<HeadcountImportResult> {
  const a = requireRole(actor, 'city');
  const sheet = await readSheet(file, [C.uscc, C.year, C.mainPostEmployees], { name: '主要岗位职工人数表', layout: 'template' });
  const lines = await checkHeadcounts(db, sheet);
  return inTransaction(db, async (tx) => {
    const by = actorLabel(a);
    const result: HeadcountImportResult = { rows: lines.length, created: 0, updated: 0, unchanged: 0, skipped: 0 };
    for (const l of lines) {
      if (l.n === null) {
        result.skipped++;
        continue;
      }
      result[await writeHeadcount(tx, by, l.uscc, l.year, l.n, 'import')]++;
    }
    await appendAudit(tx, {
      actor: by,
      action: 'headcount.import',
      entity: 'enterprise_headcount',
      entityId: 'import',
      data: { ...result },
    });
    return result;
  });
}

/** Every row checked (outside any transaction: the look-ups are single reads); refuses the file with every problem, or gives its lines. */
async function checkHeadcounts(db: Db, sheet: ReadSheet): Promise<{ uscc: string; year: number; n: number | null }[]> {
  const years = await headcountYears(db);
  const problems: RowProblem[] = [];
  const lines: { row: number; uscc: string; name: string; year: number; n: number | null }[] = [];
  const firstRowOf = new Map<string, number>();

  for (const r of sheet.rows) {
    const bad = (column: string, message: string) => problems.push({ row: r.row, column, message });
    const uscc = r.get(C.uscc).toUpperCase();
    const yearText = r.get(C.year);
    const nText = r.get(C.mainPostEmployees);
    let usccOk = false;
    if (uscc === '') bad(C.uscc, '不能为空');
    else {
      const m = usccMessage(uscc);
      if (m) bad(C.uscc, m);
      else usccOk = true;
    }
    let year = NaN;
    if (yearText === '') bad(C.year, '不能为空');
    else if (!WHOLE.test(yearText) || !years.includes(Number(yearText))) bad(C.year, `应为方案有效期内的年度（${yearsText(years)}）`);
    else year = Number(yearText);
    let n: number | null = null;
    if (nText !== '') {
      const problem = WHOLE.test(nText) ? headcountProblem(Number(nText)) : /^-\d+$/.test(nText) ? '不能为负数' : '应为整数（人）';
      if (problem) bad(C.mainPostEmployees, problem);
      else n = Number(nText);
    }
    if (usccOk && !Number.isNaN(year)) {
      const key = `${uscc}|${year}`;
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined) bad(C.uscc, `与第 ${earlier} 行是同一企业同一年度，每个企业每年只能填写一行`);
      else firstRowOf.set(key, r.row);
    }
    lines.push({ row: r.row, uscc: usccOk ? uscc : '', name: r.get(C.name), year, n });
  }
  if (lines.length === 0) problems.push({ row: 2, column: C.uscc, message: '文件中没有数据（第 2 行起每行一个企业）' });
  else if (problems.length === 0 && lines.every((l) => l.n === null)) {
    problems.push({ row: lines[0]!.row, column: C.mainPostEmployees, message: '所有行都未填写主要岗位职工人数，没有可导入的数据' });
  }

  // Every enterprise registered, under the name written (when one is).
  const usccs = [...new Set(lines.map((l) => l.uscc).filter(Boolean))];
  const known = new Map(
    usccs.length
      ? (await db.selectFrom('enterprises').select(['uscc', 'name']).where('uscc', 'in', usccs).execute()).map((e) => [e.uscc, e.name])
      : [],
  );
  for (const l of lines) {
    if (!l.uscc) continue;
    const name = known.get(l.uscc);
    if (name === undefined) problems.push({ row: l.row, column: C.uscc, message: '该企业尚未登记' });
    else if (l.name !== '' && l.name !== name)
      problems.push({ row: l.row, column: C.name, message: `与该统一社会信用代码登记的企业名称（${name}）不一致` });
  }
  if (problems.length > 0) {
    problems.sort((x, y) => x.row - y.row || sheet.headers.indexOf(x.column) - sheet.headers.indexOf(y.column));
    refuseRows(problems, '主要岗位职工数文件');
  }
  return lines;
}
