// A payment batch (支付批次): the approved claims of one area whose amount is reserved in one fund, that
// no other batch holds and no open dispute holds out of payment. Built as a draft by a login with the
// build duty (经办), confirmed by another with the confirm duty (复核: the city or the finance bureau,
// §5.7), then paid by a third with the pay duty (pay-payment-batch.ts); see payment-duties.ts.
//
// Concurrency: builds of one fund take the fund's row lock first, so a second build (a double click,
// 20 at once) reads the claims only after the first committed and finds them taken; the unique index
// payment_batch_items_one_live_line (a claim on one live line) is the database's guarantee beneath it.
import { newUuid } from '../../store/ids.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { batchActRefusal, dutiesOf, requireDuty } from './payment-duties.ts';
import { notHeldByDispute } from './payment-holds.ts';
import { notHeldByCertificate } from '../certificates/certificate-holds.ts';

/** A unique violation of the one-live-line index: another batch took the claim first. */
function takenByAnotherBatch(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; message?: string };
  return (
    err?.code === '23505' &&
    (err.constraint === 'payment_batch_items_one_live_line' || String(err.message).includes('payment_batch_items_one_live_line'))
  );
}

export async function buildPaymentBatch(tx: Tx, actor: Actor | null, input: { areaCode: string; fundId: string }) {
  const a = requireRole(actor, 'city', 'county');
  if (a.role === 'county' && a.areaCode !== input.areaCode) throw new AppError('forbidden', '只能为本县（区）编制支付批次', 'areaCode');
  await requireDuty(tx, a, 'build');
  const fund = await tx.selectFrom('funds').select('id').where('id', '=', input.fundId).forUpdate().executeTakeFirst();
  if (!fund) throw new AppError('invalid_input', 'fundId: 没有这笔资金', 'fundId');
  const items = await tx
    .selectFrom('claims')
    .innerJoin('reservations as r', 'r.claim_id', 'claims.id')
    .select(['claims.id', 'r.amount_fen'])
    .where('claims.status', '=', 'approved')
    .where('claims.area_code', '=', input.areaCode)
    .where('r.fund_id', '=', input.fundId)
    .where('r.status', '=', 'reserved')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('payment_batch_items as i')
            .select('i.claim_id')
            .whereRef('i.claim_id', '=', 'claims.id')
            // A line the bank refused holds its claim no more: it is payable in a new batch.
            .where((eb) => eb.or([eb('i.outcome', 'is', null), eb('i.outcome', '<>', 'failed')])),
        ),
      ),
    )
    .where(notHeldByDispute)
    .where(notHeldByCertificate)
    .orderBy('claims.id')
    .forUpdate()
    .execute();
  if (items.length === 0)
    throw new AppError(
      'invalid_input',
      `areaCode: ${input.areaCode} 没有可由该资金支付的已批准申领；已编入其他批次或有未办结异议的申领不再编入`,
      'areaCode',
    );
  const id = `PB-${newUuid()}`;
  const total = items.reduce((s, i) => s + Number(i.amount_fen), 0);
  const { number } = await tx
    .insertInto('payment_batches')
    .values({
      id,
      fund_id: input.fundId,
      area_code: input.areaCode,
      total_fen: total,
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .returning('number')
    .executeTakeFirstOrThrow();
  try {
    for (let i = 0; i < items.length; i += 1000) {
      await tx
        .insertInto('payment_batch_items')
        .values(
          items
            .slice(i, i + 1000)
            .map((it, k) => ({ batch_id: id, claim_id: it.id, amount_fen: Number(it.amount_fen), line_no: i + k + 1 })),
        )
        .execute();
    }
  } catch (e) {
    if (takenByAnotherBatch(e)) throw new AppError('conflict', '这些申领刚被另一个支付批次编入，请刷新后查看', 'areaCode');
    throw e;
  }
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'payment_batch.build',
    entity: 'payment_batch',
    entityId: id,
    data: { number, ...input, claims: items.length, totalFen: total },
  });
  return { id, number, status: 'draft' as const, claims: items.length, totalFen: total };
}

async function loadBatch(tx: Tx, a: Actor, batchId: string) {
  const batch = await tx.selectFrom('payment_batches').selectAll().where('id', '=', batchId).forUpdate().executeTakeFirst();
  if (!batch || (a.role === 'county' && a.areaCode !== batch.area_code)) throw new AppError('not_found', '没有找到这个支付批次', 'batchId');
  return batch;
}

export async function confirmPaymentBatch(tx: Tx, actor: Actor | null, input: { batchId: string }) {
  const a = requireRole(actor, 'city', 'department');
  if (a.role === 'department' && a.department !== 'finance') throw new AppError('forbidden', '只有市人社局或财政局可以确认支付批次');
  const batch = await loadBatch(tx, a, input.batchId);
  const refusal = batchActRefusal(a, await dutiesOf(tx, a), batch, 'confirm');
  if (refusal) throw refusal;
  await tx
    .updateTable('payment_batches')
    .set({ status: 'confirmed', confirmed_by: actorLabel(a), updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', '=', batch.id)
    .execute();
  // The confirmation authorizes the bank's payment file, once (bank-file.ts).
  await tx
    .insertInto('bank_files')
    .values({ batch_id: batch.id, issue: 1, authorized_by: actorLabel(a), reason: null })
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'payment_batch.confirm',
    entity: 'payment_batch',
    entityId: batch.id,
    data: { totalFen: Number(batch.total_fen), builtBy: batch.created_by },
  });
  return { id: batch.id, status: 'confirmed' as const };
}

/**
 * A draft batch cancelled (经办 withdrawing it, or 复核 sending it back), with a reason: its lines are
 * deleted, so its claims are payable again (a later batch may take them); the batch stays on record as
 * cancelled, and the audit entry lists the claims it held.
 */
export async function cancelPaymentBatch(tx: Tx, actor: Actor | null, input: { batchId: string; reason: string }) {
  const a = requireRole(actor, 'city', 'county', 'department');
  if (a.role === 'department' && a.department !== 'finance') throw new AppError('forbidden', '只有人社部门或财政局可以取消支付批次');
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('invalid_input', 'reason: 请说明取消理由', 'reason');
  const batch = await loadBatch(tx, a, input.batchId);
  const refusal = batchActRefusal(a, await dutiesOf(tx, a), batch, 'cancel');
  if (refusal) throw refusal;
  const lines = await tx.deleteFrom('payment_batch_items').where('batch_id', '=', batch.id).returning(['claim_id', 'amount_fen']).execute();
  await tx
    .updateTable('payment_batches')
    .set({ status: 'cancelled', cancel_reason: reason, updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', '=', batch.id)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'payment_batch.cancel',
    entity: 'payment_batch',
    entityId: batch.id,
    data: { reason, claims: lines.length, totalFen: Number(batch.total_fen), claimIds: lines.map((l) => l.claim_id).sort() },
  });
  return { id: batch.id, status: 'cancelled' as const, released: lines.length };
}
