// A certificate a qualified trainee obtained (R1/R13 evidence). Its number is unique per type: a
// number already recorded is refused as a conflict (a reused number is the first sign of 虚假培训, §5.2).
import { CERTIFICATE_TYPES, CERTIFICATE_NAMES, type CertificateType } from '../../policy/codes.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertDate } from '../identifiers.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { classForChange } from './class-scope.ts';
import { assertClassStatus } from './class-status.ts';

export interface CertificateInput {
  residentId: string;
  type: CertificateType;
  number: string;
  issuedOn: string;
  issuer: string | null;
}

export async function recordCertificate(tx: Tx, actor: Actor | null, classId: string, input: CertificateInput): Promise<{ id: number }> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  if (!CERTIFICATE_TYPES.includes(input.type)) throw new AppError('invalid_input', `type: 不是允许的证书类型：${input.type}`, 'type');
  if (input.number.trim() === '') throw new AppError('invalid_input', 'number: 不能为空', 'number');
  assertDate(input.issuedOn, 'issuedOn');
  const cls = await classForChange(tx, a, classId);
  assertClassStatus(cls.status, ['assessed'], '登记证书');
  const result = await tx
    .selectFrom('assessment_results')
    .select('qualified')
    .where('class_id', '=', classId)
    .where('resident_id', '=', input.residentId)
    .executeTakeFirst();
  if (!result) throw new AppError('invalid_input', 'residentId: 该人员不在本班花名册中或没有考核结果', 'residentId');
  if (!result.qualified) throw new AppError('invalid_input', 'residentId: 该人员结业考核不合格，不能登记证书', 'residentId');
  const taken = await tx
    .selectFrom('certificates')
    .select(['class_id'])
    .where('type', '=', input.type)
    .where('number', '=', input.number)
    .executeTakeFirst();
  if (taken)
    throw new AppError(
      'conflict',
      `number: ${CERTIFICATE_NAMES[input.type]}编号 ${input.number} 已被登记，同一类证书的编号不能重复使用`,
      'number',
    );
  const row = await tx
    .insertInto('certificates')
    .values({
      type: input.type,
      number: input.number,
      resident_id: input.residentId,
      class_id: classId,
      occupation_code: cls.occupation_code,
      level: cls.level,
      issued_on: input.issuedOn,
      issuer: input.issuer,
      recorded_by: actorLabel(a),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'class.certificate',
    entity: 'class',
    entityId: classId,
    data: { residentId: input.residentId, type: input.type, number: input.number },
  });
  return { id: Number(row.id) };
}
