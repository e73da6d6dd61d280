// Money that reaches a bank (docs/bank-payments.md): payees' receiving accounts (shown masked; read in
// full only by an audited act), the fund's payer account, a confirmed batch's bank payment file
// (downloaded once per issue) and the bank's return file; and the trainee's texts (docs/notifications.md).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../services/classes/sheet-file.ts';
import { recordFundAccount } from '../../services/funds/record-fund-account.ts';
import { bytesText, limits } from '../../services/limits.ts';
import { downloadBankFile, previewBankFile, reissueBankFile } from '../../services/payments/bank-file.ts';
import { importBankReturn } from '../../services/payments/bank-return.ts';
import { getPayeeAccount, PAYEE_KINDS, recordPayeeAccount, revealPayeeAccount } from '../../services/payments/payee-accounts.ts';
import { listMyNotifications, listOutbox } from '../../services/notifications/list-outbox.ts';
import { ROW_ERRORS_DOC } from './class-files.types.ts';
import { allow, run, who } from './route-access.ts';
import { ZBatchIdParams } from './payments.types.ts';
import { ZFile } from './fields.types.ts';
import {
  ZBankFileIssue,
  ZBankFilePreview,
  ZBankReturnResult,
  ZFundPayerAccount,
  ZMyNotifications,
  ZOutbox,
  ZPayeeAccount,
  ZPayeeAccountOrNone,
  ZRevealedPayeeAccount,
} from './bank-payments.types.ts';
import type { Assert, Conforms } from './conforms.ts';

const tags = ['payments'];
const OFFICES = ['city', 'county'] as const;
const PAYEE_PARTIES = ['city', 'county', 'trainee', 'enterprise', 'provider'] as const;

const ZPayeeParams = z.object({ payee: z.enum(PAYEE_KINDS), ref: z.string().min(1).max(40) });
const ZRecordAccount = z
  .object({
    accountName: z.string().trim().min(1, '请填写户名').max(60),
    bankName: z.string().trim().min(1, '请填写开户行').max(60),
    accountNumber: z.string().trim().min(1, '请填写账号').max(40),
  })
  .strict();
