// The registry's certificates, paged and filtered (number, holder, issuer, type). The city sees all; a
// county those of its issuers or its residents; an enterprise those it issued.
import type { Tx } from '../../store/audit-log.ts';
import { requireRole, type Actor } from '../access.ts';
import { likePattern, readPage, type Page, type PageQuery } from '../paging.ts';
import { levelName, typeName, type RegistryType } from './registry-rules.ts';

export const REGISTRY_SORTS = { issuedOn: 'r.issued_on', number: 'r.number', recordedAt: 'r.recorded_at' } as const;

export interface ListRegistryInput extends PageQuery<keyof typeof REGISTRY_SORTS> {
  number?: string;
  residentId?: string;
  issuerId?: string;
  type?: RegistryType;
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
}

export async function listRegistryCertificates(
  tx: Tx,
  actor: Actor | null,
  input: ListRegistryInput,
): Promise<Page<RegistryCertificateView>> {
  const a = requireRole(actor, 'city', 'county', 'enterprise');
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
    ]);
  if (a.role === 'county') q = q.where((eb) => eb.or([eb('i.area_code', '=', a.areaCode ?? ''), eb('p.area_code', '=', a.areaCode ?? '')]));
  if (a.role === 'enterprise') q = q.where('i.enterprise_uscc', '=', a.enterpriseUscc ?? '');
  if (input.number) q = q.where('r.number', 'ilike', likePattern(input.number));
  if (input.residentId) q = q.where('r.resident_id', '=', input.residentId.toUpperCase());
  if (input.issuerId) q = q.where('r.issuer_id', '=', input.issuerId);
  if (input.type) q = q.where('r.type', '=', input.type);
  const page = await readPage(q, { ...input, order: input.order ?? (input.sort ? 'asc' : 'desc') }, REGISTRY_SORTS, 'recordedAt', 'r.id');
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
    })),
  };
}
