// Request and response schemas of /claims (they also feed the OpenAPI document).
import { z } from 'zod';
import { APPLICANTS, CERTIFICATE_TYPES, PROGRAMS } from '../../policy/codes.ts';
import { isIsoDate } from '../../policy/dates.ts';
import { CLAIM_SORTS } from '../../services/claims/list-claims.ts';
import { CLAIM_PAGE_ACTS } from '../../services/claims/claim-states.ts';

export const ZIsoDate = z.string().refine(isIsoDate, '不是有效日期（应为存在的日期，格式 YYYY-MM-DD）');
const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(80);

export const ZClaimIdParams = z.object({ id });

export const ZSubmitClaimRequest = z
  .object({
    program: z.enum(PROGRAMS),
    applicant: z.enum(APPLICANTS).optional(),
    residentId: z.string().length(18),
    name: z.string().max(40).nullish().describe('劳动者姓名：企业、培训机构申领时必填，与身份证号一起实名核验（§5.2）'),
    enterpriseUscc: z.string().length(18).nullish(),
    providerId: id.nullish(),
    classId: id.nullish(),
    occupationCode: z.string().min(1).max(40).nullish(),
    level: z.union([z.literal(5), z.literal(4), z.literal(3), z.literal(2), z.literal(1), z.literal('special')]).nullish(),
    entrepreneurshipType: z.string().min(1).max(40).nullish(),
    startDate: ZIsoDate,
    endDate: ZIsoDate,
    attendedHours: z.number().nonnegative().max(100_000).nullish(),
    attendedDays: z.number().int().nonnegative().max(10_000).nullish(),
    qualified: z.boolean().nullish(),
    certificate: z
      .object({ type: z.enum(CERTIFICATE_TYPES), number: z.string().max(80).nullish() })
      .strict()
      .nullish(),
    newHire: z.boolean().nullish(),
    contractMonths: z.number().nonnegative().max(1200).nullish(),
    planApproved: z.boolean().nullish(),
    insuredMonths: z.number().int().nonnegative().max(1200).nullish(),
    trainingClaimId: id.nullish(),
    projectId: id.nullish(),
    apprenticeshipPlanId: id.nullish(),
  })
  .strict();
export type TSubmitClaimRequest = z.infer<typeof ZSubmitClaimRequest>;

export const ZReasonRequest = z.object({ reason: text(2000) }).strict();
export const ZOptionalReasonRequest = z.object({ reason: text(2000).nullish() }).strict();
export const ZReviewRequest = z.object({ note: text(2000).nullish() }).strict();
export const ZDecideBatchRequest = z
  .object({ chunkSize: z.number().int().min(1).max(10_000).optional(), limitPeople: z.number().int().min(1).optional() })
  .strict();

export const ZListClaimsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(Object.keys(CLAIM_SORTS) as [keyof typeof CLAIM_SORTS]).default('submittedAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  program: z.enum(PROGRAMS).optional(),
  areaCode: z.string().max(12).optional(),
  status: z.enum(['submitted', 'decided', 'reviewed', 'publicity', 'approved', 'paid', 'rejected', 'withdrawn']).optional(),
  outcome: z.enum(['eligible', 'ineligible', 'not_applicable', 'undecided']).optional(),
  providerId: z.string().max(80).optional(),
  residentId: z.string().max(18).optional(),
  minRisk: z.coerce.number().int().min(1).max(100).optional(),
  noticeId: z.string().min(1).max(80).optional(),
  classId: z.string().min(1).max(80).optional(),
  /** A claim number (or part of one) or, for roles shown names in full, part of the trainee's name. */
  q: z.string().trim().min(1).max(40).optional(),
});

