// A provider uploads a lesson's file (§5.4): a video (MP4 or WebM) or a document (PDF), within the
// size limits of services/limits.ts. The type is read from the file's own first bytes, not from its
// name; the SHA-256 is computed before the transaction (heavy work outside it); the bytes are kept
// in 1 MiB chunks so a range request reads only what it sends. Replacing the file of a lesson not
// yet published is allowed; a published lesson's file is fixed.
import { createHash } from 'node:crypto';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { now } from '../clock.ts';
import { bytesText, limits } from '../limits.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import { inTransaction } from '../../store/transaction.ts';
import { draftLessonForChange, lessonInScope, lessonViews, type OnlineLessonView } from './online-lesson.ts';

export const CHUNK_BYTES = 1024 * 1024;
export const LESSON_TYPES = { 'video/mp4': 'video', 'video/webm': 'video', 'application/pdf': 'document' } as const;
export type LessonContentType = keyof typeof LESSON_TYPES;

/** The type the bytes say they are (ISO-BMFF `ftyp`, EBML, `%PDF-`), or null. */
export function sniffLessonType(b: Uint8Array): LessonContentType | null {
  const ascii = (from: number, to: number) => Buffer.from(b.subarray(from, to)).toString('latin1');
  if (b.length >= 12 && ascii(4, 8) === 'ftyp') return 'video/mp4';
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'video/webm';
  if (b.length >= 5 && ascii(0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

export async function uploadLessonContent(
  db: Db,
  actor: Actor | null,
  lessonId: number,
  body: unknown,
  fileName: string | null,
): Promise<OnlineLessonView> {
  const a = requireRole(actor, 'provider');
  // The lesson first (outside the actor's scope it is "not found", whatever the body), then the file.
  await inTransaction(db, (tx) => draftLessonForChange(tx, a, lessonId));
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError('invalid_input', 'file: 请上传课程文件（视频 MP4/WebM 或 PDF 文档）', 'file');
  const type = sniffLessonType(body);
  if (!type) throw new AppError('invalid_input', 'file: 文件不是 MP4、WebM 视频或 PDF 文档（按文件内容判断，与扩展名无关）', 'file');
  const kind = LESSON_TYPES[type];
  const max = kind === 'video' ? limits().lessonVideoBytes : limits().lessonDocumentBytes;
  if (body.length > max)
    throw new AppError('invalid_input', `file: ${kind === 'video' ? '视频' : '文档'}不能超过 ${bytesText(max)}`, 'file');
  const sha256 = createHash('sha256').update(body).digest('hex');
  const name =
    (fileName ?? '')
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u001f\\/]/g, '')
      .trim()
      .slice(0, 200) || `课程文件.${type.split('/')[1]}`;
  return inTransaction(db, async (tx) => {
    const lesson = await draftLessonForChange(tx, a, lessonId);
    if (lesson.kind !== kind)
      throw new AppError(
        'invalid_input',
        `file: 这节课是${lesson.kind === 'video' ? '视频课，请上传 MP4 或 WebM 视频' : '文档课，请上传 PDF 文档'}`,
        'file',
      );
    await tx.deleteFrom('online_lesson_chunks').where('lesson_id', '=', lessonId).execute();
    const chunks = Math.ceil(body.length / CHUNK_BYTES);
    for (let n = 0; n < chunks; n += 4) {
      const rows = [];
      for (let k = n; k < Math.min(n + 4, chunks); k++)
        rows.push({ lesson_id: lessonId, n: k, data: new Uint8Array(body.subarray(k * CHUNK_BYTES, (k + 1) * CHUNK_BYTES)) });
      await tx.insertInto('online_lesson_chunks').values(rows).execute();
    }
    const who = actorLabel(a);
    const at = now();
    await tx
      .updateTable('online_lessons')
      .set({ content_type: type, file_name: name, size_bytes: body.length, sha256, uploaded_by: who, uploaded_at: at })
      .where('id', '=', lessonId)
      .execute();
    await appendAudit(tx, {
      actor: who,
      action: 'online.lesson.upload',
      entity: 'class',
      entityId: lesson.class_id,
      data: { lessonId, fileName: name, contentType: type, sizeBytes: body.length, sha256, replaced: lesson.sha256 },
    });
    return (await lessonViews(tx, a, [await lessonInScope(tx, a, lessonId)]))[0]!;
  });
}
