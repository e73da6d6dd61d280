// The local 专项职业能力 specifications (§5.6), paged and filtered; read by the offices and the issuing forms.
import type { Tx } from '../../store/audit-log.ts';
import { requireRole, type Actor } from '../access.ts';
import { likePattern, readPage, type Page, type PageQuery } from '../paging.ts';
import { businessToday } from '../business-date.ts';

export const SPEC_SORTS = { code: 'code', name: 'name', validFrom: 'valid_from' } as const;

export interface ListSpecificationsInput extends PageQuery<keyof typeof SPEC_SORTS> {
  q?: string;
  areaCode?: string;
  inForce?: boolean;
}

export interface SpecificationView {
  code: string;
  name: string;
  areaCode: string;
  validFrom: string;
  validTo: string | null;
  inForce: boolean;
}

export async function listAbilitySpecifications(
  tx: Tx,
  actor: Actor | null,
  input: ListSpecificationsInput,
): Promise<Page<SpecificationView>> {
  requireRole(actor, 'city', 'county', 'enterprise', 'evaluator');
  const today = businessToday();
  let q = tx.selectFrom('ability_specifications').selectAll();
  if (input.q)
    q = q.where((eb) => eb.or([eb('name', 'like', likePattern(input.q!)), eb('code', 'like', likePattern(input.q!.toUpperCase()))]));
  if (input.areaCode) q = q.where('area_code', '=', input.areaCode);
  if (input.inForce === true)
    q = q.where('valid_from', '<=', today).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]));
  const page = await readPage(q, input, SPEC_SORTS, 'code', 'code');
  return {
    ...page,
    items: page.items.map((s) => ({
      code: s.code,
      name: s.name,
      areaCode: s.area_code,
      validFrom: s.valid_from,
      validTo: s.valid_to,
      inForce: s.valid_from <= today && (s.valid_to == null || s.valid_to >= today),
    })),
  };
}
