// The lines of a payment batch as the bank's list: who is paid (the claim's payee: the trainee, the
// enterprise or the institution), the account holder's name and identifier, the amount, and whether
// it has been paid. Exported to Excel by the payment screen.
import type { Tx } from '../../store/audit-log.ts';
import { maskAccountNumber, residentIdFor, type Actor } from '../access.ts';
import { decryptAccount } from '../payments/account-crypto.ts';
import { payeeRef } from '../payments/payee-accounts.ts';
import { AppError } from '../app-error.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import { requireInArea, requireOffice } from './review-scope.ts';

export const LINE_SORTS = { claimId: 'i.claim_id', claimNumber: 'c.number', amount: 'i.amount_fen', lineNo: 'i.line_no' } as const;

export interface BatchLine {
  claimId: string;
  claimNumber: string;
  program: string;
  payee: string;
  payeeRef: string | null;
  accountHolder: string | null;
  residentId: string;
  amountFen: number;
  paid: boolean;
  paidAt: string | null;
  /** The line's number in the batch (the bank file's 序号). */
  lineNo: number;
  /** The payee's receiving account, masked by the one rule; null when none is recorded. */
  accountMasked: string | null;
  bankName: string | null;
  /** The bank's outcome (paid / failed), its reference or its reason; null before the return. */
  bankOutcome: 'paid' | 'failed' | null;
  bankRef: string | null;
  failureReason: string | null;
}

export async function listBatchLines(
  tx: Tx,
  actor: Actor | null,
  batchId: string,
  input: PageQuery<keyof typeof LINE_SORTS>,
): Promise<Page<BatchLine> & { batchStatus: string }> {
  const a = requireOffice(actor);
  const batch = await tx.selectFrom('payment_batches').select(['id', 'area_code', 'status']).where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new AppError('not_found', '没有找到这个支付批次', 'id');
  requireInArea(a, batch.area_code, '支付批次', batchId);
  const q = tx
    .selectFrom('payment_batch_items as i')
    .innerJoin('claims as c', 'c.id', 'i.claim_id')
    .leftJoin('payments as p', 'p.claim_id', 'i.claim_id')
    .leftJoin('people as pe', 'pe.resident_id', 'c.resident_id')
    .leftJoin('enterprises as e', 'e.uscc', 'c.enterprise_uscc')
    .leftJoin('providers as pr', 'pr.id', 'c.provider_id')
    .select([
      'i.claim_id',
      'c.number as claim_number',
      'i.amount_fen',
      'c.program',
      'c.payee',
      'c.r3_exception_payee',
      'c.resident_id',
      'c.enterprise_uscc',
      'c.provider_id',
      'pe.name as person_name',
      'e.name as enterprise_name',
      'pr.name as provider_name',
      'p.id as payment_id',
      'p.paid_at',
      'i.line_no',
      'i.outcome',
      'i.bank_ref',
      'i.failure_reason',
    ])
    .where('i.batch_id', '=', batchId);
  const page = await readPage(q, input, LINE_SORTS, 'claimId', 'i.claim_id');
  // The receiving accounts of this page's payees, masked (decrypted here only to be masked).
  const refs = [...new Set(page.items.flatMap((l) => [l.resident_id, l.enterprise_uscc, l.provider_id]).filter((r): r is string => !!r))];
  const accounts = new Map<string, { bank: string; masked: string }>();
  if (refs.length > 0)
    for (const r of await tx
      .selectFrom('payee_accounts')
      .select(['payee', 'payee_ref', 'bank_name', 'account_cipher'])
      .where('payee_ref', 'in', refs)
      .execute())
      accounts.set(`${r.payee}:${r.payee_ref}`, { bank: r.bank_name, masked: maskAccountNumber(decryptAccount(r.account_cipher)) });
  return {
    ...page,
    batchStatus: batch.status,
    items: page.items.map((l) => {
      const payee = l.payee ?? l.r3_exception_payee ?? 'individual';
      const [ref, holder] =
        payee === 'enterprise'
          ? [l.enterprise_uscc, l.enterprise_name]
          : payee === 'institution'
            ? [l.provider_id, l.provider_name]
            : [residentIdFor(a, l.resident_id), l.person_name];
      return {
        claimId: l.claim_id,
        claimNumber: l.claim_number,
        program: l.program,
        payee,
        payeeRef: ref ?? null,
        accountHolder: holder ?? null,
        residentId: residentIdFor(a, l.resident_id),
        amountFen: Number(l.amount_fen),
        paid: l.payment_id != null,
        paidAt: l.paid_at ? new Date(l.paid_at).toISOString() : null,
        lineNo: l.line_no,
        accountMasked: accounts.get(`${payee}:${payeeRef(payee, l) ?? ''}`)?.masked ?? null,
        bankName: accounts.get(`${payee}:${payeeRef(payee, l) ?? ''}`)?.bank ?? null,
        bankOutcome: l.outcome ?? null,
        bankRef: l.bank_ref ?? null,
        failureReason: l.failure_reason ?? null,
      };
    }),
  };
}
