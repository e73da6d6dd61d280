// Schemas of the main-post headcount routes (§1): the figure an enterprise (or its office) records for a
// year, the year's list for the offices, and the city's Excel template and import.
import { z } from 'zod';
import { INDUSTRIES } from '../../policy/codes.ts';
import { HEADCOUNT_SORTS } from '../../services/targets/list-headcounts.ts';
import { MAX_MAIN_POST_EMPLOYEES } from '../../services/targets/headcount-rules.ts';
import { areaCode, optionalText, pageQuery, sortKeys } from './fields.types.ts';

const year = z.coerce
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(2000, '年度应在 2000—2100 之间')
  .max(2100, '年度应在 2000—2100 之间');

export const ZHeadcountParams = z.object({ uscc: z.string().min(1).max(18), year });
export const ZRecordHeadcountRequest = z.strictObject({
  mainPostEmployees: z
    .number({ error: '应为整数（人）' })
    .int('应为整数（人）')
    .min(0, '不能为负数')
    .max(MAX_MAIN_POST_EMPLOYEES, `不能超过 ${MAX_MAIN_POST_EMPLOYEES} 人`),
});
export const ZListHeadcountsQuery = z.object({
  ...pageQuery(sortKeys(HEADCOUNT_SORTS)),
  year,
  areaCode: areaCode.optional(),
  industry: z.enum(INDUSTRIES).optional(),
  recorded: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  name: optionalText(100).optional(),
});
export const ZHeadcountTemplateQuery = z.object({ year });
export const ZHeadcountImportResult = z.object({
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
});

// Responses.
export const ZRecordHeadcountResult = z.object({
  uscc: z.string(),
  name: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  industry: z.string(),
  industryName: z.string(),
  directlyManaged: z.boolean(),
  year: z.number(),
  mainPostEmployees: z.number().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string().nullable(),
  editable: z.boolean(),
  result: z.string(),
});
export const ZHeadcountView = z.object({
  uscc: z.string(),
  name: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  industry: z.string(),
  industryName: z.string(),
  directlyManaged: z.boolean(),
  year: z.number(),
  mainPostEmployees: z.number().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string().nullable(),
  editable: z.boolean(),
});
export const ZHeadcountPage = z.object({
  years: z.array(z.number()),
  items: z.array(ZHeadcountView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

// The shapes the web reads (type-only imports there: erased from the bundle).
export type THeadcountPage = z.infer<typeof ZHeadcountPage>;
export type THeadcountImportResult = z.infer<typeof ZHeadcountImportResult>;
