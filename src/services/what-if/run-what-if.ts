// WHAT-IF: "if this parameter had this value over this period, what would change?" Every
// stored claim whose training starts in the period (withdrawn and rejected ones aside) is decided
// twice by the same engine, on the same file built from the database: under the packages on record,
// and under them plus the change (packageWithChange, the very package a recorded change would store).
// The difference is the parameter's effect alone — not drift since the claims were frozen. Nothing is
// written: only reads, and the engine is pure.
import type { Kysely } from 'kysely';
import { PolicySet } from '../../policy/policy-package.ts';
import type { Decision } from '../../policy/index.ts';
import type { Database } from '../../store/schema.ts';
import { requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { buildEvaluateInput, referenceFromStore } from '../claims/engine-input-from-store.ts';
import { runEngine } from '../claims/run-engine.ts';
import { packagesOnRecord, packageWithChange, policySetWith, topPackage } from '../policy/parameter-change.ts';

export interface WhatIfInput {
  parameter: string;
  value: unknown;
  /** The period: the changed value applies to it, and the claims whose training starts in it are re-decided. */
  from: string;
  to: string;
}

export interface WhatIfTotals {
  claims: number;
  changed: number;
  beforeFen: number;
  afterFen: number;
  deltaFen: number;
}
export interface WhatIfChangedClaim {
  id: string;
  /** The claim's record number (SQ-…), what users see; `id` stays internal. */
  number: string;
  program: string;
  areaCode: string;
  residentId: string;
  status: string;
  startDate: string;
  frozenOutcome: string | null;
  frozenAmountFen: number | null;
  beforeOutcome: string;
  beforeAmountFen: number;
  afterOutcome: string;
  afterAmountFen: number;
  deltaFen: number;
}
export interface WhatIfResult {
  input: WhatIfInput;
  basePackageId: string;
  totals: WhatIfTotals;
  byProgram: (WhatIfTotals & { program: string })[];
  byArea: (WhatIfTotals & { areaCode: string })[];
  changedClaims: WhatIfChangedClaim[];
}

/** People per engine run: small enough that the event loop is yielded often. */
const CHUNK = 250;

/** Money a decision grants: only an eligible decision has an amount (a missing one is never zero-filled elsewhere). */
export const grantedFen = (d: Pick<Decision, 'outcome' | 'amountFen'>): number => (d.outcome === 'eligible' ? Number(d.amountFen ?? 0) : 0);

export interface PreparedWhatIf {
  base: PolicySet;
  modified: PolicySet;
  basePackageId: string;
}

/** Validates the input and builds both policy sets (400 naming the field before any work starts). */
export async function prepareWhatIf(db: Kysely<Database>, actor: Actor | null, input: WhatIfInput): Promise<PreparedWhatIf> {
  requireRole(actor, 'city');
  if (input.to < input.from) throw new AppError('invalid_input', '测算期间的终止日期早于起始日期', 'to');
  const raws = await packagesOnRecord(db);
  const base = new PolicySet(raws);
  const top = topPackage(base);
  const precedence = Math.max(...raws.map((r) => (r as { precedence: number }).precedence)) + 1;
  const pkg = packageWithChange(
    top,
    { parameter: input.parameter, value: input.value, validFrom: input.from, validTo: input.to },
    'what-if',
    '参数测算（不保存）',
    precedence,
  );
  return { base, modified: policySetWith(raws, pkg), basePackageId: top.id };
}

const zero = (): WhatIfTotals => ({ claims: 0, changed: 0, beforeFen: 0, afterFen: 0, deltaFen: 0 });

export async function runWhatIf(
  db: Kysely<Database>,
  actor: Actor | null,
  input: WhatIfInput,
  onProgress: (done: number, total: number) => void = () => {},
  prepared?: PreparedWhatIf,
): Promise<WhatIfResult> {
  const { base, modified, basePackageId } = prepared ?? (await prepareWhatIf(db, actor, input));
  const claims = await db
    .selectFrom('claims')
    .select(['id', 'number', 'program', 'area_code', 'resident_id', 'status', 'start_date', 'outcome', 'amount_fen'])
    .where('start_date', '>=', input.from)
    .where('start_date', '<=', input.to)
    .where('status', 'not in', ['withdrawn', 'rejected'])
    .orderBy('resident_id')
    .orderBy('id')
    .execute();
  const byId = new Map(claims.map((c) => [c.id, c]));
  const people = [...new Set(claims.map((c) => c.resident_id))];
  const reference = await referenceFromStore(db, input.from);
  const totals = zero();
  const byProgram = new Map<string, WhatIfTotals>();
  const byArea = new Map<string, WhatIfTotals>();
  const changedClaims: WhatIfChangedClaim[] = [];
  onProgress(0, people.length);
  for (let i = 0; i < people.length; i += CHUNK) {
    const chunk = people.slice(i, i + CHUNK);
    const chunkSet = new Set(chunk);
    const toDecide = new Set(claims.filter((c) => chunkSet.has(c.resident_id)).map((c) => c.id));
    const file = await buildEvaluateInput(db, chunk, toDecide, reference);
    const before = runEngine(file, base);
    const after = runEngine(file, modified);
    for (const id of toDecide) {
      const c = byId.get(id)!;
      const b = before.get(id)!;
      const w = after.get(id)!;
      const bFen = grantedFen(b);
      const aFen = grantedFen(w);
      const changed = b.outcome !== w.outcome || bFen !== aFen;
      for (const t of [totals, get(byProgram, c.program), get(byArea, c.area_code)]) {
        t.claims += 1;
        t.beforeFen += bFen;
        t.afterFen += aFen;
        t.deltaFen += aFen - bFen;
        if (changed) t.changed += 1;
      }
      if (changed) {
        changedClaims.push({
          id,
          number: c.number,
          program: c.program,
          areaCode: c.area_code,
          residentId: c.resident_id,
          status: c.status,
          startDate: String(c.start_date).slice(0, 10),
          frozenOutcome: c.outcome,
          frozenAmountFen: c.amount_fen == null ? null : Number(c.amount_fen),
          beforeOutcome: b.outcome,
          beforeAmountFen: bFen,
          afterOutcome: w.outcome,
          afterAmountFen: aFen,
          deltaFen: aFen - bFen,
        });
      }
    }
    onProgress(Math.min(people.length, i + CHUNK), people.length);
    // Let the server answer other requests between chunks (the engine runs on this thread).
    await new Promise((resolve) => setImmediate(resolve));
  }
  const rows = <K extends string>(m: Map<string, WhatIfTotals>, key: K) =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, t]) => ({ [key]: k, ...t }) as WhatIfTotals & Record<K, string>);
  return { input, basePackageId, totals, byProgram: rows(byProgram, 'program'), byArea: rows(byArea, 'areaCode'), changedClaims };
}

function get(m: Map<string, WhatIfTotals>, key: string): WhatIfTotals {
  let t = m.get(key);
  if (!t) m.set(key, (t = zero()));
  return t;
}
