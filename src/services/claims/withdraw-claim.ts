// Withdrawing a claim (撤回): the applicant (or the trainee it names, or the HR office) until publicity.
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireActor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { loadClaim } from './claim-scope.ts';
import { moveClaim } from './move-claim.ts';

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
  const to = await moveClaim(tx, actorLabel(a), claim, 'withdraw', { reason: input.reason ?? null });
  return { id: claim.id, status: to };
}
