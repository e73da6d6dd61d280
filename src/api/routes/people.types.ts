import { z } from 'zod';
import { PERSON_FACTS } from '../../services/people/person-facts.ts';
import { PEOPLE_SORTS } from '../../services/people/list-people.ts';
import { areaCode, isoDate, optionalText, pageQuery, residentId, sortKeys, text } from './fields.types.ts';

export const ZCreatePersonRequest = z.strictObject({
  residentId,
  name: text(50),
  areaCode,
  phone: z
    .string()
    .regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不正确')
    .nullish(),
});
export const ZUpdatePersonRequest = z.strictObject({
  name: text(50).optional(),
  areaCode: areaCode.optional(),
  phone: z
    .string()
    .regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不正确')
    .nullish(),
});
export const ZPersonParams = z.object({ id: z.string().min(1).max(18) });
export const ZRecordFactRequest = z.strictObject({
  fact: z.enum(PERSON_FACTS),
  value: z.boolean(),
  source: text(200),
  asOf: isoDate,
  /** Preview: list the decisions the fact would change, save nothing (docs/facts-in-time.md). */
  dryRun: z.boolean().optional(),
});
export const ZFactsQuery = z.object({ asOf: isoDate.optional() });
export const ZListPeopleQuery = z.object({
  ...pageQuery(sortKeys(PEOPLE_SORTS)),
  areaCode: areaCode.optional(),
  name: optionalText(50).optional(),
  residentId: z.string().max(18).optional(),
});
export type TCreatePersonRequest = z.infer<typeof ZCreatePersonRequest>;

// Responses.
export const ZPersonView = z.object({
  residentId: z.string(),
  name: z.string(),
  areaCode: z.string(),
  phone: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const ZPersonViewPage = z.object({ items: z.array(ZPersonView), total: z.number(), page: z.number(), pageSize: z.number() });
export const ZDecisionSummary = z.object({ outcome: z.string(), amountFen: z.number() });
export const ZRedecidedClaim = z.object({
  claimId: z.string(),
  program: z.string(),
  status: z.string(),
  before: ZDecisionSummary,
  after: z.object({ outcome: z.string(), amountFen: z.number(), reasons: z.array(z.string()) }),
});
export const ZFactCaseSummary = z.object({
  caseId: z.number().nullable(),
  claimId: z.string(),
  program: z.string(),
  claimStatus: z.string(),
  before: ZDecisionSummary,
  after: z.object({ outcome: z.string(), amountFen: z.number(), reasons: z.array(z.string()) }),
});
export const ZRecordedPersonFact = z.object({
  id: z.number(),
  fact: z.string(),
  factName: z.string(),
  value: z.boolean(),
  source: z.string(),
  asOf: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  redecided: z.array(ZRedecidedClaim),
  cases: z.array(ZFactCaseSummary),
});
export const ZPersonFactPreview = z.object({
  value: z.boolean(),
  fact: z.string(),
  source: z.string(),
  asOf: z.string(),
  factName: z.string(),
  recordedBy: z.string(),
  redecided: z.array(ZRedecidedClaim),
  cases: z.array(ZFactCaseSummary),
  dryRun: z.boolean(),
});
export const ZRecordPersonFactResult = z.union([ZRecordedPersonFact, ZPersonFactPreview]);
export const ZPersonFactView = z.object({
  id: z.number(),
  fact: z.string(),
  factName: z.string(),
  value: z.boolean(),
  source: z.string(),
  asOf: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export const ZPersonFacts = z.object({
  asOf: z.string(),
  current: z.array(
    z.object({
      fact: z.string(),
      factName: z.string(),
      value: z.boolean().nullable(),
      source: z.string().nullable(),
      asOf: z.string().nullable(),
    }),
  ),
  history: z.array(ZPersonFactView),
});

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TPerson = z.infer<typeof ZPersonView>;
export type TPersonFacts = z.infer<typeof ZPersonFacts>;
export type TPersonFactView = z.infer<typeof ZPersonFactView>;
