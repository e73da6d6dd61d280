// Issuing certificates into the registry (§4.0 R1/R13, §5.6), one by the screen or many by a file
// (import-certificates.ts): every line checked before anything is written — the issuer and the
// caller's right to record for it, the type the issuer may issue, the holder registered under the name
// written (实名制 §5.2, the claim's own real-name check), the occupation and level or the 专项职业能力
// specification, an approval of the issuer in force on the issue date that covers it — then all
// written in the caller's transaction, audited. A number is unique per issuer: a line identical to a
// certificate already on record is skipped (the same file twice changes nothing), a line that reuses a
// number with different content is refused. Claims naming the numbers are checked again afterwards.
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { businessToday } from '../business-date.ts';
import { isIsoDate } from '../../policy/dates.ts';
import { realNameProblems } from '../people/real-name-check.ts';
import { AppError } from '../app-error.ts';
import { checkClaimCertificates, claimsNamingNumbers } from './check-claim-certificates.ts';
import { LEVEL_TYPES, TYPES_BY_KIND, isRegistryType, levelName, normalNumber, typeName, type RegistryType } from './registry-rules.ts';

export interface CertificateLine {
  /** The issuer's 统一社会信用代码 (as on the certificate). */
  issuerCode: string;
  number: string;
  type: string;
  residentId: string;
  name: string;
  occupationCode?: string | null;
  level?: string | null;
  specificationCode?: string | null;
  issuedOn: string;
}

export type LineField = keyof CertificateLine;
export interface LineProblem {
  index: number;
  field: LineField;
  message: string;
}

interface Checked {
  issuerId: string;
  number: string;
  type: RegistryType;
  residentId: string;
  occupationCode: string | null;
  level: string | null;
  specificationCode: string | null;
  issuedOn: string;
}

/** Who may record for an issuer: the city for any, a county for one of its area, an enterprise or an evaluation body for itself. */
function mayRecordFor(a: Actor, issuer: { id: string; area_code: string; enterprise_uscc: string | null }): boolean {
  if (a.role === 'city') return true;
  if (a.role === 'county') return issuer.area_code === a.areaCode;
  if (a.role === 'evaluator') return a.issuerId != null && issuer.id === a.issuerId;
  return a.role === 'enterprise' && issuer.enterprise_uscc != null && issuer.enterprise_uscc === a.enterpriseUscc;
}

