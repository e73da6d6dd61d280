// Adds a supporting document to a record, or replaces one: the file was checked before the
// transaction (check-attachment-file.ts); here the record is locked, the actor's right to add checked,
// the row written and the upload audited in the record's trail. A replacement never deletes: the old
// row stays, marked with its successor (a unique index lets only one replacement of a file land).
import { appendAuditEntries } from '../../store/audit-log.ts';
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
  const [view] = await uploadAttachments(tx, actor, input.recordKind, input.recordId, [
    { kind: input.kind, replaces: input.replaces ?? null, file: input.file },
  ]);
  return view!;
}

/**
 * Several documents to one record at once (the same checks as one by one: the record locked and the
 * actor's right checked once, the limit counted over them all, one insert, one audit append with an
 * entry per document); all or none.
 */
export async function uploadAttachments(
  tx: Tx,
  actor: Actor | null,
  recordKind: RecordKind,
  recordId: string,
  uploads: Omit<UploadAttachmentInput, 'recordKind' | 'recordId'>[],
): Promise<AttachmentView[]> {
  const a = requireActor(actor);
  const record = await attachmentRecord(tx, a, recordKind, recordId, true);
  if (record.uploadRefusal) throw new AppError(a.role === 'department' ? 'forbidden' : 'invalid_transition', record.uploadRefusal);
  const kinds = KINDS_OF_RECORD[recordKind];
  for (const input of uploads)
    if (!kinds.includes(input.kind as AttachmentKind)) {
      throw new AppError(
        'invalid_input',
        `${RECORD_KIND_NAMES[recordKind]}的附件类别只能是 ${kinds.map((k) => ATTACHMENT_KIND_NAMES[k]).join('、')}`,
        'query.kind',
      );
    }
  if (uploads.length === 0) return [];
  const kept = await tx
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('record_kind', '=', recordKind)
    .where('record_id', '=', recordId)
    .executeTakeFirstOrThrow();
  const max = limits().recordAttachments;
  if (Number(kept.n) >= max)
    throw new AppError('invalid_input', `该${RECORD_KIND_NAMES[recordKind]}已有 ${max} 个附件（含被替换的），达到上限`, 'file');
  if (Number(kept.n) + uploads.length > max)
    throw new AppError(
      'invalid_input',
      `该${RECORD_KIND_NAMES[recordKind]}已有 ${kept.n} 个附件（含被替换的），最多还能添加 ${max - Number(kept.n)} 个`,
      'file',
    );
  const replaced = new Set<string>();
  for (const input of uploads) {
    if (!input.replaces) continue;
    if (replaced.has(input.replaces)) throw new AppError('conflict', '该附件已被替换，请刷新后替换最新的文件', 'query.replaces');
    replaced.add(input.replaces);
    const old = await tx
      .selectFrom('attachments')
      .select(['id', 'kind', 'replaced_by'])
      .where('id', '=', input.replaces)
      .where('record_kind', '=', recordKind)
      .where('record_id', '=', recordId)
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
  const label = actorLabel(a);
  const rows = uploads.map((input) => ({
    id: newUuid(),
    record_kind: recordKind,
    record_id: recordId,
    kind: input.kind,
    file_name: input.file.fileName,
    content_type: input.file.contentType,
    size_bytes: input.file.sizeBytes,
    sha256: input.file.sha256,
    content: input.file.content,
    uploaded_by: label,
    uploaded_by_name: a.displayName,
    replaces: input.replaces ?? null,
  }));
  const written = await tx.insertInto('attachments').values(rows).returning(VIEW_COLUMNS).execute();
  for (const row of rows)
    if (row.replaces) {
      await tx
        .updateTable('attachments')
        .set({ replaced_by: row.id, replaced_at: new Date() })
        .where('id', '=', row.replaces)
        .where('replaced_by', 'is', null)
        .execute();
    }
  await appendAuditEntries(
    tx,
    rows.map((row) => ({
      actor: label,
      action: 'attachment.upload',
      entity: record.entity,
      entityId: record.id,
      data: {
        attachmentId: row.id,
        kind: row.kind,
        fileName: row.file_name,
        contentType: row.content_type,
        sizeBytes: row.size_bytes,
        sha256: row.sha256,
        replaces: row.replaces,
      },
    })),
  );
  const byId = new Map(written.map((w) => [w.id, w]));
  return rows.map((row) => attachmentView(byId.get(row.id)!));
}
