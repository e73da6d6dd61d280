// What one request may make the server read or build: uploaded Excel files, the rows and cells read
// from them, the size of a class, and the attendance sheet a download produces. Each limit is an
// environment setting with a default, read here and nowhere else, so that a central configuration can
// take this table over; docs/imports.md lists them. A value that is not a positive whole number is a
// configuration mistake and stops the server at start (limits()), rather than silently lifting a limit.

export interface Limits {
  /** Bytes of an uploaded .xlsx file (the request body). */
  xlsxBytes: number;
  /** Bytes the parts read from a .xlsx may inflate to, in total (declared and actually inflated). */
  xlsxInflatedBytes: number;
  /** Entries in the .xlsx (zip) archive. */
  xlsxEntries: number;
  /** Data rows read from a sheet (the header row not counted). */
  sheetRows: number;
  /** Columns of a sheet row. */
  sheetColumns: number;
  /** Characters in one cell. */
  cellChars: number;
  /** Trainees on one class's roster. */
  classTrainees: number;
  /** Sessions in one class's schedule. */
  classSessions: number;
  /** Cells (trainees × sessions) of one class's attendance sheet download. */
  attendanceSheetCells: number;
  /** Bytes of one supporting document (附件, docs/attachments.md). */
  attachmentBytes: number;
  /** Supporting documents kept on one record, replaced ones included. */
  recordAttachments: number;
  /** Bytes of an online lesson's video file (docs/online-learning.md). */
  lessonVideoBytes: number;
  /** Bytes of an online lesson's document (PDF). */
  lessonDocumentBytes: number;
  /** Online lessons of one class. */
  classLessons: number;
}

export const LIMIT_SETTINGS: Record<keyof Limits, { env: string; default: number }> = {
  xlsxBytes: { env: 'UPSKILL_XLSX_MAX_BYTES', default: 5 * 1024 * 1024 },
  xlsxInflatedBytes: { env: 'UPSKILL_XLSX_MAX_INFLATED_BYTES', default: 32 * 1024 * 1024 },
  xlsxEntries: { env: 'UPSKILL_XLSX_MAX_ENTRIES', default: 500 },
  sheetRows: { env: 'UPSKILL_SHEET_MAX_ROWS', default: 5000 },
  sheetColumns: { env: 'UPSKILL_SHEET_MAX_COLUMNS', default: 500 },
  cellChars: { env: 'UPSKILL_SHEET_MAX_CELL_CHARS', default: 1000 },
  classTrainees: { env: 'UPSKILL_CLASS_MAX_TRAINEES', default: 500 },
  classSessions: { env: 'UPSKILL_CLASS_MAX_SESSIONS', default: 400 },
  attendanceSheetCells: { env: 'UPSKILL_ATTENDANCE_SHEET_MAX_CELLS', default: 100_000 },
  attachmentBytes: { env: 'UPSKILL_ATTACHMENT_MAX_BYTES', default: 10 * 1024 * 1024 },
  recordAttachments: { env: 'UPSKILL_RECORD_MAX_ATTACHMENTS', default: 60 },
  lessonVideoBytes: { env: 'UPSKILL_LESSON_VIDEO_MAX_BYTES', default: 100 * 1024 * 1024 },
  lessonDocumentBytes: { env: 'UPSKILL_LESSON_DOCUMENT_MAX_BYTES', default: 20 * 1024 * 1024 },
  classLessons: { env: 'UPSKILL_CLASS_MAX_LESSONS', default: 60 },
};

/** The limits in force: each from its environment setting, or its default. Read on every call (cheap), so a test may set one. */
export function limits(env: NodeJS.ProcessEnv = process.env): Limits {
  const out = {} as Limits;
  for (const [key, s] of Object.entries(LIMIT_SETTINGS) as [keyof Limits, { env: string; default: number }][]) {
    const raw = env[s.env];
    if (raw === undefined || raw.trim() === '') {
      out[key] = s.default;
      continue;
    }
    if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
      throw new Error(`${s.env} must be a positive whole number (got "${raw}")`);
    }
    out[key] = Number(raw);
  }
  return out;
}

/** A byte count as people say it: "5 MB", "512 KB". */
export function bytesText(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} 字节`;
}
