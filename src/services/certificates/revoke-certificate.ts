// Revoking a registry certificate (docs/certificates.md): one issued in error or obtained by fraud is
// revoked by its issuer's own login (an approved enterprise, an evaluation body) or by the city, with a
// reason in Chinese. The row is kept (a trigger refuses deleting it and changing a revocation); the
// revocation carries the business date. Revoking is one conditional update, so of two revocations at
// once one wins and the other is refused. In the same transaction, audited, every live claim citing the
// number is checked again: its check becomes 'revoked', which holds it out of payment (certificate-holds.ts)
// — a claim already in an unpaid batch too, since the payment run checks each claim under its row lock —
// and an approved or paid claim raises a case for the office (check-claim-certificates.ts).
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { businessToday } from '../business-date.ts';
import { checkClaimCertificates, claimsNamingNumbers } from './check-claim-certificates.ts';
import { certificateInScope } from './list-registry-certificates.ts';

/** A reason the office can act on: written in Chinese, 5 to 500 characters. */
function revocationReason(text: string | undefined | null): string {
  const reason = (text ?? '').trim();
  if (reason.length < 5 || reason.length > 500 || !/\p{Script=Han}/u.test(reason))
    throw new AppError('invalid_input', 'reason: 请用中文写明撤销原因（5–500 字），如“错发：持证人未参加考核”', 'reason');
  return reason;
}

export async function revokeCertificate(
  tx: Tx,
  actor: Actor | null,
  certificateId: number,
  input: { reason: string },
): Promise<{ id: number; number: string; revokedOn: string; revokedReason: string; claimsHeld: number }> {
  // A county records on an issuer's behalf but does not revoke: that is the issuer's act, or the city's.
  const a = requireRole(actor, 'city', 'enterprise', 'evaluator');
  const cert = await tx
    .selectFrom('registry_certificates as r')
    .innerJoin('certificate_issuers as i', 'i.id', 'r.issuer_id')
    .innerJoin('people as p', 'p.resident_id', 'r.resident_id')
    .select(['r.id', 'r.number', 'r.issuer_id', 'r.revoked_on', 'i.name as issuer_name'])
    .where('r.id', '=', certificateId)
    .where(certificateInScope(a))
    .executeTakeFirst();
  if (!cert) throw new AppError('not_found', '没有找到这张证书', 'id');
  const reason = revocationReason(input.reason);
  if (cert.revoked_on != null) throw new AppError('conflict', `证书 ${cert.number} 已于 ${cert.revoked_on} 撤销，不能重复撤销`, 'id');
  const on = businessToday();
  const by = actorLabel(a);
  const moved = await tx
    .updateTable('registry_certificates')
    .set({ revoked_on: on, revoked_reason: reason, revoked_by: by, revoked_at: new Date() })
    .where('id', '=', cert.id)
    .where('revoked_on', 'is', null)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) throw new AppError('conflict', `证书 ${cert.number} 刚被撤销，不能重复撤销`, 'id');
  await appendAudit(tx, {
    actor: by,
    action: 'certificate.revoke',
    entity: 'certificate_registry',
    entityId: String(cert.id),
    data: { number: cert.number, issuerId: cert.issuer_id, revokedOn: on, reason },
  });
  const claims = await claimsNamingNumbers(tx, [cert.number]);
  await checkClaimCertificates(tx, by, claims);
  const held = claims.length
    ? await tx
        .selectFrom('claim_certificate_checks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('claim_id', 'in', claims)
        .where('status', '=', 'revoked')
        .executeTakeFirstOrThrow()
    : { n: 0 };
  return { id: Number(cert.id), number: cert.number, revokedOn: on, revokedReason: reason, claimsHeld: Number(held.n) };
}
