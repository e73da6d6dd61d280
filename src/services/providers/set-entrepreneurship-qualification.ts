// §4.7: entrepreneurship training only at institutions qualified for it; granted or withdrawn by the
// city bureau, which manages providers (§5.7).
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { notFound } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { providerView, type ProviderView } from './provider-view.ts';

export async function setEntrepreneurshipQualification(
  tx: Tx,
  actor: Actor | null,
  providerId: string,
  input: { qualified: boolean; reason: string },
): Promise<ProviderView> {
  const a = requireRole(actor, 'city');
  if (input.reason.trim() === '') throw new AppError('invalid_input', 'reason: 应说明理由', 'reason');
  const p = await tx.selectFrom('providers').selectAll().where('id', '=', providerId).forUpdate().executeTakeFirst();
  if (!p) throw notFound('培训机构', providerId);
  const row = await tx
    .updateTable('providers')
    .set({ entrepreneurship_qualified: input.qualified, updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', '=', providerId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'provider.entrepreneurship',
    entity: 'provider',
    entityId: providerId,
    data: { from: p.entrepreneurship_qualified, to: input.qualified, reason: input.reason },
  });
  return providerView(tx, row);
}
