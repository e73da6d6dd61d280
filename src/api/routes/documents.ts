// The office's printed documents (PDF): GET /<record>/:id/<document>.pdf. Each route lets in the roles
// of the record's own read and reads the record in the same slice, so a reader who cannot open the
// record gets the same 404/403 here. Issuing one is audited (document.issue) with the business date.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Role } from '../../services/access.ts';
import { issueDocument, type DocumentKind } from '../../services/documents/issue-document.ts';
import { cjkFontInstalled, FontMissingError } from '../../services/reports/report-files.ts';
import { ZClaimIdParams } from './claims.types.ts';
import { idParam, ZErrorAnswer, ZFile } from './fields.types.ts';
import { ZBatchIdParams } from './payments.types.ts';
import { ZNoticeIdParams } from './publicity.types.ts';
import { allow, who } from './route-access.ts';

/** RFC 5987: an ASCII fallback and the Chinese name as UTF-8. */
export const pdfDisposition = (name: string) => `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`;

const DOCUMENTS: { path: string; kind: DocumentKind; roles: readonly Role[]; summary: string; params: typeof idParam }[] = [
  {
    path: '/publicity-notices/:id/notice.pdf',
    kind: 'notice',
    roles: ['city', 'county'],
    params: ZNoticeIdParams,
    summary: '公示（张贴用 PDF：姓名仅显示姓氏、身份证号脱敏、公示期、异议受理单位）',
  },
  {
    path: '/claims/:id/decision-letter.pdf',
    kind: 'decision',
    roles: ['city', 'county', 'department', 'enterprise', 'provider', 'trainee'],
    params: ZClaimIdParams,
    summary: '申领审核决定书（PDF：结果、金额、收款方、判定过程和条款；待定的列出缺少的事实）',
  },
  {
    path: '/payment-batches/:id/signature-list.pdf',
    kind: 'batch',
    roles: ['city', 'county', 'department'],
    params: ZBatchIdParams,
    summary: '支付批次签字清单（PDF：明细、合计，经办/复核/支付签字栏）；部门仅财政局',
  },
  {
    path: '/classes/:id/opening-review.pdf',
    kind: 'class_review',
    roles: ['provider', 'county', 'city'],
    params: idParam,
    summary: '开班审查记录（PDF：班级、机构、工种等级、课时与目录课时、人数、审查决定和理由）',
  },
];

export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  for (const d of DOCUMENTS) {
    app.get(
      d.path,
      {
        schema: {
          tags: ['documents'],
          summary: d.summary,
          description: who(...d.roles),
          params: d.params,
          response: { 200: ZFile, 503: ZErrorAnswer },
        },
        ...allow(...d.roles),
      },
      async (req, reply) => {
        // Refuse before anything is recorded as issued when the server cannot draw Chinese.
        if (!cjkFontInstalled()) {
          const e = new FontMissingError();
          return reply.status(503).send({ error: { code: e.code, message: e.message, field: null } });
        }
        const { fileName, body } = await issueDocument(db, req.actor, d.kind, req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', pdfDisposition(fileName))
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  }
};

// ZFile is not tied: a document is a PDF's bytes, sent as they are, without the serializer.
