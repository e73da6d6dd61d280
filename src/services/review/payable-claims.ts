// What a payment batch can be built from: approved claims, reserved in a fund, that no batch holds
// yet and no open dispute holds out of payment, grouped by area × fund with their count and total
// (buildPaymentBatch takes one such group) and whether the viewer may build it (the build duty).
import type { Tx } from '../../store/audit-log.ts';
import type { Actor } from '../access.ts';
import type { Page } from '../paging.ts';
import { dutiesOf } from '../payments/payment-duties.ts';
import { notHeldByDispute } from '../payments/payment-holds.ts';
import { notHeldByCertificate } from '../certificates/certificate-holds.ts';
import { officeArea, requireOffice } from './review-scope.ts';

export interface PayableGroup {
  areaCode: string;
  fundId: string;
  claims: number;
  totalFen: number;
  allowedActs: 'build'[];
}

export async function listPayable(tx: Tx, actor: Actor | null, input: { areaCode?: string; fundId?: string }): Promise<Page<PayableGroup>> {
  const a = requireOffice(actor);
  let q = tx
    .selectFrom('claims')
    .innerJoin('reservations as r', 'r.claim_id', 'claims.id')
    .select([
      'claims.area_code',
      'r.fund_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('r.amount_fen').as('total'),
    ])
    .where('claims.status', '=', 'approved')
    .where('r.status', '=', 'reserved')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('payment_batch_items as i')
            .select('i.claim_id')
            .whereRef('i.claim_id', '=', 'claims.id')
            // A line the bank refused (payments/bank-return.ts) holds its claim no more.
            .where((eb) => eb.or([eb('i.outcome', 'is', null), eb('i.outcome', '<>', 'failed')])),
        ),
      ),
    )
    .where(notHeldByDispute)
    .where(notHeldByCertificate);
  const area = officeArea(a);
  if (area !== null) q = q.where('claims.area_code', '=', area);
  if (input.areaCode) q = q.where('claims.area_code', '=', input.areaCode);
  if (input.fundId) q = q.where('r.fund_id', '=', input.fundId);
  const rows = await q.groupBy(['claims.area_code', 'r.fund_id']).orderBy('claims.area_code').orderBy('r.fund_id').execute();
  const acts: 'build'[] = (await dutiesOf(tx, a)).has('build') ? ['build'] : [];
  const items = rows.map((r) => ({
    areaCode: r.area_code,
    fundId: r.fund_id,
    claims: Number(r.n),
    totalFen: Number(r.total ?? 0),
    allowedActs: acts,
  }));
  return { items, total: items.length, page: 1, pageSize: Math.max(1, items.length) };
}
