import { z } from 'zod';
import { RULE_WEIGHTS } from '../../services/risk/risk-parameters.ts';
import { areaCode, isoDate, optionalText, text } from './fields.types.ts';
import { INSPECTION_RESULTS, INSPECTION_STATUSES } from '../../vocabulary/statuses.ts';

const page = {
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
};
const ref = z
  .string()
  .min(1)
  .max(64)
  .refine((s) => !s.includes('\u0000'), '含有不允许的字符');

const level = z.enum(['high', 'medium', 'low']);
export const ZFindingsQuery = z.object({
  ...page,
  sort: z.enum(['id', 'rule', 'weight']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  scanId: ref.optional(),
  rule: z.enum(Object.keys(RULE_WEIGHTS) as [string, ...string[]]).optional(),
  classId: ref.optional(),
  claimId: ref.optional(),
  providerId: ref.optional(),
  level: level.optional(),
  areaCode: areaCode.optional(),
});
export const ZScoresQuery = z.object({
  ...page,
  sort: z.enum(['score', 'ref']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  kind: z.enum(['class', 'claim', 'provider']),
  scanId: ref.optional(),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  level: level.optional(),
  areaCode: areaCode.optional(),
  ref: ref.optional(),
});
export const ZScansQuery = z.object({ ...page, sort: z.enum(['scannedAt']).optional(), order: z.enum(['asc', 'desc']).optional() });
export const ZInspectionsQuery = z.object({
  ...page,
  sort: z.enum(['id', 'score', 'probability']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  sampleId: ref.optional(),
  status: z.enum(INSPECTION_STATUSES).optional(),
  result: z.enum(INSPECTION_RESULTS).optional(),
  classId: ref.optional(),
  areaCode: areaCode.optional(),
});
export const ZEvaluationsQuery = z.object({
  ...page,
  sort: z.enum(['evaluatedOn', 'score']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  providerId: ref.optional(),
  passed: z.enum(['true', 'false']).optional(),
  areaCode: areaCode.optional(),
});
export const ZSampleRequest = z.strictObject({ seed: text(100), areaCode: areaCode.nullish() });
export const ZInspectionResultRequest = z.strictObject({ result: z.enum(INSPECTION_RESULTS), note: text(2000), inspectedOn: isoDate });
const basis = z.strictObject({ findingIds: z.array(ref).max(100).optional(), inspectionId: ref.nullish() }).optional();
export const ZSanctionRequest = z.discriminatedUnion('target', [
  z.strictObject({ target: z.literal('claim'), claimId: ref, reason: text(2000), on: isoDate, basis }),
  z.strictObject({
    target: z.literal('provider'),
    providerId: ref,
    status: z.enum(['suspended', 'delisted']),
    reason: text(2000),
    on: isoDate,
    basis,
  }),
]);
export const ZPublicSanctionsQuery = z.object(page);
export const ZEvaluationRequest = z.strictObject({
  providerId: ref,
  evaluator: text(200),
  evaluatedOn: isoDate,
  score: z.number().min(0).max(100),
  note: optionalText(2000).nullish(),
});

// Responses.
export const ZScanSummary = z.object({
  scanId: z.string(),
  parametersVersion: z.string(),
  findings: z.number(),
  byRule: z.record(z.string(), z.number()),
  unknown: z.record(z.string(), z.object({ count: z.number(), note: z.string() })),
  scored: z.object({ classes: z.number(), claims: z.number(), providers: z.number() }),
});
export const ZScanView = z.object({
  id: z.string(),
  parametersVersion: z.string(),
  findings: z.number(),
  byRule: z.record(z.string(), z.number()),
  unknown: z.record(z.string(), z.object({ count: z.number(), note: z.string() })),
  scannedBy: z.string(),
  scannedAt: z.string(),
});
export const ZScanViewPage = z.object({ items: z.array(ZScanView), total: z.number(), page: z.number(), pageSize: z.number() });
export const ZFindingView = z.object({
  id: z.string(),
  scanId: z.string(),
  rule: z.string(),
  title: z.string(),
  clause: z.string(),
  weight: z.number(),
  explanation: z.string(),
  evidence: z.unknown(),
  subjects: z.array(z.object({ kind: z.string(), ref: z.string(), number: z.string(), areaCode: z.string().nullable() })),
});
export const ZListFindingsResult = z.object({
  items: z.array(ZFindingView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  scanId: z.string().nullable(),
});
export const ZScoreView = z.object({
  kind: z.string(),
  ref: z.string(),
  number: z.string(),
  areaCode: z.string().nullable(),
  score: z.number(),
  rules: z.array(z.string()),
  findings: z.number(),
});
export const ZListScoresResult = z.object({
  items: z.array(ZScoreView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  scanId: z.string().nullable(),
});
export const ZSampledInspection = z.object({
  id: z.string(),
  classId: z.string(),
  areaCode: z.string(),
  score: z.number(),
  probability: z.number(),
  draw: z.number(),
});
export const ZSampleResult = z.object({
  id: z.string(),
  seed: z.string(),
  scanId: z.string().nullable(),
  areaCode: z.string().nullable(),
  population: z.number(),
  inspections: z.array(ZSampledInspection),
});
export const ZInspectionView = z.object({
  id: z.string(),
  sampleId: z.string(),
  seed: z.string(),
  classId: z.string(),
  classNumber: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  areaCode: z.string(),
  classStatus: z.string(),
  score: z.number(),
  probability: z.number(),
  draw: z.number(),
  status: z.enum(INSPECTION_STATUSES),
  result: z.enum(INSPECTION_RESULTS).nullable(),
  note: z.string().nullable(),
  inspectedOn: z.string().nullable(),
  inspectedBy: z.string().nullable(),
});
export const ZInspectionViewPage = z.object({ items: z.array(ZInspectionView), total: z.number(), page: z.number(), pageSize: z.number() });
export const ZRecordInspectionResult = z.object({
  id: z.string(),
  classId: z.string(),
  status: z.enum(INSPECTION_STATUSES),
  result: z.enum(INSPECTION_RESULTS),
  note: z.string(),
  inspectedOn: z.string(),
});
export const ZSanctionView = z.object({
  id: z.string(),
  kind: z.string(),
  claimId: z.string().nullable(),
  providerId: z.string().nullable(),
  amountFen: z.number().nullable(),
  reason: z.string(),
  publicParty: z.string(),
  sanctionedOn: z.string(),
});
export const ZPublicSanctionsResult = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      kindName: z.string(),
      party: z.string(),
      reason: z.string(),
      amountFen: z.number().nullable(),
      sanctionedOn: z.string(),
      areaCode: z.string(),
      areaName: z.string().nullable(),
    }),
  ),
});
export const ZEvaluationView = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  areaCode: z.string(),
  providerStatus: z.string(),
  evaluator: z.string(),
  evaluatedOn: z.string(),
  score: z.number(),
  passScore: z.number(),
  passed: z.boolean(),
  note: z.string().nullable(),
  statusChange: z.string().nullable(),
  recordedBy: z.string(),
});
export const ZEvaluationViewPage = z.object({ items: z.array(ZEvaluationView), total: z.number(), page: z.number(), pageSize: z.number() });
export const ZRecordEvaluationResult = z.object({
  id: z.string(),
  providerId: z.string(),
  evaluator: z.string(),
  evaluatedOn: z.string(),
  score: z.number(),
  passScore: z.number(),
  passed: z.boolean(),
  providerStatus: z.string(),
  statusChange: z.string().nullable(),
});

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TFindingView = z.infer<typeof ZFindingView>;
export type TScoreView = z.infer<typeof ZScoreView>;
export type TScanView = z.infer<typeof ZScanView>;
export type TScanSummary = z.infer<typeof ZScanSummary>;
export type TInspectionView = z.infer<typeof ZInspectionView>;
export type TSampleResult = z.infer<typeof ZSampleResult>;
export type TPublicSanction = z.infer<typeof ZPublicSanctionsResult>['items'][number];
export type TEvaluationView = z.infer<typeof ZEvaluationView>;
export type TSanctionView = z.infer<typeof ZSanctionView>;
export type TRecordEvaluationResult = z.infer<typeof ZRecordEvaluationResult>;
