// A claim's certificate checked against the registry (§4.0 R1/R13; §5.6 and SPEC Supervision for the
// enterprise rule). The engine stays pure and decides from the certificate the claim names; whether that
// certificate exists is evidence, held with the money controls: from the date the city puts the
// registry in force (set-registry-in-force.ts), a claim whose certificate is not verified here — and not
// explained by the office (explain-claim-certificate.ts) — is not put into a payment batch nor paid
// (certificate-holds.ts). The result is stored per claim and recomputed when the claim is submitted,
// when certificates are issued, and when the office asks; an approved or paid claim whose certificate
// stops being evidence is never changed silently: a case is raised for the office (/office/fact-cases).
import { sql } from 'kysely';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import type { CertificateCheckStatus } from '../../store/schema.ts';
import { OUTSIDER_CLAUSE, REGISTRY_CLAUSE, isRegistryType, levelName, normalNumber, typeName } from './registry-rules.ts';

export interface CertificateCheck {
  status: CertificateCheckStatus;
  registryCertificateId: number | null;
  reasons: string[];
}

interface ClaimForCheck {
  id: string;
  resident_id: string;
  occupation_code: string | null;
  level: string | null;
  certificate_type: string | null;
  certificate_number: string | null;
}

interface Candidate {
  id: number;
  number: string;
  type: string;
  resident_id: string;
  occupation_code: string | null;
  level: string | null;
  specification_code: string | null;
  issued_on: string;
  issuer_id: string;
  issuer_kind: 'evaluation_body' | 'enterprise';
  issuer_name: string;
  enterprise_uscc: string | null;
  revoked_on: string | null;
  revoked_reason: string | null;
}

/** A code in running Chinese text: spaced when there is one, the placeholder when there is none. */
const spaced = (code: string | null, none: string) => (code ? ` ${code} ` : none).replace(/ $/, '');

/** What differs between the claim and a registry certificate with its number (person, type, occupation, level). */
export function mismatches(claim: ClaimForCheck, c: Candidate): string[] {
  const out: string[] = [];
  if (c.resident_id !== claim.resident_id) out.push('持证人不是本申领的学员');
  if (c.type !== claim.certificate_type) out.push(`证书库中为${typeName(c.type)}，申领填写的是${typeName(claim.certificate_type ?? '')}`);
  if (c.type === 'special_ability') {
    if (c.specification_code !== claim.occupation_code || claim.level !== 'special')
      out.push(
        `证书的专项职业能力规范为${spaced(c.specification_code, '（未载明）')}，与申领的职业（工种）${claim.occupation_code ? ` ${claim.occupation_code} ` : '（未填）'}不符`,
      );
  } else {
    // A 培训合格证书 need not name an occupation or level; when it does, they must be the claim's.
    const required = c.type !== 'training';
    if ((required || c.occupation_code != null) && c.occupation_code !== claim.occupation_code)
      out.push(`证书的职业（工种）为${spaced(c.occupation_code, '（未载明）')}，申领为${spaced(claim.occupation_code, '（未填）')}`);
    if ((required || c.level != null) && c.level !== claim.level)
      out.push(`证书等级为${levelName(c.level) || '（未载明）'}，申领为${levelName(claim.level) || '（未填）'}`);
  }
  return out;
}

