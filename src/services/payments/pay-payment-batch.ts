// Paying a batch outside the bank file (线下支付, docs/bank-payments.md "Paid without the bank file"):
// by a login with the pay duty who did not confirm it (payment-duties.ts), only while the batch's bank
// file has not been downloaded (after that only the bank's return marks lines paid), and only with the
// reference of the bank's own record of the payment (its voucher or transaction number), which every
// line carries as its bank reference and the batch shows as 线下支付. The first run records the
// reference on the batch under the batch's row lock (the download takes the same lock, so a file is
// never downloaded for a batch paid offline, nor the reverse); a rerun must give the same reference.
// Idempotent (running a batch twice, or again after a crash, pays nobody
// twice). Each claim is paid in its own small transaction: the payment row (payments.claim_id is
// unique), the reservation marked paid, the claim moved to 'paid' and the audit entry commit together
// or not at all. A rerun skips every claim that already has its payment and finishes the rest.
//
// UPSKILL_PAY_DELAY_MS (tests only): a pause after each payment, so the crash test can kill the server
// in the middle of a batch. Unset in production.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../store/database.ts';
import { appendAudit } from '../../store/audit-log.ts';
import { inTransaction } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { moveClaim } from '../claims/move-claim.ts';
import { allowedBatchActs, batchActRefusal, dutiesOf } from './payment-duties.ts';
import { heldByDispute } from './payment-holds.ts';
import { heldByCertificate } from '../certificates/certificate-holds.ts';
import { bankFactsOf } from './bank-file.ts';
import { payeeRef } from './payee-accounts.ts';
import { notifyClaim } from '../notifications/claim-notices.ts';

/** The bank's reference of an offline payment: what the bank's voucher says, 1–64 printable characters. */
export function checkOfflineRef(raw: unknown): string {
  const ref = typeof raw === 'string' ? raw.trim() : '';
  if (ref === '')
    throw new AppError(
      'invalid_input',
      '请填写银行出具的支付凭证号（银行流水号）：未通过银行支付文件支付的批次，须以银行凭证为准',
      'bankRef',
    );
  if ([...ref].length > 64 || !/^[\x21-\x7e\u4e00-\u9fff（）]+$/u.test(ref))
    throw new AppError('invalid_input', '凭证号应为不超过 64 个字符的字母、数字或符号，不含空格', 'bankRef');
  return ref;
}

