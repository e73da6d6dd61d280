// A payment batch (支付批次): the approved claims of one area whose amount is reserved in one fund and
// that no other batch holds. Built as a draft, confirmed (the city or the finance department, §5.7),
// then paid (pay-payment-batch.ts).
import { newUuid } from '../../store/ids.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';

export async function buildPaymentBatch(tx: Tx, actor: Actor | null, input: { areaCode: string; fundId: string }) {
  const a = requireRole(actor, 'city', 'county');
  if (a.role === 'county' && a.areaCode !== input.areaCode) throw new AppError('forbidden', '只能为本县（区）编制支付批次', 'areaCode');
  const fund = await tx.selectFrom('funds').select('id').where('id', '=', input.fundId).executeTakeFirst();
  if (!fund) throw new AppError('invalid_input', `fundId: 没有资金 ${input.fundId}`, 'fundId');
  const items = await tx.selectFrom('claims').innerJoin('reservations as r', 'r.claim_id', 'claims.id')
    .select(['claims.id', 'r.amount_fen'])
    .where('claims.status', '=', 'approved').where('claims.area_code', '=', input.areaCode)
    .where('r.fund_id', '=', input.fundId).where('r.status', '=', 'reserved')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('payment_batch_items as i').select('i.claim_id').whereRef('i.claim_id', '=', 'claims.id'))))
    .orderBy('claims.id').forUpdate().execute();
  if (items.length === 0) throw new AppError('invalid_input', `areaCode: ${input.areaCode} 没有待支付的已批准申领（资金 ${input.fundId}）`, 'areaCode');
  const id = `PB-${newUuid()}`;
  const total = items.reduce((s, i) => s + Number(i.amount_fen), 0);
  await tx.insertInto('payment_batches').values({ id, fund_id: input.fundId, area_code: input.areaCode, total_fen: total, created_by: actorLabel(a), updated_by: null, updated_at: null }).execute();
  for (let i = 0; i < items.length; i += 1000) {
    await tx.insertInto('payment_batch_items').values(items.slice(i, i + 1000).map((it) => ({ batch_id: id, claim_id: it.id, amount_fen: Number(it.amount_fen) }))).execute();
  }
  await appendAudit(tx, { actor: actorLabel(a), action: 'payment_batch.build', entity: 'payment_batch', entityId: id, data: { ...input, claims: items.length, totalFen: total } });
  return { id, status: 'draft' as const, claims: items.length, totalFen: total };
}

export async function confirmPaymentBatch(tx: Tx, actor: Actor | null, input: { batchId: string }) {
  const a = requireRole(actor, 'city', 'department');
  if (a.role === 'department' && a.department !== 'finance') throw new AppError('forbidden', '只有市人社局或财政局可以确认支付批次');
  const batch = await tx.selectFrom('payment_batches').selectAll().where('id', '=', input.batchId).forUpdate().executeTakeFirst();
  if (!batch) throw new AppError('not_found', `没有找到支付批次：${input.batchId}`, 'batchId');
  if (batch.status !== 'draft') throw new AppError('invalid_transition', `支付批次 ${batch.id} 当前状态为 ${batch.status}，只有草稿可以确认`, 'batchId');
  await tx.updateTable('payment_batches').set({ status: 'confirmed', updated_by: actorLabel(a), updated_at: new Date() }).where('id', '=', batch.id).execute();
  await appendAudit(tx, { actor: actorLabel(a), action: 'payment_batch.confirm', entity: 'payment_batch', entityId: batch.id, data: { totalFen: Number(batch.total_fen) } });
  return { id: batch.id, status: 'confirmed' as const };
}
