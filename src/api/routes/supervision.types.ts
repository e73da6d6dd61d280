// Query and body schemas of the supervision routes: funds and R9 (§5.2), the public fund-use
// disclosure, annual tasks and their quarterly progress, employment figures and the §1 goals.
import { z } from 'zod';

import { TRAINING_PROGRAMS } from '../../services/reports/report-period.ts';
import { areaCode, optionalText, text } from './fields.types.ts';
import { DEPARTMENTS } from '../../vocabulary/roles.ts';
// The reports' shapes, one definition each.
import { ZEnterpriseShare, ZFundAccount, ZPeriod, ZTaskProgress } from './reports.types.ts';

const page = {
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
};
const year = z.coerce.number().int().min(2000, '年度应在 2000—2100 之间').max(2100, '年度应在 2000—2100 之间');
const quarter = z.coerce.number().int().min(1, '季度应为 1—4').max(4, '季度应为 1—4');
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const count = z.number().int('应为整数').min(0, '不能为负数').max(100_000_000, '数值过大');

export const ZFundAccountsQuery = z.object({
  ...page,
  year: year.optional(),
  source: z.enum(['special_action', 'employment_fund']).optional(),
});
export const ZEnterpriseShareQuery = z.object({ ...page, year: year.optional(), belowOnly: flag.optional() });
export const ZDisclosureQuery = z.object({ year, quarter: quarter.optional() });

export const ZTaskProgressQuery = z.object({
  ...page,
  year,
  quarter,
  lagging: flag.optional(),
  unitKind: z.enum(['area', 'department']).optional(),
  unit: z.string().min(1).max(40).optional(),
  program: z.enum(TRAINING_PROGRAMS as [string, ...string[]]).optional(),
  sort: z.enum(['unit', 'program', 'target', 'done', 'rate']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});
export const ZSetTaskRequest = z.strictObject({
  year: z.number().int('应为整数').min(2000).max(2100),
  unitKind: z.enum(['area', 'department']),
  unit: z.union([areaCode, z.enum(Object.keys(DEPARTMENTS) as [string, ...string[]])]),
  program: z.enum(TRAINING_PROGRAMS as [string, ...string[]]),
  target: z.number().int('应为整数').min(1, '任务数应大于 0').max(10_000_000),
  note: optionalText(500).nullish(),
});
export const ZChangeTaskRequest = z.strictObject({
  target: z.number().int('应为整数').min(1, '任务数应大于 0').max(10_000_000),
  reason: text(500),
});
export const ZTaskIdParams = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
export const ZEmploymentFiguresRequest = z.strictObject({
  areaCode,
  year: z.number().int('应为整数').min(2000).max(2100),
  employed: count,
  skilled: count,
  highSkilled: count,
  source: text(200),
});
export const ZGoalsQuery = z.object({ year });

// Responses.
export const ZListFundAccountsResult = z.object({
  items: z.array(ZFundAccount),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZListEnterpriseSharesResult = z.object({
  items: z.array(ZEnterpriseShare),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZDisclosureRow = z.object({
  key: z.string(),
  name: z.string(),
  claims: z.number(),
  people: z.number(),
  approvedFen: z.number(),
  paidFen: z.number(),
});
export const ZFundDisclosure = z.object({
  period: ZPeriod,
  funds: z.array(
    z.object({
      id: z.string(),
      sourceName: z.string(),
      year: z.number(),
      budgetFen: z.number(),
      spentFen: z.number(),
      paidFen: z.number(),
      remainingFen: z.number(),
    }),
  ),
  byProgram: z.array(ZDisclosureRow),
  byArea: z.array(ZDisclosureRow),
  byProvider: z.array(ZDisclosureRow),
  totals: z.object({ people: z.number(), claims: z.number(), approvedFen: z.number(), paidFen: z.number() }),
  note: z.string(),
});
export const ZListTaskProgressResult = z.object({
  items: z.array(ZTaskProgress),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZSetAnnualTaskResult = z.object({
  id: z.number(),
  year: z.number(),
  unitKind: z.string(),
  unit: z.string(),
  program: z.string(),
  target: z.number(),
  note: z.string().nullable(),
});
export const ZChangeAnnualTaskResult = z.object({
  id: z.number(),
  year: z.number(),
  unitKind: z.string(),
  unit: z.string(),
  program: z.string(),
  target: z.number(),
  note: z.string().nullable(),
});
export const ZRecordEmploymentFiguresResult = z.object({
  areaCode: z.string(),
  year: z.number(),
  employed: z.number(),
  skilled: z.number(),
  highSkilled: z.number(),
  source: z.string(),
});

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TDisclosureRow = z.infer<typeof ZDisclosureRow>;
export type TFundDisclosure = z.infer<typeof ZFundDisclosure>;
export type TEnterpriseSharePage = z.infer<typeof ZListEnterpriseSharesResult>;
