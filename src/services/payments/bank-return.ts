// The bank's return file (银行回单, docs/bank-payments.md): per line of the payment file the bank
// took, paid (with the bank's reference) or failed (with its reason). CSV or .xlsx, read in the sheet
// thread outside any transaction; then, in ONE transaction, the whole file is checked — every row and
// column named in Chinese, nothing written unless all of it is valid — and reconciled against the
// issue of the payment file it answers (the same lines, the same total); then applied:
//   paid   → the line settled with the bank's reference, the claim paid (payment row, reservation
//            spent, audit), the trainee told;
//   failed → the line settled as failed with the reason, its claim payable again (approved, reserved,
//            free for a new batch), the reason shown on the claim, the trainee told.
// The same return twice changes nothing: a file already applied (by its SHA-256) is reported as such,
// and a line already settled the same way is left as it is. A settled line never changes (the
// payment_batch_items_settled_once trigger) and a claim is paid once (payments.claim_id is unique).
import { createHash } from 'node:crypto';
import { appendAudit } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import { inTransaction } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { moveClaim } from '../claims/move-claim.ts';
import { readCsv, readSheet, refuseRows, type ReadSheet, type RowProblem } from '../classes/sheet-file.ts';
import { notifyClaim } from '../notifications/claim-notices.ts';
import { accountHmac } from './account-crypto.ts';
import { bankFactsOf, CHECKSUM_MARK, fenToYuanText, yuanTextToFen } from './bank-file.ts';
import { payeeRef } from './payee-accounts.ts';
import { batchActRefusal, dutiesOf } from './payment-duties.ts';
import type { BatchStatus } from '../../vocabulary/statuses.ts';

export const BANK_RETURN_COLUMNS = {
  batch: '批次号',
  line: '序号',
  account: '收款账号',
  amount: '金额（元）',
  result: '处理结果',
  bankRef: '银行流水号',
  reason: '失败原因',
} as const;
const C = BANK_RETURN_COLUMNS;
const PAID_WORDS = new Set(['成功', '已支付', '支付成功']);
const FAILED_WORDS = new Set(['失败', '支付失败', '退回']);

export interface BankReturnResult {
  batchId: string;
  issue: number;
  /** The same file was imported before: nothing changed. */
  alreadyImported: boolean;
  lines: number;
  paid: number;
  failed: number;
  /** Lines the file reports as they were already settled (nothing changed for them). */
  unchanged: number;
  paidFen: number;
  failedFen: number;
  batchStatus: BatchStatus;
}

type Parsed = {
  row: number;
  lineNo: number;
  accountHmac: string;
  amountFen: number;
  paid: boolean;
  bankRef: string | null;
  reason: string | null;
};