/** Whether records name the person as the enterprise's employee: a class roster or a live claim naming it as employer. */
async function knownEmployee(tx: Tx, residentId: string, uscc: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select 1 as n where exists (
      select 1 from class_trainees t join classes c on c.id = t.class_id
      where t.resident_id = ${residentId} and coalesce(t.employer_uscc, c.enterprise_uscc) = ${uscc})
    or exists (
      select 1 from claims cl where cl.resident_id = ${residentId} and cl.enterprise_uscc = ${uscc}
      and cl.status not in ('rejected', 'withdrawn'))`.execute(tx);
  return rows.length > 0;
}

async function outsidersApproved(tx: Tx, issuerId: string, on: string): Promise<boolean> {
  const row = await tx
    .selectFrom('issuer_approvals')
    .select('id')
    .where('issuer_id', '=', issuerId)
    .where('outsiders', '=', true)
    .where('valid_from', '<=', on)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', on)]))
    .executeTakeFirst();
  return row !== undefined;
}

/** The check of one claim against the candidates with its number (pure but for the employment look-up). */
async function checkOne(tx: Tx, claim: ClaimForCheck, candidates: Candidate[]): Promise<CertificateCheck> {
  if (!isRegistryType(claim.certificate_type))
    return { status: 'not_applicable', registryCertificateId: null, reasons: ['该类证书不由本市证书库登记，不在此核验'] };
  const number = (claim.certificate_number ?? '').trim();
  if (number === '')
    return {
      status: 'not_found',
      registryCertificateId: null,
      reasons: [`申领未填写证书编号，无法在证书库中核验（${REGISTRY_CLAUSE}）`],
    };
  const mine = candidates.filter((c) => normalNumber(c.number) === normalNumber(number));
  if (mine.length === 0)
    return {
      status: 'not_found',
      registryCertificateId: null,
      reasons: [
        `证书库中没有编号为 ${number} 的${typeName(claim.certificate_type!)}：补贴须以取得的相应证书为凭（${REGISTRY_CLAUSE}），查到或经人社部门说明前不予支付`,
      ],
    };
  // The closest certificate first; between equals, one in force before one revoked (another issuer may
  // hold the same number validly), then the claim's own person.
  const ranked = mine
    .map((c) => ({ c, diff: mismatches(claim, c) }))
    .sort(
      (x, y) =>
        x.diff.length - y.diff.length ||
        Number(x.c.revoked_on != null) - Number(y.c.revoked_on != null) ||
        Number(y.c.resident_id === claim.resident_id) - Number(x.c.resident_id === claim.resident_id),
    );
  const best = ranked[0]!;
  if (best.diff.length > 0)
    return {
      status: 'mismatch',
      registryCertificateId: best.c.id,
      reasons: [
        `证书库中编号 ${number} 的证书（${best.c.issuer_name}颁发）与申领不符：${best.diff.join('；')}（${REGISTRY_CLAUSE}），不能作为补贴凭证`,
      ],
    };
  const c = best.c;
  // A revoked certificate is known not to be evidence: no 说明 releases it (certificate-holds.ts).
  if (c.revoked_on != null)
    return {
      status: 'revoked',
      registryCertificateId: c.id,
      reasons: [
        `证书库中编号 ${number} 的证书已于 ${c.revoked_on} 被撤销（${c.issuer_name}颁发；撤销原因：${c.revoked_reason ?? ''}），撤销的证书不能作为补贴凭证（${REGISTRY_CLAUSE}），不予支付`,
      ],
    };
  if (
    c.issuer_kind === 'enterprise' &&
    !(await outsidersApproved(tx, c.issuer_id, c.issued_on)) &&
    !(await knownEmployee(tx, claim.resident_id, c.enterprise_uscc!))
  )
    return {
      status: 'outsider',
      registryCertificateId: c.id,
      reasons: [
        `证书由${c.issuer_name}自主评价颁发，但没有记录表明持证人是该企业职工，该企业也未获准面向社会评价：企业只能为本企业职工评价技能等级（${OUTSIDER_CLAUSE}），此证书不能作为补贴凭证`,
      ],
    };
  return {
    status: 'verified',
    registryCertificateId: c.id,
    reasons: [`证书库中查到：${c.issuer_name} ${c.issued_on} 颁发，持证人、证书类型、职业（工种）和等级与申领一致（${REGISTRY_CLAUSE}）`],
  };
}

/** The live check of claims (nothing stored). */
export async function computeCertificateChecks(tx: Tx, claims: readonly ClaimForCheck[]): Promise<Map<string, CertificateCheck>> {
  const numbers = [...new Set(claims.map((c) => normalNumber(c.certificate_number ?? '')).filter(Boolean))];
  const candidates: Candidate[] = [];
  for (let at = 0; at < numbers.length; at += 1000) {
    candidates.push(
      ...((await tx
        .selectFrom('registry_certificates as r')
        .innerJoin('certificate_issuers as i', 'i.id', 'r.issuer_id')
        .select([
          'r.id',
          'r.number',
          'r.type',
          'r.resident_id',
          'r.occupation_code',
          'r.level',
          'r.specification_code',
          'r.issued_on',
          'r.issuer_id',
          'i.kind as issuer_kind',
          'i.name as issuer_name',
          'i.enterprise_uscc',
          'r.revoked_on',
          'r.revoked_reason',
        ])
        .where(sql`upper(r.number)`, 'in', numbers.slice(at, at + 1000))
        .execute()) as Candidate[]),
    );
  }
  const byNumber = new Map<string, Candidate[]>();
  for (const c of candidates) byNumber.set(normalNumber(c.number), [...(byNumber.get(normalNumber(c.number)) ?? []), c]);
  const out = new Map<string, CertificateCheck>();
  for (const claim of claims)
    out.set(claim.id, await checkOne(tx, claim, byNumber.get(normalNumber(claim.certificate_number ?? '')) ?? []));
  return out;
}

/** Live claims (not rejected or withdrawn) whose certificate number is one of these. */
export async function claimsNamingNumbers(tx: Tx, numbers: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(numbers.map(normalNumber))];
  if (wanted.length === 0) return [];
  const ids: string[] = [];
  for (let at = 0; at < wanted.length; at += 1000) {
    const rows = await tx
      .selectFrom('claims')
      .select('id')
      .where(sql`upper(btrim(certificate_number))`, 'in', wanted.slice(at, at + 1000))
      .where('status', 'not in', ['rejected', 'withdrawn'])
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

const EVIDENCE: readonly CertificateCheckStatus[] = ['verified', 'not_applicable'];

/**
 * Checks the claims and stores the result. A claim approved or paid whose certificate was evidence (or
 * never checked) and is not now, with no 说明 on record, raises a case for the office (never a silent
 * change). Claim rows are locked first, so a payment run sees the new result or pays before it.
 */
export async function checkClaimCertificates(
  tx: Tx,
  actor: string,
  claimIds: readonly string[],
): Promise<{ checked: number; changed: number; cases: number }> {
  let changed = 0;
  let cases = 0;
  for (let at = 0; at < claimIds.length; at += 500) {
    const ids = [...claimIds.slice(at, at + 500)].sort();
    const claims = await tx
      .selectFrom('claims')
      .select([
        'id',
        'resident_id',
        'occupation_code',
        'level',
        'certificate_type',
        'certificate_number',
        'status',
        'outcome',
        'amount_fen',
        'area_code',
      ])
      .where('id', 'in', ids)
      .orderBy('id')
      .forUpdate()
      .execute();
    const before = new Map(
      (await tx.selectFrom('claim_certificate_checks').select(['claim_id', 'status']).where('claim_id', 'in', ids).execute()).map((r) => [
        r.claim_id,
        r.status,
      ]),
    );
    const explained = new Set(
      (await tx.selectFrom('claim_certificate_explanations').select('claim_id').where('claim_id', 'in', ids).execute()).map(
        (r) => r.claim_id,
      ),
    );
    const results = await computeCertificateChecks(tx, claims);
    for (const claim of claims) {
      const r = results.get(claim.id)!;
      const was = before.get(claim.id);
      if (was === r.status) {
        await tx
          .updateTable('claim_certificate_checks')
          .set({
            registry_certificate_id: r.registryCertificateId,
            reasons: JSON.stringify(r.reasons),
            checked_by: actor,
            checked_at: new Date(),
          })
          .where('claim_id', '=', claim.id)
          .execute();
        continue;
      }
      await tx
        .insertInto('claim_certificate_checks')
        .values({
          claim_id: claim.id,
          status: r.status,
          registry_certificate_id: r.registryCertificateId,
          reasons: JSON.stringify(r.reasons),
          checked_by: actor,
        })
        .onConflict((oc) =>
          oc.column('claim_id').doUpdateSet({
            status: r.status,
            registry_certificate_id: r.registryCertificateId,
            reasons: JSON.stringify(r.reasons),
            checked_by: actor,
            checked_at: new Date(),
          }),
        )
        .execute();
      if (was !== undefined) {
        changed++;
        await appendAudit(tx, {
          actor,
          action: 'claim.certificate_check',
          entity: 'claim',
          entityId: claim.id,
          data: { from: was, to: r.status, registryCertificateId: r.registryCertificateId },
        });
      }
      const lost = (was === undefined || EVIDENCE.includes(was)) && !EVIDENCE.includes(r.status);
      if (lost && (claim.status === 'approved' || claim.status === 'paid') && !explained.has(claim.id)) {
        const open = await tx
          .selectFrom('fact_cases')
          .select('id')
          .where('claim_id', '=', claim.id)
          .where('fact', '=', 'certificate')
          .where('status', '=', 'open')
          .executeTakeFirst();
        if (open) continue;
        const amount = Number(claim.amount_fen ?? 0);
        const row = await tx
          .insertInto('fact_cases')
          .values({
            claim_id: claim.id,
            area_code: claim.area_code,
            subject_kind: 'person',
            subject_id: claim.resident_id,
            fact: 'certificate',
            change: JSON.stringify({ certificate: claim.certificate_number, type: claim.certificate_type, check: r.status }),
            claim_status: claim.status,
            before_outcome: claim.outcome ?? 'eligible',
            before_amount_fen: amount,
            after_outcome: claim.outcome ?? 'eligible',
            after_amount_fen: amount,
            after_reasons: JSON.stringify(r.reasons),
            raised_by: actor,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        cases++;
        await appendAudit(tx, {
          actor,
          action: 'fact_case.raise',
          entity: 'claim',
          entityId: claim.id,
          data: { caseId: Number(row.id), fact: 'certificate', check: r.status, claimStatus: claim.status },
        });
      }
    }
  }
  return { checked: claimIds.length, changed, cases };
}

/** At submission: checked and stored when the registry is in force for the claim's training end date. */
export async function checkNewClaimCertificate(
  tx: Tx,
  actor: string,
  claim: { id: string; endDate: string; certificateType: string | null },
): Promise<void> {
  if (!isRegistryType(claim.certificateType)) return;
  const setting = await tx.selectFrom('certificate_registry_settings').select('in_force_from').executeTakeFirst();
  if (!setting || claim.endDate < setting.in_force_from) return;
  await checkClaimCertificates(tx, actor, [claim.id]);
}
