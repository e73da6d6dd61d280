import { requireActor, type Actor } from '../access.ts';
import { sql } from 'kysely';
import { likePattern, readPage, type Page, type PageQuery } from '../paging.ts';
import { enterpriseRecordInScope } from '../filings/filing-scope.ts';
import type { Tx } from '../../store/audit-log.ts';
import { planView, type PlanView } from './plan-view.ts';

export const PLAN_SORTS = {
  number: 'apprenticeship_plans.number',
  startDate: 'apprenticeship_plans.start_date',
  status: 'apprenticeship_plans.status',
  createdAt: 'apprenticeship_plans.created_at',
} as const;

export interface ListPlansInput extends PageQuery<keyof typeof PLAN_SORTS> {
  enterpriseUscc?: string;
  status?: string;
  /** Part of a plan number (XT-2021-510402-000001), or of the apprentice's name for roles shown names in full. */
  q?: string;
}

export async function listPlans(tx: Tx, actor: Actor | null, input: ListPlansInput): Promise<Page<PlanView>> {
  const a = requireActor(actor);
  let q = tx
    .selectFrom('apprenticeship_plans')
    .innerJoin('enterprises', 'enterprises.uscc', 'apprenticeship_plans.enterprise_uscc')
    .selectAll('apprenticeship_plans')
    .select((eb) => [
      'enterprises.name as enterprise_name',
      eb.selectFrom('providers as np').select('np.name').whereRef('np.id', '=', 'apprenticeship_plans.provider_id').as('provider_name'),
      eb
        .selectFrom('people as pp')
        .select('pp.name')
        .whereRef('pp.resident_id', '=', 'apprenticeship_plans.resident_id')
        .as('trainee_name'),
      sql<
        string | null
      >`(select ce.name from catalog_entries ce where ce.code = apprenticeship_plans.occupation_code order by ce.effective_from desc nulls last limit 1)`.as(
        'occupation_name',
      ),
    ])
    .where(enterpriseRecordInScope(a));
  if (input.enterpriseUscc) q = q.where('apprenticeship_plans.enterprise_uscc', '=', input.enterpriseUscc);
  if (input.status) q = q.where('apprenticeship_plans.status', '=', input.status as never);
  if (input.q) {
    const pattern = likePattern(input.q);
    // As on the claim list: a role shown masked names (`张**`) matches numbers only.
    const names = a.role === 'city' || a.role === 'county' || a.role === 'provider' || a.role === 'enterprise' || a.role === 'trainee';
    q = q.where((eb) =>
      eb.or([
        eb('apprenticeship_plans.number', 'ilike', pattern),
        ...(names
          ? [
              eb.exists(
                eb
                  .selectFrom('people as sp')
                  .select('sp.resident_id')
                  .whereRef('sp.resident_id', '=', 'apprenticeship_plans.resident_id')
                  .where('sp.name', 'like', pattern),
              ),
            ]
          : []),
      ]),
    );
  }
  const page = await readPage(q, input, PLAN_SORTS, 'startDate', 'apprenticeship_plans.id');
  return { ...page, items: page.items.map((r) => planView(a, r)) };
}
