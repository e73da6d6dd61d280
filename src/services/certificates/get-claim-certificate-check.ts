// The claim page's view of its certificate against the registry (the office sees why a claim is held),
// and the office's act of checking it again now.
import type { Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { loadClaim, requireReviewer } from '../claims/claim-scope.ts';
import { checkClaimCertificates } from './check-claim-certificates.ts';
import { heldByCertificate } from './certificate-holds.ts';
import { registryInForceFrom } from './set-registry-in-force.ts';
import { ISSUER_KIND_NAMES, isRegistryType, levelName, typeName } from './registry-rules.ts';

export const CHECK_STATUS_NAMES = {
  verified: '证书库核验一致',
  not_found: '证书库中未找到',
  mismatch: '与证书库记录不符',
  outsider: '企业向非本企业职工颁发，未获面向社会评价批准',
  not_applicable: '不属证书库登记的证书',
  revoked: '证书已撤销',
  unchecked: '尚未核验',
} as const;

export async function getClaimCertificateCheck(tx: Tx, actor: Actor | null, claimId: string) {
  const a = requireRole(actor, 'city', 'county');
  const claim = await loadClaim(tx, a, claimId);
  const inForceFrom = await registryInForceFrom(tx);
  const check = await tx.selectFrom('claim_certificate_checks').selectAll().where('claim_id', '=', claim.id).executeTakeFirst();
  const explanation = await tx.selectFrom('claim_certificate_explanations').selectAll().where('claim_id', '=', claim.id).executeTakeFirst();
  const cert = check?.registry_certificate_id
    ? await tx
        .selectFrom('registry_certificates as r')
        .innerJoin('certificate_issuers as i', 'i.id', 'r.issuer_id')
        .select([
          'r.number',
          'r.type',
          'r.resident_id',
          'r.occupation_code',
          'r.level',
          'r.specification_code',
          'r.issued_on',
          'i.name',
          'i.kind',
          'r.revoked_on',
          'r.revoked_reason',
        ])
        .where('r.id', '=', check.registry_certificate_id)
        .executeTakeFirst()
    : undefined;
  const status = check?.status ?? (isRegistryType(claim.certificate_type) ? 'unchecked' : 'not_applicable');
  const reasons = check ? ((typeof check.reasons === 'string' ? JSON.parse(check.reasons) : check.reasons) as string[]) : [];
  return {
    claimId: claim.id,
    certificate: claim.certificate_type
      ? { type: claim.certificate_type, typeName: typeName(claim.certificate_type), number: claim.certificate_number }
      : null,
    inForceFrom,
    applies: inForceFrom != null && claim.end_date >= inForceFrom && isRegistryType(claim.certificate_type),
    status,
    statusName: CHECK_STATUS_NAMES[status],
    reasons,
    checkedAt: check?.checked_at.toISOString() ?? null,
    registryCertificate: cert
      ? {
          number: cert.number,
          typeName: typeName(cert.type),
          sameHolder: cert.resident_id === claim.resident_id,
          occupationCode: cert.occupation_code,
          levelName: levelName(cert.level) || null,
          specificationCode: cert.specification_code,
          issuedOn: cert.issued_on,
          issuerName: cert.name,
          issuerKindName: ISSUER_KIND_NAMES[cert.kind],
          revoked: cert.revoked_on ? { on: cert.revoked_on, reason: cert.revoked_reason ?? '' } : null,
        }
      : null,
    explanation: explanation
      ? { reason: explanation.reason, by: explanation.explained_by, at: explanation.explained_at.toISOString() }
      : null,
    heldFromPayment: await heldByCertificate(tx, claim.id),
    canExplain:
      (a.role === 'city' || claim.area_code === a.areaCode) &&
      !explanation &&
      (status === 'not_found' || status === 'outsider') &&
      !['paid', 'rejected', 'withdrawn'].includes(claim.status),
  };
}
export type ClaimCertificateCheckView = Awaited<ReturnType<typeof getClaimCertificateCheck>>;

export async function recheckClaimCertificate(tx: Tx, actor: Actor | null, claimId: string) {
  const a = requireRole(actor, 'city', 'county');
  const claim = await loadClaim(tx, a, claimId, true);
  requireReviewer(a, claim);
  await checkClaimCertificates(tx, actorLabel(a), [claim.id]);
  return getClaimCertificateCheck(tx, a, claim.id);
}
