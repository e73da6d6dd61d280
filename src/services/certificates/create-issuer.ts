// A body allowed to issue certificates into the registry (§5.6): an evaluation body (评价机构), or an
// enterprise approved for self-evaluation of its staff. The city keeps this list; an issuer issues only
// within an approval (record-issuer-approval.ts).
import { newUuid } from '../../store/ids.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertUscc } from '../identifiers.ts';
import { ISSUER_KINDS, type IssuerKind } from './registry-rules.ts';

export interface CreateIssuerInput {
  kind: IssuerKind;
  name: string;
  /** 统一社会信用代码 of the body; for an enterprise, its registered USCC. */
  code: string;
  areaCode: string;
}

export async function createIssuer(tx: Tx, actor: Actor | null, input: CreateIssuerInput): Promise<{ id: string }> {
  const a = requireRole(actor, 'city');
  if (!ISSUER_KINDS.includes(input.kind)) throw new AppError('invalid_input', 'kind: 应为评价机构或自主评价企业', 'kind');
  const name = input.name.trim();
  if (name === '' || name.length > 100) throw new AppError('invalid_input', 'name: 名称不能为空，且不超过 100 字', 'name');
  const code = input.code.trim().toUpperCase();
  assertUscc(code, 'code');
  const area = await tx.selectFrom('areas').select('code').where('code', '=', input.areaCode).executeTakeFirst();
  if (!area) throw new AppError('invalid_input', `areaCode: 没有地区 ${input.areaCode}`, 'areaCode');
  let enterpriseUscc: string | null = null;
  if (input.kind === 'enterprise') {
    const e = await tx.selectFrom('enterprises').select('uscc').where('uscc', '=', code).executeTakeFirst();
    if (!e) throw new AppError('invalid_input', 'code: 该企业尚未登记，请先在企业登记中登记', 'code');
    enterpriseUscc = code;
  }
  const taken = await tx.selectFrom('certificate_issuers').select('name').where('code', '=', code).executeTakeFirst();
  if (taken) throw new AppError('conflict', `code: 统一社会信用代码 ${code} 已登记为发证机构（${taken.name}）`, 'code');
  const id = `CI-${newUuid()}`;
  await tx
    .insertInto('certificate_issuers')
    .values({ id, kind: input.kind, name, code, area_code: input.areaCode, enterprise_uscc: enterpriseUscc, created_by: actorLabel(a) })
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'certificate_issuer.create',
    entity: 'certificate_issuer',
    entityId: id,
    data: { kind: input.kind, name, code, areaCode: input.areaCode },
  });
  return { id };
}
