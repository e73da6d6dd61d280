// An issuer's approval (§5.6): the occupations (catalog codes, or 专项职业能力 specification codes) it may
// evaluate, from when to when, and — for an enterprise — whether the HR office allowed it to certify
// people who are not its employees (面向社会). A certificate is issued into the registry only within an
// approval in force on its issue date (issue-certificates.ts).
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertPeriod } from '../identifiers.ts';

export interface IssuerApprovalInput {
  /** 批准文号 or 备案号. */
  document: string;
  occupations: string[];
  validFrom: string;
  validTo?: string | null;
  outsiders: boolean;
}

export async function recordIssuerApproval(
  tx: Tx,
  actor: Actor | null,
  issuerId: string,
  input: IssuerApprovalInput,
): Promise<{ id: number }> {
  const a = requireRole(actor, 'city');
  const issuer = await tx.selectFrom('certificate_issuers').select(['id', 'kind']).where('id', '=', issuerId).executeTakeFirst();
  if (!issuer) throw new AppError('not_found', `没有发证机构 ${issuerId}`);
  const document = input.document.trim();
  if (document === '' || document.length > 100)
    throw new AppError('invalid_input', 'document: 批准文号不能为空，且不超过 100 字', 'document');
  assertPeriod(input.validFrom, 'validFrom', input.validTo, 'validTo');
  const codes = [...new Set(input.occupations.map((c) => c.trim()).filter(Boolean))];
  if (codes.length === 0) throw new AppError('invalid_input', 'occupations: 至少填写一个职业（工种）或专项职业能力代码', 'occupations');
  if (codes.length > 200) throw new AppError('invalid_input', 'occupations: 一次批准至多 200 个职业（工种）', 'occupations');
  const known = new Set([
    ...(await tx.selectFrom('catalog_entries').select('code').distinct().where('code', 'in', codes).execute()).map((r) => r.code),
    ...(await tx.selectFrom('ability_specifications').select('code').where('code', 'in', codes).execute()).map((r) => r.code),
  ]);
  codes.forEach((c, i) => {
    if (!known.has(c))
      throw new AppError('invalid_input', `occupations[${i}]: ${c} 不在补贴目录或专项职业能力规范目录中`, `occupations[${i}]`);
  });
  // An evaluation body serves everyone; only an enterprise's approval may be limited to its own staff.
  const outsiders = issuer.kind === 'evaluation_body' ? true : input.outsiders;
  const row = await tx
    .insertInto('issuer_approvals')
    .values({
      issuer_id: issuerId,
      document,
      occupations: codes,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
      outsiders,
      recorded_by: actorLabel(a),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'certificate_issuer.approve',
    entity: 'certificate_issuer',
    entityId: issuerId,
    data: {
      approvalId: Number(row.id),
      document,
      occupations: codes,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      outsiders,
    },
  });
  return { id: Number(row.id) };
}
