// Query and body schemas of /reports (季报、年报) and /major-matters (重大事项专报).
import { z } from 'zod';
import { areaCode, isoDate, text } from './fields.types.ts';

const ref = z
  .string()
  .min(1)
  .max(64)
  .refine((s) => !s.includes('\u0000'), '含有不允许的字符');
export const ZPeriodReportQuery = z.object({
  year: z.coerce.number().int().min(2000, '年度应在 2000—2100 之间').max(2100, '年度应在 2000—2100 之间'),
  quarter: z.coerce.number().int().min(1, '季度应为 1—4').max(4, '季度应为 1—4').optional(),
  areaCode: areaCode.optional(),
});
export const ZFlagMatterRequest = z.strictObject({
  title: text(200),
  areaCode,
  flaggedOn: isoDate,
  summary: text(4000),
  claimIds: z.array(ref).max(200).optional(),
  classIds: z.array(ref).max(200).optional(),
  providerIds: z.array(ref).max(50).optional(),
});
export const ZMattersQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
  sort: z.enum(['flaggedOn', 'title']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  areaCode: areaCode.optional(),
});
export const ZMatterParams = z.object({ id: ref });

// Responses.
export const ZPeriod = z.object({ year: z.number(), quarter: z.number().nullable(), from: z.string(), to: z.string(), label: z.string() });
export const ZFigures = z.object({
  claims: z.number(),
  trainings: z.number(),
  approvedCount: z.number(),
  approvedFen: z.number(),
  paidCount: z.number(),
  paidFen: z.number(),
  rejected: z.number(),
});
export const ZProgramFigures = z.object({
  program: z.string(),
  programName: z.string(),
  claims: z.number(),
  trainings: z.number(),
  approvedCount: z.number(),
  approvedFen: z.number(),
  paidCount: z.number(),
  paidFen: z.number(),
  rejected: z.number(),
});
export const ZAreaFigures = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  claims: z.number(),
  trainings: z.number(),
  approvedCount: z.number(),
  approvedFen: z.number(),
  paidCount: z.number(),
  paidFen: z.number(),
  rejected: z.number(),
});
export const ZTaskProgress = z.object({
  id: z.number(),
  year: z.number(),
  quarter: z.number(),
  unitKind: z.string(),
  unit: z.string(),
  unitName: z.string(),
  areaCode: z.string().nullable(),
  program: z.string(),
  programName: z.string(),
  target: z.number(),
  done: z.number(),
  expected: z.number(),
  doneBasisPoints: z.number(),
  lagging: z.boolean(),
  shortfall: z.number(),
  note: z.string().nullable(),
});
export const ZProgramSpending = z.object({
  program: z.string(),
  programName: z.string(),
  reservedFen: z.number(),
  paidFen: z.number(),
  advancedFen: z.number(),
  recoveredFen: z.number(),
  spentFen: z.number(),
});
export const ZFundAccount = z.object({
  sourceName: z.string(),
  spentFen: z.number(),
  programs: z.array(ZProgramSpending),
  id: z.string(),
  source: z.string(),
  year: z.number(),
  budgetFen: z.number(),
  reservedFen: z.number(),
  paidFen: z.number(),
  advancedFen: z.number(),
  recoveredFen: z.number(),
  remainingFen: z.number(),
});
export const ZEnterpriseShare = z.object({
  year: z.number(),
  fundId: z.string().nullable(),
  enterpriseFen: z.number(),
  totalFen: z.number(),
  shareBasisPoints: z.number().nullable(),
  minPercent: z.number(),
  clause: z.string(),
  below: z.boolean(),
  message: z.string(),
});
export const ZSkillRatio = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  employed: z.number().nullable(),
  skilled: z.number().nullable(),
  highSkilled: z.number().nullable(),
  skilledBasisPoints: z.number().nullable(),
  highSkilledBasisPoints: z.number().nullable(),
  skilledMet: z.boolean().nullable(),
  highSkilledMet: z.boolean().nullable(),
  missing: z.boolean(),
});
export const ZEnterpriseWithoutHeadcount = z.object({ uscc: z.string(), name: z.string(), areaCode: z.string() });
export const ZIndustryRotation = z.object({
  industry: z.string(),
  industryName: z.string(),
  enterprises: z.number(),
  enterprisesWithoutHeadcount: z.number(),
  withoutHeadcount: z.array(ZEnterpriseWithoutHeadcount),
  mainPostEmployees: z.number(),
  trained: z.number(),
  trainedBasisPoints: z.number().nullable(),
  met: z.boolean().nullable(),
});
export const ZCityGoals = z.object({
  year: z.number(),
  clause: z.string(),
  policyPackage: z.string().nullable(),
  asOf: z.string(),
  skilledTargetPercent: z.number().nullable(),
  highSkilledTargetPercent: z.number().nullable(),
  areas: z.array(ZSkillRatio),
  city: ZSkillRatio,
  rotation: z.array(ZIndustryRotation),
  missing: z.array(z.string()),
});
export const ZR8Enterprise = z.object({
  uscc: z.string(),
  name: z.string(),
  reducedClaims: z.number(),
  reductionFen: z.number().nullable(),
});
export const ZR8Summary = z.object({
  year: z.number(),
  clause: z.string(),
  reducedRatePercent: z.number().nullable(),
  enterprises: z.object({ fullyUsed: z.number(), notFullyUsed: z.number(), unknown: z.number() }),
  reducedClaims: z.number(),
  standardFen: z.number().nullable(),
  paidFen: z.number(),
  reductionFen: z.number().nullable(),
  undecidedClaims: z.number(),
  top: z.array(ZR8Enterprise),
  message: z.string(),
});
export const ZPeriodReport = z.object({
  kind: z.string(),
  title: z.string(),
  period: ZPeriod,
  scope: z.object({ areaCode: z.string().nullable(), department: z.string().nullable(), label: z.string() }),
  generatedAt: z.string(),
  summary: ZFigures,
  byProgram: z.array(ZProgramFigures),
  byArea: z.array(ZAreaFigures),
  trend: z.array(
    z.object({
      quarter: z.number(),
      label: z.string(),
      claims: z.number(),
      trainings: z.number(),
      approvedCount: z.number(),
      approvedFen: z.number(),
      paidCount: z.number(),
      paidFen: z.number(),
      rejected: z.number(),
    }),
  ),
  tasks: z.array(ZTaskProgress),
  laggards: z.array(ZTaskProgress),
  funds: z.array(ZFundAccount).nullable(),
  enterpriseShare: ZEnterpriseShare.nullable(),
  goals: ZCityGoals.nullable(),
  r8: ZR8Summary.nullable(),
});
export const ZMajorMatterView = z.object({
  id: z.string(),
  title: z.string(),
  areaCode: z.string(),
  flaggedOn: z.string(),
  summary: z.string(),
  claimIds: z.array(z.string()),
  classIds: z.array(z.string()),
  providerIds: z.array(z.string()),
  createdBy: z.string(),
});
export const ZListMajorMattersResult = z.object({
  items: z.array(ZMajorMatterView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZMajorMatterReport = z.object({
  matter: ZMajorMatterView,
  areaName: z.string(),
  generatedAt: z.string(),
  title: z.string(),
  claims: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      program: z.string(),
      programName: z.string(),
      status: z.string(),
      areaCode: z.string(),
      providerId: z.string().nullable(),
      endDate: z.string(),
      amountFen: z.number().nullable(),
      paidFen: z.number().nullable(),
      recoveredFen: z.number(),
    }),
  ),
  classes: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      program: z.string(),
      programName: z.string(),
      status: z.string(),
      providerId: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      trainees: z.number(),
    }),
  ),
  providers: z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), areaCode: z.string() })),
  findings: z.array(z.object({ rule: z.string(), title: z.string(), clause: z.string(), subjects: z.number() })),
  sanctions: z.array(
    z.object({ id: z.string(), kind: z.string(), reason: z.string(), amountFen: z.number().nullable(), sanctionedOn: z.string() }),
  ),
  totals: z.object({ claims: z.number(), amountFen: z.number(), paidFen: z.number(), recoveredFen: z.number() }),
});

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TProgramSpending = z.infer<typeof ZProgramSpending>;
export type TFundAccount = z.infer<typeof ZFundAccount>;
export type TEnterpriseShare = z.infer<typeof ZEnterpriseShare>;
export type TTaskProgress = z.infer<typeof ZTaskProgress>;
export type TSkillRatio = z.infer<typeof ZSkillRatio>;
export type TIndustryRotation = z.infer<typeof ZIndustryRotation>;
export type TCityGoals = z.infer<typeof ZCityGoals>;
export type TFigures = z.infer<typeof ZFigures>;
export type TPeriodReport = z.infer<typeof ZPeriodReport>;
export type TMajorMatterView = z.infer<typeof ZMajorMatterView>;
export type TMajorMatterReport = z.infer<typeof ZMajorMatterReport>;
export type TR8Enterprise = z.infer<typeof ZR8Enterprise>;
