// R8 (§5.2) in the annual report: for the enterprises that were (or would be) paid for their
// employees' training in the year, whether each had fully drawn and used its employee-education fund
// (职工教育经费) — yes, no (paid 80%), or not on record (its claims wait undecided, never read as "yes")
// — and what the 80% rule took off the standard. The reduction per claim is read from the decision's
// R8 reason, as the enterprise's own R8 page reads it (src/services/parties/enterprise-r8-status.ts).
import type { Db } from '../../store/database.ts';
import { formatYuan } from '../../policy/money.ts';
import { r8Amounts } from '../parties/enterprise-r8-status.ts';
import { policiesFromStore } from '../claims/engine-input-from-store.ts';

export interface R8Enterprise {
  uscc: string;
  name: string;
  reducedClaims: number;
  reductionFen: number | null;
}
export interface R8Summary {
  year: number;
  clause: '§5.2';
  reducedRatePercent: number | null;
  /** Enterprises with enterprise-paid (or R8-undecided) claims ended in the year, by their fund fact. */
  enterprises: { fullyUsed: number; notFullyUsed: number; unknown: number };
  reducedClaims: number;
  /** Sums over the reduced claims; null when a decision does not state its standard. */
  standardFen: number | null;
  paidFen: number;
  reductionFen: number | null;
  /** Claims left undecided because the enterprise's fund use that year is not on record. */
  undecidedClaims: number;
  /** The enterprises the rule reduced most (by reduction, at most 10). */
  top: R8Enterprise[];
  /** The figures in one Chinese sentence (screen, Excel, PDF). */
  message: string;
}

export async function r8Summary(db: Db, year: number, areaCode: string | null): Promise<R8Summary> {
  let query = db
    .selectFrom('claims as c')
    .innerJoin('enterprises as e', 'e.uscc', 'c.enterprise_uscc')
    .leftJoin('enterprise_education_fund as f', (j) => j.onRef('f.uscc', '=', 'c.enterprise_uscc').on('f.year', '=', year))
    .select([
      'c.id',
      'c.enterprise_uscc as uscc',
      'e.name',
      'c.payee',
      'c.outcome',
      'c.amount_fen',
      'c.reasons',
      'c.missing',
      'f.fully_used',
    ])
    .where('c.end_date', '>=', `${year}-01-01`)
    .where('c.end_date', '<=', `${year}-12-31`)
    .where('c.status', 'not in', ['rejected', 'withdrawn'])
    .where('c.outcome', 'is not', null)
    .where((eb) => eb.or([eb('c.payee', '=', 'enterprise'), eb('c.outcome', '=', 'undecided')]))
    .orderBy('c.id');
  if (areaCode) query = query.where('c.area_code', '=', areaCode);
  const rows = await query.execute();

  const factKey = `educationFundFullyUsed.${year}`;
  const fact = new Map<string, boolean | null>();
  const byEnterprise = new Map<string, R8Enterprise>();
  let reducedClaims = 0,
    paidFen = 0,
    undecidedClaims = 0;
  let standardFen: number | null = 0,
    reductionFen: number | null = 0;
  for (const r of rows) {
    const waitsForFact = r.outcome === 'undecided' && ((r.missing as string[] | null) ?? []).some((m) => m.endsWith(factKey));
    if (r.payee !== 'enterprise' && !waitsForFact) continue;
    fact.set(r.uscc!, r.fully_used ?? null);
    if (waitsForFact) {
      undecidedClaims++;
      continue;
    }
    const amounts = r8Amounts((r.reasons as string[] | null) ?? []);
    if (!amounts) continue;
    const amount = r.amount_fen == null ? null : Number(r.amount_fen);
    const reduction = amounts.standardFen != null && amount != null ? amounts.standardFen - amount : null;
    reducedClaims++;
    paidFen += amount ?? 0;
    standardFen = standardFen == null || amounts.standardFen == null ? null : standardFen + amounts.standardFen;
    reductionFen = reductionFen == null || reduction == null ? null : reductionFen + reduction;
    const e = byEnterprise.get(r.uscc!) ?? { uscc: r.uscc!, name: r.name, reducedClaims: 0, reductionFen: 0 };
    e.reducedClaims++;
    e.reductionFen = e.reductionFen == null || reduction == null ? null : e.reductionFen + reduction;
    byEnterprise.set(r.uscc!, e);
  }
  const facts = [...fact.values()];
  const policies = await policiesFromStore(db);
  const pkg = policies.governing('skill_upgrade', `${year}-06-30`);
  const percent = pkg ? (pkg.read('enterprise.reducedRatePercent', `${year}-06-30`).value as number) : null;
  const enterprises = {
    fullyUsed: facts.filter((f) => f === true).length,
    notFullyUsed: facts.filter((f) => f === false).length,
    unknown: facts.filter((f) => f === null).length,
  };
  const summary = {
    year,
    clause: '§5.2' as const,
    reducedRatePercent: percent,
    enterprises,
    reducedClaims,
    standardFen,
    paidFen,
    reductionFen,
    undecidedClaims,
  };
  return {
    ...summary,
    top: [...byEnterprise.values()]
      .sort((x, y) => (y.reductionFen ?? Infinity) - (x.reductionFen ?? Infinity) || x.uscc.localeCompare(y.uscc))
      .slice(0, 10),
    message: r8Message(summary),
  };
}

function r8Message(s: Omit<R8Summary, 'top' | 'message'>): string {
  const total = s.enterprises.fullyUsed + s.enterprises.notFullyUsed + s.enterprises.unknown;
  if (total === 0) return `${s.year}年没有以企业为领取人的申领，R8 未涉及（§5.2）`;
  const rate = s.reducedRatePercent == null ? '规定比例' : `${s.reducedRatePercent}%`;
  const unknown = s.enterprises.unknown ? `，未登记 ${s.enterprises.unknown} 家（${s.undecidedClaims} 笔申领待登记后决定）` : '';
  const money =
    s.reducedClaims === 0
      ? '没有按比例核减的申领'
      : `按 ${rate} 补贴 ${s.reducedClaims} 笔，实付 ${formatYuan(s.paidFen)}` +
        (s.standardFen == null || s.reductionFen == null
          ? '（部分决定未写明标准，核减额不详）'
          : `，标准 ${formatYuan(s.standardFen)}，核减 ${formatYuan(s.reductionFen)}`);
  return `${s.year}年以企业为领取人的企业 ${total} 家：足额提取使用职工教育经费 ${s.enterprises.fullyUsed} 家，未足额 ${s.enterprises.notFullyUsed} 家${unknown}；${money}（R8，§5.2）`;
}
