// Request and response schemas of /publicity-notices and /objections.
import { z } from 'zod';
import { NOTICE_STATUSES } from '../../vocabulary/statuses.ts';
import { ZIsoDate } from './claims.types.ts';

const id = z.string().min(1).max(80);
const text = (max: number) => z.string().trim().min(1).max(max);

export const ZNoticeIdParams = z.object({ id });
export const ZPublishClaimsRequest = z
  .object({
    areaCode: z.string().min(6).max(12),
    title: text(200),
    startsOn: ZIsoDate.optional().describe('公示开始日期：不早于发布当天（业务日期）；不填即发布当天'),
    claimIds: z.array(id).min(1).max(5000),
    workingDays: z.number().int().min(1).max(60).optional(),
  })
  .strict();
// No dates: an objection is dated by the day it is received, an act by the day it is done (the business date).
export const ZObjectionRequest = z.object({ claimId: id, text: text(4000) }).strict();
export const ZResolveObjectionRequest = z.object({ verdict: z.enum(['upheld', 'dismissed']), resolution: text(4000) }).strict();
export const ZCloseNoticeRequest = z.object({}).strict();

export const ZNoticeResponse = z.object({
  id: z.string(),
  number: z.string(),
  publishedOn: z.string(),
  startsOn: z.string(),
  workingDays: z.number(),
  endsOn: z.string(),
  status: z.enum(NOTICE_STATUSES),
  claims: z.number(),
});
export const ZNoticeView = z.object({
  id: z.string(),
  number: z.string().optional(),
  areaCode: z.string(),
  title: z.string(),
  startsOn: z.string(),
  workingDays: z.number(),
  endsOn: z.string(),
  status: z.enum(NOTICE_STATUSES),
  claims: z.number(),
});
export const ZNoticeList = z.array(ZNoticeView);
export const ZObjectionReceived = z.object({
  id: z.string(),
  noticeId: z.string(),
  status: z.enum(NOTICE_STATUSES).describe('受理异议后公示的状态（暂停）'),
  daysLeft: z.number(),
  receivedOn: z.string(),
});
export const ZObjectionResolution = z.object({
  objectionId: z.string(),
  verdict: z.string(),
  noticeId: z.string(),
  noticeStatus: z.enum(NOTICE_STATUSES),
  endsOn: z.string(),
  resolvedOn: z.string(),
});
export const ZNoticeClosed = z.object({ id: z.string(), status: z.enum(NOTICE_STATUSES), endsOn: z.string(), closedOn: z.string() });

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TNoticeView = z.infer<typeof ZNoticeView>;
export type TNoticeResponse = z.infer<typeof ZNoticeResponse>;
export type TObjectionReceived = z.infer<typeof ZObjectionReceived>;
export type TObjectionResolution = z.infer<typeof ZObjectionResolution>;
