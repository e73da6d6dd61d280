// A supporting document as the screens list it: never its bytes, never the uploader's account name.
import type { Selectable } from 'kysely';
import type { AttachmentTable } from '../../store/schema.ts';
import { ATTACHMENT_KIND_NAMES, type AttachmentKind } from './attachment-kinds.ts';

export interface AttachmentView {
  id: string;
  kind: string;
  kindName: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  /** The file this one replaced, and the one that replaced it (both kept). */
  replaces: string | null;
  replacedBy: string | null;
  replacedAt: string | null;
}

export const VIEW_COLUMNS = [
  'id',
  'kind',
  'file_name',
  'content_type',
  'size_bytes',
  'sha256',
  'uploaded_by_name',
  'uploaded_at',
  'replaces',
  'replaced_by',
  'replaced_at',
] as const;

type ViewRow = Pick<Selectable<AttachmentTable>, (typeof VIEW_COLUMNS)[number]>;

export function attachmentView(r: ViewRow): AttachmentView {
  return {
    id: r.id,
    kind: r.kind,
    kindName: ATTACHMENT_KIND_NAMES[r.kind as AttachmentKind] ?? r.kind,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by_name,
    uploadedAt: new Date(r.uploaded_at).toISOString(),
    replaces: r.replaces,
    replacedBy: r.replaced_by,
    replacedAt: r.replaced_at ? new Date(r.replaced_at).toISOString() : null,
  };
}
