// 考勤导入 (过程监督, §5.3): the class's own template — one row per trainee on the roster, one column per
// session — filled with 出勤 / 缺勤 (√ / × also read) and uploaded. Every mark the sheet enters is a manual
// mark (docs/attendance.md): a row with 出勤 names its reason in the 补录原因 column (其他 with words in
// 其他原因说明), except where that presence is already on record with its reason; a trainee's own QR
// sign-in shows as 扫码签到 and is left as it is. Every cell is checked first; a file
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
import { MANUAL_REASONS, recordAttendance, type ManualReason } from './record-attendance.ts';
import { readSheet, refuseRows, writeSheet, type ReadSheet, type RowProblem } from './sheet-file.ts';

const ID = '身份证号';
const NAME = '姓名';
const REASON = '补录原因';
const NOTE = '其他原因说明';
/** How the sheet shows a trainee's own QR sign-in (read back: left as it is). */
const SCANNED = '扫码签到';
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
          .select(['session_id', 'resident_id', 'present', 'manual'])
          .where(
            'session_id',
            'in',
            sessions.map((s) => s.id),
          )
          .execute()
      : [];
    return {
      roster,
      sessions,
      mark: new Map(marks.map((m) => [`${m.session_id}|${m.resident_id}`, !m.manual ? SCANNED : m.present ? '出勤' : '缺勤'])),
    };
  });
  return writeSheet(
    '考勤',
    [
      { header: ID, width: 24, text: true },
      { header: NAME, width: 12, text: true },
      {
        header: REASON,
        width: 14,
        text: true,
        note: `本行新登记“出勤”的课次须填写：${MANUAL_REASONS.join('、')}（学员本人扫码签到的无需补录）`,
      },
      { header: NOTE, width: 20, text: true, note: '补录原因为“其他”时填写具体原因' },
      ...sessions.map((s) => ({ header: sessionHeader(s), width: 24, text: true, note: '填写“出勤”或“缺勤”；留空表示本次不登记' })),
    ],
    roster.map((r) => [r.resident_id, r.name, '', '', ...sessions.map((s) => mark.get(`${s.id}|${r.resident_id}`) ?? '')]),
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
  const { roster, sessions, recorded } = await inTransaction(db, async (tx) => {
    assertClassStatus((await classForChange(tx, a, classId)).status, ['running'], '登记考勤');
    const rs = await rosterAndSessions(tx, classId);
    const recorded = rs.sessions.length
      ? await tx
          .selectFrom('attendance')
          .select(['session_id', 'resident_id', 'present', 'manual', 'manual_reason'])
          .where(
            'session_id',
            'in',
            rs.sessions.map((s) => s.id),
          )
          .execute()
      : [];
    return { ...rs, recorded };
  });
  const sheet = await readSheet(file, [ID], { name: '考勤表', layout: 'template' });
  const marks = checkSheet(sheet, roster, sessions, recorded);
  return inTransaction(db, async (tx) => {
    let count = 0;
    for (const [sessionId, list] of marks) {
      await recordAttendance(tx, a, classId, { sessionId: Number(sessionId), marks: list });
      count += list.length;
    }
    return { sessions: marks.size, marks: count };
  });
}

type Marks = Map<
  number,
  { residentId: string; present: boolean; method: string; reason: ManualReason | null; reasonNote: string | null }[]
>;

/** Every cell checked against the class's roster and sessions; refuses the file with every problem, or gives the marks by session. */
function checkSheet(
  sheet: ReadSheet,
  roster: { resident_id: string }[],
  sessions: { id: number; day: string; starts_at: string; ends_at: string }[],
  recorded: { session_id: number; resident_id: string; present: boolean; manual: boolean; manual_reason: string | null }[],
): Marks {
  const before = new Map(recorded.map((m) => [`${m.session_id}|${m.resident_id}`, m]));
  const byHeader = new Map(sessions.map((s) => [sessionHeader(s), s]));
  const onRoster = new Set(roster.map((r) => r.resident_id));
  const columns = sheet.headers.filter((h) => h !== ID && h !== NAME && h !== REASON && h !== NOTE);
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
    const reasonText = sheet.headers.includes(REASON) ? r.get(REASON) : '';
    const note = sheet.headers.includes(NOTE) ? r.get(NOTE) : '';
    let reason: ManualReason | null = null;
    if (reasonText !== '') {
      if (!(MANUAL_REASONS as readonly string[]).includes(reasonText)) {
        problems.push({ row: r.row, column: REASON, message: `应为 ${MANUAL_REASONS.join('、')} 之一，不能是“${reasonText}”` });
        continue;
      }
      reason = reasonText as ManualReason;
      if (reason === '其他' && note === '') {
        problems.push({ row: r.row, column: NOTE, message: '补录原因为“其他”时须写明具体原因' });
        continue;
      }
    }
    let reasonMissing = false;
    for (const h of columns) {
      const text = r.get(h);
      if (text === '' || text === SCANNED) continue;
      const present = MARKS[text];
      if (present === undefined) {
        problems.push({ row: r.row, column: h, message: `应填写“出勤”或“缺勤”（或留空），不能是“${text}”` });
        continue;
      }
      const s = byHeader.get(h)!;
      const had = before.get(`${s.id}|${id}`);
      // A QR sign-in stands; a presence already on record with its reason needs no new one.
      if (had && !had.manual) continue;
      if (present && reason === null && !(had?.present && had.manual_reason)) reasonMissing = true;
      marks.set(s.id, [
        ...(marks.get(s.id) ?? []),
        {
          residentId: id,
          present,
          method: 'excel',
          reason: present ? reason : null,
          reasonNote: present && reason === '其他' ? note : null,
        },
      ]);
    }
    if (reasonMissing)
      problems.push({
        row: r.row,
        column: REASON,
        message: `本行登记了“出勤”，须填写补录原因（${MANUAL_REASONS.join('、')}）；学员本人扫码签到的无需补录`,
      });
  }
  if (problems.length === 0 && marks.size === 0) problems.push({ row: 2, column: ID, message: '表中没有任何考勤记录' });
  if (problems.length > 0) refuseRows(problems, '考勤表');
  return marks;
}
