import { z } from 'zod';
import { CLAIM_STATUSES, NOTICE_STATUSES } from '../../vocabulary/statuses.ts';
import { NOTICE_CLAIM_SORTS, NOTICE_SORTS } from '../../services/public/public-notices.ts';
import { areaCode, isoDate, optionalText, pageQuery, sortKeys } from './fields.types.ts';

export const ZPublicNoticesQuery = z.object({
  ...pageQuery(sortKeys(NOTICE_SORTS)),
  areaCode: areaCode.optional(),
  state: z.enum(['current', 'past']).optional(),
  title: optionalText(100).optional(),
});
export const ZPublicNoticeClaimsQuery = z.object({ ...pageQuery(sortKeys(NOTICE_CLAIM_SORTS)), program: z.string().max(40).optional() });
export const ZProgramsQuery = z.object({ onDate: isoDate.optional() });

// Responses.
export const ZPublicNoticeView = z.object({
  id: z.string(),
  number: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  title: z.string(),
  startsOn: z.string(),
  workingDays: z.number(),
  endsOn: z.string(),
  status: z.enum(NOTICE_STATUSES),
  current: z.boolean(),
  claims: z.number(),
  totalFen: z.number(),
  objections: z.number(),
});
export const ZPublicNoticeViewPage = z.object({
  items: z.array(ZPublicNoticeView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZPublicNoticeClaimView = z.object({
  id: z.string(),
  number: z.string(),
  program: z.string(),
  areaCode: z.string(),
  name: z.string(),
  residentId: z.string(),
  amountFen: z.number().nullable(),
  payee: z.string().nullable(),
  status: z.enum(CLAIM_STATUSES),
  objected: z.boolean(),
});
export const ZPublicNoticeClaimViewPage = z.object({
  items: z.array(ZPublicNoticeClaimView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZProgramParameterView = z.object({
  name: z.string(),
  description: z.string(),
  clause: z.string(),
  value: z.unknown(),
  from: z.string(),
  to: z.string().nullable(),
});
export const ZProgramView = z.object({
  program: z.string(),
  name: z.string(),
  clause: z.string(),
  clauseHeading: z.string(),
  subsidises: z.string(),
  payee: z.string(),
  packageId: z.string().nullable(),
  packageTitle: z.string().nullable(),
  inForce: z.object({ from: z.string(), to: z.string() }).nullable(),
  parameters: z.array(ZProgramParameterView),
});
export const ZProgramViewPage = z.object({ items: z.array(ZProgramView), total: z.number(), page: z.number(), pageSize: z.number() });

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TPublicNoticeView = z.infer<typeof ZPublicNoticeView>;
export type TPublicNoticeClaimView = z.infer<typeof ZPublicNoticeClaimView>;
export type TProgramView = z.infer<typeof ZProgramView>;
