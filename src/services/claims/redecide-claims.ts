// What a changed fact does to the decisions on record (SPEC Facts in time). The claims of the people it
// concerns are decided twice, without and with the change, under the same engine and history; only the
// claims whose decision differs between the two read the fact in a way that matters:
// - decided or reviewed (not yet published): re-decided with the change, back to 'decided' (a reviewed
//   claim's review was of the old decision, so it is reviewed again);
// - published, approved or paid: never changed silently. A case is raised for the office, with the
//   claim, the fact and the old and new outcome (audited); the office acts on the claim through the
//   acts it already has (objection, revocation, recovery).
// With `save: false` (a preview) the same lists come back and nothing is written.
import type { Decision } from '../../policy/index.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { ClaimStatus } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import { buildEvaluateInput, policiesFromStore, referenceFromStore, type PendingFacts } from './engine-input-from-store.ts';
import { freezeDecisions, runEngine } from './run-engine.ts';

/** The change being recorded: who it is about, which fact, and the record as entered. */
export interface FactChange {
  subjectKind: 'person' | 'enterprise';
  subjectId: string;
  fact: string;
  record: Record<string, unknown>;
}

export interface DecisionSummary {
  outcome: string;
  amountFen: number;
}

/** A claim whose decision the change re-decided (or, in a preview, would re-decide). */
export interface RedecidedClaim {
  claimId: string;
  program: string;
  /** Its status before; after a re-decision it is 'decided'. */
  status: ClaimStatus;
  before: DecisionSummary;
  after: DecisionSummary & { reasons: string[] };
}

/** A decision the change would alter but which stands (published, approved, paid): a case for the office. */
export interface FactCaseSummary {
  /** The case's number once raised (null in a preview). */
  caseId: number | null;
  claimId: string;
  program: string;
  claimStatus: ClaimStatus;
  before: DecisionSummary;
  after: DecisionSummary & { reasons: string[] };
}

export interface FactImpact {
  redecided: RedecidedClaim[];
  cases: FactCaseSummary[];
}

const REDECIDED: readonly ClaimStatus[] = ['decided', 'reviewed'];
const STANDING: readonly ClaimStatus[] = ['publicity', 'approved', 'paid'];

const differs = (a: Decision, b: Decision) => a.outcome !== b.outcome || a.amountFen !== b.amountFen || a.payee !== b.payee;

/**
 * Re-decides (or previews) the claims of `residentIds` that `pending` changes. Call it before the fact
 * is inserted: "before" is the record as it stands, "after" the record with `pending` added last.
 */
