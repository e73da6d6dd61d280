// Response schemas of the routes in bank-payments.ts (the web imports their types).
import { z } from 'zod';
import { PAYEE_KINDS } from '../../services/payments/payee-accounts.ts';
import { BATCH_STATUSES } from '../../vocabulary/statuses.ts';

// Responses.
export const ZPayeeAccount = z.object({
  payee: z.enum(PAYEE_KINDS),
  payeeRef: z.string(),
  kind: z.enum(['social_security_card', 'bank']),
  accountName: z.string(),
  bankName: z.string(),
  accountMasked: z.string().describe('账号（脱敏：仅显示前 4 位和后 4 位）'),
  updatedBy: z.string(),
  updatedAt: z.date(),
});
export const ZPayeeAccountOrNone = ZPayeeAccount.nullable();
export const ZRevealedPayeeAccount = ZPayeeAccount.extend({ accountNumber: z.string() });
export const ZFundPayerAccount = z.object({ fundId: z.string(), accountName: z.string(), accountNumber: z.string(), bankName: z.string() });
export const ZBankFilePreview = z.object({
  lines: z.number(),
  totalFen: z.number(),
  missingAccounts: z.array(z.object({ payee: z.enum(PAYEE_KINDS), payeeRef: z.string(), name: z.string(), lines: z.array(z.number()) })),
});
export const ZBankFileIssue = z.object({ id: z.string(), issue: z.number() });
export const ZBankReturnResult = z.object({
  batchId: z.string(),
  issue: z.number(),
  alreadyImported: z.boolean(),
  lines: z.number(),
  paid: z.number(),
  failed: z.number(),
  unchanged: z.number(),
  paidFen: z.number(),
  failedFen: z.number(),
  batchStatus: z.enum(BATCH_STATUSES),
});
const ZMessage = z.object({
  id: z.number(),
  topic: z.string(),
  body: z.string(),
  status: z.string(),
  attempts: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export const ZMyNotifications = z.array(ZMessage);
export const ZOutbox = z.array(ZMessage.extend({ residentId: z.string().nullable() }));

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TPayeeAccount = z.infer<typeof ZPayeeAccount>;
export type TBankFilePreview = z.infer<typeof ZBankFilePreview>;
export type TBankReturnResult = z.infer<typeof ZBankReturnResult>;
export type TMessage = z.infer<typeof ZMessage>;
export type TRevealedPayeeAccount = z.infer<typeof ZRevealedPayeeAccount>;
