// A lesson's file as the class's trainees, its provider and the offices read it (§5.4), with HTTP
// range support so a video plays and seeks: access is checked in a short transaction, then the
// chunks the range covers are read one at a time as the response is sent (never the whole file in
// memory). Should the file change while it is being sent (a draft lesson re-uploaded), the stream
// stops rather than mix two files.
import { Readable } from 'node:stream';
import type { Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { Db } from '../../store/database.ts';
import { inTransaction } from '../../store/transaction.ts';
import { lessonInScope } from './online-lesson.ts';
import { CHUNK_BYTES } from './upload-lesson-content.ts';

export interface LessonContent {
  status: 200 | 206;
  contentType: string;
  fileName: string;
  sha256: string;
  size: number;
  start: number;
  end: number;
  body: Readable;
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` (one range); null when absent; 'unsatisfiable' when outside the file. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const n = Math.min(Number(m[2]), size);
    return n === 0 ? 'unsatisfiable' : { start: size - n, end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export async function readLessonContent(db: Db, actor: Actor | null, lessonId: number, range: string | undefined): Promise<LessonContent> {
  if (!actor) throw new AppError('unauthenticated', '请先登录');
  const lesson = await inTransaction(db, (tx) => lessonInScope(tx, actor, lessonId));
  if (!lesson.sha256 || lesson.size_bytes == null) throw new AppError('not_found', '这节课还没有上传课程文件');
  const size = Number(lesson.size_bytes);
  const r = parseRange(range, size);
  if (r === 'unsatisfiable') throw new AppError('invalid_input', `range: 请求的范围超出文件大小（${size} 字节）`, 'range');
  const { start, end } = r ?? { start: 0, end: size - 1 };
  const sha = lesson.sha256;
  async function* chunks() {
    for (let n = Math.floor(start / CHUNK_BYTES); n <= Math.floor(end / CHUNK_BYTES); n++) {
      const row = await db
        .selectFrom('online_lesson_chunks')
        .innerJoin('online_lessons', 'online_lessons.id', 'online_lesson_chunks.lesson_id')
        .select('online_lesson_chunks.data')
        .where('online_lesson_chunks.lesson_id', '=', lessonId)
        .where('online_lesson_chunks.n', '=', n)
        .where('online_lessons.sha256', '=', sha)
        .executeTakeFirst();
      if (!row) throw new Error('课程文件已更换，请重新打开');
      const data = Buffer.from(row.data);
      const from = Math.max(0, start - n * CHUNK_BYTES);
      const to = Math.min(data.length, end - n * CHUNK_BYTES + 1);
      yield data.subarray(from, to);
    }
  }
  return {
    status: r ? 206 : 200,
    contentType: lesson.content_type ?? 'application/octet-stream',
    fileName: lesson.file_name ?? 'lesson',
    sha256: sha,
    size,
    start,
    end,
    body: Readable.from(chunks()),
  };
}
