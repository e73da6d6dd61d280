import { z } from 'zod';
import { DISPUTE_SORTS } from '../../services/disputes/list-disputes.ts';
import { okList, pageQuery, sortKeys, text } from './fields.types.ts';
import { DISPUTE_FINDINGS, DISPUTE_STATUSES } from '../../vocabulary/statuses.ts';

export const ZOpenDisputeRequest = z.strictObject({ claimId: z.string().min(1).max(80), reason: text(2000) });
export const ZResolveDisputeRequest = z.strictObject({ finding: z.enum(DISPUTE_FINDINGS), resolution: text(2000) });
export const ZListDisputesQuery = z.object({
  ...pageQuery(sortKeys(DISPUTE_SORTS)),
  status: z.enum(DISPUTE_STATUSES).optional(),
  pending: z.enum(['true', 'false']).optional(),
  claimId: z.string().max(80).optional(),
  areaCode: z.string().max(12).optional(),
});

// Responses.
export const ZOpenDisputeResult = z.object({
  id: z.string(),
  claimId: z.string(),
  residentId: z.string(),
  areaCode: z.string(),
  reason: z.string(),
  status: z.string(),
  takenBy: z.string().nullable(),
  takenAt: z.string().nullable(),
  finding: z.string().nullable(),
  resolution: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
  claim: z
    .object({
      number: z.string(),
      program: z.string(),
      status: z.string(),
      applicant: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      amountFen: z.number().nullable(),
    })
    .nullable(),
});
export const ZListDisputesResult = okList(ZOpenDisputeResult);

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TDisputeView = z.infer<typeof ZOpenDisputeResult>;
