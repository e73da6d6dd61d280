// Funds by source and year (§5.2): the special-action account and 就业创业补助资金 are kept apart.
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import type { Db } from '../../store/database.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { fundBalance, FUND_SOURCE_NAMES } from './fund-balance.ts';

export interface CreateFundInput {
  source: 'special_action' | 'employment_fund';
  year: number;
  budgetFen: number;
}

export async function createFund(tx: Tx, actor: Actor | null, input: CreateFundInput) {
  const a = requireRole(actor, 'city');
  const id = `${input.source}-${input.year}`;
  const exists = await tx.selectFrom('funds').select('id').where('id', '=', id).executeTakeFirst();
  if (exists) throw new AppError('conflict', `${input.year}年的${FUND_SOURCE_NAMES[input.source]}已登记`, 'year');
  await tx
    .insertInto('funds')
    .values({
      id,
      source: input.source,
      year: input.year,
      budget_fen: input.budgetFen,
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .execute();
  await appendAudit(tx, { actor: actorLabel(a), action: 'fund.create', entity: 'fund', entityId: id, data: { ...input } });
  return fundBalance(tx, id);
}

/** Funds with their positions: the city and the finance department (§5.7) see them; counties read them. */
export async function listFunds(db: Db, actor: Actor | null) {
  const a = requireRole(actor, 'city', 'county', 'department');
  if (a.role === 'department' && a.department !== 'finance') throw new AppError('forbidden', '只有财政局可以查看资金');
  const funds = await db
    .selectFrom('funds')
    .select(['id', 'payer_account_name', 'payer_account_no', 'payer_bank_name'])
    .orderBy('year')
    .orderBy('source')
    .execute();
  // The payer account the bank debits (docs/bank-payments.md): a unit's account, shown as it is.
  return Promise.all(
    funds.map(async (f) => ({
      ...(await fundBalance(db, f.id)),
      payerAccount: f.payer_account_no
        ? { accountName: f.payer_account_name ?? '', accountNumber: f.payer_account_no, bankName: f.payer_bank_name ?? '' }
        : null,
    })),
  );
}
