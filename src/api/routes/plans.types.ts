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

// Responses.
export const ZPlanView = z.object({
  id: z.string(),
  number: z.string(),
  enterpriseUscc: z.string(),
  enterpriseName: z.string().nullable(),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  residentId: z.string(),
  traineeName: z.string().nullable(),
  occupationName: z.string().nullable(),
  occupationCode: z.string(),
  level: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  contractMonths: z.number(),
  status: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const ZPlanViewPage = z.object({ items: z.array(ZPlanView), total: z.number(), page: z.number(), pageSize: z.number() });

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TPlanView = z.infer<typeof ZPlanView>;