/** Every problem of every line (nothing is written); the lines ready to write when there are none. */
export async function checkCertificateLines(
  tx: Tx,
  a: Actor,
  lines: readonly CertificateLine[],
  lineName: (index: number) => string = (i) => `第 ${i + 1} 条`,
): Promise<{ problems: LineProblem[]; ready: (Checked & { index: number; existing: boolean })[] }> {
  const problems: LineProblem[] = [];
  const bad = (index: number, field: LineField, message: string) => problems.push({ index, field, message });
  const codes = [...new Set(lines.map((l) => l.issuerCode.trim().toUpperCase()).filter(Boolean))];
  const issuers = codes.length ? await tx.selectFrom('certificate_issuers').selectAll().where('code', 'in', codes).execute() : [];
  const issuerByCode = new Map(issuers.map((i) => [i.code, i]));
  const approvals = issuers.length
    ? await tx
        .selectFrom('issuer_approvals')
        .selectAll()
        .where(
          'issuer_id',
          'in',
          issuers.map((i) => i.id),
        )
        .execute()
    : [];
  const occupationCodes = [...new Set(lines.map((l) => (l.occupationCode ?? '').trim()).filter(Boolean))];
  const catalog = occupationCodes.length
    ? await tx.selectFrom('catalog_entries').select(['code', 'level']).where('code', 'in', occupationCodes).execute()
    : [];
  const specCodes = [...new Set(lines.map((l) => (l.specificationCode ?? '').trim().toUpperCase()).filter(Boolean))];
  const specs = new Map(
    (specCodes.length ? await tx.selectFrom('ability_specifications').selectAll().where('code', 'in', specCodes).execute() : []).map(
      (s) => [s.code, s],
    ),
  );
  const today = businessToday();
  const seen = new Map<string, number>();
  const ready: (Checked & { index: number; existing: boolean })[] = [];

  lines.forEach((l, index) => {
    const before = problems.length;
    const issuer = issuerByCode.get(l.issuerCode.trim().toUpperCase());
    if (l.issuerCode.trim() === '') bad(index, 'issuerCode', '不能为空');
    else if (!issuer) bad(index, 'issuerCode', '不是已登记的发证机构（评价机构或自主评价企业）');
    else if (!mayRecordFor(a, issuer)) bad(index, 'issuerCode', '无权为该发证机构登记证书');
    const number = l.number.trim();
    if (number === '') bad(index, 'number', '不能为空');
    else if (number.length > 64 || /\s/.test(number)) bad(index, 'number', '证书编号不超过 64 个字符，且不含空格');
    const type = l.type.trim();
    if (!isRegistryType(type)) bad(index, 'type', '应为职业资格证书、职业技能等级证书、专项职业能力证书或培训合格证书');
    else if (issuer && !TYPES_BY_KIND[issuer.kind].includes(type))
      bad(index, 'type', `自主评价企业只能颁发职业技能等级证书（§5.6），不能颁发${typeName(type)}`);
    if (!/^\d{17}[\dX]$/.test(l.residentId)) bad(index, 'residentId', '应为 18 位居民身份证号码');
    if (l.name.trim() === '') bad(index, 'name', '不能为空');
    if (!isIsoDate(l.issuedOn)) bad(index, 'issuedOn', '不是有效日期（格式 YYYY-MM-DD）');
    else if (l.issuedOn > today) bad(index, 'issuedOn', '发证日期不能晚于今天');
    const occupation = (l.occupationCode ?? '').trim() || null;
    const level = (l.level ?? '').trim() || null;
    const specCode = (l.specificationCode ?? '').trim().toUpperCase() || null;
    let coverCode: string | null = null;
    if (type === 'special_ability') {
      if (!specCode) bad(index, 'specificationCode', '专项职业能力证书应填写专项职业能力规范代码');
      else {
        const spec = specs.get(specCode);
        if (!spec) bad(index, 'specificationCode', '不在专项职业能力规范目录中');
        else if (isIsoDate(l.issuedOn) && (l.issuedOn < spec.valid_from || (spec.valid_to != null && l.issuedOn > spec.valid_to)))
          bad(index, 'specificationCode', `该规范的有效期为 ${spec.valid_from} 至 ${spec.valid_to ?? '长期'}，发证日期不在其内`);
        else coverCode = specCode;
      }
      if (occupation || level) bad(index, occupation ? 'occupationCode' : 'level', '专项职业能力证书不填职业（工种）和等级，填写规范代码');
    } else if (isRegistryType(type)) {
      if (specCode) bad(index, 'specificationCode', '只有专项职业能力证书填写规范代码');
      const needsLevel = LEVEL_TYPES.includes(type);
      if (needsLevel && !occupation) bad(index, 'occupationCode', `${typeName(type)}应填写职业（工种）代码`);
      if (needsLevel && !level) bad(index, 'level', `${typeName(type)}应填写等级（五级至一级）`);
      if (level && !/^[1-5]$/.test(level)) bad(index, 'level', '等级应为五级（初级）至一级（高级技师）');
      if (occupation) {
        const entries = catalog.filter((c) => c.code === occupation);
        if (entries.length === 0) bad(index, 'occupationCode', '不在补贴目录中');
        else if (level && /^[1-5]$/.test(level) && !entries.some((c) => c.level === level))
          bad(index, 'level', `补贴目录中该职业（工种）没有${levelName(level)}`);
        else coverCode = occupation;
      }
    }
    // The approval in force on the issue date must cover what is certified (§5.6).
    if (issuer && problems.length === before && isIsoDate(l.issuedOn)) {
      const inForce = approvals.filter(
        (p) => p.issuer_id === issuer.id && p.valid_from <= l.issuedOn && (p.valid_to == null || p.valid_to >= l.issuedOn),
      );
      if (inForce.length === 0) bad(index, 'issuedOn', `发证日期 ${l.issuedOn} 该发证机构没有有效的评价批准（§5.6）`);
      else if (coverCode && !inForce.some((p) => p.occupations.includes(coverCode!)))
        bad(index, type === 'special_ability' ? 'specificationCode' : 'occupationCode', `不在该发证机构的评价批准范围内（§5.6）`);
    }
    if (issuer && number) {
      const key = `${issuer.id}|${normalNumber(number)}`;
      const first = seen.get(key);
      if (first !== undefined) bad(index, 'number', `与${lineName(first)}是同一发证机构的同一证书编号`);
      else seen.set(key, index);
    }
    if (problems.length === before)
      ready.push({
        index,
        issuerId: issuer!.id,
        number,
        type: type as RegistryType,
        residentId: l.residentId,
        occupationCode: type === 'special_ability' ? null : occupation,
        level: type === 'special_ability' ? null : level,
        specificationCode: type === 'special_ability' ? specCode : null,
        issuedOn: l.issuedOn,
        existing: false,
      });
  });

  // 实名制 (§5.2): the holder registered under the name written — the same check a claim submission runs.
  const named = lines.map((l, index) => ({ l, index })).filter(({ l }) => /^\d{17}[\dX]$/.test(l.residentId) && l.name.trim() !== '');
  for (const p of await realNameProblems(
    tx,
    a,
    named.map(({ l }) => ({ residentId: l.residentId, name: l.name.trim() })),
  )) {
    bad(named[p.index]!.index, p.field, p.message);
  }

  // A number already on record for the issuer: the same certificate again is skipped, anything else refused.
  const keyed = ready.filter((r) => !problems.some((p) => p.index === r.index));
  if (keyed.length) {
    const existing = await tx
      .selectFrom('registry_certificates')
      .selectAll()
      .where('issuer_id', 'in', [...new Set(keyed.map((r) => r.issuerId))])
      .where((eb) => eb.fn('upper', ['number']), 'in', [...new Set(keyed.map((r) => normalNumber(r.number)))])
      .execute();
    for (const r of keyed) {
      const e = existing.find((x) => x.issuer_id === r.issuerId && normalNumber(x.number) === normalNumber(r.number));
      if (!e) continue;
      const same =
        e.type === r.type &&
        e.resident_id === r.residentId &&
        (e.occupation_code ?? null) === r.occupationCode &&
        (e.level ?? null) === r.level &&
        (e.specification_code ?? null) === r.specificationCode &&
        e.issued_on === r.issuedOn;
      if (same) r.existing = true;
      else bad(r.index, 'number', '该发证机构已登记此编号的证书，内容与本条不同；证书编号在同一发证机构内不能重复');
    }
  }
  problems.sort((x, y) => x.index - y.index);
  return { problems, ready: ready.filter((r) => !problems.some((p) => p.index === r.index)) };
}

