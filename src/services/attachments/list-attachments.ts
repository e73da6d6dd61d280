// A record's supporting documents, newest first, the replaced ones kept and marked; and for each kind
// the record takes whether it is required (a class's program decides, attachment-kinds.ts) and present.
import type { Tx } from '../../store/transaction.ts';
import { requireActor, type Actor } from '../access.ts';
import { bytesText, limits } from '../limits.ts';
import { ATTACHMENT_KIND_NAMES, KINDS_OF_RECORD, requiredClassDocuments, type RecordKind } from './attachment-kinds.ts';
import { attachmentRecord } from './attachment-record.ts';
import { attachmentView, VIEW_COLUMNS, type AttachmentView } from './attachment-view.ts';
import { ACCEPTED_TEXT } from './check-attachment-file.ts';

export interface RecordAttachments {
  items: AttachmentView[];
  kinds: { kind: string; name: string; required: boolean; present: boolean }[];
  /** Whether this viewer may add or replace documents now; when not, why (null when they may). */
  canUpload: boolean;
  uploadRefusal: string | null;
  /** What the upload accepts, as the screen says it. */
  accepted: string;
  maxBytes: number;
  maxBytesText: string;
}

export async function listAttachments(tx: Tx, actor: Actor | null, recordKind: RecordKind, recordId: string): Promise<RecordAttachments> {
  const a = requireActor(actor);
  const record = await attachmentRecord(tx, a, recordKind, recordId);
  const rows = await tx
    .selectFrom('attachments')
    .select(VIEW_COLUMNS)
    .where('record_kind', '=', recordKind)
    .where('record_id', '=', recordId)
    .orderBy('uploaded_at', 'desc')
    .orderBy('id')
    .limit(limits().recordAttachments)
    .execute();
  const items = rows.map(attachmentView);
  const required = new Set<string>(record.program ? requiredClassDocuments(record.program) : []);
  const present = new Set(items.filter((i) => !i.replacedBy).map((i) => i.kind));
  const max = limits().attachmentBytes;
  return {
    items,
    kinds: KINDS_OF_RECORD[recordKind].map((k) => ({
      kind: k,
      name: ATTACHMENT_KIND_NAMES[k],
      required: required.has(k),
      present: present.has(k),
    })),
    canUpload: record.uploadRefusal === null,
    uploadRefusal: record.uploadRefusal,
    accepted: ACCEPTED_TEXT,
    maxBytes: max,
    maxBytesText: bytesText(max),
  };
}
