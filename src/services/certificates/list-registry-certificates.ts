// The registry's certificates, paged and filtered (number, holder, issuer, type, in force or revoked).
// The city sees all; a county those of its issuers or its residents; an enterprise those it issued; an
// evaluation body's login (role 'evaluator') those it issued.
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { Tx } from '../../store/audit-log.ts';
import type { Database } from '../../store/schema.ts';
import { requireRole, type Actor } from '../access.ts';
import { likePattern, readPage, type Page, type PageQuery } from '../paging.ts';
import { levelName, typeName, type RegistryType } from './registry-rules.ts';

export const REGISTRY_SORTS = { issuedOn: 'r.issued_on', number: 'r.number', recordedAt: 'r.recorded_at' } as const;

/** Who reads a registry certificate (over `registry_certificates as r` joined to its issuer `i` and holder `p`). */
export function certificateInScope(a: Actor) {
  return (
    eb: ExpressionBuilder<
      Database & { r: Database['registry_certificates']; i: Database['certificate_issuers']; p: Database['people'] },
      'r' | 'i' | 'p'
    >,
  ): Expression<SqlBool> => {
    switch (a.role) {
      case 'city':
        return sql<boolean>`true`;
      case 'county':
        return eb.or([eb('i.area_code', '=', a.areaCode ?? ''), eb('p.area_code', '=', a.areaCode ?? '')]);
      case 'enterprise':
        return eb('i.enterprise_uscc', '=', a.enterpriseUscc ?? '');
      case 'evaluator':
        return eb('r.issuer_id', '=', a.issuerId ?? '');
      default:
        return sql<boolean>`false`;
    }
  };
}

export interface ListRegistryInput extends PageQuery<keyof typeof REGISTRY_SORTS> {
  number?: string;
  residentId?: string;
  issuerId?: string;
  type?: RegistryType;
  /** valid: not revoked; revoked: revoked. */
  state?: 'valid' | 'revoked';
}

export interface RegistryCertificateView {
  id: number;
  number: string;
  type: string;
  typeName: string;
  residentId: string;
  name: string;
  occupationCode: string | null;
  level: string | null;
  levelName: string | null;
  specificationCode: string | null;
  issuedOn: string;
  issuerId: string;
  issuerName: string;
  /** 有效 or 已撤销. */
  stateName: '有效' | '已撤销';
  revokedOn: string | null;
  revokedReason: string | null;
  /** Whether this login may revoke it (the issuer's own login, or the city; not yet revoked). */
  canRevoke: boolean;
}

export async function listRegistryCertificates(
  tx: Tx,
  actor: Actor | null,
  input: ListRegistryInput,
): Promise<Page<RegistryCertificateView>> {
  const a = requireRole(actor, 'city', 'county', 'enterprise', 'evaluator');
  let q = tx
    .selectFrom('registry_certificates as r')
    .innerJoin('certificate_issuers as i', 'i.id', 'r.issuer_id')
    .innerJoin('people as p', 'p.resident_id', 'r.resident_id')
    .select([
      'r.id',
      'r.number',
      'r.type',
      'r.resident_id',
      'p.name',
      'r.occupation_code',
      'r.level',
      'r.specification_code',
      'r.issued_on',
      'r.recorded_at',
      'r.issuer_id',
      'i.name as issuer_name',
      'r.revoked_on',
      'r.revoked_reason',
    ])
    .where(certificateInScope(a));
  if (input.number) q = q.where('r.number', 'ilike', likePattern(input.number));
  if (input.residentId) q = q.where('r.resident_id', '=', input.residentId.toUpperCase());
  if (input.issuerId) q = q.where('r.issuer_id', '=', input.issuerId);
  if (input.type) q = q.where('r.type', '=', input.type);
  if (input.state === 'valid') q = q.where('r.revoked_on', 'is', null);
  if (input.state === 'revoked') q = q.where('r.revoked_on', 'is not', null);
  const page = await readPage(q, { ...input, order: input.order ?? (input.sort ? 'asc' : 'desc') }, REGISTRY_SORTS, 'recordedAt', 'r.id');
  const mayRevoke = a.role === 'city' || a.role === 'enterprise' || a.role === 'evaluator';
  return {
    ...page,
    items: page.items.map((r) => ({
      id: Number(r.id),
      number: r.number,
      type: r.type,
      typeName: typeName(r.type),
      residentId: r.resident_id,
      name: r.name,
      occupationCode: r.occupation_code,
      level: r.level,
      levelName: levelName(r.level) || null,
      specificationCode: r.specification_code,
      issuedOn: r.issued_on,
      issuerId: r.issuer_id,
      issuerName: r.issuer_name,
      stateName: r.revoked_on ? '已撤销' : '有效',
      revokedOn: r.revoked_on ?? null,
      revokedReason: r.revoked_reason ?? null,
      canRevoke: mayRevoke && r.revoked_on == null,
    })),
  };
}
