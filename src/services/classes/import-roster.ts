// 花名册导入 (SPEC §5.2 实名制, §5.3): the provider fills the downloaded template and uploads it; the
// server reads the .xlsx, checks every row — each resident ID with the same pure check the form runs
// (src/policy/class-application.ts), the person registered under that name, the employer registered,
// no one twice — and either refuses the file with every problem by row and column, writing nothing,
// or replaces the roster of the draft (or returned) application as a whole, audited. The file is read
// outside any transaction (sheet-file.ts: limits before inflating); then one short transaction checks
// and writes. A roster is at most the configured number of trainees (limits.ts).
import { traineeProblems } from '../../policy/class-application.ts';
import { residentIdCheckChar } from '../../policy/identifiers.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import { inTransaction } from '../../store/transaction.ts';
import { AppError } from '../app-error.ts';
import { limits } from '../limits.ts';
import { realNameProblems } from '../people/real-name-check.ts';
import { classForChange } from './class-scope.ts';
import { assertClassStatus, EDITABLE } from './class-status.ts';
import { getClass, type ClassView } from './get-class.ts';
import { readSheet, refuseRows, writeSheet, type ReadSheet, type RowProblem, type SheetColumn } from './sheet-file.ts';

export const ROSTER_COLUMNS = {
  residentId: '身份证号',
  name: '姓名',
  employerUscc: '工作单位统一社会信用代码',
  newHire: '是否新入职',
  contractMonths: '劳动合同期限（月）',
} as const;

const TEMPLATE_COLUMNS: SheetColumn[] = [
  { header: ROSTER_COLUMNS.residentId, width: 24, text: true, note: '18 位居民身份证号码，以文本填写' },
  { header: ROSTER_COLUMNS.name, width: 14, text: true, note: '与人员登记的姓名一致（实名制）' },
  { header: ROSTER_COLUMNS.employerUscc, width: 30, text: true, note: '企业职工培训填写所在企业；其他可留空' },
  { header: ROSTER_COLUMNS.newHire, width: 14, text: true, note: '填写“是”或“否”，岗前培训必填；其他可留空' },
  { header: ROSTER_COLUMNS.contractMonths, width: 20, note: '整数，以工代训和岗前培训填写；其他可留空' },
];

/** The example line: a fictional person with a well-formed ID (delete it before uploading). */
function exampleRow(): (string | number | null)[] {
  const first17 = '51040219900101123';
  return [first17 + residentIdCheckChar(first17), '张三（示例，请删除本行）', '', '否', 12];
}

export async function rosterTemplate(): Promise<Buffer> {
  return writeSheet('花名册', TEMPLATE_COLUMNS, [exampleRow()]);
}

export interface ImportedTrainee {
  residentId: string;
  employerUscc: string | null;
  newHire: boolean | null;
  contractMonths: number | null;
}

const YES_NO: Record<string, boolean> = { 是: true, 否: false };

/**
 * After a quick check that the caller may change the class, reads and checks the file OUTSIDE any
 * transaction (the registry look-ups are single reads); then one short transaction re-checks the
 * class's status and replaces the roster, audited.
 */
export async function importRoster(db: Db, actor: Actor | null, classId: string, file: unknown): Promise<ClassView> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  await inTransaction(db, async (tx) => assertClassStatus((await classForChange(tx, a, classId)).status, EDITABLE, '导入花名册'));
  const sheet = await readSheet(file, [ROSTER_COLUMNS.residentId, ROSTER_COLUMNS.name], { name: '花名册', layout: 'template' });
  const max = limits().classTrainees;
  if (sheet.rows.length > max) {
    throw new AppError('invalid_input', `file: 花名册有 ${sheet.rows.length} 名学员，超过每班 ${max} 名的上限，未导入`, 'file');
  }
  const trainees = await checkRoster(db, a, sheet);
  await inTransaction(db, async (tx) => {
    const cls = await classForChange(tx, a, classId);
    assertClassStatus(cls.status, EDITABLE, '导入花名册');
    await tx.deleteFrom('class_trainees').where('class_id', '=', classId).execute();
    await tx
      .insertInto('class_trainees')
      .values(
        trainees.map((t) => ({
          class_id: classId,
          resident_id: t.residentId,
          employer_uscc: t.employerUscc,
          new_hire: t.newHire,
          contract_months: t.contractMonths,
        })),
      )
      .execute();
    await tx
      .updateTable('classes')
      .set({ updated_by: actorLabel(a), updated_at: new Date() })
      .where('id', '=', classId)
      .execute();
    await appendAudit(tx, {
      actor: actorLabel(a),
      action: 'class.roster_import',
      entity: 'class',
      entityId: classId,
      data: { status: cls.status, trainees: trainees.length },
    });
  });
  return inTransaction(db, (tx) => getClass(tx, a, classId));
}

