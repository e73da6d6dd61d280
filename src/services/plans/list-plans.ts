import { requireActor, type Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import { enterpriseRecordInScope } from '../filings/filing-scope.ts';
import type { Tx } from '../../store/audit-log.ts';
import { planView, type PlanView } from './plan-view.ts';

export const PLAN_SORTS = { startDate: 'apprenticeship_plans.start_date', status: 'apprenticeship_plans.status', createdAt: 'apprenticeship_plans.created_at' } as const;

export interface ListPlansInput extends PageQuery<keyof typeof PLAN_SORTS> {
  enterpriseUscc?: string;
  status?: string;
}

export async function listPlans(tx: Tx, actor: Actor | null, input: ListPlansInput): Promise<Page<PlanView>> {
  const a = requireActor(actor);
  let q = tx.selectFrom('apprenticeship_plans').innerJoin('enterprises', 'enterprises.uscc', 'apprenticeship_plans.enterprise_uscc')
    .selectAll('apprenticeship_plans').where(enterpriseRecordInScope(a));
  if (input.enterpriseUscc) q = q.where('apprenticeship_plans.enterprise_uscc', '=', input.enterpriseUscc);
  if (input.status) q = q.where('apprenticeship_plans.status', '=', input.status as never);
  const page = await readPage(q, input, PLAN_SORTS, 'startDate', 'apprenticeship_plans.id');
  return { ...page, items: page.items.map((r) => planView(a, r)) };
}