export async function importBankReturn(
  db: Db,
  actor: Actor | null,
  input: { batchId: string; file: unknown; format: 'csv' | 'xlsx'; fileName?: string | null },
): Promise<BankReturnResult> {
  const a = requireRole(actor, 'city', 'county');
  const label = actorLabel(a);
  // The batch must be the actor's to see before its file is read (a county: its own area's).
  const target = await db.selectFrom('payment_batches').select('area_code').where('id', '=', input.batchId).executeTakeFirst();
  if (!target || (a.role === 'county' && a.areaCode !== target.area_code))
    throw new AppError('not_found', '没有找到这个支付批次', 'batchId');
  // Outside the transaction: the bytes' digest and the rows (in the sheet thread, within the limits).
  const required = [C.batch, C.line, C.account, C.amount, C.result];
  const kind = { name: '银行回单', layout: 'documented' } as const;
  const sheet: ReadSheet = input.format === 'csv' ? await readCsv(input.file, required, kind) : await readSheet(input.file, required, kind);
  const sha256 = createHash('sha256')
    .update(input.file as Buffer)
    .digest('hex');
  if (sheet.rows.length === 0) throw new AppError('invalid_input', 'file: 回单中没有数据行', 'file');

  return inTransaction(db, async (tx) => {
    const batch = await tx.selectFrom('payment_batches').selectAll().where('id', '=', input.batchId).forUpdate().executeTakeFirst();
    if (!batch || (a.role === 'county' && a.areaCode !== batch.area_code))
      throw new AppError('not_found', '没有找到这个支付批次', 'batchId');
    const bank = await bankFactsOf(tx, batch.id);
    const refusal = batchActRefusal(a, await dutiesOf(tx, a), { ...batch, bank }, 'bank_return');
    if (refusal) throw refusal;
    const issue = await tx
      .selectFrom('bank_files')
      .selectAll()
      .where('batch_id', '=', batch.id)
      .where('downloaded_by', 'is not', null)
      .orderBy('issue', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const seen = await tx
      .selectFrom('bank_returns')
      .selectAll()
      .where('batch_id', '=', batch.id)
      .where('file_sha256', '=', sha256)
      .executeTakeFirst();
    if (seen)
      return {
        batchId: batch.id,
        issue: seen.issue,
        alreadyImported: true,
        lines: seen.lines,
        paid: 0,
        failed: 0,
        unchanged: seen.lines,
        paidFen: 0,
        failedFen: 0,
        batchStatus: batch.status,
      };

    const items = await tx.selectFrom('payment_batch_items').selectAll().where('batch_id', '=', batch.id).orderBy('line_no').execute();
    const byLine = new Map(items.map((i) => [i.line_no, i]));
    const problems: RowProblem[] = [];
    const parsed: Parsed[] = [];
    const lineRows = new Map<number, number>();
    let checksumFen: { row: number; fen: number | null } | null = null;
    for (const r of sheet.rows) {
      const bad = (column: string, message: string) => problems.push({ row: r.row, column, message });
      const lineText = r.get(C.line);
      if (lineText === CHECKSUM_MARK) {
        checksumFen = { row: r.row, fen: yuanTextToFen(r.get(C.amount)) };
        continue;
      }
      if (r.get(C.batch) !== batch.number) bad(C.batch, `应为本批次的批次号 ${batch.number}，文件中为“${r.get(C.batch)}”`);
      const lineNo = /^\d{1,6}$/.test(lineText) ? Number(lineText) : NaN;
      const item = byLine.get(lineNo);
      if (!item) {
        bad(C.line, lineText === '' ? '请填写序号' : `本批次没有第 ${lineText} 笔`);
        continue;
      }
      if (lineRows.has(lineNo)) {
        bad(C.line, `第 ${lineNo} 笔在第 ${lineRows.get(lineNo)} 行已出现`);
        continue;
      }
      lineRows.set(lineNo, r.row);
      const digits = r.get(C.account).replace(/[\s-]/g, '');
      const hmac = /^\d{12,30}$/.test(digits) ? accountHmac(digits) : null;
      if (!hmac) bad(C.account, '应为 12–30 位数字');
      else if (item.bank_account_hmac !== hmac) bad(C.account, `与发给银行的第 ${lineNo} 笔收款账号不一致`);
      const fen = yuanTextToFen(r.get(C.amount));
      if (fen === null) bad(C.amount, '应为金额（元），最多两位小数，如 1870.00');
      else if (fen !== Number(item.amount_fen)) bad(C.amount, `与第 ${lineNo} 笔的金额 ${fenToYuanText(Number(item.amount_fen))} 元不符`);
      const word = r.get(C.result);
      const paid = PAID_WORDS.has(word) ? true : FAILED_WORDS.has(word) ? false : null;
      if (paid === null) {
        bad(C.result, `应为“成功”或“失败”，文件中为“${word}”`);
        continue;
      }
      const bankRef = r.get(C.bankRef) || null;
      const reason = r.get(C.reason) || null;
      if (paid && !bankRef) bad(C.bankRef, '支付成功的笔须有银行流水号');
      if (bankRef && bankRef.length > 64) bad(C.bankRef, '不能超过 64 个字符');
      if (!paid && !reason) bad(C.reason, '支付失败的笔须写明失败原因');
      if (reason && reason.length > 200) bad(C.reason, '不能超过 200 个字符');
      if (item.outcome) {
        const same = item.outcome === (paid ? 'paid' : 'failed') && (!paid || item.bank_ref === bankRef);
        if (!same)
          bad(
            C.result,
            `第 ${lineNo} 笔已记为${item.outcome === 'paid' ? `支付成功（流水号 ${item.bank_ref}）` : `支付失败（${item.failure_reason}）`}，已结算的笔不能再改`,
          );
      } else if (item.bank_issue !== issue.issue) bad(C.line, `第 ${lineNo} 笔不在第 ${issue.issue} 次下发的银行支付文件中`);
      if (fen !== null) parsed.push({ row: r.row, lineNo, accountHmac: hmac ?? '', amountFen: fen, paid, bankRef, reason });
    }
    if (problems.length > 0) refuseRows(problems, '银行回单');

    // Reconciliation: the return answers the whole issue it is for, line for line and to the fen.
    const issued = items.filter((i) => i.bank_issue === issue.issue);
    const missing = issued.filter((i) => !lineRows.has(i.line_no)).map((i) => i.line_no);
    const returnFen = parsed.reduce((s, p) => s + p.amountFen, 0);
    const issuedFen = Number(issue.total_fen ?? 0);
    if (checksumFen && checksumFen.fen !== returnFen)
      refuseRows(
        [
          {
            row: checksumFen.row,
            column: C.amount,
            message: `合计行为 ${checksumFen.fen === null ? '无效金额' : `${fenToYuanText(checksumFen.fen)} 元`}，各笔之和为 ${fenToYuanText(returnFen)} 元`,
          },
        ],
        '银行回单',
      );
    if (missing.length > 0 || parsed.length !== Number(issue.lines) || returnFen !== issuedFen)
      throw new AppError(
        'invalid_input',
        `file: 回单共 ${parsed.length} 笔、合计 ${fenToYuanText(returnFen)} 元，与第 ${issue.issue} 次下发的银行支付文件（${issue.lines} 笔、${fenToYuanText(issuedFen)} 元）不符${missing.length ? `：缺少第 ${missing.slice(0, 20).join('、')}${missing.length > 20 ? ' 等' : ''} 笔` : ''}；未导入任何数据`,
        'file',
      );

    let paid = 0;
    let failed = 0;
    let paidFen = 0;
    let failedFen = 0;
    for (const p of parsed) {
      const item = byLine.get(p.lineNo)!;
      if (item.outcome) continue; // settled the same way before: unchanged
      const claim = await tx.selectFrom('claims').selectAll().where('id', '=', item.claim_id).forUpdate().executeTakeFirstOrThrow();
      const settled = await tx
        .updateTable('payment_batch_items')
        .set({
          outcome: p.paid ? 'paid' : 'failed',
          bank_ref: p.paid ? p.bankRef : null,
          failure_reason: p.paid ? null : p.reason,
          settled_at: new Date(),
        })
        .where('batch_id', '=', batch.id)
        .where('line_no', '=', p.lineNo)
        .where('outcome', 'is', null)
        .executeTakeFirst();
      if (Number(settled.numUpdatedRows) !== 1) throw new AppError('conflict', `第 ${p.lineNo} 笔刚被另一次导入结算，请刷新后查看`, 'file');
      if (p.paid) {
        const payee = claim.payee ?? claim.r3_exception_payee!;
        const inserted = await tx
          .insertInto('payments')
          .values({
            claim_id: claim.id,
            batch_id: batch.id,
            payee,
            payee_ref: payeeRef(payee, claim),
            amount_fen: p.amountFen,
            bank_ref: p.bankRef,
          })
          .returning('id')
          .executeTakeFirst();
        await tx.updateTable('reservations').set({ status: 'paid' }).where('claim_id', '=', claim.id).execute();
        await moveClaim(tx, label, claim, 'pay', {
          batchId: batch.id,
          line: p.lineNo,
          paymentId: Number(inserted!.id),
          amountFen: p.amountFen,
          payee,
          bankRef: p.bankRef,
        });
        await notifyClaim(tx, claim, 'paid', { amountFen: p.amountFen });
        paid++;
        paidFen += p.amountFen;
      } else {
        await appendAudit(tx, {
          actor: label,
          action: 'claim.bank_failed',
          entity: 'claim',
          entityId: claim.id,
          data: { batchId: batch.id, line: p.lineNo, amountFen: p.amountFen, reason: p.reason },
        });
        await notifyClaim(tx, claim, 'bank_failed', { reason: p.reason ?? undefined });
        failed++;
        failedFen += p.amountFen;
      }
    }
    const open = items.filter((i) => !i.outcome).length - paid - failed;
    let batchStatus = batch.status;
    if (open === 0 && batch.status !== 'paid') {
      batchStatus = 'paid';
      await tx
        .updateTable('payment_batches')
        .set({ status: 'paid', updated_by: label, updated_at: new Date() })
        .where('id', '=', batch.id)
        .execute();
    }
    const unchanged = parsed.length - paid - failed;
    await tx
      .insertInto('bank_returns')
      .values({
        batch_id: batch.id,
        issue: issue.issue,
        file_sha256: sha256,
        file_name: input.fileName?.slice(0, 200) ?? null,
        lines: parsed.length,
        paid,
        failed,
        paid_fen: paidFen,
        failed_fen: failedFen,
        imported_by: label,
      })
      .execute();
    await appendAudit(tx, {
      actor: label,
      action: 'payment_batch.bank_return',
      entity: 'payment_batch',
      entityId: batch.id,
      data: {
        issue: issue.issue,
        sha256,
        lines: parsed.length,
        paid,
        failed,
        unchanged,
        paidFen,
        failedFen,
        totalFen: returnFen,
        batchStatus,
      },
    });
    return {
      batchId: batch.id,
      issue: issue.issue,
      alreadyImported: false,
      lines: parsed.length,
      paid,
      failed,
      unchanged,
      paidFen,
      failedFen,
      batchStatus,
    };
  });
}