export const ZClaimView = z.object({
  bankFailure: z
    .object({ reason: z.string(), batchNumber: z.string(), at: z.string().nullable() })
    .nullable()
    .optional()
    .describe('银行回单为支付失败时的原因（申领已退回可支付，待编入新批次）'),
  id: z.string(),
  number: z.string(),
  program: z.string(),
  applicant: z.string(),
  status: z.string(),
  areaCode: z.string(),
  residentId: z.string(),
  /** Names beside the codes (null where not on record); the trainee's is masked as the resident ID is. */
  traineeName: z.string().nullable(),
  providerName: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  classNumber: z.string().nullable(),
  occupationName: z.string().nullable(),
  enterpriseUscc: z.string().nullable(),
  providerId: z.string().nullable(),
  classId: z.string().nullable(),
  occupationCode: z.string().nullable(),
  level: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  outcome: z.string().nullable(),
  amountFen: z.number().nullable(),
  payee: z.string().nullable(),
  citations: z.array(z.string()),
  reasons: z.array(z.string()),
  missing: z.array(z.string()),
  policyPackageId: z.string().nullable(),
  decidedAt: z.string().nullable(),
  fundSource: z.string().nullable(),
  r3Exception: z
    .object({
      reason: z.string(),
      by: z.string().nullable(),
      at: z.string().nullable(),
      amountFen: z.number().nullable(),
      payee: z.string().nullable(),
    })
    .nullable(),
  trace: z.unknown().optional(),
  /** On the claim's own page: the acts the viewer may take now (the same rules the use cases enforce). */
  allowedActs: z.array(z.enum(CLAIM_PAGE_ACTS)).optional(),
  /** Risk score in the newest risk scan (offices, finance); null before any scan or for other roles. */
  riskScore: z.number().nullable().optional(),
});
export const ZClaimPage = z.object({
  items: z.array(ZClaimView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  riskScanId: z.string().nullable().optional(),
});
export const ZStatusResponse = z.object({ id: z.string(), status: z.string() });
export const ZSubmittedClaim = z.object({
  id: z.string(),
  number: z.string().describe('申领编号，如 SQ-2021-510422-000123'),
  areaCode: z.string(),
});
export const ZDecideClaimsResult = z.object({ people: z.number(), decided: z.number(), byOutcome: z.record(z.string(), z.number()) });
export const ZAnnualCapException = z.object({ id: z.string(), amountFen: z.number(), payee: z.string().nullable(), reason: z.string() });
export const ZApprovedClaim = z.object({
  id: z.string(),
  status: z.string(),
  fundId: z.string(),
  amountFen: z.number(),
  advanceDeductedFen: z.number(),
  reservedFen: z.number(),
});
export const ZDecisionResponse = z.object({
  ref: z.string(),
  outcome: z.string(),
  amountFen: z.number(),
  payee: z.string().nullable(),
  citations: z.array(z.string()),
  reasons: z.array(z.string()),
  missing: z.array(z.string()),
  trace: z.unknown().optional(),
});

// POST /claims/bulk: one act on many claims, each claim on its own (act-on-claims.ts).
export const ZBulkClaimsRequest = z
  .object({
    action: z.enum(['decide', 'review', 'reject', 'approve']),
    claimIds: z.array(id).min(1, '请至少选择一笔申领').max(200, '一次最多处理 200 笔申领'),
    reason: text(2000).nullish(),
    note: text(2000).nullish(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.action === 'reject' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '驳回须写明理由' });
  });
export const ZBulkClaimsResponse = z.object({
  action: z.string(),
  done: z.number(),
  failed: z.number(),
  results: z.array(
    z.object({
      id: z.string(),
      number: z.string().nullable().optional(),
      ok: z.boolean(),
      status: z.string().optional(),
      outcome: z.string().optional(),
      amountFen: z.number().optional(),
      error: z.object({ code: z.string(), message: z.string(), field: z.string().nullable() }).optional(),
    }),
  ),
});

// The facts an undecided claim waits for, in plain Chinese (missing-facts.ts).
export const ZMissingFact = z.object({
  path: z.string(),
  subject: z.enum(['person', 'enterprise', 'claim']),
  subjectId: z.string().nullable(),
  subjectName: z.string(),
  fact: z.string(),
  factName: z.string(),
  neededOn: z.string().nullable(),
  year: z.number().nullable(),
  rule: z.string(),
  clause: z.string(),
  why: z.string(),
  remedy: z.enum(['person_fact', 'education_fund', 'enterprise_insured', 'claim_field', 'plan_listing']),
  canRecord: z.boolean(),
  howTo: z.string(),
});
export const ZMissingFactsResponse = z.object({ claimId: z.string(), outcome: z.string().nullable(), items: z.array(ZMissingFact) });
export const ZMissingFactsBatch = z.object({ items: z.array(ZMissingFactsResponse) });
export const ZMissingFactsBatchQuery = z.object({
  // A NUL is named on the list itself (the edge's NUL check runs after validation, which would name an item).
  ids: z
    .string()
    .max(200 * 81)
    .refine((s) => !s.includes('\u0000'), '不能包含空字符（\\0，U+0000）')
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(id).min(1, '请至少选择一笔申领').max(200, '一次最多 200 笔申领')),
});

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TClaim = z.infer<typeof ZClaimView>;
export type TClaimPage = z.infer<typeof ZClaimPage>;
export type TMissingFact = z.infer<typeof ZMissingFact>;
export type TMissingFacts = z.infer<typeof ZMissingFactsResponse>;
export type TBulkClaimsResult = z.infer<typeof ZBulkClaimsResponse>;
export type TDecision = z.infer<typeof ZDecisionResponse>;
export type TMissingFactsBatch = z.infer<typeof ZMissingFactsBatch>;
