import { z } from 'zod';
import { INDUSTRIES } from '../../policy/codes.ts';
import { ENTERPRISE_SORTS } from '../../services/enterprises/list-enterprises.ts';
import { areaCode, isoDate, optionalText, pageQuery, sortKeys, text, uscc } from './fields.types.ts';
import { ZDecisionSummary, ZFactCaseSummary, ZRedecidedClaim } from './people.types.ts';
// The re-decision report is the same whichever record's fact changed.
export { ZDecisionSummary, ZFactCaseSummary, ZRedecidedClaim };

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

// Responses.
export const ZEnterpriseSummary = z.object({
  uscc: z.string(),
  name: z.string(),
  areaCode: z.string(),
  industry: z.string(),
  insured: z.boolean().nullable(),
  directlyManaged: z.boolean(),
});
export const ZEnterpriseSummaryPage = z.object({
  items: z.array(ZEnterpriseSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZEnterpriseView = z.object({
  uscc: z.string(),
  name: z.string(),
  areaCode: z.string(),
  industry: z.string(),
  insured: z.boolean().nullable(),
  directlyManaged: z.boolean(),
  dispatchingAgencyUscc: z.string().nullable(),
  educationFund: z.array(z.object({ year: z.number(), fullyUsed: z.boolean(), source: z.string() })),
  difficulty: z.array(z.object({ id: z.number(), validFrom: z.string(), validTo: z.string().nullable(), source: z.string() })),
  insuredHistory: z.array(
    z.object({ id: z.number(), value: z.boolean(), asOf: z.string(), source: z.string(), recordedBy: z.string(), recordedAt: z.string() }),
  ),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
/** What recording a fact re-decided and the cases it raised (SPEC "Facts in time"). */
export const ZFactImpact = z.object({ redecided: z.array(ZRedecidedClaim), cases: z.array(ZFactCaseSummary) });
/** `dryRun: true`: what the record would change, nothing saved. */
export const ZFactImpactPreview = ZFactImpact.extend({ dryRun: z.boolean() });
export const ZEnterpriseWithImpact = ZEnterpriseView.extend(ZFactImpact.shape);
/** The education-fund record answers 200 either way: the impact alone (dryRun) or the enterprise with it. */
export const ZEducationFundResult = z.union([ZFactImpactPreview, ZEnterpriseWithImpact]);

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TEnterprise = z.infer<typeof ZEnterpriseView>;
export type TFactImpact = z.infer<typeof ZFactImpact>;
export type TEducationFundResult = z.infer<typeof ZEducationFundResult>;
