// Payees' receiving accounts (收款账户, docs/bank-payments.md): where a paid claim's money goes —
// a trainee's social-security card financial account (社保卡金融账户), an enterprise's or a training
// institution's bank account. One account per payee, recorded by the payee's own party (the trainee
// for themself, an enterprise or provider login for its unit) or by the HR office that manages the
// payee; each change audited (with the masked numbers, never the clear one).
//
// The number is stored encrypted (account-crypto.ts) with its HMAC beside it, and shown masked by the
// one rule (access.ts maskAccountNumber) to everyone; reading it in full is a separate, audited act
// (revealPayeeAccount), and the bank's payment file carries it in full (bank-file.ts).
import { appendAudit } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import type { PayeeKind } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, maskAccountNumber, requireActor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { managesEnterprise } from '../enterprises/enterprise-scope.ts';
import { personInScope } from '../people/person-scope.ts';
import { managesProvider } from '../providers/provider-view.ts';
import { accountHmac, decryptAccount, encryptAccount } from './account-crypto.ts';

/** The payee's key: a trainee's resident ID, an enterprise's USCC, a provider's id. */
export const payeeRef = (payee: string, c: { resident_id: string; enterprise_uscc: string | null; provider_id: string | null }) =>
  payee === 'enterprise' ? c.enterprise_uscc : payee === 'institution' ? c.provider_id : c.resident_id;

export const PAYEE_KINDS = ['individual', 'enterprise', 'institution'] as const satisfies readonly PayeeKind[];
export const ACCOUNT_KIND_NAMES = { social_security_card: '社会保障卡金融账户', bank: '银行结算账户' } as const;

/** A trainee is paid to their social-security card (a UnionPay debit card); a unit to its bank account. */
export const accountKindOf = (payee: PayeeKind) => (payee === 'individual' ? 'social_security_card' : 'bank');

/** Luhn (ISO/IEC 7812): the last digit of a bank card number checks the others. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * The digits of an account number as typed (spaces and hyphens between groups allowed), or the reason
 * it is not one. Every account: digits only, 12–30 of them (Chinese settlement accounts are 12 to 30
 * digits long depending on the bank). A social-security card's financial account is a UnionPay debit
 * card: 16–19 digits with a Luhn check digit. A unit's settlement account (对公账户) has no public
 * check digit — each bank numbers its own — so only its shape is checked there.
 */
export function accountNumberProblem(payee: PayeeKind, typed: string): { digits: string } | { problem: string } {
  const digits = typed.replace(/[\s-]/g, '');
  if (digits === '') return { problem: '请填写账号' };
  if (!/^\d+$/.test(digits)) return { problem: '账号只能由数字组成' };
  if (digits.length < 12 || digits.length > 30) return { problem: `账号应为 12–30 位数字，现为 ${digits.length} 位` };
  if (accountKindOf(payee) === 'social_security_card') {
    if (digits.length < 16 || digits.length > 19) return { problem: `社会保障卡金融账号应为 16–19 位银行卡号，现为 ${digits.length} 位` };
    if (!luhnValid(digits)) return { problem: '社会保障卡金融账号的校验位不正确（Luhn 校验未通过），请核对卡号' };
  }
  return { digits };
}

interface PayeeFacts {
  /** The payee's registered name: the account's holder must be it (the bank checks name and number). */
  name: string;
}

const NOT_FOUND = new AppError('not_found', '没有找到这个收款方', 'payeeRef');

async function payeeFacts(tx: Db | Tx, a: Actor, payee: PayeeKind, ref: string): Promise<PayeeFacts> {
  switch (payee) {
    case 'individual': {
      // A person outside the actor's slice does not exist for it (a trainee's slice is themself).
      const p = await tx.selectFrom('people').select('name').where('resident_id', '=', ref).where(personInScope(a)).executeTakeFirst();
      if (!p) throw NOT_FOUND;
      if (a.role !== 'trainee' && a.role !== 'city' && a.role !== 'county')
        throw new AppError('forbidden', '个人的收款账户由本人或人社部门登记');
      return { name: p.name };
    }
    case 'enterprise': {
      const e = await tx
        .selectFrom('enterprises')
        .select(['name', 'area_code', 'directly_managed'])
        .where('uscc', '=', ref)
        .executeTakeFirst();
      if (!e) throw NOT_FOUND;
      const own = a.role === 'enterprise' && a.enterpriseUscc === ref;
      if (!own && !managesEnterprise(a, { area_code: e.area_code, directly_managed: Boolean(e.directly_managed) }))
        throw new AppError('forbidden', '企业的收款账户由企业本身或管理该企业的人社部门登记');
      return { name: e.name };
    }
    case 'institution': {
      const p = await tx.selectFrom('providers').select(['name', 'area_code']).where('id', '=', ref).executeTakeFirst();
      if (!p) throw NOT_FOUND;
      const own = a.role === 'provider' && a.providerId === ref;
      if (!own && !managesProvider(a, p)) throw new AppError('forbidden', '培训机构的收款账户由机构本身或所在地人社部门登记');
      return { name: p.name };
    }
  }
}