/** A number written at the same moment by another request (the unique index) is a conflict, not a crash. */
async function insertOrConflict<T>(insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (e) {
    if ((e as { code?: string }).code === '23505')
      throw new AppError('conflict', 'number: 同一证书编号正被同时登记，请刷新后重试', 'number');
    throw e;
  }
}

/** Writes checked lines (those already on record skipped), audited; re-checks the claims naming them. */
export async function writeCertificateLines(
  tx: Tx,
  a: Actor,
  ready: readonly (Checked & { existing: boolean })[],
  source: { kind: 'form' | 'file'; fileName?: string | null },
): Promise<{ added: number; unchanged: number; ids: number[] }> {
  const fresh = ready.filter((r) => !r.existing);
  const ids: number[] = [];
  for (let at = 0; at < fresh.length; at += 500) {
    const rows = await insertOrConflict(() =>
      tx
        .insertInto('registry_certificates')
        .values(
          fresh.slice(at, at + 500).map((r) => ({
            issuer_id: r.issuerId,
            number: r.number,
            type: r.type,
            resident_id: r.residentId,
            occupation_code: r.occupationCode,
            level: r.level,
            specification_code: r.specificationCode,
            issued_on: r.issuedOn,
            recorded_by: actorLabel(a),
          })),
        )
        .returning('id')
        .execute(),
    );
    ids.push(...rows.map((r) => Number(r.id)));
  }
  if (fresh.length > 0) {
    await appendAudit(tx, {
      actor: actorLabel(a),
      action: source.kind === 'file' ? 'certificate.import' : 'certificate.issue',
      entity: 'certificate_registry',
      entityId: fresh.length === 1 ? String(ids[0]) : `${ids[0]}-${ids[ids.length - 1]}`,
      data: {
        added: fresh.length,
        unchanged: ready.length - fresh.length,
        fileName: source.fileName ?? null,
        numbers: fresh.slice(0, 50).map((r) => r.number),
      },
    });
    await checkClaimCertificates(
      tx,
      actorLabel(a),
      await claimsNamingNumbers(
        tx,
        fresh.map((r) => r.number),
      ),
    );
  }
  return { added: fresh.length, unchanged: ready.length - fresh.length, ids };
}

/** One certificate by the screen: its first problem refused with the field named. */
export async function issueCertificate(
  tx: Tx,
  actor: Actor | null,
  line: CertificateLine,
): Promise<{ id: number | null; unchanged: boolean }> {
  const a = requireRole(actor, 'city', 'county', 'enterprise', 'evaluator');
  const { problems, ready } = await checkCertificateLines(tx, a, [line]);
  if (problems.length > 0) {
    const p = problems[0]!;
    throw new AppError(p.message.startsWith('该发证机构已登记') ? 'conflict' : 'invalid_input', `${p.field}: ${p.message}`, p.field);
  }
  const written = await writeCertificateLines(tx, a, ready, { kind: 'form' });
  return { id: written.ids[0] ?? null, unchanged: written.added === 0 };
}

/** Many certificates in the caller's transaction (the demo's issuers, a bulk path): refused whole on any problem. */
export async function issueCertificates(
  tx: Tx,
  actor: Actor | null,
  lines: readonly CertificateLine[],
): Promise<{ added: number; unchanged: number }> {
  const a = requireRole(actor, 'city', 'county', 'enterprise', 'evaluator');
  const { problems, ready } = await checkCertificateLines(tx, a, lines);
  if (problems.length > 0) {
    const p = problems[0]!;
    throw new AppError(
      'invalid_input',
      `lines[${p.index}].${p.field}: ${p.message}（共 ${problems.length} 处错误，未登记任何证书）`,
      `lines[${p.index}].${p.field}`,
    );
  }
  const written = await writeCertificateLines(tx, a, ready, { kind: 'form' });
  return { added: written.added, unchanged: written.unchanged };
}
