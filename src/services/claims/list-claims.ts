// Claims in the actor's slice, paged on the server (page size ≤ 200), sorted by a whitelisted column.
import type { Db } from '../../store/database.ts';
import { requireActor, type Actor } from '../access.ts';
import { loadClaim, claimScope } from './claim-scope.ts';
import { claimView } from './claim-view.ts';

export const CLAIM_SORTS = { submittedAt: 'created_at', startDate: 'start_date', endDate: 'end_date', amount: 'amount_fen', status: 'status', program: 'program' } as const;

export interface ListClaimsInput {
  page: number; pageSize: number; sort: keyof typeof CLAIM_SORTS; order: 'asc' | 'desc';
  program?: string; areaCode?: string; status?: string; outcome?: string; providerId?: string; residentId?: string;
}

export async function listClaims(db: Db, actor: Actor | null, input: ListClaimsInput) {
  const a = requireActor(actor);
  let q = db.selectFrom('claims').where(claimScope(a));
  if (input.program) q = q.where('program', '=', input.program);
  if (input.areaCode) q = q.where('area_code', '=', input.areaCode);
  if (input.status) q = q.where('status', '=', input.status as never);
  if (input.outcome) q = q.where('outcome', '=', input.outcome);
  if (input.providerId) q = q.where('provider_id', '=', input.providerId);
  if (input.residentId) q = q.where('resident_id', '=', input.residentId);
  const total = await q.select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy(CLAIM_SORTS[input.sort], input.order).orderBy('id', input.order)
    .limit(input.pageSize).offset((input.page - 1) * input.pageSize).execute();
  return { items: rows.map((c) => claimView(a, c)), total: Number(total.n), page: input.page, pageSize: input.pageSize };
}

export async function getClaim(db: Db, actor: Actor | null, claimId: string) {
  const a = requireActor(actor);
  const claim = await db.transaction().execute((tx) => loadClaim(tx, a, claimId));
  return claimView(a, claim, { trace: true });
}
