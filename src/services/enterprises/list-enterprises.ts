import { requireActor, type Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import type { Tx } from '../../store/audit-log.ts';
import { enterpriseInScope } from './enterprise-scope.ts';

export const ENTERPRISE_SORTS = {
  name: 'enterprises.name',
  uscc: 'enterprises.uscc',
  areaCode: 'enterprises.area_code',
  createdAt: 'enterprises.created_at',
} as const;

export interface ListEnterprisesInput extends PageQuery<keyof typeof ENTERPRISE_SORTS> {
  areaCode?: string;
  industry?: string;
  name?: string;
  directlyManaged?: boolean;
}

export interface EnterpriseSummary {
  uscc: string;
  name: string;
  areaCode: string;
  industry: string;
  insured: boolean | null;
  directlyManaged: boolean;
}

export async function listEnterprises(tx: Tx, actor: Actor | null, input: ListEnterprisesInput): Promise<Page<EnterpriseSummary>> {
  const a = requireActor(actor);
  let q = tx.selectFrom('enterprises').selectAll().where(enterpriseInScope(a));
  if (input.areaCode) q = q.where('area_code', '=', input.areaCode);
  if (input.industry) q = q.where('industry', '=', input.industry);
  if (input.directlyManaged !== undefined) q = q.where('directly_managed', '=', input.directlyManaged);
  if (input.name) q = q.where('name', 'like', `%${input.name.replace(/[%_\\]/g, '\\$&')}%`);
  const page = await readPage(q, input, ENTERPRISE_SORTS, 'name', 'enterprises.uscc');
  return {
    ...page,
    items: page.items.map((r) => ({
      uscc: r.uscc,
      name: r.name,
      areaCode: r.area_code,
      industry: r.industry,
      insured: r.insured,
      directlyManaged: r.directly_managed,
    })),
  };
}
