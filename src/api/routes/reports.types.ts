// Query and body schemas of /reports (季报、年报) and /major-matters (重大事项专报).
import { z } from 'zod';
import { areaCode, isoDate, text } from './fields.types.ts';

const ref = z
  .string()
  .min(1)
  .max(64)
  .refine((s) => !s.includes('\u0000'), '含有不允许的字符');
export const ZPeriodReportQuery = z.object({
  year: z.coerce.number().int().min(2000, '年度应在 2000—2100 之间').max(2100, '年度应在 2000—2100 之间'),
  quarter: z.coerce.number().int().min(1, '季度应为 1—4').max(4, '季度应为 1—4').optional(),
  areaCode: areaCode.optional(),
});
export const ZFlagMatterRequest = z.strictObject({
  title: text(200),
  areaCode,
  flaggedOn: isoDate,
  summary: text(4000),
  claimIds: z.array(ref).max(200).optional(),
  classIds: z.array(ref).max(200).optional(),
  providerIds: z.array(ref).max(50).optional(),
});
export const ZMattersQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
  sort: z.enum(['flaggedOn', 'title']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  areaCode: areaCode.optional(),
});
export const ZMatterParams = z.object({ id: ref });
