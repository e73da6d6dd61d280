import { z } from 'zod';
import { ATTACHMENT_KINDS } from '../../services/attachments/attachment-kinds.ts';
import { text } from './fields.types.ts';

export const ZUploadAttachmentQuery = z.object({
  kind: z.enum(ATTACHMENT_KINDS),
  name: text(255),
  replaces: z.string().min(1).max(64).optional(),
});

export const ZAttachment = z.object({
  id: z.string(),
  kind: z.string(),
  kindName: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  replaces: z.string().nullable(),
  replacedBy: z.string().nullable(),
  replacedAt: z.string().nullable(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZRecordAttachments = z.object({
  items: z.array(ZAttachment),
  kinds: z.array(z.object({ kind: z.string(), name: z.string(), required: z.boolean(), present: z.boolean() })),
  canUpload: z.boolean(),
  uploadRefusal: z.string().nullable(),
  accepted: z.string(),
  maxBytes: z.number(),
  maxBytesText: z.string(),
});
export type TRecordAttachments = z.infer<typeof ZRecordAttachments>;

// Responses.
