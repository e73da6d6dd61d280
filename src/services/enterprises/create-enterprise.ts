// Registers an enterprise by its unified social credit code (GB 32100). Only the city may mark an
// enterprise as directly managed (SPEC §5.7); `insured` may be left unknown (null), never guessed.
import { INDUSTRIES } from '../../policy/codes.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertUscc } from '../identifiers.ts';
import { requireOwnArea } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { enterpriseView, type EnterpriseView } from './enterprise-view.ts';

export interface CreateEnterpriseInput {
  uscc: string;
  name: string;
  areaCode: string;
  industry: (typeof INDUSTRIES)[number];
  insured: boolean | null;
  directlyManaged?: boolean;
  dispatchingAgencyUscc?: string | null;
}

export async function createEnterprise(tx: Tx, actor: Actor | null, input: CreateEnterpriseInput): Promise<EnterpriseView> {
  const a = requireRole(actor, 'city', 'county');
  assertUscc(input.uscc, 'uscc');
  if (input.dispatchingAgencyUscc != null) assertUscc(input.dispatchingAgencyUscc, 'dispatchingAgencyUscc');
  if (!INDUSTRIES.includes(input.industry))
    throw new AppError('invalid_input', `industry: 不是允许的产业类别：${input.industry}`, 'industry');
  requireOwnArea(a, input.areaCode, 'areaCode');
  if (input.directlyManaged && a.role !== 'city') {
    throw new AppError('forbidden', 'directlyManaged: 市直管企业只能由市人社局登记（§5.7）', 'directlyManaged');
  }
  const area = await tx.selectFrom('areas').select('code').where('code', '=', input.areaCode).executeTakeFirst();
  if (!area) throw new AppError('invalid_input', `areaCode: 没有这个行政区划：${input.areaCode}`, 'areaCode');
  const existing = await tx.selectFrom('enterprises').select('uscc').where('uscc', '=', input.uscc).executeTakeFirst();
  if (existing) throw new AppError('conflict', 'uscc: 该统一社会信用代码的企业已登记', 'uscc');
  const row = await tx
    .insertInto('enterprises')
    .values({
      uscc: input.uscc,
      name: input.name,
      area_code: input.areaCode,
      industry: input.industry,
      insured: input.insured,
      directly_managed: input.directlyManaged ?? false,
      dispatching_agency_uscc: input.dispatchingAgencyUscc ?? null,
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'enterprise.create',
    entity: 'enterprise',
    entityId: input.uscc,
    data: { areaCode: input.areaCode, industry: input.industry },
  });
  return enterpriseView(tx, row);
}
