import { requireActor, type Actor } from '../access.ts';
import { likePattern, readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/audit-log.ts';
import { projectInScope, projectView, type ProjectView } from './project-view.ts';

export const PROJECT_SORTS = { number: 'number', name: 'name', createdAt: 'created_at', totalFen: 'total_fen' } as const;

export interface ListProjectsInput extends PageQuery<keyof typeof PROJECT_SORTS> {
  areaCode?: string;
  providerId?: string;
  /** Part of a project number (XM-2021-510402-000001) or of its name. */
  q?: string;
}

export async function listProjects(tx: Tx, actor: Actor | null, input: ListProjectsInput): Promise<Page<ProjectView>> {
  const a = requireActor(actor);
  let q = tx
    .selectFrom('projects')
    .selectAll()
    .select((eb) => eb.selectFrom('providers as np').select('np.name').whereRef('np.id', '=', 'projects.provider_id').as('provider_name'))
    .where(projectInScope(a));
  if (input.areaCode) q = q.where('area_code', '=', input.areaCode);
  if (input.providerId) q = q.where('provider_id', '=', input.providerId);
  if (input.q) {
    const pattern = likePattern(input.q);
    q = q.where((eb) => eb.or([eb('projects.number', 'ilike', pattern), eb('projects.name', 'like', pattern)]));
  }
  const page = await readPage(q, input, PROJECT_SORTS, 'createdAt', 'id');
  return { ...page, items: page.items.map(projectView) };
}
