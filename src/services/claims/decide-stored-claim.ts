// Deciding a claim: the same engine as `upskill evaluate`, on the person's whole history from the
// database. The decision is frozen on the claim with its policy package and trace.
import { actorLabel, requireActor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { loadClaim, requireReviewer } from './claim-scope.ts';
import { transition } from './claim-states.ts';
import { buildEvaluateInput, policiesFromStore, referenceFromStore } from './engine-input-from-store.ts';
import { freezeDecisions, runEngine } from './run-engine.ts';
import { OUTCOME_NAMES } from '../../vocabulary/statuses.ts';

export interface DecideStoredClaimInput {
  claimId: string;
}

export async function decideStoredClaim(tx: Tx, actor: Actor | null, input: DecideStoredClaimInput) {
  const a = requireActor(actor);
  const claim = await loadClaim(tx, a, input.claimId, true);
  requireReviewer(a, claim);
  transition(claim.number, claim.status, 'decide');
  // A frozen decision is taken again only while it waits for a missing fact (R10: undecided).
  if (claim.status === 'decided' && claim.outcome !== 'undecided') {
    throw new AppError(
      'invalid_transition',
      `该申领已判定为“${OUTCOME_NAMES[claim.outcome ?? ''] ?? claim.outcome}”，判定已冻结，不能重新判定`,
      'status',
    );
  }
  const [policies, reference] = await Promise.all([policiesFromStore(tx), referenceFromStore(tx, claim.start_date)]);
  const file = await buildEvaluateInput(tx, [claim.resident_id], new Set([claim.id]), reference);
  const decision = runEngine(file, policies).get(claim.id)!;
  await freezeDecisions(tx, [{ program: claim.program, decision }], actorLabel(a));
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'claim.decide',
    entity: 'claim',
    entityId: claim.id,
    data: {
      from: claim.status,
      to: 'decided',
      outcome: decision.outcome,
      amountFen: decision.amountFen,
      payee: decision.payee,
      policyPackage: decision.trace?.policyPackage ?? null,
      citations: decision.citations,
    },
  });
  return decision;
}