export async function redecideClaims(
  tx: Tx,
  actor: string,
  residentIds: readonly string[],
  pending: PendingFacts,
  /** The change; a registry import changes several people and enterprises at once and names each claim's own. */
  changeOf: FactChange | ((residentId: string, enterpriseUscc: string | null) => FactChange),
  save: boolean,
): Promise<FactImpact> {
  const impact: FactImpact = { redecided: [], cases: [] };
  if (residentIds.length === 0) return impact;
  let q = tx
    .selectFrom('claims')
    .select(['id', 'program', 'status', 'outcome', 'amount_fen', 'area_code', 'start_date', 'resident_id', 'enterprise_uscc'])
    .where('resident_id', 'in', [...residentIds])
    .where('status', 'in', [...REDECIDED, ...STANDING])
    .orderBy('id');
  if (save) q = q.forUpdate();
  const claims = await q.execute();
  if (claims.length === 0) return impact;
  const people = [...new Set(claims.map((c) => c.resident_id))];
  const oldest = claims.map((c) => c.start_date).sort()[0]!;
  const [policies, reference] = await Promise.all([policiesFromStore(tx), referenceFromStore(tx, oldest)]);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const changeFor = (claimId: string) =>
    typeof changeOf === 'function' ? changeOf(byId.get(claimId)!.resident_id, byId.get(claimId)!.enterprise_uscc) : changeOf;

  // Two views: the claims open to re-decision decided with the rest as history, then the standing
  // ones decided as if anew (a hypothetical: would the change alter them?).
  const compare = async (ids: string[]) => {
    if (ids.length === 0) return [];
    const set = new Set(ids);
    const before = runEngine(await buildEvaluateInput(tx, people, set, reference), policies);
    const after = runEngine(await buildEvaluateInput(tx, people, set, reference, new Set(), pending), policies);
    return ids.filter((id) => differs(before.get(id)!, after.get(id)!)).map((id) => ({ claim: byId.get(id)!, after: after.get(id)! }));
  };
  const open = await compare(claims.filter((c) => REDECIDED.includes(c.status)).map((c) => c.id));
  const standing = await compare(claims.filter((c) => STANDING.includes(c.status)).map((c) => c.id));
  const summary = (c: (typeof claims)[number]): DecisionSummary => ({
    outcome: c.outcome ?? 'undecided',
    amountFen: Number(c.amount_fen ?? 0),
  });
  const afterOf = (d: Decision) => ({ outcome: d.outcome, amountFen: d.amountFen, reasons: d.reasons });

  for (const { claim, after } of open) {
    impact.redecided.push({
      claimId: claim.id,
      program: claim.program,
      status: claim.status,
      before: summary(claim),
      after: afterOf(after),
    });
  }
  for (const { claim, after } of standing) {
    impact.cases.push({
      caseId: null,
      claimId: claim.id,
      program: claim.program,
      claimStatus: claim.status,
      before: summary(claim),
      after: afterOf(after),
    });
  }
  if (!save) return impact;

  if (open.length > 0) {
    await freezeDecisions(
      tx,
      open.map(({ claim, after }) => ({ program: claim.program, decision: after })),
      actor,
      REDECIDED,
    );
    for (const r of impact.redecided) {
      const change = changeFor(r.claimId);
      await appendAudit(tx, {
        actor,
        action: 'claim.redecide',
        entity: 'claim',
        entityId: r.claimId,
        data: {
          from: r.status,
          to: 'decided',
          before: r.before,
          after: { outcome: r.after.outcome, amountFen: r.after.amountFen },
          fact: { kind: change.subjectKind, id: change.subjectId, fact: change.fact, record: change.record },
        },
      });
    }
  }
  for (const c of impact.cases) {
    const claim = byId.get(c.claimId)!;
    const change = changeFor(c.claimId);
    const row = await tx
      .insertInto('fact_cases')
      .values({
        claim_id: c.claimId,
        area_code: claim.area_code,
        subject_kind: change.subjectKind,
        subject_id: change.subjectId,
        fact: change.fact,
        change: JSON.stringify(change.record),
        claim_status: c.claimStatus,
        before_outcome: c.before.outcome,
        before_amount_fen: c.before.amountFen,
        after_outcome: c.after.outcome,
        after_amount_fen: c.after.amountFen,
        after_reasons: JSON.stringify(c.after.reasons),
        raised_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    c.caseId = Number(row.id);
    await appendAudit(tx, {
      actor,
      action: 'fact_case.raise',
      entity: 'claim',
      entityId: c.claimId,
      data: {
        caseId: c.caseId,
        claimStatus: c.claimStatus,
        before: c.before,
        after: { outcome: c.after.outcome, amountFen: c.after.amountFen },
        fact: { kind: change.subjectKind, id: change.subjectId, fact: change.fact, record: change.record },
      },
    });
  }
  return impact;
}

/** The people whose claims name an enterprise (their decisions may read its facts). */
export async function peopleOfEnterprise(tx: Tx, uscc: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('claims')
    .select('resident_id')
    .distinct()
    .where('enterprise_uscc', '=', uscc)
    .where('status', 'in', [...REDECIDED, ...STANDING])
    .execute();
  return rows.map((r) => r.resident_id);
}
