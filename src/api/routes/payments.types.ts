// Request and response schemas of /payment-batches.
import { z } from 'zod';
import { BATCH_STATUSES } from '../../vocabulary/statuses.ts';

export const ZBatchIdParams = z.object({ id: z.string().min(1).max(80) });
export const ZBuildBatchRequest = z.object({ areaCode: z.string().min(6).max(12), fundId: z.string().min(1).max(80) }).strict();
export const ZBatchView = z.object({
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
  heldByDispute: z.number().describe('未支付且因劳动者异议未办结而暂缓支付的笔数'),
  createdBy: z.string(),
  confirmedBy: z.string().nullable(),
  cancelReason: z.string().nullable(),
  failed: z.number().describe('银行回单为支付失败的笔数（这些申领已退回可支付，可编入新批次）'),
  failedFen: z.number(),
  unsettled: z.number().describe('尚无银行结果（未支付、未失败）的笔数'),
  payerAccount: z
    .object({ accountName: z.string(), accountNumber: z.string(), bankName: z.string() })
    .nullable()
    .describe('资金的付款账户（单位账户，非个人信息）；未登记时不能生成银行支付文件'),
  bankFiles: z
    .array(
      z.object({
        issue: z.number(),
        authorizedBy: z.string(),
        reason: z.string().nullable(),
        downloadedBy: z.string().nullable(),
        downloadedAt: z.string().nullable(),
        lines: z.number().nullable(),
        totalFen: z.number().nullable(),
      }),
    )
    .describe('银行支付文件的各次签发（确认时签发第 1 次；每次只能下载一次）'),
  bankReturns: z.array(
    z.object({
      issue: z.number(),
      fileName: z.string().nullable(),
      lines: z.number(),
      paid: z.number(),
      failed: z.number(),
      paidFen: z.number(),
      failedFen: z.number(),
      importedBy: z.string(),
      importedAt: z.string(),
    }),
  ),
  offlinePayment: z
    .object({ bankRef: z.string(), recordedBy: z.string(), recordedAt: z.string() })
    .nullable()
    .describe('线下支付（未经银行支付文件）：银行凭证号、登记人和时间；经银行支付文件支付的批次为 null'),
  allowedActs: z
    .array(z.enum(['confirm', 'pay', 'cancel', 'bank_file', 'bank_return', 'reissue']))
    .describe('查看者现在可以对该批次进行的操作（按其支付职责与“编制人不复核、复核人不支付”）'),
});
export const ZCancelBatchRequest = z.object({ reason: z.string().trim().min(1, '请说明取消理由').max(500) }).strict();
export const ZBuiltBatch = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(BATCH_STATUSES),
  claims: z.number(),
  totalFen: z.number(),
});
export const ZBatchStatus = z.object({ id: z.string(), status: z.enum(BATCH_STATUSES) });
export const ZPayBatchRequest = z
  .object({
    bankRef: z.string().max(200).describe('银行出具的支付凭证号（银行流水号），整批各笔均记此号；重新执行须相同'),
  })
  .strict();
export const ZPaidBatch = z.object({
  id: z.string(),
  status: z.enum(BATCH_STATUSES),
  paidNow: z.number(),
  items: z.number(),
  paid: z.number(),
  held: z.number().describe('本次因劳动者异议未办结而暂缓支付的笔数'),
});
export const ZCancelledBatch = z.object({ id: z.string(), status: z.enum(BATCH_STATUSES), released: z.number() });

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TBatchView = z.infer<typeof ZBatchView>;
export type TBuiltBatch = z.infer<typeof ZBuiltBatch>;
export type TPaidBatch = z.infer<typeof ZPaidBatch>;
