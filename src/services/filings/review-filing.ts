// The HR office accepts or returns a content filing (§5.5 审核备案). Only a filing awaiting review
// changes; an accepted filing stays accepted (classes may already rely on it).
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { notFound } from '../record-scope.ts';
import { managesEnterprise } from '../enterprises/enterprise-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { filingView, type FilingView } from './filing-view.ts';

const NAMES = { filed: '已备案待审核', accepted: '审核通过', returned: '已退回' } as const;

export async function reviewFiling(
  tx: Tx,
  actor: Actor | null,
  id: string,
  input: { verdict: 'accepted' | 'returned'; note: string | null },
): Promise<FilingView> {
  const a = requireRole(actor, 'county', 'city');
  const f = await tx
    .selectFrom('content_filings')
    .innerJoin('enterprises', 'enterprises.uscc', 'content_filings.enterprise_uscc')
    .select(['content_filings.status', 'enterprises.area_code', 'enterprises.directly_managed'])
    .where('content_filings.id', '=', id)
    .executeTakeFirst();
  if (!f || !managesEnterprise(a, f)) throw notFound('培训内容备案', id);
  if (f.status !== 'filed') throw new AppError('invalid_transition', `备案状态为“${NAMES[f.status]}”，不能再审核`, 'verdict');
  const row = await tx
    .updateTable('content_filings')
    .set({ status: input.verdict, updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'filed')
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'filing.review',
    entity: 'content_filing',
    entityId: id,
    data: { from: f.status, to: input.verdict, note: input.note },
  });
  return filingView(row);
}
