// The R3 exception (§4.0: at most three training subsidies a year "原则上" — in principle). The city
// HR bureau, the plan's interpreter, may let a claim that failed R3 alone proceed, with a written
// reason; the act is audited and shown with the claim.
//
// The design, chosen as the simplest honest one: the frozen decision stays as the engine gave it
// (ineligible, R3 failed) — the exception never edits the policy package or the decision. The amount
// the claim may then be paid is what the engine itself decides for it when the person's other
// claims of that completion year are left out of the history: with them gone R3 passes and every
// other rule runs unchanged. Leaving them out could also loosen another rule that reads them (R4, the
// §4.8 months left); so the exception is accepted only if every step of the new decision other than
// R3 reads exactly as in the frozen one (same rule, result and reason, hence the same amount basis).
// What follows R3 in the engine (the R8 80% rate) is then applied as for any eligible claim.
import { PROGRAM_RULES } from '../../policy/programs/index.ts';
import type { Decision, Trace } from '../../policy/index.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { loadClaim } from './claim-scope.ts';
import { failedOnR3Alone, transition } from './claim-states.ts';
import { buildEvaluateInput, policiesFromStore, referenceFromStore } from './engine-input-from-store.ts';
import { runEngine } from './run-engine.ts';
import type { ProgramCode } from '../../policy/codes.ts';

export interface RecordAnnualCapExceptionInput {
  claimId: string;
  reason: string;
}

const sameStep = (a: Trace['steps'][number], b: Trace['steps'][number]) =>
  a.rule === b.rule && a.result === b.result && a.reason === b.reason;

export async function recordAnnualCapException(tx: Tx, actor: Actor | null, input: RecordAnnualCapExceptionInput) {
  const a = requireRole(actor, 'city');
  const claim = await loadClaim(tx, a, input.claimId, true);
  transition(claim.number, claim.status, 'r3_exception');
  const trace = claim.trace as Trace | null;
  if (!failedOnR3Alone(claim)) {
    throw new AppError('invalid_transition', `申领 ${claim.number} 不是仅因每人每年补贴次数（R3）而不符合条件，不能登记例外`, 'claimId');
  }
  if (claim.r3_exception_reason != null) throw new AppError('conflict', `申领 ${claim.number} 已登记过年度次数例外`, 'claimId');

  const year = claim.end_date.slice(0, 4);
  const sameYear = await tx
    .selectFrom('claims')
    .select(['id', 'program'])
    .where('resident_id', '=', claim.resident_id)
    .where('id', '!=', claim.id)
    .where('end_date', '>=', `${year}-01-01`)
    .where('end_date', '<=', `${year}-12-31`)
    .execute();
  const excluded = sameYear.filter((c) => PROGRAM_RULES[c.program as ProgramCode]?.countsInAnnualCap).map((c) => c.id);
  // A living allowance naming a left-out training leaves with it (it would name a claim the file no
  // longer holds; it does not count in R3 and no other rule of this claim reads it).
  const allowances =
    excluded.length === 0
      ? []
      : await tx
          .selectFrom('claims')
          .select('id')
          .where('resident_id', '=', claim.resident_id)
          .where('training_claim_id', 'in', excluded)
          .execute();
  const [policies, reference] = await Promise.all([policiesFromStore(tx), referenceFromStore(tx, claim.start_date)]);
  const file = await buildEvaluateInput(
    tx,
    [claim.resident_id],
    new Set([claim.id]),
    reference,
    new Set([...excluded, ...allowances.map((c) => c.id)]),
  );
  const without: Decision = runEngine(file, policies).get(claim.id)!;
  const before = trace!.steps.filter((s) => s.rule !== 'R3');
  const after = (without.trace?.steps ?? []).filter((s) => s.rule !== 'R3');
  if (without.outcome !== 'eligible' || !before.every((s, i) => after[i] !== undefined && sameStep(s, after[i]!))) {
    throw new AppError(
      'conflict',
      `申领 ${claim.number} 在不计年度次数时其他规则的结果也会改变，不能按例外核定金额，请人工复核`,
      'claimId',
    );
  }
  const at = new Date();
  await tx
    .updateTable('claims')
    .set({
      r3_exception_reason: input.reason,
      r3_exception_by: actorLabel(a),
      r3_exception_at: at,
      r3_exception_amount_fen: without.amountFen,
      r3_exception_payee: without.payee,
      updated_by: actorLabel(a),
      updated_at: at,
    })
    .where('id', '=', claim.id)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'claim.r3_exception',
    entity: 'claim',
    entityId: claim.id,
    data: { clause: '§4.0', reason: input.reason, amountFen: without.amountFen, payee: without.payee, sameYearClaims: excluded },
  });
  return { id: claim.id, amountFen: without.amountFen, payee: without.payee, reason: input.reason };
}