export async function payPaymentBatch(db: Db, actor: Actor | null, input: { batchId: string; bankRef?: string | null }) {
  const a = requireRole(actor, 'city', 'county');
  const label = actorLabel(a);
  const found = await db.selectFrom('payment_batches').selectAll().where('id', '=', input.batchId).executeTakeFirst();
  if (!found || (a.role === 'county' && a.areaCode !== found.area_code)) throw new AppError('not_found', '没有找到这个支付批次', 'batchId');
  const refusal = batchActRefusal(a, await dutiesOf(db, a), { ...found, bank: await bankFactsOf(db, found.id) }, 'pay');
  if (refusal) throw refusal;
  const bankRef = checkOfflineRef(input.bankRef);
  // Under the batch's row lock (the bank file's download takes it too): checked again, then the
  // reference recorded once and the batch started, audited in the same transaction.
  const batch = await inTransaction(db, async (tx) => {
    const b = await tx.selectFrom('payment_batches').selectAll().where('id', '=', input.batchId).forUpdate().executeTakeFirstOrThrow();
    const again = batchActRefusal(a, await dutiesOf(tx, a), { ...b, bank: await bankFactsOf(tx, b.id) }, 'pay');
    if (again) throw again;
    if (b.offline_ref != null && b.offline_ref !== bankRef)
      throw new AppError(
        'conflict',
        `本批次已按银行凭证号 ${b.offline_ref} 登记线下支付（${b.offline_by}），继续支付须使用同一凭证号`,
        'bankRef',
      );
    if (b.offline_ref == null) {
      await tx
        .updateTable('payment_batches')
        .set({ offline_ref: bankRef, offline_by: label, offline_at: new Date() })
        .where('id', '=', b.id)
        .execute();
      await appendAudit(tx, {
        actor: label,
        action: 'payment_batch.offline',
        entity: 'payment_batch',
        entityId: b.id,
        data: { bankRef, totalFen: Number(b.total_fen) },
      });
    }
    if (b.status === 'confirmed') {
      await tx
        .updateTable('payment_batches')
        .set({ status: 'paying', updated_by: label, updated_at: new Date() })
        .where('id', '=', b.id)
        .execute();
      await appendAudit(tx, { actor: label, action: 'payment_batch.start', entity: 'payment_batch', entityId: b.id, data: { bankRef } });
    }
    return b;
  });
  const delay = Number(process.env.UPSKILL_PAY_DELAY_MS ?? 0);
  const pending = await db
    .selectFrom('payment_batch_items as i')
    .innerJoin('claims as c', 'c.id', 'i.claim_id')
    .leftJoin('payments as p', 'p.claim_id', 'i.claim_id')
    .select(['i.claim_id', 'i.amount_fen'])
    .where('i.batch_id', '=', batch.id)
    .where('i.outcome', 'is', null)
    .where('p.id', 'is', null)
    .orderBy('i.claim_id')
    .execute();
  let paidNow = 0;
  let held = 0;
  for (const item of pending) {
    const paid = await inTransaction(db, async (tx) => {
      const claim = await tx.selectFrom('claims').selectAll().where('id', '=', item.claim_id).forUpdate().executeTakeFirstOrThrow();
      // A sanction may have revoked the approval (and withdrawn the line) since the list was read:
      // that claim is no longer payable, so the run passes over it instead of stopping.
      const stillInBatch = await tx
        .selectFrom('payment_batch_items')
        .select('claim_id')
        .where('batch_id', '=', batch.id)
        .where('claim_id', '=', claim.id)
        .where('outcome', 'is', null)
        .executeTakeFirst();
      if (claim.status !== 'approved' || !stillInBatch) return false;
      // A trainee's dispute still open holds the claim out of payment (payment-holds.ts); opening one
      // locks this same claim row, so it is either seen here or opened after the payment.
      if (await heldByDispute(tx, claim.id)) return 'held' as const;
      if (await heldByCertificate(tx, claim.id)) return 'held' as const;
      const payee = claim.payee ?? claim.r3_exception_payee!;
      const inserted = await tx
        .insertInto('payments')
        .values({
          claim_id: claim.id,
          batch_id: batch.id,
          payee,
          payee_ref: payeeRef(payee, claim),
          amount_fen: Number(item.amount_fen),
          bank_ref: bankRef,
        })
        .onConflict((oc) => oc.column('claim_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return false; // paid already (a concurrent or earlier run)
      await tx.updateTable('reservations').set({ status: 'paid' }).where('claim_id', '=', claim.id).execute();
      await moveClaim(tx, label, claim, 'pay', {
        batchId: batch.id,
        paymentId: Number(inserted.id),
        amountFen: Number(item.amount_fen),
        payee,
        bankRef,
        offline: true,
      });
      await notifyClaim(tx, claim, 'paid', { amountFen: Number(item.amount_fen) });
      return true;
    });
    if (paid === 'held') held++;
    else if (paid) paidNow++;
    if (delay > 0) await sleep(delay);
  }
  const counts = await db
    .selectFrom('payment_batch_items as i')
    .leftJoin('payments as p', 'p.claim_id', 'i.claim_id')
    .select(({ fn }) => [fn.countAll<number>().as('items'), fn.count<number>('p.id').as('paid')])
    .where('i.batch_id', '=', batch.id)
    .executeTakeFirstOrThrow();
  const done = Number(counts.items) === Number(counts.paid);
  if (done) {
    await inTransaction(db, async (tx) => {
      const moved = await tx
        .updateTable('payment_batches')
        .set({ status: 'paid', updated_by: label, updated_at: new Date() })
        .where('id', '=', batch.id)
        .where('status', '!=', 'paid')
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) > 0)
        await appendAudit(tx, {
          actor: label,
          action: 'payment_batch.paid',
          entity: 'payment_batch',
          entityId: batch.id,
          data: { items: Number(counts.items), totalFen: Number(batch.total_fen) },
        });
    });
  }
  if (held > 0)
    await inTransaction(db, (tx) =>
      appendAudit(tx, {
        actor: label,
        action: 'payment_batch.hold',
        entity: 'payment_batch',
        entityId: batch.id,
        data: { held, reason: '申领有未办结的劳动者异议，暂缓支付' },
      }),
    );
  return {
    id: batch.id,
    status: done ? ('paid' as const) : ('paying' as const),
    paidNow,
    items: Number(counts.items),
    paid: Number(counts.paid),
    held,
  };
}

