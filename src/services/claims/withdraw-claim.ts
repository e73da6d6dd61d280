// Withdrawing a claim (撤回): the applicant (or the trainee it names, or the HR office) until publicity.
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireActor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { loadClaim } from './claim-scope.ts';
import { transition } from './claim-states.ts';

export async function withdrawClaim(tx: Tx, actor: Actor | null, input: { claimId: string; reason?: string | null }) {
  const a = requireActor(actor);
  const claim = await loadClaim(tx, a, input.claimId, true);
  const own =
    (a.role === 'trainee' && claim.resident_id === a.residentId) ||
    (a.role === 'enterprise' && claim.applicant === 'enterprise' && claim.enterprise_uscc === a.enterpriseUscc) ||
    (a.role === 'provider' && claim.applicant === 'institution' && claim.provider_id === a.providerId) ||
    a.role === 'city' ||
    (a.role === 'county' && a.areaCode === claim.area_code);
  if (!own) throw new AppError('forbidden', '只有申请人本人或受理的人社部门可以撤回申领');
  const to = transition(claim.number, claim.status, 'withdraw');
  await tx
    .updateTable('claims')
    .set({ status: to, updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', '=', claim.id)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'claim.withdraw',
    entity: 'claim',
    entityId: claim.id,
    data: { from: claim.status, to, reason: input.reason ?? null },
  });
  return { id: claim.id, status: to };
}