/** Every row checked (the form's own per-trainee check, then the registries); refuses the file with every problem, or gives the roster. */
async function checkRoster(db: Db, a: Actor, sheet: ReadSheet): Promise<ImportedTrainee[]> {
  const C = ROSTER_COLUMNS;
  const problems: RowProblem[] = [];
  const trainees: (ImportedTrainee & { row: number; name: string })[] = [];
  const firstRowOf = new Map<string, number>();

  for (const r of sheet.rows) {
    const at = `trainees[${trainees.length}]`;
    const bad = (column: string, message: string, field?: string) =>
      problems.push({ row: r.row, column, message, ...(field ? { field: `${at}.${field}` } : {}) });
    const residentId = r.get(C.residentId).toUpperCase();
    const name = r.get(C.name);
    const employer = r.get(C.employerUscc).toUpperCase();
    const newHireText = r.get(C.newHire);
    const monthsText = r.get(C.contractMonths);
    let ok = true;
    if (residentId === '') {
      bad(C.residentId, '不能为空', 'residentId');
      ok = false;
    } else if (r.isNumber(C.residentId)) {
      bad(C.residentId, '应以文本格式填写（数字格式会改变末几位）', 'residentId');
      ok = false;
    }
    if (name === '') bad(C.name, '不能为空');
    let newHire: boolean | null = null;
    if (newHireText !== '') {
      if (newHireText in YES_NO) newHire = YES_NO[newHireText]!;
      else bad(C.newHire, '应填写“是”或“否”，或留空', 'newHire');
    }
    let contractMonths: number | null = null;
    if (monthsText !== '') {
      const n = Number(monthsText);
      if (/^\d+$/.test(monthsText) && n <= 600) contractMonths = n;
      else bad(C.contractMonths, '应为 0 到 600 之间的整数（月）', 'contractMonths');
    }
    const line: ImportedTrainee = { residentId, employerUscc: employer === '' ? null : employer, newHire, contractMonths };
    // The same per-trainee check the class application form runs in the browser.
    for (const p of traineeProblems(line)) {
      if (p.field === 'contractMonths' || (p.field === 'residentId' && !ok)) continue; // reported above with the column's own message
      bad(p.field === 'residentId' ? C.residentId : C.employerUscc, p.message, p.field);
    }
    if (ok) {
      const earlier = firstRowOf.get(residentId);
      if (earlier !== undefined) bad(C.residentId, `与第 ${earlier} 行是同一人，同一人员在花名册中只能出现一次（§5.2）`, 'residentId');
      else firstRowOf.set(residentId, r.row);
    }
    trainees.push({ ...line, row: r.row, name });
  }
  if (trainees.length === 0) problems.push({ row: 2, column: C.residentId, message: '花名册中没有学员（第 2 行起每行一名学员）' });

  // Real-name check against the registry (§5.2): every line's ID registered under the name written;
  // a party is told only that the line did not pass (real-name-check.ts), never which half failed.
  // (A line whose ID or name is already refused above is not looked up.)
  const checkable = trainees.filter(
    (t) => t.name !== '' && /^\d{17}[\dX]$/.test(t.residentId) && !problems.some((p) => p.row === t.row && p.column === C.residentId),
  );
  for (const p of await realNameProblems(db, a, checkable)) {
    const t = checkable[p.index]!;
    problems.push({
      row: t.row,
      column: p.field === 'name' ? C.name : C.residentId,
      message: p.message,
      ...(p.field === 'residentId' ? { field: `trainees[${trainees.indexOf(t)}].residentId` } : {}),
    });
  }
  const employers = [...new Set(trainees.map((t) => t.employerUscc).filter((u): u is string => u != null && u.length === 18))];
  const knownEmployers = new Set(
    employers.length ? (await db.selectFrom('enterprises').select('uscc').where('uscc', 'in', employers).execute()).map((e) => e.uscc) : [],
  );
  const flagged = new Set(problems.map((p) => `${p.row}|${p.column}`));
  trainees.forEach((t, i) => {
    const at = `trainees[${i}]`;
    if (t.employerUscc && !flagged.has(`${t.row}|${C.employerUscc}`) && !knownEmployers.has(t.employerUscc)) {
      problems.push({ row: t.row, column: C.employerUscc, message: '该企业尚未登记', field: `${at}.employerUscc` });
    }
  });
  if (problems.length > 0) {
    problems.sort((x, y) => x.row - y.row || sheet.headers.indexOf(x.column) - sheet.headers.indexOf(y.column));
    refuseRows(problems, '花名册');
  }
  return trainees.map(({ residentId, employerUscc, newHire, contractMonths }) => ({ residentId, employerUscc, newHire, contractMonths }));
}
