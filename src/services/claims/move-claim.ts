// The one way a single claim changes status (as moveClass is for a class): the lifecycle's check
// (claim-states.ts), the update guarded by the status the caller read, and the audit entry
// `claim.<act>` with where it came from and went — in the caller's transaction. The caller has read the
// claim under its row lock (loadClaim … forUpdate, or the payment run's lock), so the guard only ever
// refuses a caller that skipped that. Moves of many claims at once (the engine freezing decisions, a
// publicity notice taking its claims, a closed notice's claims approved together) check the same table
// per claim under the same locks and update them in one statement.
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import type { ClaimStatus } from '../../store/schema.ts';
import { AppError } from '../app-error.ts';
import { transition, type ClaimAct } from './claim-states.ts';

export async function moveClaim(
  tx: Tx,
  by: string,
  claim: { id: string; number: string; status: ClaimStatus },
  act: ClaimAct,
  data: Record<string, unknown> = {},
): Promise<ClaimStatus> {
  const to = transition(claim.number, claim.status, act);
  const moved = await tx
    .updateTable('claims')
    .set({ status: to, updated_by: by, updated_at: new Date() })
    .where('id', '=', claim.id)
    .where('status', '=', claim.status)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw new AppError('conflict', `申领 ${claim.number} 的状态已被他人修改，请刷新后重试`);
  await appendAudit(tx, {
    actor: by,
    action: `claim.${act}`,
    entity: 'claim',
    entityId: claim.id,
    data: { from: claim.status, to, ...data },
  });
  return to;
}
