import { z } from 'zod';
import { DISPUTE_SORTS } from '../../services/disputes/list-disputes.ts';
import { pageQuery, sortKeys, text } from './fields.types.ts';
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
