import { z } from 'zod';
import { FILED_PROGRAMS } from '../../services/filings/file-content.ts';
import { FILING_SORTS } from '../../services/filings/list-filings.ts';
import { isoDate, optionalText, pageQuery, sortKeys, text, uscc } from './fields.types.ts';

export const ZFileContentRequest = z.strictObject({
  enterpriseUscc: uscc,
  program: z.enum(FILED_PROGRAMS),
  title: text(200),
  content: text(20_000),
  filedOn: isoDate,
});
export const ZReviewFilingRequest = z.strictObject({ verdict: z.enum(['accepted', 'returned']), note: optionalText(2000).nullable() });
export const ZListFilingsQuery = z.object({
  ...pageQuery(sortKeys(FILING_SORTS)),
  enterpriseUscc: z.string().max(18).optional(),
  program: z.enum(FILED_PROGRAMS).optional(),
  q: z.string().trim().min(1).max(40).optional(),
  status: z.enum(['filed', 'accepted', 'returned']).optional(),
});

// Responses.
export const ZFilingView = z.object({
  id: z.string(),
  number: z.string(),
  enterpriseUscc: z.string(),
  enterpriseName: z.string().nullable(),
  program: z.string(),
  title: z.string(),
  content: z.string(),
  filedOn: z.string(),
  status: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const ZFilingViewPage = z.object({ items: z.array(ZFilingView), total: z.number(), page: z.number(), pageSize: z.number() });

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TFilingView = z.infer<typeof ZFilingView>;
