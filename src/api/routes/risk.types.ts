import { z } from 'zod';
import { RULE_WEIGHTS } from '../../services/risk/risk-parameters.ts';
import { areaCode, isoDate, optionalText, text } from './fields.types.ts';

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
  status: z.enum(['planned', 'done']).optional(),
  result: z.enum(['clean', 'irregular']).optional(),
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
export const ZInspectionResultRequest = z.strictObject({ result: z.enum(['clean', 'irregular']), note: text(2000), inspectedOn: isoDate });
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
