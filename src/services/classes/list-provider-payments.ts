// 本机构的补贴拨付: every payment made on a claim of the provider's classes — to the provider itself
// or, where the plan pays the enterprise or the trainee, to them — with its claim, batch and date.
import { requireRole, residentIdFor, type Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/audit-log.ts';

export const PROVIDER_PAYMENT_SORTS = { paidAt: 'payments.paid_at', amount: 'payments.amount_fen' } as const;

export interface ListProviderPaymentsInput extends PageQuery<keyof typeof PROVIDER_PAYMENT_SORTS> {
  classId?: string;
  program?: string;
  payee?: string;
}

export interface ProviderPayment {
  id: number;
  claimId: string;
  claimNumber: string;
  classId: string | null;
  program: string;
  residentId: string;
  payee: string;
  payeeRef: string | null;
  amountFen: number;
  batchId: string;
  /** The payment batch's record number (BF-…). */
  batchNumber: string;
  paidAt: string;
}

export async function listProviderPayments(tx: Tx, actor: Actor | null, input: ListProviderPaymentsInput): Promise<Page<ProviderPayment>> {
  const a = requireRole(actor, 'provider');
  let q = tx
    .selectFrom('payments')
    .innerJoin('claims', 'claims.id', 'payments.claim_id')
    .select([
      'payments.id',
      'payments.claim_id',
      'claims.number as claim_number',
      'claims.class_id',
      'claims.program',
      'claims.resident_id',
      'payments.payee',
      'payments.payee_ref',
      'payments.amount_fen',
      'payments.batch_id',
      (eb) => eb.selectFrom('payment_batches as pb').select('pb.number').whereRef('pb.id', '=', 'payments.batch_id').as('batch_number'),
      'payments.paid_at',
    ])
    .where('claims.provider_id', '=', a.providerId ?? '');
  if (input.classId) q = q.where('claims.class_id', '=', input.classId);
  if (input.program) q = q.where('claims.program', '=', input.program);
  if (input.payee) q = q.where('payments.payee', '=', input.payee);
  const page = await readPage(
    q,
    { ...input, order: input.order ?? (input.sort ? 'asc' : 'desc') },
    PROVIDER_PAYMENT_SORTS,
    'paidAt',
    'payments.id',
  );
  return {
    ...page,
    items: page.items.map((p) => ({
      id: Number(p.id),
      claimId: p.claim_id,
      claimNumber: p.claim_number,
      classId: p.class_id,
      program: p.program,
      residentId: residentIdFor(a, p.resident_id),
      payee: p.payee,
      payeeRef: p.payee_ref,
      amountFen: Number(p.amount_fen),
      batchId: p.batch_id,
      batchNumber: p.batch_number ?? '',
      paidAt: new Date(p.paid_at).toISOString(),
    })),
  };
}
