// R8 (§5.2) as an enterprise sees it, year by year: whether it fully drew and used its employee-
// education fund (职工教育经费) that year (the fact on record, its source, or unknown), whether the 80%
// rule applies, and the claims the rule reduced (completed that year, the enterprise the payee) with
// the standard, the amount and the difference. The year read is the training's completion year, as
// the engine reads it (src/policy/rules/enterprise-rate.ts); a year without the fact is "unknown",
// never "not reduced", and the claims it leaves undecided are listed.
import { requireActor, type Actor } from '../access.ts';
import { residentIdFor } from '../access.ts';
import { enterpriseInScope } from '../enterprises/enterprise-scope.ts';
import { notFound } from '../record-scope.ts';
import type { Tx } from '../../store/transaction.ts';

/** Claims ended this way were never paid: R8 reduced nothing of theirs. */
const ENDED = ['rejected', 'withdrawn'] as const;

export interface R8Claim {
  id: string;
  number: string;
  program: string;
  residentId: string;
  endDate: string;
  status: string;
  amountFen: number | null;
  /** The standard before R8, read from the decision's R8 step; null when the step does not state it. */
  standardFen: number | null;
  reducedFen: number | null;
}

export interface R8Year {
  year: number;
  educationFund: { fullyUsed: boolean | null; source: string | null; recordedBy: string | null; recordedAt: string | null };
  /** 'applies' (80%), 'not_applies' (full standard) or 'unknown' (the fact is not on record). */
  r8: 'applies' | 'not_applies' | 'unknown';
  reducedClaims: R8Claim[];
  /** Sum of the reductions; null when one of them is not known. */
  reducedTotalFen: number | null;
  /** Claims left undecided because the year's fact is missing. */
  undecidedClaims: { id: string; number: string; program: string; residentId: string; endDate: string; status: string }[];
}

/** "¥1,792.00" → 179200 fen (the engine's own formatYuan, read back). */
function fenOf(yuan: string): number | null {
  const m = /^¥([\d,]+)\.(\d{2})$/.exec(yuan);
  return m ? Number(m[1]!.replace(/,/g, '')) * 100 + Number(m[2]) : null;
}

/** The standard and the reduced amount stated by the R8 reason (`¥1,792.00 × 80% = ¥1,433.60（R8）`). */
export function r8Amounts(reasons: readonly string[]): { standardFen: number | null; reducedToFen: number | null } | undefined {
  const line = reasons.find((r) => r.endsWith('（R8）') && r.includes('未足额'));
  if (!line) return undefined;
  const m = /(¥[\d,]+\.\d{2}) × \d+(?:\.\d+)?% = (¥[\d,]+\.\d{2})（R8）$/.exec(line);
  return m ? { standardFen: fenOf(m[1]!), reducedToFen: fenOf(m[2]!) } : { standardFen: null, reducedToFen: null };
}

export async function getEnterpriseR8Status(tx: Tx, actor: Actor | null, uscc: string) {
  const a = requireActor(actor);
  const e = await tx
    .selectFrom('enterprises')
    .select(['uscc', 'name'])
    .where('uscc', '=', uscc)
    .where(enterpriseInScope(a))
    .executeTakeFirst();
  if (!e) throw notFound('企业', uscc);
  const funds = await tx.selectFrom('enterprise_education_fund').selectAll().where('uscc', '=', uscc).execute();
  const claims = await tx
    .selectFrom('claims')
    .select(['id', 'number', 'program', 'resident_id', 'end_date', 'status', 'outcome', 'amount_fen', 'payee', 'reasons', 'missing'])
    .where('enterprise_uscc', '=', uscc)
    .where('status', 'not in', ENDED)
    .where('outcome', 'is not', null)
    .execute();
  // The years of the plan's funds, of the facts on record and of the enterprise's claims.
  const fundYears = await tx.selectFrom('funds').select('year').distinct().execute();
  const years = new Set<number>([
    ...fundYears.map((f) => Number(f.year)),
    ...funds.map((f) => Number(f.year)),
    ...claims.map((c) => Number(c.end_date.slice(0, 4))),
  ]);

  const result: R8Year[] = [...years].sort().map((year) => {
    const fact = funds.find((f) => Number(f.year) === year);
    const ofYear = claims.filter((c) => Number(c.end_date.slice(0, 4)) === year);
    const reducedClaims: R8Claim[] = [];
    for (const c of ofYear) {
      if (c.payee !== 'enterprise') continue;
      const amounts = r8Amounts((c.reasons as string[] | null) ?? []);
      if (!amounts) continue;
      const amountFen = c.amount_fen == null ? null : Number(c.amount_fen);
      reducedClaims.push({
        id: c.id,
        number: c.number,
        program: c.program,
        residentId: residentIdFor(a, c.resident_id),
        endDate: c.end_date,
        status: c.status,
        amountFen,
        standardFen: amounts.standardFen,
        reducedFen: amounts.standardFen != null && amountFen != null ? amounts.standardFen - amountFen : null,
      });
    }
    const undecidedClaims = ofYear
      .filter(
        (c) =>
          c.outcome === 'undecided' && ((c.missing as string[] | null) ?? []).some((m) => m.endsWith(`educationFundFullyUsed.${year}`)),
      )
      .map((c) => ({
        id: c.id,
        number: c.number,
        program: c.program,
        residentId: residentIdFor(a, c.resident_id),
        endDate: c.end_date,
        status: c.status,
      }));
    const reductions = reducedClaims.map((c) => c.reducedFen);
    return {
      year,
      educationFund: {
        fullyUsed: fact ? fact.fully_used : null,
        source: fact?.source ?? null,
        recordedBy: fact?.recorded_by ?? null,
        recordedAt: fact ? new Date(fact.recorded_at).toISOString() : null,
      },
      r8: !fact ? 'unknown' : fact.fully_used ? 'not_applies' : 'applies',
      reducedClaims,
      reducedTotalFen: reductions.some((r) => r == null) ? null : reductions.reduce<number>((s, r) => s + (r ?? 0), 0),
      undecidedClaims,
    };
  });
  return { uscc: e.uscc, name: e.name, years: result };
}
