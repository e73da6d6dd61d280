// The bank's payment file of a confirmed batch (银行代发文件, docs/bank-payments.md): one line per
// claim not yet settled by the bank, with the fund's payer account, the payee's name, account (in
// full: this is the bank's copy) and bank, the amount in yuan with two decimals (from integer fen,
// never a float), the purpose (program and claim number), the batch number and the line number, and
// a last checksum line (line count and total). CSV (UTF-8 with BOM) or .xlsx (written in the sheet
// thread).
//
// Once per issue: confirming a batch issues its file (issue 1); the file is downloaded once by a login
// with the pay duty (not the confirmer), and a second download is refused until a login with the
// confirm duty reissues it with a reason (when the bank did not take the file). The once-only rule is
// an UPDATE of the issue row that sets downloaded_by only where it is still null: on PostgreSQL two
// concurrent downloads queue on that row, and the second finds it taken.
import { createHash } from 'node:crypto';
import { PROGRAM_NAMES, type ProgramCode } from '../../policy/codes.ts';
import { appendAudit, canonicalJson } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import type { PayeeKind } from '../../store/schema.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { csvText, writeSheet, type SheetColumn } from '../classes/sheet-file.ts';
import { decryptAccount } from './account-crypto.ts';
import { payeeRef } from './payee-accounts.ts';
import { batchActRefusal, dutiesOf, type BankFacts } from './payment-duties.ts';

