// Supporting documents (附件, docs/attachments.md) of class applications, claims, publicity objections
// and dispute cases: list, upload (the file's bytes as the body; kind and name in the query), download.
// The record's own scope decides who sees them; a record outside it answers 404 like a missing one.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Role } from '../../services/access.ts';
import { ATTACHMENT_KIND_NAMES, RECORD_KIND_NAMES, type RecordKind } from '../../services/attachments/attachment-kinds.ts';
import { ACCEPTED_TEXT, checkAttachmentFile, UPLOAD_CONTENT_TYPES } from '../../services/attachments/check-attachment-file.ts';
import { attachmentRecord } from '../../services/attachments/attachment-record.ts';
import { downloadAttachment } from '../../services/attachments/download-attachment.ts';
import { listAttachments } from '../../services/attachments/list-attachments.ts';
import { uploadAttachment } from '../../services/attachments/upload-attachment.ts';
import { bytesText, limits } from '../../services/limits.ts';
import { idParam, ZFile } from './fields.types.ts';
import { allow, run, who } from './route-access.ts';
import { acceptFileBodies, sendFile } from './uploads.ts';
import { ZAttachment, ZRecordAttachments, ZUploadAttachmentQuery } from './attachments.types.ts';
import type { Assert, Conforms } from './conforms.ts';

const tags = ['attachments'];

const RECORDS: { kind: RecordKind; path: string; readers: Role[]; writers: Role[] }[] = [
  {
    kind: 'class',
    path: '/classes/:id/attachments',
    readers: ['city', 'county', 'department', 'provider', 'enterprise'],
    writers: ['provider', 'county', 'city'],
  },
  {
    kind: 'claim',
    path: '/claims/:id/attachments',
    readers: ['city', 'county', 'department', 'enterprise', 'provider', 'trainee'],
    writers: ['city', 'county', 'enterprise', 'provider', 'trainee'],
  },
  { kind: 'dispute', path: '/disputes/:id/attachments', readers: ['city', 'county', 'trainee'], writers: ['city', 'county', 'trainee'] },
  { kind: 'objection', path: '/objections/:id/attachments', readers: ['city', 'county'], writers: ['city', 'county'] },
];

const kinds = Object.entries(ATTACHMENT_KIND_NAMES)
  .map(([k, n]) => `${k}=${n}`)
  .join('，');

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  acceptFileBodies(app, UPLOAD_CONTENT_TYPES, limits().attachmentBytes);

  for (const r of RECORDS) {
    const what = RECORD_KIND_NAMES[r.kind];
    app.get(
      r.path,
      {
        schema: {
          tags,
          summary: `${what}的附件（含被替换的历史文件）及各类附件是否齐全`,
          description: who(...r.readers),
          params: idParam,
          response: { 200: ZRecordAttachments },
        },
        ...allow(...r.readers),
      },
      (req) => run(db, (tx) => listAttachments(tx, req.actor, r.kind, req.params.id)),
    );
    app.post(
      r.path,
      {
        schema: {
          tags,
          summary: `上传${what}的附件（或以 replaces 替换一个附件，原文件保留）`,
          description:
            `${who(...r.writers)}。请求体为文件本身（${ACCEPTED_TEXT}，不超过 ${bytesText(limits().attachmentBytes)}；` +
            `Content-Type 可为 application/octet-stream，类型按文件内容识别，扩展名须与内容一致）。` +
            `查询参数 kind 为附件类别（${kinds}），name 为文件名。`,
          params: idParam,
          querystring: ZUploadAttachmentQuery,
          response: { 201: ZAttachment },
        },
        ...allow(...r.writers),
      },
      async (req, reply) => {
        // The record first, so that a caller outside its scope learns nothing (404) whatever the body;
        // then the bytes' type, size and checksum outside any transaction; then the write.
        await run(db, (tx) => attachmentRecord(tx, req.actor!, r.kind, req.params.id));
        const file = await checkAttachmentFile(req.body, req.query.name);
        const view = await run(db, (tx) =>
          uploadAttachment(tx, req.actor, {
            recordKind: r.kind,
            recordId: req.params.id,
            kind: req.query.kind,
            replaces: req.query.replaces,
            file,
          }),
        );
        return reply.status(201).send(view);
      },
    );
  }

  app.get(
    '/attachments/:id',
    {
      schema: {
        tags,
        summary: '下载附件（人社部门和行业主管部门的每次下载记入审计日志）',
        description: `${who('city', 'county', 'department', 'enterprise', 'provider', 'trainee')}；须能查看附件所属的记录`,
        params: idParam,
        response: { 200: ZFile },
      },
      ...allow('city', 'county', 'department', 'enterprise', 'provider', 'trainee'),
    },
    async (req, reply) => {
      const file = await run(db, (tx) => downloadAttachment(tx, req.actor, req.params.id));
      // Served as a download, never rendered in the app's origin (a PDF or image opened inline could script it).
      reply.header('x-content-sha256', file.sha256).header('content-security-policy', "default-src 'none'; sandbox");
      return sendFile(reply, { fileName: file.fileName, contentType: file.contentType, body: file.content });
    },
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
// ZFile is not tied: the attachment's stored bytes go out as they are, without the serializer.
export type ResponsesConform = [
  Assert<Conforms<typeof listAttachments, typeof ZRecordAttachments>>, // GET r.path
  Assert<Conforms<typeof uploadAttachment, typeof ZAttachment>>, // POST r.path
];
