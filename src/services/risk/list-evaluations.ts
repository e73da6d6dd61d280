// Third-party evaluations of providers (§5.3), newest first, with the provider's status now: a failed
// one shows the suspension it caused. The city sees all; a county the providers of its area.
import type { Tx } from '../../store/audit-log.ts';
import { requireRole, type Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';

export interface EvaluationView {
  id: string;
  providerId: string;
  providerName: string;
  areaCode: string;
  providerStatus: string;
  evaluator: string;
  evaluatedOn: string;
  score: number;
  passScore: number;
  passed: boolean;
  note: string | null;
  statusChange: string | null;
  recordedBy: string;
}
export interface EvaluationsQuery extends PageQuery<'evaluatedOn' | 'score'> {
  providerId?: string;
  passed?: 'true' | 'false';
  areaCode?: string;
}

export async function listEvaluations(tx: Tx, actor: Actor | null, query: EvaluationsQuery): Promise<Page<EvaluationView>> {
  const a = requireRole(actor, 'city', 'county');
  let q = tx
    .selectFrom('provider_evaluations as e')
    .innerJoin('providers as p', 'p.id', 'e.provider_id')
    .select([
      'e.id',
      'e.provider_id',
      'p.name',
      'p.area_code',
      'p.status',
      'e.evaluator',
      'e.evaluated_on',
      'e.score',
      'e.pass_score',
      'e.passed',
      'e.note',
      'e.status_change',
      'e.created_by',
    ]);
  if (a.role === 'county') q = q.where('p.area_code', '=', a.areaCode ?? '');
  if (query.areaCode) q = q.where('p.area_code', '=', query.areaCode);
  if (query.providerId) q = q.where('e.provider_id', '=', query.providerId);
  if (query.passed) q = q.where('e.passed', '=', query.passed === 'true');
  const page = await readPage(
    q,
    { ...query, order: query.order ?? 'desc' },
    { evaluatedOn: 'e.evaluated_on', score: 'e.score' },
    'evaluatedOn',
    'e.id',
  );
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      providerId: r.provider_id,
      providerName: r.name,
      areaCode: r.area_code,
      providerStatus: r.status ?? 'listed',
      evaluator: r.evaluator,
      evaluatedOn: String(r.evaluated_on).slice(0, 10),
      score: Number(r.score),
      passScore: Number(r.pass_score),
      passed: r.passed,
      note: r.note,
      statusChange: r.status_change,
      recordedBy: r.created_by,
    })),
  };
}
