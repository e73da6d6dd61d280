// Request and response schemas of /publicity-notices and /objections.
import { z } from 'zod';
import { ZIsoDate } from './claims.types.ts';

const id = z.string().min(1).max(80);
const text = (max: number) => z.string().trim().min(1).max(max);

export const ZNoticeIdParams = z.object({ id });
export const ZPublishClaimsRequest = z.object({
  areaCode: z.string().min(6).max(12),
  title: text(200),
  startsOn: ZIsoDate,
  claimIds: z.array(id).min(1).max(5000),
  workingDays: z.number().int().min(1).max(60).optional(),
}).strict();
export const ZObjectionRequest = z.object({ claimId: id, text: text(4000), on: ZIsoDate.optional() }).strict();
export const ZResolveObjectionRequest = z.object({ verdict: z.enum(['upheld', 'dismissed']), resolution: text(4000), on: ZIsoDate.optional() }).strict();
export const ZCloseNoticeRequest = z.object({ on: ZIsoDate.optional() }).strict();

export const ZNoticeResponse = z.object({ id: z.string(), startsOn: z.string(), workingDays: z.number(), endsOn: z.string(), status: z.string(), claims: z.number() });
export const ZNoticeView = z.object({
  id: z.string(), areaCode: z.string(), title: z.string(), startsOn: z.string(), workingDays: z.number(), endsOn: z.string(), status: z.string(), claims: z.number(),
});
