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

// Responses.
export const ZFactCaseView = z.object({
  id: z.number(),
  claimId: z.string(),
  program: z.string(),
  areaCode: z.string(),
  claimStatus: z.string(),
  subjectKind: z.string(),
  subjectId: z.string(),
  fact: z.string(),
  factName: z.string(),
  change: z.record(z.string(), z.unknown()),
  before: z.object({ outcome: z.string(), amountFen: z.number() }),
  after: z.object({ outcome: z.string(), amountFen: z.number(), reasons: z.array(z.string()) }),
  status: z.string(),
  raisedBy: z.string(),
  raisedAt: z.string(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export const ZListFactCasesResult = z.object({ items: z.array(ZFactCaseView), total: z.number(), page: z.number(), pageSize: z.number() });

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TFactCaseView = z.infer<typeof ZFactCaseView>;
