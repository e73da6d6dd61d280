// Request and response schemas of /review (the HR offices' review screens: notices, payment batches).
import { z } from 'zod';
import { BATCH_SORTS } from '../../services/review/list-batches.ts';
import { LINE_SORTS } from '../../services/review/list-batch-lines.ts';
import { NOTICE_SORTS } from '../../services/review/list-notices.ts';
import { areaCode, okList, pageQuery, sortKeys } from './fields.types.ts';
import { BATCH_STATUSES, NOTICE_STATUSES, OBJECTION_STATUSES } from '../../vocabulary/statuses.ts';

export const ZListNoticesQuery = z.object({
  ...pageQuery(sortKeys(NOTICE_SORTS)),
  status: z.enum(NOTICE_STATUSES).optional(),
  areaCode: areaCode.optional(),
  closable: z.enum(['true']).optional().describe('true：只列出期满待结束的公示（以业务日期为准）'),
  q: z.string().trim().min(1).max(40).optional().describe('公示编号（或其一部分）或标题中的文字'),
});
export const ZNoticeSummary = z.object({
  id: z.string(),
  number: z.string(),
  areaCode: z.string(),
  title: z.string(),
  startsOn: z.string(),
  workingDays: z.number(),
  endsOn: z.string(),
  status: z.enum(NOTICE_STATUSES),
  claims: z.number(),
  objections: z.number(),
  openObjections: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
  closable: z.boolean().describe('公示中且最后一个工作日已过（以业务日期为准），可以结束'),
});
export const ZNoticeDetail = z.object({
  id: z.string(),
  number: z.string(),
  areaCode: z.string(),
  title: z.string(),
  startsOn: z.string(),
  workingDays: z.number(),
  endsOn: z.string(),
  status: z.enum(NOTICE_STATUSES),
  pausedOn: z.string().nullable(),
  daysLeft: z.number().nullable(),
  closable: z.boolean(),
  claimsByStatus: z.record(z.string(), z.number()),
  amountFenByStatus: z.record(z.string(), z.number()).describe('各状态申领的金额合计（分）'),
  publishedOn: z.string().nullable().describe('发布当天（业务日期）'),
  closedOn: z.string().nullable().describe('结束当天（业务日期）'),
  today: z.string().describe('读取时的业务日期（closable 据此判断）'),
  objections: z.array(
    z.object({
      id: z.string(),
      claimId: z.string().nullable(),
      claimNumber: z.string().nullable(),
      text: z.string(),
      raisedBy: z.string(),
      raisedAt: z.string(),
      receivedOn: z.string().nullable().describe('受理日期（业务日期）'),
      status: z.enum(OBJECTION_STATUSES),
      resolution: z.string().nullable(),
      resolvedBy: z.string().nullable(),
      resolvedAt: z.string().nullable(),
      resolvedOn: z.string().nullable().describe('处理日期（业务日期）'),
    }),
  ),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const ZListBatchesQuery = z.object({
  ...pageQuery(sortKeys(BATCH_SORTS)),
  status: z.enum(BATCH_STATUSES).optional(),
  areaCode: areaCode.optional(),
  fundId: z.string().min(1).max(80).optional(),
  q: z.string().trim().min(1).max(40).optional().describe('支付批次编号（或其一部分）'),
});
export const ZBatchSummary = z.object({
  id: z.string(),
  number: z.string(),
  fundYear: z.number(),
  fundSource: z.string(),
  areaCode: z.string(),
  fundId: z.string(),
  status: z.enum(BATCH_STATUSES),
  totalFen: z.number(),
  items: z.number(),
  paid: z.number(),
  paidFen: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const ZBatchLinesQuery = z.object({ ...pageQuery(sortKeys(LINE_SORTS)) });
export const ZBatchLine = z.object({
  claimId: z.string(),
  claimNumber: z.string(),
  program: z.string(),
  payee: z.string(),
  payeeRef: z.string().nullable(),
  accountHolder: z.string().nullable(),
  residentId: z.string(),
  amountFen: z.number(),
  paid: z.boolean(),
  paidAt: z.string().nullable(),
  lineNo: z.number().describe('本批次内的序号（银行支付文件的“序号”）'),
  accountMasked: z.string().nullable().describe('收款账号（脱敏）；未登记收款账户时为 null'),
  bankName: z.string().nullable(),
  bankOutcome: z.enum(['paid', 'failed']).nullable().describe('银行回单结果：paid 成功、failed 失败；未导入回单时为 null'),
  bankRef: z.string().nullable(),
  failureReason: z.string().nullable(),
});
export const ZBatchLinesPage = okList(ZBatchLine).extend({ batchStatus: z.string() });

export const ZPayableQuery = z.object({ areaCode: areaCode.optional(), fundId: z.string().min(1).max(80).optional() });
export const ZPayableGroup = z.object({
  areaCode: z.string(),
  fundId: z.string(),
  claims: z.number(),
  totalFen: z.number(),
  allowedActs: z.array(z.enum(['build'])).describe('查看者可对该组进行的操作（有经办职责者可编制批次）'),
});

export const ZNoticeSummaryPage = okList(ZNoticeSummary);
export const ZBatchSummaryPage = okList(ZBatchSummary);
export const ZPayableGroupPage = okList(ZPayableGroup);

export { okList };

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TNoticeSummary = z.infer<typeof ZNoticeSummary>;
export type TNoticeDetail = z.infer<typeof ZNoticeDetail>;
export type TObjection = TNoticeDetail['objections'][number];
export type TBatchSummary = z.infer<typeof ZBatchSummary>;
export type TBatchLine = z.infer<typeof ZBatchLine>;
export type TPayableGroup = z.infer<typeof ZPayableGroup>;
export type TPayableGroupPage = z.infer<typeof ZPayableGroupPage>;
