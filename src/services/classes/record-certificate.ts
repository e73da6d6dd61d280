// A certificate a qualified trainee obtained (R1/R13 evidence). Its number is unique per type: a
// number already recorded is refused as a conflict (a reused number is the first sign of 虚假培训, §5.2).
import { CERTIFICATE_TYPES, CERTIFICATE_NAMES, type CertificateType } from '../../policy/codes.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertDate } from '../identifiers.ts';
import { appendAuditEntries, type Tx } from '../../store/audit-log.ts';
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
  const [recorded] = await recordCertificates(tx, actor, classId, [input]);
  return recorded!;
}

function checkInput(input: CertificateInput): void {
  if (!CERTIFICATE_TYPES.includes(input.type)) throw new AppError('invalid_input', `type: 不是允许的证书类型：${input.type}`, 'type');
  if (input.number.trim() === '') throw new AppError('invalid_input', 'number: 不能为空', 'number');
  assertDate(input.issuedOn, 'issuedOn');
}

/**
 * The certificates of one class at once (the same checks as one by one, the class locked once, one
 * insert, one audit append with an entry per certificate); all or none. A number given twice in the
 * list is refused as if the first were already recorded.
 */
export async function recordCertificates(
  tx: Tx,
  actor: Actor | null,
  classId: string,
  inputs: CertificateInput[],
): Promise<{ id: number }[]> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  if (inputs.length === 0) return [];
  for (const input of inputs) checkInput(input);
  const cls = await classForChange(tx, a, classId);
  assertClassStatus(cls.status, ['assessed'], '登记证书');
  const results = await tx
    .selectFrom('assessment_results')
    .select(['resident_id', 'qualified'])
    .where('class_id', '=', classId)
    .where('resident_id', 'in', [...new Set(inputs.map((i) => i.residentId))])
    .execute();
  const qualified = new Map(results.map((r) => [r.resident_id, r.qualified]));
  const taken = await tx
    .selectFrom('certificates')
    .select(['type', 'number'])
    .where((eb) => eb.or(inputs.map((i) => eb.and([eb('type', '=', i.type), eb('number', '=', i.number)]))))
    .execute();
  const used = new Set(taken.map((t) => `${t.type}|${t.number}`));
  for (const input of inputs) {
    const result = qualified.get(input.residentId);
    if (result === undefined) throw new AppError('invalid_input', 'residentId: 该人员不在本班花名册中或没有考核结果', 'residentId');
    if (!result) throw new AppError('invalid_input', 'residentId: 该人员结业考核不合格，不能登记证书', 'residentId');
    const key = `${input.type}|${input.number}`;
    if (used.has(key))
      throw new AppError(
        'conflict',
        `number: ${CERTIFICATE_NAMES[input.type]}编号 ${input.number} 已被登记，同一类证书的编号不能重复使用`,
        'number',
      );
    used.add(key);
  }
  const rows = await tx
    .insertInto('certificates')
    .values(
      inputs.map((input) => ({
        type: input.type,
        number: input.number,
        resident_id: input.residentId,
        class_id: classId,
        occupation_code: cls.occupation_code,
        level: cls.level,
        issued_on: input.issuedOn,
        issuer: input.issuer,
        recorded_by: actorLabel(a),
      })),
    )
    .returning('id')
    .execute();
  await appendAuditEntries(
    tx,
    inputs.map((input) => ({
      actor: actorLabel(a),
      action: 'class.certificate',
      entity: 'class',
      entityId: classId,
      data: { residentId: input.residentId, type: input.type, number: input.number },
    })),
  );
  return rows.map((row) => ({ id: Number(row.id) }));
}