/** 1870.5 yuan is never written: 187050 fen → "1870.50", by integer division only. */
export function fenToYuanText(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`amount is not a whole number of fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1870.50" / "1870.5" / "1870" → 187050 fen; null when it is not an amount of yuan with at most two decimals. */
export function yuanTextToFen(text: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.replace(/,/g, '').trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export const BANK_FILE_COLUMNS = {
  batch: '批次号',
  line: '序号',
  payerName: '付款账户名称',
  payerAccount: '付款账号',
  payerBank: '付款开户行',
  payeeName: '收款人名称',
  payeeAccount: '收款账号',
  payeeBank: '收款开户行',
  amount: '金额（元）',
  purpose: '用途',
} as const;
const C = BANK_FILE_COLUMNS;
const SHEET_COLUMNS: SheetColumn[] = [
  { header: C.batch, width: 24, text: true },
  { header: C.line, width: 8, text: true },
  { header: C.payerName, width: 28, text: true },
  { header: C.payerAccount, width: 26, text: true },
  { header: C.payerBank, width: 26, text: true },
  { header: C.payeeName, width: 28, text: true },
  { header: C.payeeAccount, width: 26, text: true },
  { header: C.payeeBank, width: 26, text: true },
  { header: C.amount, width: 14, text: true },
  { header: C.purpose, width: 40, text: true },
];
/** The checksum line's marker in the 序号 column. */
export const CHECKSUM_MARK = '合计';

export interface MissingAccount {
  payee: PayeeKind;
  payeeRef: string;
  name: string;
  lines: number[];
}

export interface BankLine {
  lineNo: number;
  claimId: string;
  claimNumber: string;
  payee: PayeeKind;
  payeeRef: string;
  payeeName: string;
  accountName: string;
  accountNumber: string;
  bankName: string;
  accountHmac: string;
  amountFen: number;
  purpose: string;
}

/** The batch's bank facts for payment-duties.ts: the latest issue and the lines still open at the bank. */
export async function bankFactsOf(db: Db | Tx, batchId: string): Promise<BankFacts> {
  const issue = await db
    .selectFrom('bank_files')
    .select(['issue', 'downloaded_by'])
    .where('batch_id', '=', batchId)
    .orderBy('issue', 'desc')
    .limit(1)
    .executeTakeFirst();
  const open = await db
    .selectFrom('payment_batch_items')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('batch_id', '=', batchId)
    .where('outcome', 'is', null)
    .executeTakeFirstOrThrow();
  return { issue: issue?.issue ?? null, downloadedBy: issue?.downloaded_by ?? null, unsettled: Number(open.n) };
}

/** The names payees are registered under (the bank's 收款人名称 is the account's holder; this names the payee in messages). */
async function payeeNames(tx: Db | Tx, refs: { payee: PayeeKind; ref: string }[]): Promise<Map<string, string>> {
  const by = (p: PayeeKind) => [...new Set(refs.filter((r) => r.payee === p).map((r) => r.ref))];
  const out = new Map<string, string>();
  const people = by('individual');
  if (people.length)
    for (const r of await tx.selectFrom('people').select(['resident_id', 'name']).where('resident_id', 'in', people).execute())
      out.set(`individual:${r.resident_id}`, r.name);
  const ents = by('enterprise');
  if (ents.length)
    for (const r of await tx.selectFrom('enterprises').select(['uscc', 'name']).where('uscc', 'in', ents).execute())
      out.set(`enterprise:${r.uscc}`, r.name);
  const provs = by('institution');
  if (provs.length)
    for (const r of await tx.selectFrom('providers').select(['id', 'name']).where('id', 'in', provs).execute())
      out.set(`institution:${r.id}`, r.name);
  return out;
}

/** The batch's lines not yet settled by the bank, with their payees' accounts decrypted; or the payees without one. */
export async function openBankLines(tx: Db | Tx, batchId: string): Promise<{ lines: BankLine[]; missing: MissingAccount[] }> {
  const items = await tx
    .selectFrom('payment_batch_items as i')
    .innerJoin('claims as c', 'c.id', 'i.claim_id')
    .select([
      'i.line_no',
      'i.claim_id',
      'i.amount_fen',
      'c.number',
      'c.program',
      'c.payee',
      'c.r3_exception_payee',
      'c.resident_id',
      'c.enterprise_uscc',
      'c.provider_id',
    ])
    .where('i.batch_id', '=', batchId)
    .where('i.outcome', 'is', null)
    .orderBy('i.line_no')
    .execute();
  const keyed = items.map((it) => {
    const payee = (it.payee ?? it.r3_exception_payee) as PayeeKind;
    return { it, payee, ref: payeeRef(payee, it) ?? '' };
  });
  const names = await payeeNames(
    tx,
    keyed.map((k) => ({ payee: k.payee, ref: k.ref })),
  );
  const refs = [...new Set(keyed.map((k) => k.ref))];
  const accounts = new Map<string, { account_name: string; bank_name: string; account_cipher: string; account_hmac: string }>();
  for (let i = 0; i < refs.length; i += 1000) {
    const rows = await tx
      .selectFrom('payee_accounts')
      .select(['payee', 'payee_ref', 'account_name', 'bank_name', 'account_cipher', 'account_hmac'])
      .where('payee_ref', 'in', refs.slice(i, i + 1000))
      .execute();
    for (const r of rows) accounts.set(`${r.payee}:${r.payee_ref}`, r);
  }
  const lines: BankLine[] = [];
  const missing = new Map<string, MissingAccount>();
  for (const { it, payee, ref } of keyed) {
    const key = `${payee}:${ref}`;
    const acc = accounts.get(key);
    const name = names.get(key) ?? ref;
    if (!acc) {
      const m = missing.get(key) ?? { payee, payeeRef: ref, name, lines: [] };
      m.lines.push(it.line_no);
      missing.set(key, m);
      continue;
    }
    lines.push({
      lineNo: it.line_no,
      claimId: it.claim_id,
      claimNumber: it.number,
      payee,
      payeeRef: ref,
      payeeName: name,
      accountName: acc.account_name,
      accountNumber: decryptAccount(acc.account_cipher),
      bankName: acc.bank_name,
      accountHmac: acc.account_hmac,
      amountFen: Number(it.amount_fen),
      purpose: `${PROGRAM_NAMES[it.program as ProgramCode] ?? it.program}补贴 ${it.number}`,
    });
  }
  return { lines, missing: [...missing.values()] };
}

const PAYEE_WORD: Record<PayeeKind, string> = { individual: '个人', enterprise: '企业', institution: '培训机构' };

export function missingAccountsError(missing: MissingAccount[]): AppError {
  const shown = missing.slice(0, 10).map((m) => `${m.name}（${PAYEE_WORD[m.payee]}，第 ${m.lines.join('、')} 笔）`);
  return new AppError(
    'invalid_transition',
    `有 ${missing.length} 个收款方尚未登记收款账户，不能生成银行支付文件：${shown.join('；')}${missing.length > 10 ? ' 等' : ''}。请收款方本人或人社部门登记收款账户后再下载`,
    'batchId',
    { missingAccounts: missing },
  );
}

export type BankFileFormat = 'csv' | 'xlsx';

/** Downloads the batch's bank file (the issue authorized last), once; the file's bytes and name. */
export async function downloadBankFile(db: Db, actor: Actor | null, input: { batchId: string; format: BankFileFormat }) {
  const a = requireRole(actor, 'city', 'county');
  const label = actorLabel(a);
  const made = await inTransaction(db, async (tx) => {
    const batch = await tx.selectFrom('payment_batches').selectAll().where('id', '=', input.batchId).forUpdate().executeTakeFirst();
    if (!batch || (a.role === 'county' && a.areaCode !== batch.area_code))
      throw new AppError('not_found', '没有找到这个支付批次', 'batchId');
    const bank = await bankFactsOf(tx, batch.id);
    const refusal = batchActRefusal(a, await dutiesOf(tx, a), { ...batch, bank }, 'bank_file');
    if (refusal) throw refusal;
    const { lines, missing } = await openBankLines(tx, batch.id);
    if (missing.length > 0) throw missingAccountsError(missing);
    const fund = await tx.selectFrom('funds').selectAll().where('id', '=', batch.fund_id).executeTakeFirstOrThrow();
    if (!fund.payer_account_no || !fund.payer_account_name || !fund.payer_bank_name)
      throw new AppError(
        'invalid_transition',
        `资金“${fund.id}”尚未登记付款账户，不能生成银行支付文件；请市人社局在资金管理中登记付款账户`,
        'fundId',
      );
    if (lines.length === 0) throw new AppError('invalid_transition', '本批次没有待银行支付的明细', 'batchId');
    const totalFen = lines.reduce((s, l) => s + l.amountFen, 0);
    // The once-only guard: whoever sets downloaded_by first has the file; a concurrent request waits on the row and finds it set.
    const taken = await tx
      .updateTable('bank_files')
      .set({ downloaded_by: label, downloaded_at: new Date(), lines: lines.length, total_fen: totalFen })
      .where('batch_id', '=', batch.id)
      .where('issue', '=', bank.issue!)
      .where('downloaded_by', 'is', null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1)
      throw new AppError('conflict', `第 ${bank.issue} 次签发的银行支付文件刚被下载，每次签发只能下载一次`, 'batchId');
    for (const l of lines)
      await tx
        .updateTable('payment_batch_items')
        .set({ bank_issue: bank.issue, bank_account_hmac: l.accountHmac })
        .where('batch_id', '=', batch.id)
        .where('line_no', '=', l.lineNo)
        .where('outcome', 'is', null)
        .execute();
    if (batch.status === 'confirmed')
      await tx
        .updateTable('payment_batches')
        .set({ status: 'paying', updated_by: label, updated_at: new Date() })
        .where('id', '=', batch.id)
        .execute();
    const rows: string[][] = lines.map((l) => [
      batch.number,
      String(l.lineNo),
      fund.payer_account_name!,
      fund.payer_account_no!,
      fund.payer_bank_name!,
      l.accountName,
      l.accountNumber,
      l.bankName,
      fenToYuanText(l.amountFen),
      l.purpose,
    ]);
    rows.push([
      batch.number,
      CHECKSUM_MARK,
      '',
      '',
      '',
      `共 ${lines.length} 笔`,
      '',
      '',
      fenToYuanText(totalFen),
      `校验：${lines.length} 笔，合计 ${fenToYuanText(totalFen)} 元`,
    ]);
    const digest = createHash('sha256').update(canonicalJson(rows)).digest('hex');
    await appendAudit(tx, {
      actor: label,
      action: 'payment_batch.bank_file',
      entity: 'payment_batch',
      entityId: batch.id,
      data: {
        issue: bank.issue,
        format: input.format,
        lines: lines.length,
        totalFen,
        batchTotalFen: Number(batch.total_fen),
        linesSha256: digest,
      },
    });
    return { rows, number: batch.number, issue: bank.issue! };
  });
  const name = `银行支付文件-${made.number}-第${made.issue}次`;
  if (input.format === 'csv')
    return { body: csvText(Object.values(C), made.rows), fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8' };
  const body = await writeSheet('银行支付文件', SHEET_COLUMNS, made.rows);
  return { body, fileName: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}

/**
 * 重新签发: another issue of the bank file, when the bank did not take the last one (refused the file,
 * or it was lost before reaching the bank). By a login with the confirm duty other than the one who
 * downloaded the last issue, with the reason; the new issue lists the lines the bank has not settled.
 * The reason matters: if the bank did process the old file, paying from a new one would pay twice.
 */
export async function reissueBankFile(tx: Tx, actor: Actor | null, input: { batchId: string; reason: string }) {
  const a = requireRole(actor, 'city', 'department');
  if (a.role === 'department' && a.department !== 'finance')
    throw new AppError('forbidden', '只有市人社局或财政局可以重新签发银行支付文件');
  const reason = input.reason.trim();
  if (reason.length < 4) throw new AppError('invalid_input', 'reason: 请说明重新签发的理由（如“银行退回整个文件：格式错误”）', 'reason');
  const batch = await tx.selectFrom('payment_batches').selectAll().where('id', '=', input.batchId).forUpdate().executeTakeFirst();
  if (!batch) throw new AppError('not_found', '没有找到这个支付批次', 'batchId');
  const bank = await bankFactsOf(tx, batch.id);
  const refusal = batchActRefusal(a, await dutiesOf(tx, a), { ...batch, bank }, 'reissue');
  if (refusal) throw refusal;
  const issue = bank.issue! + 1;
  await tx
    .insertInto('bank_files')
    .values({ batch_id: batch.id, issue, authorized_by: actorLabel(a), reason })
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'payment_batch.bank_file_reissue',
    entity: 'payment_batch',
    entityId: batch.id,
    data: { issue, reason, unsettled: bank.unsettled },
  });
  return { id: batch.id, issue };
}

/** Before downloading: what the next file would hold (count, total) and the payees still without an account. No number is shown. */
export async function previewBankFile(db: Db, actor: Actor | null, batchId: string) {
  const a = requireRole(actor, 'city', 'county', 'department');
  if (a.role === 'department' && a.department !== 'finance') throw new AppError('forbidden', '只有财政局可以查看支付批次');
  const batch = await db.selectFrom('payment_batches').select(['id', 'area_code']).where('id', '=', batchId).executeTakeFirst();
  if (!batch || (a.role === 'county' && a.areaCode !== batch.area_code)) throw new AppError('not_found', '没有找到这个支付批次', 'batchId');
  const { lines, missing } = await openBankLines(db, batchId);
  return {
    lines: lines.length,
    totalFen: lines.reduce((s, l) => s + l.amountFen, 0),
    missingAccounts: missing.map((m) => ({ payee: m.payee, payeeRef: m.payeeRef, name: m.name, lines: m.lines })),
  };
}
