import { z } from 'zod';
import { PROGRAMS } from '../../policy/codes.ts';
import { ADVANCE_SORTS } from '../../services/parties/list-my-advances.ts';
import { CERTIFICATE_SORTS } from '../../services/parties/list-my-certificates.ts';
import { PAYMENT_SORTS } from '../../services/parties/list-my-payments.ts';
import { R8_VERDICT_NAMES } from '../../vocabulary/statuses.ts';
import { pageQuery, sortKeys } from './fields.types.ts';

export const ZMyPaymentsQuery = z.object({ ...pageQuery(sortKeys(PAYMENT_SORTS)), program: z.enum(PROGRAMS).optional() });
export const ZMyAdvancesQuery = z.object({
  ...pageQuery(sortKeys(ADVANCE_SORTS)),
  status: z.enum(['paid', 'settled', 'recovering', 'recovered']).optional(),
});
export const ZMyCertificatesQuery = z.object({ ...pageQuery(sortKeys(CERTIFICATE_SORTS)) });
export const ZUsccParam = z.object({ id: z.string().min(1).max(18) });

// Responses.
export const ZMyPayment = z.object({
  id: z.number(),
  claimId: z.string(),
  claimNumber: z.string(),
  batchId: z.string(),
  batchNumber: z.string(),
  payee: z.string(),
  amountFen: z.number(),
  paidAt: z.string(),
  program: z.string(),
  residentId: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});
export const ZMyPaymentPage = z.object({ items: z.array(ZMyPayment), total: z.number(), page: z.number(), pageSize: z.number() });
export const ZMyAdvance = z.object({
  id: z.string(),
  kind: z.string(),
  subjectId: z.string(),
  subjectLabel: z.string(),
  subjectNumber: z.string().nullable(),
  fundId: z.string(),
  amountFen: z.number(),
  status: z.string(),
  deductedFen: z.number(),
  recoveredFen: z.number(),
  outstandingFen: z.number(),
  paidAt: z.string(),
});
export const ZMyAdvancePage = z.object({ items: z.array(ZMyAdvance), total: z.number(), page: z.number(), pageSize: z.number() });
export const ZMyCertificate = z.object({
  id: z.number(),
  type: z.string(),
  number: z.string(),
  classId: z.string().nullable(),
  program: z.string().nullable(),
  occupationCode: z.string().nullable(),
  level: z.string().nullable(),
  issuedOn: z.string(),
  issuer: z.string().nullable(),
});
export const ZMyCertificatePage = z.object({ items: z.array(ZMyCertificate), total: z.number(), page: z.number(), pageSize: z.number() });
export const ZR8Claim = z.object({
  id: z.string(),
  number: z.string(),
  program: z.string(),
  residentId: z.string(),
  endDate: z.string(),
  status: z.string(),
  amountFen: z.number().nullable(),
  standardFen: z.number().nullable(),
  reducedFen: z.number().nullable(),
});
export const ZR8Year = z.object({
  year: z.number(),
  educationFund: z.object({
    fullyUsed: z.boolean().nullable(),
    source: z.string().nullable(),
    recordedBy: z.string().nullable(),
    recordedAt: z.string().nullable(),
  }),
  r8: z.enum(sortKeys(R8_VERDICT_NAMES)).describe('applies：按 80% 核定（§5.2）；not_applies：全额；unknown：未登记'),
  reducedClaims: z.array(ZR8Claim),
  reducedTotalFen: z.number().nullable(),
  undecidedClaims: z.array(
    z.object({ id: z.string(), number: z.string(), program: z.string(), residentId: z.string(), endDate: z.string(), status: z.string() }),
  ),
});
export const ZGetEnterpriseR8StatusResult = z.object({ uscc: z.string(), name: z.string(), years: z.array(ZR8Year) });

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TEnterpriseR8Status = z.infer<typeof ZGetEnterpriseR8StatusResult>;
export type TMyPayment = z.infer<typeof ZMyPayment>;
export type TMyAdvance = z.infer<typeof ZMyAdvance>;
export type TMyCertificate = z.infer<typeof ZMyCertificate>;
