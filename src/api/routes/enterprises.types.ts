import { z } from 'zod';
import { INDUSTRIES } from '../../policy/codes.ts';
import { ENTERPRISE_SORTS } from '../../services/enterprises/list-enterprises.ts';
import { areaCode, isoDate, optionalText, pageQuery, sortKeys, text, uscc } from './fields.types.ts';

export const ZCreateEnterpriseRequest = z.strictObject({
  uscc,
  name: text(100),
  areaCode,
  industry: z.enum(INDUSTRIES),
  insured: z.boolean().nullable(),
  directlyManaged: z.boolean().optional(),
  dispatchingAgencyUscc: uscc.nullish(),
});
export const ZEnterpriseParams = z.object({ id: z.string().min(1).max(18) });
// `dryRun`: preview what the record would re-decide or raise as cases, nothing saved (docs/facts-in-time.md).
export const ZEducationFundRequest = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  fullyUsed: z.boolean(),
  source: text(200),
  dryRun: z.boolean().optional(),
});
export const ZDifficultyRequest = z.strictObject({
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  source: text(200),
  dryRun: z.boolean().optional(),
});
export const ZInsuredRequest = z.strictObject({ value: z.boolean(), asOf: isoDate, source: text(200), dryRun: z.boolean().optional() });
export const ZListEnterprisesQuery = z.object({
  ...pageQuery(sortKeys(ENTERPRISE_SORTS)),
  areaCode: areaCode.optional(),
  industry: z.enum(INDUSTRIES).optional(),
  name: optionalText(100).optional(),
  directlyManaged: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
