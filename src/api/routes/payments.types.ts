// Request and response schemas of /payment-batches.
import { z } from 'zod';

export const ZBatchIdParams = z.object({ id: z.string().min(1).max(80) });
export const ZBuildBatchRequest = z.object({ areaCode: z.string().min(6).max(12), fundId: z.string().min(1).max(80) }).strict();
export const ZBatchView = z.object({
  id: z.string(),
  number: z.string(),
  fundYear: z.number(),
  fundSource: z.string(),
  areaCode: z.string(),
  fundId: z.string(),
  status: z.string(),
  totalFen: z.number(),
  items: z.number(),
  paid: z.number(),
  paidFen: z.number(),
  heldByDispute: z.number().describe('未支付且因劳动者异议未办结而暂缓支付的笔数'),
  createdBy: z.string(),
  confirmedBy: z.string().nullable(),
  cancelReason: z.string().nullable(),
  allowedActs: z
    .array(z.enum(['confirm', 'pay', 'cancel']))
    .describe('查看者现在可以对该批次进行的操作（按其支付职责与“编制人不复核、复核人不支付”）'),
});
export const ZCancelBatchRequest = z.object({ reason: z.string().trim().min(1, '请说明取消理由').max(500) }).strict();
