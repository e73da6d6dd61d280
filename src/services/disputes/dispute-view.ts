// How a dispute case is shown: the claim it is about (program, status, amount), the trainee's
// resident ID masked for roles that do not need it, who took and resolved the case and the finding.
import { residentIdFor, type Actor } from '../access.ts';
import type { DisputeRow } from './dispute-scope.ts';

export interface DisputeClaimFacts {
  number: string;
  program: string;
  status: string;
  amount_fen: number | string | null;
  start_date: string;
  end_date: string;
  applicant: string;
}

export function disputeView(actor: Actor, d: DisputeRow, claim: DisputeClaimFacts | undefined) {
  const iso = (x: Date | null) => (x ? new Date(x).toISOString() : null);
  return {
    id: d.id,
    claimId: d.claim_id,
    residentId: residentIdFor(actor, d.resident_id),
    areaCode: d.area_code,
    reason: d.reason,
    status: d.status,
    takenBy: d.taken_by,
    takenAt: iso(d.taken_at),
    finding: d.finding,
    resolution: d.resolution,
    resolvedBy: d.resolved_by,
    resolvedAt: iso(d.resolved_at),
    createdAt: new Date(d.created_at).toISOString(),
    claim: claim
      ? {
          number: claim.number,
          program: claim.program,
          status: claim.status,
          applicant: claim.applicant,
          startDate: claim.start_date,
          endDate: claim.end_date,
          amountFen: claim.amount_fen == null ? null : Number(claim.amount_fen),
        }
      : null,
  };
}
export type DisputeView = ReturnType<typeof disputeView>;

export async function claimFactsOf(
  tx: import('../../store/transaction.ts').Tx,
  claimIds: string[],
): Promise<Map<string, DisputeClaimFacts>> {
  if (claimIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom('claims')
    .select(['id', 'number', 'program', 'status', 'amount_fen', 'start_date', 'end_date', 'applicant'])
    .where('id', 'in', claimIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
