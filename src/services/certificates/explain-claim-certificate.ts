// 说明: the county or city office lets a claim through whose certificate the registry does not show as
// evidence — not found (issued before the issuer recorded it, or by a body outside the city), or an
// enterprise certificate whose holder's employment the records do not show — with a written reason it
// takes responsibility for. A mismatch (another person's certificate, another type, occupation or
// level) cannot be explained away: it is not this claim's evidence; nor can a revoked certificate. Audited; shown on the claim.
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { loadClaim, requireReviewer } from '../claims/claim-scope.ts';

export async function explainClaimCertificate(tx: Tx, actor: Actor | null, claimId: string, input: { reason: string }) {
  const a = requireRole(actor, 'city', 'county');
  const claim = await loadClaim(tx, a, claimId, true);
  requireReviewer(a, claim);
  const reason = input.reason.trim();
  if (reason.length < 5 || reason.length > 500) throw new AppError('invalid_input', 'reason: 请写明说明理由（5–500 字）', 'reason');
  if (claim.status === 'rejected' || claim.status === 'withdrawn' || claim.status === 'paid')
    throw new AppError(
      'invalid_transition',
      `申领 ${claim.number} 已${claim.status === 'paid' ? '支付' : '终结'}，不需要证书说明`,
      'status',
    );
  const check = await tx.selectFrom('claim_certificate_checks').select('status').where('claim_id', '=', claim.id).executeTakeFirst();
  if (!check || !['not_found', 'outsider'].includes(check.status))
    throw new AppError(
      'invalid_transition',
      check?.status === 'mismatch'
        ? `申领 ${claim.number} 的证书与证书库记录不符，不能以说明放行；应更正或驳回`
        : check?.status === 'revoked'
          ? `申领 ${claim.number} 的证书已被撤销，不能以说明放行；应驳回或由学员提供其他有效证书`
          : `申领 ${claim.number} 的证书不需要说明（${check ? '已在证书库中核验' : '尚未核验'}）`,
      'status',
    );
  const done = await tx.selectFrom('claim_certificate_explanations').select('claim_id').where('claim_id', '=', claim.id).executeTakeFirst();
  if (done) throw new AppError('conflict', `申领 ${claim.number} 的证书说明已经记录`, 'reason');
  await tx
    .insertInto('claim_certificate_explanations')
    .values({ claim_id: claim.id, reason, explained_by: actorLabel(a) })
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'claim.certificate_explain',
    entity: 'claim',
    entityId: claim.id,
    data: { check: check.status, reason },
  });
  return { claimId: claim.id, explained: true };
}
