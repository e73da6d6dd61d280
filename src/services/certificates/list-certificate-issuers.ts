// The city's list of issuers, each with its approvals (occupations, validity, outsiders), paged and
// filtered. An evaluation body's login reads its own entry only (its code for the forms, its approvals).
import type { Tx } from '../../store/audit-log.ts';
import { requireRole, type Actor } from '../access.ts';
import { likePattern, readPage, type Page, type PageQuery } from '../paging.ts';
import { businessToday } from '../business-date.ts';
import { ISSUER_KIND_NAMES, type IssuerKind } from './registry-rules.ts';

export const ISSUER_SORTS = { name: 'i.name', code: 'i.code', createdAt: 'i.created_at' } as const;

export interface ListIssuersInput extends PageQuery<keyof typeof ISSUER_SORTS> {
  kind?: IssuerKind;
  q?: string;
}

export interface IssuerView {
  id: string;
  kind: IssuerKind;
  kindName: string;
  name: string;
  code: string;
  areaCode: string;
  certificates: number;
  approvals: {
    id: number;
    document: string;
    occupations: string[];
    validFrom: string;
    validTo: string | null;
    outsiders: boolean;
    inForce: boolean;
  }[];
}

export async function listCertificateIssuers(tx: Tx, actor: Actor | null, input: ListIssuersInput): Promise<Page<IssuerView>> {
  const a = requireRole(actor, 'city', 'county', 'evaluator');
  let q = tx
    .selectFrom('certificate_issuers as i')
    .select(['i.id', 'i.kind', 'i.name', 'i.code', 'i.area_code', 'i.created_at'])
    .select((eb) =>
      eb
        .selectFrom('registry_certificates as r')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('r.issuer_id', '=', 'i.id')
        .as('certificates'),
    );
  if (a.role === 'evaluator') q = q.where('i.id', '=', a.issuerId ?? '');
  if (input.kind) q = q.where('i.kind', '=', input.kind);
  if (input.q)
    q = q.where((eb) => eb.or([eb('i.name', 'like', likePattern(input.q!)), eb('i.code', 'like', likePattern(input.q!.toUpperCase()))]));
  const page = await readPage(q, input, ISSUER_SORTS, 'name', 'i.id');
  const ids = page.items.map((i) => i.id);
  const approvals = ids.length
    ? await tx.selectFrom('issuer_approvals').selectAll().where('issuer_id', 'in', ids).orderBy('valid_from').orderBy('id').execute()
    : [];
  const today = businessToday();
  return {
    ...page,
    items: page.items.map((i) => ({
      id: i.id,
      kind: i.kind,
      kindName: ISSUER_KIND_NAMES[i.kind],
      name: i.name,
      code: i.code,
      areaCode: i.area_code,
      certificates: Number(i.certificates ?? 0),
      approvals: approvals
        .filter((p) => p.issuer_id === i.id)
        .map((p) => ({
          id: Number(p.id),
          document: p.document,
          occupations: p.occupations,
          validFrom: p.valid_from,
          validTo: p.valid_to,
          outsiders: p.outsiders,
          inForce: p.valid_from <= today && (p.valid_to == null || p.valid_to >= today),
        })),
    })),
  };
}
