// Hands out one supporting document to a reader of its record. Every download by office staff (the HR
// offices and the departments) is written to the record's audit trail in the transaction that reads
// the bytes: who opened which file of which record is answerable later. The checksum is compared on
// the way out, so a file altered in the store is refused, not served.
import { createHash } from 'node:crypto';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireActor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { RECORD_KINDS, type RecordKind } from './attachment-kinds.ts';
import { attachmentRecord } from './attachment-record.ts';

export interface AttachmentFile {
  fileName: string;
  contentType: string;
  sha256: string;
  content: Buffer;
}

const OFFICE_STAFF = new Set(['city', 'county', 'department']);
const missing = () => new AppError('not_found', '没有找到这个附件，或它不在您的办理范围内', 'id');

export async function downloadAttachment(tx: Tx, actor: Actor | null, id: string): Promise<AttachmentFile> {
  const a = requireActor(actor);
  const row = await tx
    .selectFrom('attachments')
    .select(['id', 'record_kind', 'record_id', 'kind', 'file_name', 'content_type', 'sha256', 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !RECORD_KINDS.includes(row.record_kind)) throw missing();
  let record;
  try {
    record = await attachmentRecord(tx, a, row.record_kind as RecordKind, row.record_id);
  } catch (e) {
    // The record's own "not found" would name the record; the file answers as a missing file.
    if (e instanceof AppError && e.code === 'not_found') throw missing();
    throw e;
  }
  const content = Buffer.from(row.content);
  const sha256 = createHash('sha256').update(content).digest('hex');
  if (sha256 !== row.sha256)
    throw new AppError('conflict', `附件“${row.file_name}”的校验值与上传时不符，文件可能已被改动，已停止下载；请联系系统管理员`);
  if (OFFICE_STAFF.has(a.role)) {
    await appendAudit(tx, {
      actor: actorLabel(a),
      action: 'attachment.download',
      entity: record.entity,
      entityId: record.id,
      data: { attachmentId: row.id, kind: row.kind, fileName: row.file_name, sha256 },
    });
  }
  return { fileName: row.file_name, contentType: row.content_type, sha256, content };
}
