// Sanctions after a finding or an inspection (§5.2 虚假培训/缩水培训 are punished; §5.3): a claim is
// rejected through the claims state machine (rejectClaim) while it can still be; an approved claim not
// yet paid is stopped (claims/revoke-approval.ts: approval revoked, reservation released, batch line
// withdrawn); a claim already paid keeps its status and its money is recovered
// (claims/recover-claim-payment.ts, credited back to the fund that paid it); a provider is suspended or
// delisted through the providers' status use case. Each sanction is recorded for the public list,
// with the basis (findings, inspection) it rests on, and audited beside the act's own audit entry.
import { randomBytes } from 'node:crypto';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import type { SanctionKind } from '../../store/schema.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { loadClaim, requireReviewer } from '../claims/claim-scope.ts';
import { CLAIM_TRANSITIONS } from '../claims/claim-states.ts';
import { recoverClaimPayment } from '../claims/recover-claim-payment.ts';
import { rejectClaim } from '../claims/reject-claim.ts';
import { revokeApproval } from '../claims/revoke-approval.ts';
import { assertDate } from '../identifiers.ts';
import { changeProviderStatus } from '../providers/change-provider-status.ts';
import { publicName } from './risk-scope.ts';
import { CLAIM_STATUS_NAMES } from '../../vocabulary/statuses.ts';
import { idFromNumber } from '../records/record-numbers.ts';

export interface SanctionBasis {
  findingIds?: string[];
  inspectionId?: string | null;
}
export type SanctionInput =
  | { target: 'claim'; claimId: string; reason: string; on: string; basis?: SanctionBasis }
  | { target: 'provider'; providerId: string; status: 'suspended' | 'delisted'; reason: string; on: string; basis?: SanctionBasis };

export interface SanctionView {
  id: string;
  kind: SanctionKind;
  claimId: string | null;
  providerId: string | null;
  amountFen: number | null;
  reason: string;
  publicParty: string;
  sanctionedOn: string;
}

