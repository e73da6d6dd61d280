// Runs the policy engine on an evaluate file built from the store, exactly as `upskill evaluate`
// does (parseEvaluateInput + evaluateClaims), and freezes the decisions on the claim rows.
import { sql } from 'kysely';
import { evaluateClaims, InputError, parseEvaluateInput, shippedReferenceData, type Decision, type PolicySet } from '../../policy/index.ts';
import type { ClaimStatus } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import { AppError } from '../app-error.ts';
import type { StoreEvaluateInput } from './engine-input-from-store.ts';

/** Decides every claim of the file without a status, with the full trace (frozen for explanation). */
export function runEngine(input: StoreEvaluateInput, policies: PolicySet): Map<string, Decision> {
  try {
    const parsed = parseEvaluateInput(input.file, policies);
    const out = new Map<string, Decision>();
    for (const d of evaluateClaims(parsed, policies, shippedReferenceData(), { explain: true })) out.set(d.ref, d);
    return out;
  } catch (e) {
    // The records on file do not make a valid evaluate file (e.g. an inconsistent §4.9 contract).
    if (e instanceof InputError) {
      const first = e.issues[0]!;
      throw new AppError('invalid_input', `申领数据不完整或不一致，无法判定：${first.path}: ${first.message}`, first.path, e.issues);
    }
    throw e;
  }
}

/**
 * §5.2 fund sources: the living allowance and the in-school students' §4.6 subsidy come from
 * 就业创业补助资金; the rest from the special-action account. The engine's trace says whether the
 * in-school rule applied (it read its parameter), so the source follows the decision, not a guess.
 */
export function fundSourceOf(program: string, decision: Decision): 'special_action' | 'employment_fund' {
  if (program === 'living_allowance') return 'employment_fund';
  const inSchool = decision.trace?.steps.some((s) => s.parameters?.some((p) => p.name === 'employmentSkill.inSchoolPercent'));
  return program === 'employment_skill' && inSchool ? 'employment_fund' : 'special_action';
}

/** Writes the decisions onto their claims (status → decided) in one statement; returns the ids changed, sorted
 * (an UPDATE returns its rows in no set order, and the caller's audit entry lists them). `from`: the
 * statuses a claim may be in (a changed fact also re-decides reviewed claims, redecide-claims.ts). */
export async function freezeDecisions(
  tx: Tx,
  decisions: { program: string; decision: Decision }[],
  actor: string,
  from: readonly ClaimStatus[] = ['submitted', 'decided'],
): Promise<string[]> {
  if (decisions.length === 0) return [];
  const rows = decisions.map(({ program, decision: d }) => ({
    id: d.ref,
    outcome: d.outcome,
    amount_fen: d.amountFen,
    payee: d.payee,
    citations: d.citations,
    reasons: d.reasons,
    missing: d.missing,
    trace: d.trace ?? null,
    policy_package_id: d.trace?.policyPackage ?? null,
    fund_source: fundSourceOf(program, d),
  }));
  const result = await sql<{ id: string }>`
    update claims as c set status = 'decided', outcome = d.outcome, amount_fen = d.amount_fen, payee = d.payee,
      citations = d.citations, reasons = d.reasons, missing = d.missing, trace = d.trace,
      policy_package_id = d.policy_package_id, fund_source = d.fund_source, decided_at = now(),
      r3_exception_reason = null, r3_exception_by = null, r3_exception_at = null,
      r3_exception_amount_fen = null, r3_exception_payee = null,
      updated_by = ${actor}, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as d(id text, outcome text, amount_fen bigint, payee text,
      citations jsonb, reasons jsonb, missing jsonb, trace jsonb, policy_package_id text, fund_source text)
    where c.id = d.id and c.status in (${sql.join([...from])})
    returning c.id`.execute(tx);
  return result.rows.map((r) => r.id).sort();
}
