import { z } from 'zod';
import { CERTIFICATE_TYPES } from '../../policy/codes.ts';
import { CLASS_PROGRAMS } from '../../services/classes/class-application.ts';
import { CLASS_SORTS } from '../../services/classes/list-classes.ts';
import { MANUAL_REASONS } from '../../services/classes/record-attendance.ts';
import { areaCode, code, isoDate, level, optionalText, pageQuery, residentId, sortKeys, text, uscc } from './fields.types.ts';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

export const ZClassApplication = z.strictObject({
  providerId: code,
  program: z.enum(CLASS_PROGRAMS),
  areaCode,
  enterpriseUscc: uscc.nullish(),
  occupationCode: code.nullish(),
  level: level.nullish(),
  entrepreneurshipType: code.nullish(),
  projectId: z.string().max(64).nullish(),
  filingId: z.string().max(64).nullish(),
  startDate: isoDate,
  endDate: isoDate,
  hours: z.number().positive().max(10_000),
  venue: text(200),
  teachers: z.array(z.strictObject({ name: text(50), qualification: optionalText(200).nullish() })).max(100),
  trainees: z
    .array(
      z.strictObject({
        residentId,
        name: optionalText(50).nullish(),
        employerUscc: uscc.nullish(),
        newHire: z.boolean().nullish(),
        contractMonths: z.number().int().min(0).max(600).nullish(),
      }),
    )
    .max(2000),
  sessions: z.array(z.strictObject({ day: isoDate, startsAt: time, endsAt: time, hours: z.number().positive().max(24) })).max(2000),
});
export type TClassApplication = z.infer<typeof ZClassApplication>;

export const ZNoteRequest = z.strictObject({ note: optionalText(2000).nullish() });
export const ZReturnRequest = z.strictObject({ note: text(2000) });
export const ZAttendanceRequest = z.strictObject({
  sessionId: z.number().int().positive().max(2_000_000_000),
  marks: z
    .array(
      z.strictObject({
        residentId,
        present: z.boolean(),
        method: optionalText(50).nullish(),
        reason: z
          .enum(MANUAL_REASONS)
          .nullish()
          .describe(`手工补录出勤的原因（${MANUAL_REASONS.join('、')}）；新登记为出勤的必填，学员本人扫码签到的无需补录`),
        reasonNote: optionalText(200).nullish().describe('补录原因为“其他”时的具体原因'),
      }),
    )
    .min(1)
    .max(2000),
});
export const ZAssessmentRequest = z.strictObject({
  results: z
    .array(z.strictObject({ residentId, qualified: z.boolean(), assessedOn: isoDate }))
    .min(1)
    .max(2000),
});
export const ZCertificateRequest = z.strictObject({
  residentId,
  type: z.enum(CERTIFICATE_TYPES),
  number: text(64),
  issuedOn: isoDate,
  issuer: optionalText(200).nullish(),
});
export const ZListClassesQuery = z.object({
  ...pageQuery(sortKeys(CLASS_SORTS)),
  status: z.enum(['draft', 'submitted', 'approved', 'returned', 'running', 'assessed', 'closed']).optional(),
  program: z.enum(CLASS_PROGRAMS).optional(),
  providerId: z.string().max(40).optional(),
  areaCode: areaCode.optional(),
  startFrom: isoDate.optional(),
  startTo: isoDate.optional(),
  /** A class number (or part of one) or part of the provider's name. */
  q: z.string().trim().min(1).max(40).optional(),
});

export const ZClassClaimsRequest = z.strictObject({ residentIds: z.array(residentId).min(1).max(2000).nullish() });
export const ZClassClaimsResult = z.object({ submitted: z.number(), claimIds: z.array(z.string()), skipped: z.number() });

// Responses.
export const ZClassSummary = z.object({
  id: z.string(),
  number: z.string(),
  providerId: z.string(),
  providerName: z.string().nullable(),
  enterpriseUscc: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  occupationName: z.string().nullable(),
  program: z.string(),
  areaCode: z.string(),
  occupationCode: z.string().nullable(),
  level: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.string(),
  trainees: z.number(),
});
export const ZClassSummaryPage = z.object({ items: z.array(ZClassSummary), total: z.number(), page: z.number(), pageSize: z.number() });
export const ZClassTraineeView = z.object({
  residentId: z.string(),
  name: z.string(),
  employerUscc: z.string().nullable(),
  newHire: z.boolean().nullable(),
  contractMonths: z.number().nullable(),
  sessionsPresent: z.number(),
  hoursPresent: z.number(),
  qualified: z.boolean().nullable(),
  assessedOn: z.string().nullable(),
});
export const ZProblem = z.object({ rule: z.string(), clause: z.string(), severity: z.string(), message: z.string() });
export const ZOpeningReview = z.object({
  blocking: z.boolean(),
  classProblems: z.array(ZProblem),
  trainees: z.array(z.object({ residentId: z.string(), name: z.string(), problems: z.array(ZProblem) })),
});
export const ZClassView = z.object({
  id: z.string(),
  number: z.string(),
  providerName: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  projectName: z.string().nullable(),
  filingNumber: z.string().nullable(),
  providerId: z.string(),
  program: z.string(),
  areaCode: z.string(),
  enterpriseUscc: z.string().nullable(),
  occupationCode: z.string().nullable(),
  level: z.string().nullable(),
  entrepreneurshipType: z.string().nullable(),
  projectId: z.string().nullable(),
  filingId: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number(),
  venue: z.string(),
  teachers: z.array(z.object({ name: z.string(), qualification: z.string().nullable().optional() })).nullable(),
  status: z.string(),
  reviewNote: z.string().nullable(),
  reviewProblems: ZOpeningReview.nullable(),
  trainees: z.array(ZClassTraineeView),
  sessions: z.array(z.object({ id: z.number(), day: z.string(), startsAt: z.string(), endsAt: z.string(), hours: z.number() })),
  certificates: z.array(z.object({ id: z.number(), type: z.string(), number: z.string(), residentId: z.string(), issuedOn: z.string() })),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const ZRecordAttendanceResult = z.object({ recorded: z.number(), signedByTrainee: z.number() });
export const ZRecordAssessmentResult = z.object({ recorded: z.number() });
export const ZRecordCertificateResult = z.object({ id: z.number() });

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TClassSummary = z.infer<typeof ZClassSummary>;
export type TClassView = z.infer<typeof ZClassView>;
export type TClassTrainee = z.infer<typeof ZClassTraineeView>;
export type TProblem = z.infer<typeof ZProblem>;
export type TOpeningReview = z.infer<typeof ZOpeningReview>;
export type TClassClaimsResult = z.infer<typeof ZClassClaimsResult>;
