// The rules of a main-post headcount (§1): who writes it (the enterprise itself, or an office that
// manages the enterprise: enterprise-scope.ts), the years it can be recorded for — the calendar years
// the policy packages on record are in force (the plan: 2020 and 2021), read from their windows, not
// written here — and the figure itself (a whole number of people, 0 allowed).
import type { PolicySet } from '../../policy/policy-package.ts';
import type { Db } from '../../store/database.ts';
import type { Tx } from '../../store/transaction.ts';
import { AppError } from '../app-error.ts';
import type { Actor } from '../access.ts';
import { policiesFromStore } from '../claims/engine-input-from-store.ts';
import { managesEnterprise } from '../enterprises/enterprise-scope.ts';

export function planYears(policies: PolicySet): number[] {
  const years = new Set<number>();
  for (const p of policies.packages) {
    const w = p.data.inForce.default;
    for (let y = Number(w.from.slice(0, 4)); y <= Number(w.to.slice(0, 4)); y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

export async function headcountYears(db: Db | Tx): Promise<number[]> {
  return planYears(await policiesFromStore(db));
}

export const yearsText = (years: number[]) => years.join('、');

/** Refuses a year outside the plan (400 naming `field`). */
export function assertPlanYear(year: number, years: number[], field: string): void {
  if (!years.includes(year))
    throw new AppError('invalid_input', `年度应为方案有效期内的年份（${yearsText(years)}），不能是 ${year}`, field);
}

export const MAX_MAIN_POST_EMPLOYEES = 1_000_000;

/** May the actor write this enterprise's headcount? The enterprise itself, or an office that manages it. */
export function writesHeadcount(actor: Actor, e: { uscc: string; area_code: string; directly_managed: boolean }): boolean {
  if (actor.role === 'enterprise') return actor.enterpriseUscc === e.uscc;
  return managesEnterprise(actor, e);
}

export function headcountProblem(n: unknown): string | null {
  if (typeof n !== 'number' || !Number.isInteger(n)) return '应为整数（人）';
  if (n < 0) return '不能为负数';
  if (n > MAX_MAIN_POST_EMPLOYEES) return `不能超过 ${MAX_MAIN_POST_EMPLOYEES} 人`;
  return null;
}
