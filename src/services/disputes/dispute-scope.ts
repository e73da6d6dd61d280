// Which dispute cases (异议案件) an actor sees: the trainee those they opened on claims in their name;
// the office reviewing the claim (the county of the claim's area) and the city every case; no one
// else. A case outside the slice is "not found".
import type { ExpressionBuilder, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Actor } from '../access.ts';
import type { Database, ClaimDisputeTable } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import { notFound } from '../record-scope.ts';

export type DisputeRow = Selectable<ClaimDisputeTable>;

export function disputeInScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'claim_disputes'>) => {
    switch (actor.role) {
      case 'city':
        return sql<boolean>`true`;
      case 'county':
        return eb('claim_disputes.area_code', '=', actor.areaCode ?? '');
      case 'trainee':
        return eb('claim_disputes.resident_id', '=', actor.residentId ?? '');
      default:
        return sql<boolean>`false`;
    }
  };
}

/** Reads a case in the actor's slice, locked for the change. */
export async function loadDispute(tx: Tx, actor: Actor, id: string): Promise<DisputeRow> {
  const row = await tx
    .selectFrom('claim_disputes')
    .selectAll()
    .where('id', '=', id)
    .where(disputeInScope(actor))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('异议案件', id);
  return row;
}
