import { z } from 'zod';
import { PLAN_SORTS } from '../../services/plans/list-plans.ts';
import { code, isoDate, level, optionalText, pageQuery, residentId, sortKeys, uscc } from './fields.types.ts';
import { PLAN_STATUSES } from '../../vocabulary/statuses.ts';

export const ZSubmitPlanRequest = z.strictObject({
  enterpriseUscc: uscc,
  providerId: code.nullable(),
  residentId,
  name: optionalText(50).nullish(),
  occupationCode: code,
  level,
  startDate: isoDate,
  endDate: isoDate,
  contractMonths: z.number().int().min(0).max(600),
});
export const ZPlanStatusRequest = z.strictObject({ status: z.enum(PLAN_STATUSES), note: optionalText(2000).nullable() });
export const ZListPlansQuery = z.object({
  ...pageQuery(sortKeys(PLAN_SORTS)),
  enterpriseUscc: z.string().max(18).optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  q: z.string().trim().min(1).max(40).optional(),
});