export async function getPaymentBatch(db: Db, actor: Actor | null, batchId: string) {
  const a = requireRole(actor, 'city', 'county', 'department');
  if (a.role === 'department' && a.department !== 'finance') throw new AppError('forbidden', '只有财政局可以查看支付批次');
  const batch = await db.selectFrom('payment_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!batch || (a.role === 'county' && a.areaCode !== batch.area_code)) throw new AppError('not_found', '没有找到这个支付批次', 'batchId');
  const counts = await db
    .selectFrom('payment_batch_items as i')
    .leftJoin('payments as p', 'p.claim_id', 'i.claim_id')
    .select(({ fn }) => [
      fn.countAll<number>().as('items'),
      fn.count<number>('p.id').as('paid'),
      fn.sum<number>('p.amount_fen').as('paidFen'),
    ])
    .where('i.batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  const held = await db
    .selectFrom('payment_batch_items as i')
    .leftJoin('payments as p', 'p.claim_id', 'i.claim_id')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('i.batch_id', '=', batchId)
    .where('p.id', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('claim_disputes as d').select('d.id').whereRef('d.claim_id', '=', 'i.claim_id').where('d.status', '<>', 'resolved'),
      ),
    )
    .executeTakeFirstOrThrow();
  const fund = await db
    .selectFrom('funds')
    .select(['year', 'source', 'payer_account_name', 'payer_account_no', 'payer_bank_name'])
    .where('id', '=', batch.fund_id)
    .executeTakeFirstOrThrow();
  const failed = await db
    .selectFrom('payment_batch_items')
    .select(({ fn }) => [fn.countAll<number>().as('n'), fn.sum<number>('amount_fen').as('fen')])
    .where('batch_id', '=', batchId)
    .where('outcome', '=', 'failed')
    .executeTakeFirstOrThrow();
  const bank = await bankFactsOf(db, batchId);
  const files = await db.selectFrom('bank_files').selectAll().where('batch_id', '=', batchId).orderBy('issue').execute();
  const returns = await db.selectFrom('bank_returns').selectAll().where('batch_id', '=', batchId).orderBy('id').execute();
  return {
    id: batch.id,
    number: batch.number,
    fundYear: Number(fund.year),
    fundSource: fund.source,
    areaCode: batch.area_code,
    fundId: batch.fund_id,
    status: batch.status,
    totalFen: Number(batch.total_fen),
    items: Number(counts.items),
    paid: Number(counts.paid),
    paidFen: Number(counts.paidFen ?? 0),
    heldByDispute: Number(held.n),
    createdBy: batch.created_by,
    confirmedBy: batch.confirmed_by ?? null,
    cancelReason: batch.cancel_reason ?? null,
    failed: Number(failed.n),
    failedFen: Number(failed.fen ?? 0),
    unsettled: bank.unsettled,
    payerAccount: fund.payer_account_no
      ? { accountName: fund.payer_account_name!, accountNumber: fund.payer_account_no, bankName: fund.payer_bank_name! }
      : null,
    bankFiles: files.map((f) => ({
      issue: f.issue,
      authorizedBy: f.authorized_by,
      reason: f.reason,
      downloadedBy: f.downloaded_by ?? null,
      downloadedAt: f.downloaded_at ? new Date(f.downloaded_at).toISOString() : null,
      lines: f.lines == null ? null : Number(f.lines),
      totalFen: f.total_fen == null ? null : Number(f.total_fen),
    })),
    bankReturns: returns.map((r) => ({
      issue: r.issue,
      fileName: r.file_name,
      lines: r.lines,
      paid: r.paid,
      failed: r.failed,
      paidFen: Number(r.paid_fen),
      failedFen: Number(r.failed_fen),
      importedBy: r.imported_by,
      importedAt: new Date(r.imported_at).toISOString(),
    })),
    offlinePayment:
      batch.offline_ref != null
        ? { bankRef: batch.offline_ref, recordedBy: batch.offline_by!, recordedAt: new Date(batch.offline_at!).toISOString() }
        : null,
    allowedActs: allowedBatchActs(a, await dutiesOf(db, a), { ...batch, bank }),
  };
}
