// Request and response schemas of /funds and /advances. Money is integer fen.
import { z } from 'zod';
import { ZIsoDate } from './claims.types.ts';

const fen = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const ZIdParams = z.object({ id: z.string().min(1).max(80) });
export const ZCreateFundRequest = z
  .object({ source: z.enum(['special_action', 'employment_fund']), year: z.number().int().min(2000).max(2100), budgetFen: fen })
  .strict();
export const ZFundBalance = z.object({
  id: z.string(),
  source: z.string(),
  year: z.number(),
  budgetFen: z.number(),
  reservedFen: z.number(),
  paidFen: z.number(),
  advancedFen: z.number(),
  recoveredFen: z.number(),
  remainingFen: z.number(),
  payerAccount: z
    .object({ accountName: z.string(), accountNumber: z.string(), bankName: z.string() })
    .nullable()
    .optional()
    .describe('付款账户（银行支付文件的付款方）；未登记时为 null'),
});
export const ZFundList = z.array(ZFundBalance);
export const ZAdvance = z.object({ id: z.string(), fundId: z.string(), amountFen: z.number(), maxFen: z.number(), status: z.string() });
export const ZAdvanceRecovery = z.object({ id: z.string(), status: z.string(), recoveredFen: z.number() });
export const ZPayAdvanceRequest = z
  .object({ kind: z.enum(['apprenticeship', 'project']), subjectId: z.string().min(1).max(80), amountFen: fen.min(1), paidOn: ZIsoDate })
  .strict();
export const ZRecoverAdvanceRequest = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();

// GET /funds/:id/ledger: the movements behind a fund's balance, newest first.
export const ZLedgerQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
  kind: z.enum(['reservation', 'payment', 'advance', 'recovery']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});
export const ZLedgerPage = z.object({
  fundId: z.string(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(
    z.object({
      kind: z.enum(['reservation', 'payment', 'advance', 'recovery']),
      at: z.string(),
      ref: z.string(),
      subject: z.string().nullable(),
      refNumber: z.string().nullable().describe('ref 的编号（申领 SQ-…；预付及其追回：计划或项目的编号）'),
      subjectNumber: z.string().nullable().describe('支付所在批次的编号（BF-…）'),
      amountFen: z.number(),
      status: z.string().nullable(),
      areaCode: z.string().nullable(),
      by: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TLedgerPage = z.infer<typeof ZLedgerPage>;
export type TLedgerEntry = TLedgerPage['items'][number];
export type TFundBalance = z.infer<typeof ZFundBalance>;
