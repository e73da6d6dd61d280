// 考勤导入 (过程监督, §5.3): the class's own template — one row per trainee on the roster, one column per
// session — filled with 出勤 / 缺勤 (√ / × also read) and uploaded. Every cell is checked first; a file
// with any problem is refused with all of them by row and column and nothing is recorded; a valid file
// records each session's marks through the same use case as the grid (record-attendance.ts).
// The file is read outside any transaction (sheet-file.ts), and the sheet downloaded is built outside
// one too, from data read in a short one; it exists only for a class the office has approved (a
// draft's roster and schedule are the provider's alone, unreviewed) and within the cell limit (limits.ts).
import { requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { Tx } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import { inTransaction } from '../../store/transaction.ts';
import { limits } from '../limits.ts';
import { classForChange } from './class-scope.ts';
import { assertClassStatus } from './class-status.ts';
import { recordAttendance } from './record-attendance.ts';
import { readSheet, refuseRows, writeSheet, type ReadSheet, type RowProblem } from './sheet-file.ts';

const ID = '身份证号';
const NAME = '姓名';
const MARKS: Record<string, boolean> = { 出勤: true, '√': true, '✓': true, 缺勤: false, '×': false, '✗': false, x: false, X: false };

export const sessionHeader = (s: { day: string; starts_at: string; ends_at: string }) =>
  `${s.day} ${s.starts_at.slice(0, 5)}-${s.ends_at.slice(0, 5)}`;

async function rosterAndSessions(tx: Tx, classId: string) {
  const roster = await tx
    .selectFrom('class_trainees')
    .innerJoin('people', 'people.resident_id', 'class_trainees.resident_id')
    .select(['class_trainees.resident_id', 'people.name'])
    .where('class_trainees.class_id', '=', classId)
    .orderBy('people.name')
    .orderBy('class_trainees.resident_id')
    .execute();
  const sessions = await tx
    .selectFrom('class_sessions')
    .select(['id', 'day', 'starts_at', 'ends_at'])
    .where('class_id', '=', classId)
    .orderBy('day')
    .orderBy('starts_at')
    .execute();
  return { roster, sessions };
}

/** Statuses with an attendance sheet: from the office's approval on (not a draft, submitted or returned application). */
export const SHEET_STATUSES = ['approved', 'running', 'assessed', 'closed'] as const;

/** The class's attendance sheet: its roster × its sessions, with the marks already recorded filled in. */
export async function attendanceTemplate(db: Db, actor: Actor | null, classId: string): Promise<Buffer> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const { roster, sessions, mark } = await inTransaction(db, async (tx) => {
    const cls = await classForChange(tx, a, classId);
    assertClassStatus(cls.status, SHEET_STATUSES, '下载考勤表（开班审查通过后提供）');
    const { roster, sessions } = await rosterAndSessions(tx, classId);
    const max = limits().attendanceSheetCells;
    if (roster.length * sessions.length > max) {
      throw new AppError(
        'conflict',
        `本班有 ${roster.length} 名学员、${sessions.length} 个课次，考勤表共 ${roster.length * sessions.length} 格，超过 ${max} 格的上限；请在页面中按课次登记考勤`,
      );
    }
    const marks = sessions.length
      ? await tx
          .selectFrom('attendance')
          .select(['session_id', 'resident_id', 'present'])
          .where(
            'session_id',
            'in',
            sessions.map((s) => s.id),
          )
          .execute()
      : [];
    return { roster, sessions, mark: new Map(marks.map((m) => [`${m.session_id}|${m.resident_id}`, m.present ? '出勤' : '缺勤'])) };
  });
  return writeSheet(
    '考勤',
    [
      { header: ID, width: 24, text: true },
      { header: NAME, width: 12, text: true },
      ...sessions.map((s) => ({ header: sessionHeader(s), width: 24, text: true, note: '填写“出勤”或“缺勤”；留空表示本次不登记' })),
    ],
    roster.map((r) => [r.resident_id, r.name, ...sessions.map((s) => mark.get(`${s.id}|${r.resident_id}`) ?? '')]),
  );
}

/**
 * A short transaction checks that the caller may record the class's attendance and reads its roster
 * and sessions (fixed while it runs); the file is read and checked OUTSIDE any transaction; the marks
 * are then recorded in one.
 */
export async function importAttendance(
  db: Db,
  actor: Actor | null,
  classId: string,
  file: unknown,
): Promise<{ sessions: number; marks: number }> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const { roster, sessions } = await inTransaction(db, async (tx) => {
    assertClassStatus((await classForChange(tx, a, classId)).status, ['running'], '登记考勤');
    return rosterAndSessions(tx, classId);
  });
  const sheet = await readSheet(file, [ID]);
  const marks = checkSheet(sheet, roster, sessions);
  return inTransaction(db, async (tx) => {
    let count = 0;
    for (const [sessionId, list] of marks) {
      await recordAttendance(tx, a, classId, { sessionId: Number(sessionId), marks: list });
      count += list.length;
    }
    return { sessions: marks.size, marks: count };
  });
}

type Marks = Map<number, { residentId: string; present: boolean; method: string }[]>;

/** Every cell checked against the class's roster and sessions; refuses the file with every problem, or gives the marks by session. */
function checkSheet(
  sheet: ReadSheet,
  roster: { resident_id: string }[],
  sessions: { id: number; day: string; starts_at: string; ends_at: string }[],
): Marks {
  const byHeader = new Map(sessions.map((s) => [sessionHeader(s), s]));
  const onRoster = new Set(roster.map((r) => r.resident_id));
  const columns = sheet.headers.filter((h) => h !== ID && h !== NAME);
  const unknown = columns.filter((h) => !byHeader.has(h));
  if (unknown.length > 0) {
    throw new AppError(
      'invalid_input',
      `file: 第 1 行的列 ${unknown.map((h) => `"${h}"`).join('、')} 不是本班的课次（应为“日期 上课时间-下课时间”，请下载本班的考勤表）`,
      'file',
    );
  }
  const problems: RowProblem[] = [];
  const marks: Marks = new Map();
  const seen = new Map<string, number>();
  for (const r of sheet.rows) {
    const id = r.get(ID).toUpperCase();
    if (id === '') {
      problems.push({ row: r.row, column: ID, message: '不能为空' });
      continue;
    }
    if (!onRoster.has(id)) {
      problems.push({ row: r.row, column: ID, message: '该人员不在本班花名册中' });
      continue;
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push({ row: r.row, column: ID, message: `与第 ${earlier} 行是同一人` });
      continue;
    }
    seen.set(id, r.row);
    for (const h of columns) {
      const text = r.get(h);
      if (text === '') continue;
      const present = MARKS[text];
      if (present === undefined) {
        problems.push({ row: r.row, column: h, message: `应填写“出勤”或“缺勤”（或留空），不能是“${text}”` });
        continue;
      }
      const s = byHeader.get(h)!;
      marks.set(s.id, [...(marks.get(s.id) ?? []), { residentId: id, present, method: 'excel' }]);
    }
  }
  if (problems.length === 0 && marks.size === 0) problems.push({ row: 2, column: ID, message: '表中没有任何考勤记录' });
  if (problems.length > 0) refuseRows(problems, '考勤表');
  return marks;
}
