// Payments on the claims in the actor's own slice (claim-scope.ts): a trainee's claims in their name,
// an enterprise's claims naming it, a provider's own — with the payee, since a §4.6 subsidy for a
// free-group trainee is paid to the institution, not the trainee.
import { requireRole, residentIdFor, type Actor } from '../access.ts';
import { claimScope } from '../claims/claim-scope.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/transaction.ts';

export const PAYMENT_SORTS = { paidAt: 'payments.paid_at', amount: 'payments.amount_fen' } as const;

export interface MyPayment {
  id: number;
  claimId: string;
  claimNumber: string;
  batchId: string;
  /** The payment batch's record number (BF-…). */
  batchNumber: string;
  payee: string;
  amountFen: number;
  paidAt: string;
  program: string;
  residentId: string;
  startDate: string;
  endDate: string;
}

export async function listMyPayments(
  tx: Tx,
  actor: Actor | null,
  input: PageQuery<keyof typeof PAYMENT_SORTS> & { program?: string },
): Promise<Page<MyPayment>> {
  const a = requireRole(actor, 'trainee', 'enterprise', 'provider');
  let q = tx
    .selectFrom('payments')
    .innerJoin('claims', 'claims.id', 'payments.claim_id')
    .select([
      'payments.id',
      'payments.claim_id',
      'payments.batch_id',
      (eb) => eb.selectFrom('payment_batches as pb').select('pb.number').whereRef('pb.id', '=', 'payments.batch_id').as('batch_number'),
      'payments.payee',
      'payments.amount_fen',
      'payments.paid_at',
      'claims.number as claim_number',
      'claims.program',
      'claims.resident_id',
      'claims.start_date',
      'claims.end_date',
    ])
    .where('payments.claim_id', 'in', tx.selectFrom('claims').select('claims.id').where(claimScope(a)));
  if (input.program) q = q.where('claims.program', '=', input.program);
  const page = await readPage(q, { order: 'desc', ...input }, PAYMENT_SORTS, 'paidAt', 'payments.id');
  return {
    ...page,
    items: page.items.map((p) => ({
      id: Number(p.id),
      claimId: p.claim_id,
      claimNumber: p.claim_number,
      batchId: p.batch_id,
      batchNumber: p.batch_number ?? '',
      payee: p.payee,
      amountFen: Number(p.amount_fen),
      paidAt: new Date(p.paid_at).toISOString(),
      program: p.program,
      residentId: residentIdFor(a, p.resident_id),
      startDate: p.start_date,
      endDate: p.end_date,
    })),
  };
}
