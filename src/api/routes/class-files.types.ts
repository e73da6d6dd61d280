import { z } from 'zod';
import { PROGRAMS } from '../../policy/codes.ts';
import { PROVIDER_PAYMENT_SORTS } from '../../services/classes/list-provider-payments.ts';
import { pageQuery, sortKeys } from './fields.types.ts';
import type { RowProblem } from '../../services/classes/sheet-file.ts';

export const ZAttendanceImportResult = z.object({ sessions: z.number(), marks: z.number() });

/** How a refused file is answered (documented in the route descriptions). */
export const ROW_ERRORS_DOC =
  '有错误时返回 400：error.field 为 "file"，error.issues 列出每处错误 {row, column, message, text}（如：行 5，"身份证号" 列：居民身份证号码校验码错误），不导入任何数据。';

export const ZListProviderPaymentsQuery = z.object({
  ...pageQuery(sortKeys(PROVIDER_PAYMENT_SORTS)),
  classId: z.string().max(64).optional(),
  program: z.enum(PROGRAMS).optional(),
  payee: z.enum(['individual', 'enterprise', 'institution']).optional(),
});

// Responses.
export const ZAttendanceMark = z.object({
  sessionId: z.number(),
  residentId: z.string(),
  present: z.boolean(),
  method: z.string().nullable(),
  manual: z.boolean(),
  reason: z.string().nullable(),
  reasonNote: z.string().nullable(),
  signedAt: z.string().nullable(),
  signedOutAt: z.string().nullable(),
  enteredAt: z.string(),
  hours: z.number(),
});
export const ZListAttendanceResult = z.array(ZAttendanceMark);
export const ZProviderPayment = z.object({
  id: z.number(),
  claimId: z.string(),
  claimNumber: z.string(),
  classId: z.string().nullable(),
  program: z.string(),
  residentId: z.string(),
  payee: z.string(),
  payeeRef: z.string().nullable(),
  amountFen: z.number(),
  batchId: z.string(),
  batchNumber: z.string(),
  paidAt: z.string(),
});
export const ZProviderPaymentPage = z.object({
  items: z.array(ZProviderPayment),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TAttendanceMark = z.infer<typeof ZAttendanceMark>;
export type TProviderPayment = z.infer<typeof ZProviderPayment>;
/** One problem of a refused file, as `error.issues` lists it (ROW_ERRORS_DOC; refuseRows in sheet-file.ts). */
export type TRowIssue = RowProblem & { text: string };