const sanctionId = () => `SAN-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;

async function checkBasis(tx: Tx, basis: SanctionBasis): Promise<void> {
  for (const [i, f] of (basis.findingIds ?? []).entries()) {
    if (!(await tx.selectFrom('risk_findings').select('id').where('id', '=', f).executeTakeFirst()))
      throw new AppError('invalid_input', `basis.findingIds[${i}]: 没有找到风险线索：${f}`, `basis.findingIds[${i}]`);
  }
  if (
    basis.inspectionId &&
    !(await tx.selectFrom('risk_inspections').select('id').where('id', '=', basis.inspectionId).executeTakeFirst())
  ) {
    throw new AppError('invalid_input', 'basis.inspectionId: 没有找到这个检查任务', 'basis.inspectionId');
  }
}

/** Who the public list names for a claim: the unit that applied or trained (never a resident ID); an individual by surname only. */
async function claimParty(
  tx: Tx,
  claim: { applicant: string; provider_id: string | null; enterprise_uscc: string | null; resident_id: string },
): Promise<string> {
  if (claim.applicant === 'institution' && claim.provider_id) {
    const p = await tx.selectFrom('providers').select('name').where('id', '=', claim.provider_id).executeTakeFirst();
    if (p) return p.name;
  }
  if (claim.applicant === 'enterprise' && claim.enterprise_uscc) {
    const e = await tx.selectFrom('enterprises').select('name').where('uscc', '=', claim.enterprise_uscc).executeTakeFirst();
    if (e) return e.name;
  }
  const person = await tx.selectFrom('people').select('name').where('resident_id', '=', claim.resident_id).executeTakeFirstOrThrow();
  return `个人 ${publicName(person.name)}`;
}

export async function sanction(tx: Tx, actor: Actor | null, input: SanctionInput): Promise<SanctionView> {
  const a = requireRole(actor, 'city', 'county');
  if (input.reason.trim() === '') throw new AppError('invalid_input', 'reason: 应说明处罚理由', 'reason');
  assertDate(input.on, 'on');
  const basis = { findingIds: input.basis?.findingIds ?? [], inspectionId: input.basis?.inspectionId ?? null };
  await checkBasis(tx, basis);
  const id = sanctionId();
  let view: SanctionView;
  let areaCode: string;
  if (input.target === 'claim') {
    // The office types the claim's number (SQ-…); links inside the app carry its id.
    const claim = await loadClaim(tx, a, await idFromNumber(tx, 'claim', input.claimId), true);
    requireReviewer(a, claim);
    areaCode = claim.area_code;
    const party = await claimParty(tx, claim);
    if (CLAIM_TRANSITIONS.reject.from.includes(claim.status)) {
      await rejectClaim(tx, a, { claimId: claim.id, reason: `查处：${input.reason}` });
      view = {
        id,
        kind: 'claim_rejected',
        claimId: claim.id,
        providerId: claim.provider_id,
        amountFen: null,
        reason: input.reason,
        publicParty: party,
        sanctionedOn: input.on,
      };
    } else if (claim.status === 'approved') {
      await revokeApproval(tx, a, claim.id, `查处：${input.reason}`);
      view = {
        id,
        kind: 'claim_rejected',
        claimId: claim.id,
        providerId: claim.provider_id,
        amountFen: null,
        reason: input.reason,
        publicParty: party,
        sanctionedOn: input.on,
      };
    } else if (claim.status === 'paid') {
      const recovery = await recoverClaimPayment(tx, a, claim.id, `查处：${input.reason}`);
      view = {
        id,
        kind: 'money_recovered',
        claimId: claim.id,
        providerId: claim.provider_id,
        amountFen: recovery.amountFen,
        reason: input.reason,
        publicParty: party,
        sanctionedOn: input.on,
      };
      await tx
        .insertInto('risk_sanctions')
        .values(row(view, areaCode, basis, actorLabel(a), recovery.recoveryId))
        .execute();
      await appendAudit(tx, {
        actor: actorLabel(a),
        action: 'risk.sanction',
        entity: 'risk_sanction',
        entityId: id,
        data: { ...view, basis },
      });
      return view;
    } else {
      throw new AppError(
        'invalid_transition',
        `申领 ${claim.number} 当前状态为“${CLAIM_STATUS_NAMES[claim.status]}”，既不能驳回也没有可追回的支付`,
        'claimId',
      );
    }
  } else {
    const before = await tx
      .selectFrom('providers')
      .select(['id', 'name', 'area_code', 'status'])
      .where('id', '=', input.providerId)
      .executeTakeFirst();
    const changed = await changeProviderStatus(tx, a, input.providerId, { status: input.status, reason: `查处：${input.reason}` });
    areaCode = changed.areaCode;
    view = {
      id,
      kind: input.status === 'delisted' ? 'provider_delisted' : 'provider_suspended',
      claimId: null,
      providerId: changed.id,
      amountFen: null,
      reason: input.reason,
      publicParty: before?.name ?? changed.name,
      sanctionedOn: input.on,
    };
  }
  await tx
    .insertInto('risk_sanctions')
    .values(row(view, areaCode, basis, actorLabel(a), null))
    .execute();
  await appendAudit(tx, { actor: actorLabel(a), action: 'risk.sanction', entity: 'risk_sanction', entityId: id, data: { ...view, basis } });
  return view;
}

function row(v: SanctionView, areaCode: string, basis: SanctionBasis, by: string, recoveryId: number | null) {
  return {
    id: v.id,
    kind: v.kind,
    claim_id: v.claimId,
    provider_id: v.providerId,
    recovery_id: recoveryId,
    amount_fen: v.amountFen,
    area_code: areaCode,
    reason: v.reason,
    basis: JSON.stringify(basis),
    public_party: v.publicParty,
    sanctioned_on: v.sanctionedOn,
    created_by: by,
  };
}

export const SANCTION_NAMES: Record<SanctionKind, string> = {
  claim_rejected: '驳回补贴申领',
  money_recovered: '追回已拨付补贴',
  provider_suspended: '暂停培训机构补贴性培训资格',
  provider_delisted: '取消培训机构补贴性培训资格',
};

/** The public sanction list (§5.2, §5.3): no login; units by name, individuals by surname only, no resident IDs. */
export async function publicSanctions(tx: Tx, query: { page?: number; pageSize?: number }) {
  const pageSize = Math.min(200, Math.max(1, query.pageSize ?? 50));
  const page = Math.max(1, query.page ?? 1);
  const total = await tx
    .selectFrom('risk_sanctions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await tx
    .selectFrom('risk_sanctions as s')
    .leftJoin('areas as ar', 'ar.code', 's.area_code')
    .select(['s.id', 's.kind', 's.public_party', 's.reason', 's.amount_fen', 's.sanctioned_on', 's.area_code', 'ar.name as area_name'])
    .orderBy('s.sanctioned_on', 'desc')
    .orderBy('s.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total: Number(total.n),
    page,
    pageSize,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindName: SANCTION_NAMES[r.kind],
      party: r.public_party,
      reason: r.reason,
      amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
      sanctionedOn: String(r.sanctioned_on).slice(0, 10),
      areaCode: r.area_code,
      areaName: r.area_name,
    })),
  };
}