export interface PayeeAccountView {
  payee: PayeeKind;
  payeeRef: string;
  kind: keyof typeof ACCOUNT_KIND_NAMES;
  accountName: string;
  bankName: string;
  accountMasked: string;
  updatedBy: string;
  updatedAt: Date;
}

type Row = {
  payee: PayeeKind;
  payee_ref: string;
  kind: 'social_security_card' | 'bank';
  account_name: string;
  bank_name: string;
  account_cipher: string;
  created_by: string;
  created_at: Date;
  updated_by: string | null;
  updated_at: Date | null;
};

const view = (r: Row): PayeeAccountView => ({
  payee: r.payee,
  payeeRef: r.payee_ref,
  kind: r.kind,
  accountName: r.account_name,
  bankName: r.bank_name,
  accountMasked: maskAccountNumber(decryptAccount(r.account_cipher)),
  updatedBy: r.updated_by ?? r.created_by,
  updatedAt: r.updated_at ?? r.created_at,
});

export interface RecordPayeeAccountInput {
  payee: PayeeKind;
  payeeRef: string;
  accountName: string;
  bankName: string;
  accountNumber: string;
}

export async function recordPayeeAccount(tx: Tx, actor: Actor | null, input: RecordPayeeAccountInput): Promise<PayeeAccountView> {
  const a = requireActor(actor);
  const facts = await payeeFacts(tx, a, input.payee, input.payeeRef);
  const checked = accountNumberProblem(input.payee, input.accountNumber);
  if ('problem' in checked) throw new AppError('invalid_input', `accountNumber: ${checked.problem}`, 'accountNumber');
  const accountName = input.accountName.trim();
  if (accountName !== facts.name.trim())
    throw new AppError(
      'invalid_input',
      `accountName: 户名应与登记的${input.payee === 'individual' ? '姓名' : '名称'}“${facts.name}”一致（银行按户名和账号入账）`,
      'accountName',
    );
  const bankName = input.bankName.trim();
  if (bankName.length < 2 || bankName.length > 60)
    throw new AppError('invalid_input', 'bankName: 请填写开户行全称（2–60 个字），如“中国工商银行攀枝花分行”', 'bankName');
  const digits = checked.digits;
  const label = actorLabel(a);
  const before = await tx
    .selectFrom('payee_accounts')
    .selectAll()
    .where('payee', '=', input.payee)
    .where('payee_ref', '=', input.payeeRef)
    .forUpdate()
    .executeTakeFirst();
  const hmac = accountHmac(digits);
  const values = {
    kind: accountKindOf(input.payee),
    account_name: accountName,
    bank_name: bankName,
    account_cipher: encryptAccount(digits, `${input.payee}:${input.payeeRef}`),
    account_hmac: hmac,
  } as const;
  if (before && before.account_hmac === hmac && before.bank_name === bankName && before.account_name === accountName)
    return view(before as Row); // the same account again: nothing changes, nothing to audit
  const row = before
    ? await tx
        .updateTable('payee_accounts')
        .set({ ...values, updated_by: label, updated_at: new Date() })
        .where('payee', '=', input.payee)
        .where('payee_ref', '=', input.payeeRef)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await tx
        .insertInto('payee_accounts')
        .values({ payee: input.payee, payee_ref: input.payeeRef, ...values, created_by: label, updated_by: null, updated_at: null })
        .returningAll()
        .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: label,
    action: before ? 'payee_account.change' : 'payee_account.record',
    entity: 'payee_account',
    entityId: `${input.payee}:${input.payeeRef}`,
    data: {
      accountMasked: maskAccountNumber(digits),
      bankName,
      accountName,
      ...(before
        ? {
            before: {
              accountMasked: maskAccountNumber(decryptAccount(before.account_cipher)),
              bankName: before.bank_name,
              accountName: before.account_name,
            },
          }
        : {}),
    },
  });
  return view(row as Row);
}

/** The payee's account, masked; null when none is recorded. */
export async function getPayeeAccount(
  tx: Db | Tx,
  actor: Actor | null,
  payee: PayeeKind,
  payeeRef: string,
): Promise<PayeeAccountView | null> {
  const a = requireActor(actor);
  await payeeFacts(tx, a, payee, payeeRef);
  const row = await tx
    .selectFrom('payee_accounts')
    .selectAll()
    .where('payee', '=', payee)
    .where('payee_ref', '=', payeeRef)
    .executeTakeFirst();
  return row ? view(row as Row) : null;
}

/** The number in full, for the payee or their office, as its own act: the audit says who read whose account, when. */
export async function revealPayeeAccount(tx: Tx, actor: Actor | null, payee: PayeeKind, payeeRef: string) {
  const a = requireActor(actor);
  await payeeFacts(tx, a, payee, payeeRef);
  const row = await tx
    .selectFrom('payee_accounts')
    .selectAll()
    .where('payee', '=', payee)
    .where('payee_ref', '=', payeeRef)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', '该收款方尚未登记收款账户', 'payeeRef');
  const accountNumber = decryptAccount(row.account_cipher);
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'payee_account.reveal',
    entity: 'payee_account',
    entityId: `${payee}:${payeeRef}`,
    data: { accountMasked: maskAccountNumber(accountNumber) },
  });
  return { ...view(row as Row), accountNumber };
}
