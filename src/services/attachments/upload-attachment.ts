// Adds a supporting document to a record, or replaces one: the file was checked before the
// transaction (check-attachment-file.ts); here the record is locked, the actor's right to add checked,
// the row written and the upload audited in the record's trail. A replacement never deletes: the old
// row stays, marked with its successor (a unique index lets only one replacement of a file land).
import { appendAudit } from '../../store/audit-log.ts';
import { newUuid } from '../../store/ids.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireActor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { limits } from '../limits.ts';
import { ATTACHMENT_KIND_NAMES, KINDS_OF_RECORD, RECORD_KIND_NAMES, type AttachmentKind, type RecordKind } from './attachment-kinds.ts';
import { attachmentRecord } from './attachment-record.ts';
import { attachmentView, VIEW_COLUMNS, type AttachmentView } from './attachment-view.ts';
import type { CheckedFile } from './check-attachment-file.ts';

export interface UploadAttachmentInput {
  recordKind: RecordKind;
  recordId: string;
  kind: string;
  /** The document this one replaces (same record, same kind, not already replaced). */
  replaces?: string | null;
  file: CheckedFile;
}

export async function uploadAttachment(tx: Tx, actor: Actor | null, input: UploadAttachmentInput): Promise<AttachmentView> {
  const a = requireActor(actor);
  const record = await attachmentRecord(tx, a, input.recordKind, input.recordId, true);
  if (record.uploadRefusal) throw new AppError(a.role === 'department' ? 'forbidden' : 'invalid_transition', record.uploadRefusal);
  const kinds = KINDS_OF_RECORD[input.recordKind];
  if (!kinds.includes(input.kind as AttachmentKind)) {
    throw new AppError(
      'invalid_input',
      `${RECORD_KIND_NAMES[input.recordKind]}的附件类别只能是 ${kinds.map((k) => ATTACHMENT_KIND_NAMES[k]).join('、')}`,
      'query.kind',
    );
  }
  const kept = await tx
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('record_kind', '=', input.recordKind)
    .where('record_id', '=', input.recordId)
    .executeTakeFirstOrThrow();
  const max = limits().recordAttachments;
  if (Number(kept.n) >= max)
    throw new AppError('invalid_input', `该${RECORD_KIND_NAMES[input.recordKind]}已有 ${max} 个附件（含被替换的），达到上限`, 'file');
  if (input.replaces) {
    const old = await tx
      .selectFrom('attachments')
      .select(['id', 'kind', 'replaced_by'])
      .where('id', '=', input.replaces)
      .where('record_kind', '=', input.recordKind)
      .where('record_id', '=', input.recordId)
      .forUpdate()
      .executeTakeFirst();
    if (!old) throw new AppError('invalid_input', '要替换的附件不在该记录上', 'query.replaces');
    if (old.replaced_by) throw new AppError('conflict', '该附件已被替换，请刷新后替换最新的文件', 'query.replaces');
    if (old.kind !== input.kind) {
      throw new AppError(
        'invalid_input',
        `替换的文件应与原文件同为“${ATTACHMENT_KIND_NAMES[old.kind as AttachmentKind] ?? old.kind}”`,
        'query.kind',
      );
    }
  }
  const id = newUuid();
  const label = actorLabel(a);
  const row = await tx
    .insertInto('attachments')
    .values({
      id,
      record_kind: input.recordKind,
      record_id: input.recordId,
      kind: input.kind,
      file_name: input.file.fileName,
      content_type: input.file.contentType,
      size_bytes: input.file.sizeBytes,
      sha256: input.file.sha256,
      content: input.file.content,
      uploaded_by: label,
      uploaded_by_name: a.displayName,
      replaces: input.replaces ?? null,
    })
    .returning(VIEW_COLUMNS)
    .executeTakeFirstOrThrow();
  if (input.replaces) {
    await tx
      .updateTable('attachments')
      .set({ replaced_by: id, replaced_at: new Date() })
      .where('id', '=', input.replaces)
      .where('replaced_by', 'is', null)
      .execute();
  }
  await appendAudit(tx, {
    actor: label,
    action: 'attachment.upload',
    entity: record.entity,
    entityId: record.id,
    data: {
      attachmentId: id,
      kind: input.kind,
      fileName: input.file.fileName,
      contentType: input.file.contentType,
      sizeBytes: input.file.sizeBytes,
      sha256: input.file.sha256,
      replaces: input.replaces ?? null,
    },
  });
  return attachmentView(row);
}
