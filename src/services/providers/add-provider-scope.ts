// §3: a provider's licence scope, program × occupation × level with validity dates. A class outside
// it cannot be opened (checked at 开班审查). Occupation and level may be left open for programs
// without them (§4.3/§4.4 content, §4.7 entrepreneurship).
import { PROGRAMS } from '../../policy/codes.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertPeriod } from '../identifiers.ts';
import { notFound } from '../record-scope.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { managesProvider, providerView, type ProviderView } from './provider-view.ts';

export interface AddProviderScopeInput {
  program: string;
  occupationCode: string | null;
  level: string | null;
  validFrom: string;
  validTo: string | null;
}

export async function addProviderScope(
  tx: Tx,
  actor: Actor | null,
  providerId: string,
  input: AddProviderScopeInput,
): Promise<ProviderView> {
  const a = requireRole(actor, 'city', 'county');
  if (!(PROGRAMS as readonly string[]).includes(input.program))
    throw new AppError('invalid_input', `program: 不是允许的培训项目：${input.program}`, 'program');
  assertPeriod(input.validFrom, 'validFrom', input.validTo, 'validTo');
  const p = await tx.selectFrom('providers').selectAll().where('id', '=', providerId).executeTakeFirst();
  if (!p || !managesProvider(a, p)) throw notFound('培训机构', providerId);
  const row = await tx
    .insertInto('provider_scopes')
    .values({
      provider_id: providerId,
      program: input.program,
      occupation_code: input.occupationCode,
      level: input.level,
      valid_from: input.validFrom,
      valid_to: input.validTo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('providers')
    .set({ updated_by: actorLabel(a), updated_at: new Date() })
    .where('id', '=', providerId)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'provider.scope.add',
    entity: 'provider',
    entityId: providerId,
    data: { scopeId: Number(row.id), ...input },
  });
  return providerView(tx, await tx.selectFrom('providers').selectAll().where('id', '=', providerId).executeTakeFirstOrThrow());
}
