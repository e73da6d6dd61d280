// Lists, suspends or delists a provider (state machine in provider-status.ts), with the reason.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { notFound } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { assertProviderTransition } from './provider-status.ts';
import { managesProvider, providerView, type ProviderView } from './provider-view.ts';
import { PROVIDER_STATUSES, type ProviderStatus } from '../../vocabulary/statuses.ts';

export async function changeProviderStatus(
  tx: Tx,
  actor: Actor | null,
  providerId: string,
  input: { status: ProviderStatus; reason: string },
): Promise<ProviderView> {
  const a = requireRole(actor, 'city', 'county');
  if (!PROVIDER_STATUSES.includes(input.status)) throw new AppError('invalid_input', `status: 不是允许的状态：${input.status}`, 'status');
  if (input.reason.trim() === '') throw new AppError('invalid_input', 'reason: 应说明理由', 'reason');
  const p = await tx.selectFrom('providers').selectAll().where('id', '=', providerId).forUpdate().executeTakeFirst();
  if (!p || !managesProvider(a, p)) throw notFound('培训机构', providerId);
  assertProviderTransition(p.status, input.status);
  const row = await tx
    .updateTable('providers')
    .set({ status: input.status, updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', '=', providerId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'provider.status',
    entity: 'provider',
    entityId: providerId,
    data: { from: p.status, to: input.status, reason: input.reason },
  });
  return providerView(tx, row);
}
