// A local 专项职业能力 specification (§5.6): the city's maintained list of the specifications its
// evaluation bodies may certify against, each with its area and period of validity. A 专项职业能力证书
// names one, and is issued only while it is valid.
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertPeriod } from '../identifiers.ts';

export interface AbilitySpecificationInput {
  code: string;
  name: string;
  areaCode: string;
  validFrom: string;
  validTo?: string | null;
}

export async function addAbilitySpecification(tx: Tx, actor: Actor | null, input: AbilitySpecificationInput): Promise<{ code: string }> {
  const a = requireRole(actor, 'city');
  const code = input.code.trim().toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9-]{1,39}$/.test(code)) throw new AppError('invalid_input', 'code: 规范代码应为 2–40 位字母、数字或连字符', 'code');
  const name = input.name.trim();
  if (name === '' || name.length > 100) throw new AppError('invalid_input', 'name: 名称不能为空，且不超过 100 字', 'name');
  assertPeriod(input.validFrom, 'validFrom', input.validTo, 'validTo');
  const area = await tx.selectFrom('areas').select('code').where('code', '=', input.areaCode).executeTakeFirst();
  if (!area) throw new AppError('invalid_input', `areaCode: 没有地区 ${input.areaCode}`, 'areaCode');
  const taken = await tx.selectFrom('ability_specifications').select('name').where('code', '=', code).executeTakeFirst();
  if (taken) throw new AppError('conflict', `code: 规范代码 ${code} 已登记（${taken.name}）`, 'code');
  await tx
    .insertInto('ability_specifications')
    .values({
      code,
      name,
      area_code: input.areaCode,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
      recorded_by: actorLabel(a),
    })
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'ability_specification.add',
    entity: 'ability_specification',
    entityId: code,
    data: { name, areaCode: input.areaCode, validFrom: input.validFrom, validTo: input.validTo ?? null },
  });
  return { code };
}