const attachment = (name: string) => `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const bankPaymentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const fileLimit = { parseAs: 'buffer' as const, bodyLimit: limits().xlsxBytes };
  app.addContentTypeParser(XLSX_MIME, fileLimit, (_req, body, done) => done(null, body));
  app.addContentTypeParser('text/csv', fileLimit, (_req, body, done) => done(null, body));

  app.get(
    '/payee-accounts/:payee/:ref',
    {
      ...allow(...PAYEE_PARTIES),
      schema: {
        tags,
        summary: '收款账户（账号脱敏显示；未登记时为 null）',
        description: `${who(...PAYEE_PARTIES)}（个人：本人及人社部门；企业、培训机构：本单位及管理它的人社部门）。payee：individual 个人（ref 为身份证号）、enterprise 企业（统一社会信用代码）、institution 培训机构（机构编号）`,
        params: ZPayeeParams,
        response: { 200: ZPayeeAccountOrNone },
      },
    },
    (req) => getPayeeAccount(db, req.actor, req.params.payee, req.params.ref),
  );

  app.put(
    '/payee-accounts/:payee/:ref',
    {
      ...allow(...PAYEE_PARTIES),
      schema: {
        tags,
        summary: '登记或变更收款账户（个人为社会保障卡金融账户；单位为银行结算账户）',
        description: `${who(...PAYEE_PARTIES)}。户名须与登记的姓名或名称一致；账号 12–30 位数字，社会保障卡账号另须通过卡号校验位（Luhn）。账号加密保存，变更记入审计日志。`,
        params: ZPayeeParams,
        body: ZRecordAccount,
        response: { 200: ZPayeeAccount },
      },
    },
    (req) => run(db, (tx) => recordPayeeAccount(tx, req.actor, { payee: req.params.payee, payeeRef: req.params.ref, ...req.body })),
  );

  app.post(
    '/payee-accounts/:payee/:ref/reveal',
    {
      ...allow(...PAYEE_PARTIES),
      schema: {
        tags,
        summary: '查看完整账号（单独的操作，记入审计日志：谁、何时、查看了哪个收款方）',
        description: who(...PAYEE_PARTIES),
        params: ZPayeeParams,
        response: { 200: ZRevealedPayeeAccount },
      },
    },
    (req) => run(db, (tx) => revealPayeeAccount(tx, req.actor, req.params.payee, req.params.ref)),
  );

  app.put(
    '/funds/:id/payer-account',
    {
      ...allow('city'),
      schema: {
        tags,
        summary: '登记资金的付款账户（银行支付文件的付款方）',
        description: who('city'),
        params: z.object({ id: z.string().min(1).max(80) }),
        body: ZRecordAccount,
        response: { 200: ZFundPayerAccount },
      },
    },
    (req) => run(db, (tx) => recordFundAccount(tx, req.actor, req.params.id, req.body)),
  );

  app.get(
    '/payment-batches/:id/bank-file/preview',
    {
      ...allow('city', 'county', 'department'),
      schema: {
        tags,
        summary: '银行支付文件预览：待银行支付的笔数、合计，以及尚未登记收款账户的收款方',
        description: who('city', 'county', 'department'),
        params: ZBatchIdParams,
        response: { 200: ZBankFilePreview },
      },
    },
    (req) => previewBankFile(db, req.actor, req.params.id),
  );

  app.get(
    '/payment-batches/:id/bank-file',
    {
      ...allow(...OFFICES),
      schema: {
        tags,
        summary: '下载银行支付文件（CSV 或 Excel；每次签发只能下载一次）',
        description: `${who(...OFFICES)}，须有“支付”职责且不是本批次的复核人。文件格式见 docs/bank-payments.md；账号为完整账号（银行联）。有收款方未登记收款账户时拒绝并列出这些收款方。`,
        params: ZBatchIdParams,
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }).strict(),
        response: { 200: ZFile },
      },
    },
    async (req, reply) => {
      const file = await downloadBankFile(db, req.actor, { batchId: req.params.id, format: req.query.format });
      return reply
        .type(file.contentType)
        .header('cache-control', 'no-store')
        .header('content-disposition', attachment(file.fileName))
        .send(file.body);
    },
  );

  app.post(
    '/payment-batches/:id/bank-file/reissue',
    {
      ...allow('city', 'department'),
      schema: {
        tags,
        summary: '重新签发银行支付文件（银行未受理上次文件时；须说明理由）',
        description: `${who('city', 'department')}，须有“复核”职责，且不是下载上次文件的人员。新文件只列尚无银行结果的笔。`,
        params: ZBatchIdParams,
        body: z.object({ reason: z.string().trim().min(1, '请说明理由').max(500) }).strict(),
        response: { 200: ZBankFileIssue },
      },
    },
    (req) => run(db, (tx) => reissueBankFile(tx, req.actor, { batchId: req.params.id, reason: req.body.reason })),
  );

  app.post(
    '/payment-batches/:id/bank-return',
    {
      ...allow(...OFFICES),
      schema: {
        tags,
        summary: '导入银行回单（CSV 或 Excel：逐笔成功/失败；整表校验、与下发文件核对合计后才导入；重复导入不产生变化）',
        description: `${who(...OFFICES)}，须有“支付”职责。请求体为文件本身（Content-Type: text/csv 或 ${XLSX_MIME}，不超过 ${bytesText(limits().xlsxBytes)}）。${ROW_ERRORS_DOC}`,
        params: ZBatchIdParams,
        querystring: z.object({ fileName: z.string().max(200).optional() }).strict(),
        response: { 200: ZBankReturnResult },
      },
    },
    (req) =>
      importBankReturn(db, req.actor, {
        batchId: req.params.id,
        file: req.body,
        format: String(req.headers['content-type'] ?? '').startsWith('text/csv') ? 'csv' : 'xlsx',
        fileName: req.query.fileName ?? null,
      }),
  );

  app.get(
    '/my/notifications',
    {
      ...allow('trainee'),
      schema: {
        tags: ['notifications'],
        summary: '发给本人的短信通知（最近 100 条）',
        description: who('trainee'),
        response: { 200: ZMyNotifications },
      },
    },
    (req) => listMyNotifications(db, req.actor),
  );
  app.get(
    '/outbox',
    {
      ...allow('city'),
      schema: {
        tags: ['notifications'],
        summary: '短信发件箱：各条通知的发送状态（最近 200 条，可按状态筛选）',
        description: who('city'),
        querystring: z.object({ status: z.enum(['pending', 'sending', 'sent', 'failed', 'unaddressed']).optional() }).strict(),
        response: { 200: ZOutbox },
      },
    },
    (req) => listOutbox(db, req.actor, req.query.status),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
// ZFile is not tied: the bank file's bytes go out as they are, without the serializer.
export type ResponsesConform = [
  Assert<Conforms<typeof getPayeeAccount, typeof ZPayeeAccountOrNone>>, // GET /payee-accounts/:payee/:ref
  Assert<Conforms<typeof recordPayeeAccount, typeof ZPayeeAccount>>, // PUT /payee-accounts/:payee/:ref
  Assert<Conforms<typeof revealPayeeAccount, typeof ZRevealedPayeeAccount>>, // POST /payee-accounts/:payee/:ref/reveal
  Assert<Conforms<typeof recordFundAccount, typeof ZFundPayerAccount>>, // PUT /funds/:id/payer-account
  Assert<Conforms<typeof previewBankFile, typeof ZBankFilePreview>>, // GET /payment-batches/:id/bank-file/preview
  Assert<Conforms<typeof reissueBankFile, typeof ZBankFileIssue>>, // POST /payment-batches/:id/bank-file/reissue
  Assert<Conforms<typeof importBankReturn, typeof ZBankReturnResult>>, // POST /payment-batches/:id/bank-return
  Assert<Conforms<typeof listMyNotifications, typeof ZMyNotifications>>, // GET /my/notifications
  Assert<Conforms<typeof listOutbox, typeof ZOutbox>>, // GET /outbox
];
