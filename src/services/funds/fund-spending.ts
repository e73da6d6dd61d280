// What each fund has spent, by program (§5.2), and the R9 enterprise share: the subsidies for
// enterprise employees (the R11 programs) against all §4 spending from the special-action account of
// the year. Spending = reserved + paid + advanced − recovered, the same sources as the fund's balance
// (fund-balance.ts), so a fund's programs always add up to its budget minus what remains.
import { sql } from 'kysely';
import { formatYuan } from '../../policy/money.ts';
import type { Db } from '../../store/database.ts';
import type { Tx } from '../../store/transaction.ts';
import { requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { policiesFromStore } from '../claims/engine-input-from-store.ts';
import { ENTERPRISE_PROGRAMS, programName } from '../reports/report-period.ts';
import { FUND_SOURCE_NAMES, type FundBalance } from './fund-balance.ts';

export interface ProgramSpending {
  program: string;
  programName: string;
  reservedFen: number;
  paidFen: number;
  advancedFen: number;
  recoveredFen: number;
  spentFen: number;
}
export interface FundAccount extends FundBalance {
  sourceName: string;
  spentFen: number;
  programs: ProgramSpending[];
}

/** The city and the finance bureau see every fund; a county reads them; other departments none (§5.7). */
export function requireFundReader(actor: Actor | null): Actor {
  const a = requireRole(actor, 'city', 'county', 'department');
  if (a.role === 'department' && a.department !== 'finance') throw new AppError('forbidden', '只有财政局可以查看资金');
  return a;
}

/** Spending per fund and program, in one pass over the money rows. */
export async function spendingByProgram(db: Db | Tx, fundIds: string[]): Promise<Map<string, ProgramSpending[]>> {
  const out = new Map<string, ProgramSpending[]>(fundIds.map((id) => [id, []]));
  if (fundIds.length === 0) return out;
  const ids = sql.join(fundIds.map((id) => sql`${id}`));
  const rows = await sql<{ fund_id: string; program: string; reserved: string; paid: string; advanced: string; recovered: string }>`
    select fund_id, program, sum(reserved) as reserved, sum(paid) as paid, sum(advanced) as advanced, sum(recovered) as recovered from (
      select r.fund_id, c.program, r.amount_fen as reserved, 0 as paid, 0 as advanced, 0 as recovered
        from reservations r join claims c on c.id = r.claim_id where r.status = 'reserved' and r.fund_id in (${ids})
      union all
      select b.fund_id, c.program, 0, p.amount_fen, 0, 0
        from payments p join payment_batches b on b.id = p.batch_id join claims c on c.id = p.claim_id where b.fund_id in (${ids})
      union all
      select a.fund_id, case a.kind when 'apprenticeship' then 'apprenticeship' else 'project_based' end, 0, 0, a.amount_fen, 0
        from advances a where a.fund_id in (${ids})
      union all
      select a.fund_id, case a.kind when 'apprenticeship' then 'apprenticeship' else 'project_based' end, 0, 0, 0, x.amount_fen
        from recoveries x join advances a on a.id = x.advance_id where a.fund_id in (${ids})
      union all
      select b.fund_id, c.program, 0, 0, 0, x.amount_fen
        from recoveries x join payments p on p.claim_id = x.claim_id join payment_batches b on b.id = p.batch_id join claims c on c.id = x.claim_id
        where x.advance_id is null and b.fund_id in (${ids})
    ) t group by fund_id, program order by fund_id, program`.execute(db);
  for (const r of rows.rows) {
    const [reservedFen, paidFen, advancedFen, recoveredFen] = [r.reserved, r.paid, r.advanced, r.recovered].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    out.get(r.fund_id)!.push({
      program: r.program,
      programName: programName(r.program),
      reservedFen,
      paidFen,
      advancedFen,
      recoveredFen,
      spentFen: reservedFen + paidFen + advancedFen - recoveredFen,
    });
  }
  return out;
}

/**
 * The funds with their positions and spending by program, from ONE pass over the money rows: the
 * position's reserved, paid, advanced and recovered are the sums of the programs' (the same sources
 * and rules as fundBalance, which a test checks against the raw rows).
 */
export async function fundAccounts(db: Db | Tx, filter: { year?: number; source?: string } = {}): Promise<FundAccount[]> {
  let q = db.selectFrom('funds').select(['id', 'source', 'year', 'budget_fen']).orderBy('year').orderBy('source');
  if (filter.year) q = q.where('year', '=', filter.year);
  if (filter.source) q = q.where('source', '=', filter.source as 'special_action');
  const funds = await q.execute();
  const spending = await spendingByProgram(
    db,
    funds.map((f) => f.id),
  );
  return funds.map((f) => {
    const programs = spending.get(f.id)!;
    const total = (k: 'reservedFen' | 'paidFen' | 'advancedFen' | 'recoveredFen') => programs.reduce((s, p) => s + p[k], 0);
    const budgetFen = Number(f.budget_fen);
    const [reservedFen, paidFen, advancedFen, recoveredFen] = [
      total('reservedFen'),
      total('paidFen'),
      total('advancedFen'),
      total('recoveredFen'),
    ];
    const remainingFen = budgetFen - reservedFen - paidFen - advancedFen + recoveredFen;
    return {
      id: f.id,
      source: f.source,
      year: Number(f.year),
      budgetFen,
      reservedFen,
      paidFen,
      advancedFen,
      recoveredFen,
      remainingFen,
      sourceName: FUND_SOURCE_NAMES[f.source] ?? f.source,
      spentFen: budgetFen - remainingFen,
      programs,
    };
  });
}

/** 资金账户: the funds with their positions and spending by program, as a page (every list is paged). */
export async function listFundAccounts(
  db: Db,
  actor: Actor | null,
  input: { year?: number; source?: string; page?: number; pageSize?: number },
) {
  requireFundReader(actor);
  const all = await fundAccounts(db, input);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
}

export interface EnterpriseShare {
  year: number;
  fundId: string | null;
  enterpriseFen: number;
  totalFen: number;
  /** Share in basis points (6000 = 60.00%); null when nothing was spent (no share to judge). */
  shareBasisPoints: number | null;
  minPercent: number;
  clause: '§5.2';
  below: boolean;
  message: string;
}

/** R9 (§5.2) for one year's special-action fund: the enterprise-employee share of its spending. */
export async function enterpriseShare(db: Db | Tx, year: number, accounts?: FundAccount[]): Promise<EnterpriseShare> {
  const policies = await policiesFromStore(db);
  const pkg = policies.governing('skill_upgrade', `${year}-06-30`);
  if (!pkg) throw new AppError('not_found', `${year}年没有有效政策，无法判断企业职工培训补贴占比（R9）`, 'year');
  const minPercent = pkg.read('enterprise.minShareOfSpendingPercent', `${year}-06-30`).value as number;
  const known = accounts?.find((f) => f.source === 'special_action' && f.year === year);
  const fund =
    known ?? (await db.selectFrom('funds').select('id').where('source', '=', 'special_action').where('year', '=', year).executeTakeFirst());
  if (!fund) {
    return {
      year,
      fundId: null,
      enterpriseFen: 0,
      totalFen: 0,
      shareBasisPoints: null,
      minPercent,
      clause: '§5.2',
      below: false,
      message: `${year}年未登记职业技能提升行动专账资金`,
    };
  }
  const programs = known ? known.programs : (await spendingByProgram(db, [fund.id])).get(fund.id)!;
  const totalFen = programs.reduce((s, p) => s + p.spentFen, 0);
  const enterpriseFen = programs
    .filter((p) => (ENTERPRISE_PROGRAMS as readonly string[]).includes(p.program))
    .reduce((s, p) => s + p.spentFen, 0);
  if (totalFen <= 0) {
    return {
      year,
      fundId: fund.id,
      enterpriseFen,
      totalFen,
      shareBasisPoints: null,
      minPercent,
      clause: '§5.2',
      below: false,
      message: `${year}年专账资金尚无支出，暂不判断企业职工占比（R9）`,
    };
  }
  // Exact: compare enterpriseFen × 100 with minPercent × totalFen; the basis points only display.
  const below = enterpriseFen * 100 < minPercent * totalFen;
  const shareBasisPoints = Math.floor((enterpriseFen * 10000) / totalFen);
  const pct = `${(shareBasisPoints / 100).toFixed(2)}%`;
  const message = below
    ? `预警：${year}年专账资金支出 ${formatYuan(totalFen)}，其中企业职工培训补贴 ${formatYuan(enterpriseFen)}，占 ${pct}，低于 ${minPercent}%（R9，§5.2）`
    : `${year}年专账资金支出 ${formatYuan(totalFen)}，其中企业职工培训补贴 ${formatYuan(enterpriseFen)}，占 ${pct}，不低于 ${minPercent}%（R9，§5.2）`;
  return { year, fundId: fund.id, enterpriseFen, totalFen, shareBasisPoints, minPercent, clause: '§5.2', below, message };
}

/** R9 by year, as a page: `belowOnly` keeps the warnings (the home page counts them). */
export async function listEnterpriseShares(
  db: Db,
  actor: Actor | null,
  input: { year?: number; belowOnly?: boolean; page?: number; pageSize?: number },
) {
  const a = requireFundReader(actor);
  if (a.role === 'county') throw new AppError('forbidden', 'R9 占比按全市专账资金计算，由市人社局和财政局监测');
  const years = input.year
    ? [input.year]
    : (await db.selectFrom('funds').select('year').where('source', '=', 'special_action').distinct().orderBy('year').execute()).map((f) =>
        Number(f.year),
      );
  const all: EnterpriseShare[] = [];
  for (const year of years) {
    const share = await enterpriseShare(db, year).catch((e) => {
      if (e instanceof AppError && e.code === 'not_found') return null;
      throw e;
    });
    if (share && (!input.belowOnly || share.below)) all.push(share);
  }
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
}
