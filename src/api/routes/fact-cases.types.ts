import { z } from 'zod';
import { text } from './fields.types.ts';

export const ZListFactCasesQuery = z.object({
  status: z.enum(['open', 'closed']).optional(),
  areaCode: z
    .string()
    .regex(/^\d{6}$/, '地区代码为 6 位数字')
    .optional(),
  page: z.coerce.number().int().min(1).max(100000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
export const ZFactCaseParams = z.object({ id: z.coerce.number().int().positive() });
export const ZCloseFactCaseRequest = z.strictObject({ resolution: text(500) });
