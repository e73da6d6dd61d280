// The fund's payer account (付款账户): the account the bank debits for a batch paid from this fund
// (the 专账 of the special action, §5.2; the employment fund's account). An institution's account,
// not personal data: stored and shown as it is. Recorded by the city bureau, audited with the value it
// replaces; the bank's payment file names it on every line (payments/bank-file.ts).
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';

export interface FundAccountInput {
  accountName: string;
  accountNumber: string;
  bankName: string;
}

export async function recordFundAccount(tx: Tx, actor: Actor | null, fundId: string, input: FundAccountInput) {
  const a = requireRole(actor, 'city');
  const fund = await tx.selectFrom('funds').selectAll().where('id', '=', fundId).forUpdate().executeTakeFirst();
  if (!fund) throw new AppError('not_found', '没有这笔资金', 'fundId');
  const digits = input.accountNumber.replace(/[\s-]/g, '');
  if (!/^\d{12,30}$/.test(digits)) throw new AppError('invalid_input', 'accountNumber: 付款账号应为 12–30 位数字', 'accountNumber');
  const accountName = input.accountName.trim();
  if (accountName.length < 2 || accountName.length > 60)
    throw new AppError('invalid_input', 'accountName: 请填写付款账户名称（2–60 个字）', 'accountName');
  const bankName = input.bankName.trim();
  if (bankName.length < 2 || bankName.length > 60)
    throw new AppError('invalid_input', 'bankName: 请填写开户行全称（2–60 个字）', 'bankName');
  await tx
    .updateTable('funds')
    .set({
      payer_account_name: accountName,
      payer_account_no: digits,
      payer_bank_name: bankName,
      updated_by: actorLabel(a),
      updated_at: new Date(),
    })
    .where('id', '=', fundId)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'fund.payer_account',
    entity: 'fund',
    entityId: fundId,
    data: {
      accountName,
      accountNumber: digits,
      bankName,
      before: fund.payer_account_no
        ? { accountName: fund.payer_account_name, accountNumber: fund.payer_account_no, bankName: fund.payer_bank_name }
        : null,
    },
  });
  return { fundId, accountName, accountNumber: digits, bankName };
}
