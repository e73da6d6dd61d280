// A fund's position (§5.2): remaining = budget − reserved − paid − advanced + recovered, in fen.
// Advances settled against a final claim are not counted twice: the claim reserves only what is
// left after its advance (see approve-claim.ts).
import { sql } from 'kysely';
import type { Tx } from '../../store/transaction.ts';
import type { Db } from '../../store/database.ts';
import { AppError } from '../app-error.ts';

export interface FundBalance {
  id: string;
  source: string;
  year: number;
  budgetFen: number;
  reservedFen: number;
  paidFen: number;
  advancedFen: number;
  recoveredFen: number;
  remainingFen: number;
}

export const FUND_SOURCE_NAMES: Record<string, string> = {
  special_action: '职业技能提升行动专账资金',
  employment_fund: '就业创业补助资金',
};

export async function fundBalance(db: Tx | Db, fundId: string): Promise<FundBalance> {
  const row = await sql<{
    id: string;
    source: string;
    year: number;
    budget: string;
    reserved: string;
    paid: string;
    advanced: string;
    recovered: string;
  }>`
    select f.id, f.source, f.year, f.budget_fen as budget,
      coalesce((select sum(r.amount_fen) from reservations r where r.fund_id = f.id and r.status = 'reserved'), 0) as reserved,
      coalesce((select sum(p.amount_fen) from payments p join payment_batches b on b.id = p.batch_id where b.fund_id = f.id), 0) as paid,
      coalesce((select sum(a.amount_fen) from advances a where a.fund_id = f.id), 0) as advanced,
      coalesce((select sum(x.amount_fen) from recoveries x join advances a on a.id = x.advance_id where a.fund_id = f.id), 0)
        -- a paid claim's money recovered after a sanction (§5.2) returns to the fund that paid it
        + coalesce((select sum(x.amount_fen) from recoveries x join payments p on p.claim_id = x.claim_id join payment_batches b on b.id = p.batch_id
                    where x.advance_id is null and b.fund_id = f.id), 0) as recovered
    from funds f where f.id = ${fundId}`.execute(db);
  const f = row.rows[0];
  if (!f) throw new AppError('not_found', '没有找到这笔资金', 'fundId');
  const [budgetFen, reservedFen, paidFen, advancedFen, recoveredFen] = [f.budget, f.reserved, f.paid, f.advanced, f.recovered].map(
    Number,
  ) as [number, number, number, number, number];
  return {
    id: f.id,
    source: f.source,
    year: Number(f.year),
    budgetFen,
    reservedFen,
    paidFen,
    advancedFen,
    recoveredFen,
    remainingFen: budgetFen - reservedFen - paidFen - advancedFen + recoveredFen,
  };
}

/** The fund of a source and year, locked so that concurrent approvals see each other's reservations. */
export async function lockFund(tx: Tx, source: string, year: number): Promise<string> {
  const fund = await tx
    .selectFrom('funds')
    .select('id')
    .where('source', '=', source as 'special_action')
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirst();
  if (!fund) throw new AppError('not_found', `没有登记${year}年的${FUND_SOURCE_NAMES[source] ?? source}`, 'fundId');
  return fund.id;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Refuses a draw beyond what is left (§5.2), naming the figures. */
export function requireRoom(balance: FundBalance, amountFen: number, what: string): void {
  if (amountFen > balance.remainingFen) {
    throw new AppError(
      'over_budget',
      `${balance.year}年${FUND_SOURCE_NAMES[balance.source] ?? balance.source}余额不足，不能${what}：需要 ${yuan(amountFen)} 元，` +
        `预算 ${yuan(balance.budgetFen)} 元，已预留 ${yuan(balance.reservedFen)} 元，已支付 ${yuan(balance.paidFen)} 元，已预支 ${yuan(balance.advancedFen)} 元，已追回 ${yuan(balance.recoveredFen)} 元，可用 ${yuan(balance.remainingFen)} 元`,
      'amountFen',
      { ...balance, requestedFen: amountFen },
    );
  }
}
