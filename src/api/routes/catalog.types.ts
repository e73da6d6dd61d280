import { z } from 'zod';
import { CATALOG_SECTIONS, INDUSTRIES, LEVELS } from '../../policy/codes.ts';
import { decimalPlaces } from '../../policy/money.ts';
import { CATALOG_SORTS } from '../../services/catalog/list-catalog-entries.ts';
import { code, isoDate, level, optionalText, pageQuery, sortKeys, text } from './fields.types.ts';

const yuan = z
  .number()
  .nonnegative()
  .max(1e8)
  .refine((x) => decimalPlaces(x) <= 2, '金额最多保留两位小数（分）');

export const ZAddCatalogEntryRequest = z.strictObject({
  section: z.enum(CATALOG_SECTIONS),
  code,
  name: text(100),
  level: z.union([z.literal(5), z.literal(4), z.literal(3), z.literal(2), z.literal(1), z.literal('special')], {
    error: `等级应为 ${LEVELS.join('、')} 之一`,
  }),
  baseStandardYuan: yuan,
  industry: z.enum(INDUSTRIES),
  upliftRate: z.number().min(0).max(1),
  appraisalStandardYuan: yuan.nullable(),
  hours: z.number().positive().max(10_000).nullable(),
  edition: optionalText(50).nullable(),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
});
export const ZAddEntrepreneurshipTypeRequest = z.strictObject({
  code,
  name: text(100),
  amountYuan: yuan,
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
});
export const ZListCatalogQuery = z.object({
  ...pageQuery(sortKeys(CATALOG_SORTS)),
  section: z.enum(CATALOG_SECTIONS).optional(),
  code: z.string().max(40).optional(),
  level: level.optional(),
  industry: z.enum(INDUSTRIES).optional(),
  name: optionalText(100).optional(),
  onDate: isoDate.optional(),
  edition: optionalText(50).optional(),
});
export const ZListTypesQuery = z.object({ onDate: isoDate.optional(), code: z.string().max(40).optional() });

// Responses.
export const ZCatalogEntryView = z.object({
  id: z.number(),
  section: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.string(),
  levelName: z.string(),
  baseStandardFen: z.number(),
  industry: z.string(),
  upliftRate: z.number(),
  effectiveStandardFen: z.number(),
  appraisalStandardFen: z.number().nullable(),
  hours: z.number().nullable(),
  edition: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
});
export const ZCatalogEntryViewPage = z.object({
  items: z.array(ZCatalogEntryView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZEntrepreneurshipTypeView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  amountFen: z.number(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
});
export const ZListEntrepreneurshipTypesResult = z.array(ZEntrepreneurshipTypeView);

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TCatalogEntry = z.infer<typeof ZCatalogEntryView>;
export type TEntrepreneurshipTypeView = z.infer<typeof ZEntrepreneurshipTypeView>;
