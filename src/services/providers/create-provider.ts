// Registers a training provider (§3: enterprise centres, colleges, social institutions, evaluation
// institutions). A new provider starts listed only once the city or county registers it.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertUscc } from '../identifiers.ts';
import { requireOwnArea } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';

import { providerView, type ProviderView } from './provider-view.ts';
import { PROVIDER_KINDS } from '../../vocabulary/statuses.ts';

export interface CreateProviderInput {
  id: string;
  name: string;
  kind: (typeof PROVIDER_KINDS)[number];
  uscc?: string | null;
  areaCode: string;
  entrepreneurshipQualified?: boolean;
}

export async function createProvider(tx: Tx, actor: Actor | null, input: CreateProviderInput): Promise<ProviderView> {
  const a = requireRole(actor, 'city', 'county');
  if (!PROVIDER_KINDS.includes(input.kind)) throw new AppError('invalid_input', `kind: 不是允许的机构类别：${input.kind}`, 'kind');
  if (input.uscc != null) assertUscc(input.uscc, 'uscc');
  requireOwnArea(a, input.areaCode, 'areaCode');
  const area = await tx.selectFrom('areas').select('code').where('code', '=', input.areaCode).executeTakeFirst();
  if (!area) throw new AppError('invalid_input', `areaCode: 没有这个行政区划：${input.areaCode}`, 'areaCode');
  if (await tx.selectFrom('providers').select('id').where('id', '=', input.id).executeTakeFirst()) {
    throw new AppError('conflict', `id: 编号为 ${input.id} 的培训机构已登记`, 'id');
  }
  const row = await tx
    .insertInto('providers')
    .values({
      id: input.id,
      name: input.name,
      kind: input.kind,
      uscc: input.uscc ?? null,
      area_code: input.areaCode,
      status: 'listed',
      entrepreneurship_qualified: input.entrepreneurshipQualified ?? false,
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'provider.create',
    entity: 'provider',
    entityId: input.id,
    data: { kind: input.kind, areaCode: input.areaCode },
  });
  return providerView(tx, row);
}
