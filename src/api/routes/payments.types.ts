// Request and response schemas of /payment-batches.
import { z } from 'zod';

export const ZBatchIdParams = z.object({ id: z.string().min(1).max(80) });
export const ZBuildBatchRequest = z.object({ areaCode: z.string().min(6).max(12), fundId: z.string().min(1).max(80) }).strict();
export const ZBatchView = z.object({
  id: z.string(), areaCode: z.string(), fundId: z.string(), status: z.string(), totalFen: z.number(), items: z.number(), paid: z.number(), paidFen: z.number(),
});
