// The claims the certificate registry holds out of payment (the office's work list): live claims whose
// certificate was not found, does not match, or is an enterprise's certificate to a non-employee, with
// no 说明 recorded, or was revoked (no 说明 releases those) — each with the reason and the clause. City
// all areas, a county its own; paged.
import { sql } from 'kysely';
import type { Tx } from '../../store/audit-log.ts';
import { requireRole, type Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import { CHECK_STATUS_NAMES } from './get-claim-certificate-check.ts';
import { typeName } from './registry-rules.ts';

export const HOLD_SORTS = { number: 'c.number', checkedAt: 'k.checked_at' } as const;

export interface ListHoldsInput extends PageQuery<keyof typeof HOLD_SORTS> {
  status?: 'not_found' | 'mismatch' | 'outsider' | 'revoked';
  areaCode?: string;
}

export interface CertificateHoldView {
  claimId: string;
  claimNumber: string;
  program: string;
  claimStatus: string;
  areaCode: string;
  residentId: string;
  certificate: string;
  status: string;
  statusName: string;
  reasons: string[];
  inForce: boolean;
}

export async function listCertificateHolds(tx: Tx, actor: Actor | null, input: ListHoldsInput): Promise<Page<CertificateHoldView>> {
  const a = requireRole(actor, 'city', 'county');
  let q = tx
    .selectFrom('claim_certificate_checks as k')
    .innerJoin('claims as c', 'c.id', 'k.claim_id')
    .select([
      'c.id',
      'c.number',
      'c.program',
      'c.status as claim_status',
      'c.area_code',
      'c.resident_id',
      'c.certificate_type',
      'c.certificate_number',
      'k.status',
      'k.reasons',
      'k.checked_at',
      sql<boolean>`k.status = 'revoked' or exists (select 1 from certificate_registry_settings s where c.end_date >= s.in_force_from)`.as(
        'in_force',
      ),
    ])
    .where('k.status', 'in', ['not_found', 'mismatch', 'outsider', 'revoked'])
    .where('c.status', 'not in', ['rejected', 'withdrawn'])
    // A 说明 releases a claim, but never one whose certificate was revoked (certificate-holds.ts).
    .where((eb) =>
      eb.or([
        eb('k.status', '=', 'revoked'),
        eb.not(eb.exists(eb.selectFrom('claim_certificate_explanations as x').select('x.claim_id').whereRef('x.claim_id', '=', 'c.id'))),
      ]),
    );
  if (a.role === 'county') q = q.where('c.area_code', '=', a.areaCode ?? '');
  if (input.areaCode) q = q.where('c.area_code', '=', input.areaCode);
  if (input.status) q = q.where('k.status', '=', input.status);
  const page = await readPage(q, input, HOLD_SORTS, 'number', 'c.id');
  return {
    ...page,
    items: page.items.map((r) => ({
      claimId: r.id,
      claimNumber: r.number,
      program: r.program,
      claimStatus: r.claim_status,
      areaCode: r.area_code,
      residentId: r.resident_id,
      certificate: `${typeName(r.certificate_type ?? '')} ${r.certificate_number ?? '（未填编号）'}`,
      status: r.status,
      statusName: CHECK_STATUS_NAMES[r.status],
      reasons: (typeof r.reasons === 'string' ? JSON.parse(r.reasons) : r.reasons) as string[],
      inForce: Boolean(r.in_force),
    })),
  };
}
