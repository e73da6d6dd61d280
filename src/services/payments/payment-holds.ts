// What holds an approved claim out of payment: a trainee's dispute of it (异议案件) not yet resolved.
// Such a claim is not put into a batch, and a run passes over it if it is already in one; once the
// dispute is dismissed it is payable again, once upheld its approval is revoked (disputes/resolve-dispute.ts).
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';

/** Where-clause: the claim has no unresolved dispute. */
export const notHeldByDispute = ({ not, exists, selectFrom }: ExpressionBuilder<Database, 'claims'>) =>
  not(
    exists(selectFrom('claim_disputes as d').select('d.id').whereRef('d.claim_id', '=', 'claims.id').where('d.status', '<>', 'resolved')),
  );

/** Inside the transaction that holds the claim's row lock (opening a dispute takes the same lock). */
export async function heldByDispute(tx: Tx, claimId: string): Promise<boolean> {
  const d = await tx
    .selectFrom('claim_disputes')
    .select('id')
    .where('claim_id', '=', claimId)
    .where('status', '<>', 'resolved')
    .executeTakeFirst();
  return d !== undefined;
}
