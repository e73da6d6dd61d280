// The certificate registry on the use cases (PGlite by default; PostgreSQL with DATABASE_URL): a claim's
// certificate is evidence only when the registry holds it for the same person, type, occupation and
// level (§4.0 R1/R13); a certificate not found holds the claim out of payment until it is found or the
// office explains it; an enterprise's certificate to a person who is not its employee, without approval
// to certify outsiders, is not evidence (§5.6); an approved claim whose certificate turns out missing
// raises a case; issuing refuses what the issuer may not certify.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssuer } from '../../../src/services/certificates/create-issuer.ts';
import { explainClaimCertificate } from '../../../src/services/certificates/explain-claim-certificate.ts';
import { getClaimCertificateCheck } from '../../../src/services/certificates/get-claim-certificate-check.ts';
import { issueCertificate, type CertificateLine } from '../../../src/services/certificates/issue-certificates.ts';
import { recordIssuerApproval } from '../../../src/services/certificates/record-issuer-approval.ts';
import { addAbilitySpecification } from '../../../src/services/certificates/add-ability-specification.ts';
import { setRegistryInForce } from '../../../src/services/certificates/set-registry-in-force.ts';
import { verifyCertificate, VERIFY_LIMIT } from '../../../src/services/certificates/verify-certificate.ts';
import { submitClaim } from '../../../src/services/claims/submit-claim.ts';
import { buildPaymentBatch, confirmPaymentBatch } from '../../../src/services/payments/build-payment-batch.ts';
import { payPaymentBatch } from '../../../src/services/payments/pay-payment-batch.ts';
import { revokeCertificate } from '../../../src/services/certificates/revoke-certificate.ts';
import { listPayable } from '../../../src/services/review/payable-claims.ts';
import type { Store } from '../../../src/store/database.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { inTransaction, type Tx } from '../../../src/store/transaction.ts';
import { verifyAuditChain } from '../../../src/store/audit-log.ts';
import { insertClaimRow, insertEnterprise, insertPeople, residentId, uscc } from '../../support/claims-fixtures.ts';
import { cityDutyUsers, type DutyUsers } from '../../support/payment-duty-users.ts';
import { openTestStore } from '../../support/store.ts';
import { actor } from '../../support/actors.ts';

const city = actor({ role: 'city', areaCode: '510400' });
const dongqu = actor({ role: 'county', username: 'dongqu', areaCode: '510402' });

let store: Store;
let duty: DutyUsers;
const tx = <T>(work: (t: Tx) => Promise<T>) => inTransaction(store.db, work);
const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; field?: string };
  }
  throw new Error('expected a refusal');
};

const BODY = uscc(801); // 评价机构
const FIRM = uscc(802); // 自主评价企业 (its own staff only)
const OPEN_FIRM = uscc(803); // 自主评价企业 approved to certify outsiders
const EMPLOYER = uscc(804);
let P = 0;
const person = () => residentId(700 + P++);
const NAME = '李证书';

/** An approved claim reserved in its own fund, naming this certificate (露天采矿工 四级, ended 2020-06-30). */
let fundYear = 2040;
async function approvedClaim(
  id: string,
  residentIdOf: string,
  cert: { type: string; number: string },
  extra: Partial<{ enterprise: string; level: string; occupation: string }> = {},
) {
  const fundId = `F-${id}`;
  await tx(async (t) => {
    await t
      .insertInto('funds')
      .values({
        id: fundId,
        source: 'special_action',
        year: fundYear++,
        budget_fen: 10_000_000,
        created_by: 'test',
        updated_by: null,
        updated_at: null,
      })
      .execute();
    await insertClaimRow(t, {
      id,
      residentId: residentIdOf,
      status: 'approved',
      outcome: 'eligible',
      amountFen: 187_000,
      payee: 'individual',
      enterpriseUscc: extra.enterprise ?? null,
      level: extra.level,
      occupationCode: extra.occupation,
    });
    await t.updateTable('claims').set({ certificate_type: cert.type, certificate_number: cert.number }).where('id', '=', id).execute();
    await t.insertInto('reservations').values({ claim_id: id, fund_id: fundId, amount_fen: 187_000, reserved_by: 'test' }).execute();
  });
  return fundId;
}
const recheck = (id: string) =>
  tx(async (t) => {
    const { checkClaimCertificates } = await import('../../../src/services/certificates/check-claim-certificates.ts');
    await checkClaimCertificates(t, 'test', [id]);
    return getClaimCertificateCheck(t, city, id);
  });
const line = (over: Partial<CertificateLine>): CertificateLine => ({
  issuerCode: BODY,
  number: `N-${P}-${Math.random().toString(36).slice(2, 8)}`,
  type: 'skill_level',
  residentId: '',
  name: NAME,
  occupationCode: '6-16-01-03',
  level: '4',
  issuedOn: '2020-07-10',
  ...over,
});
const payableIn = async (fundId: string) =>
  (await tx((t) => listPayable(t, duty.maker, { fundId }))).items.reduce((s, g) => s + g.claims, 0);

beforeAll(async () => {
  store = await openTestStore();
  await tx(async (t) => {
    await seedReferenceData(t);
    duty = await cityDutyUsers(t, 'cert');
    for (const e of [FIRM, OPEN_FIRM, EMPLOYER]) await insertEnterprise(t, { uscc: e });
    const body = await createIssuer(t, city, { kind: 'evaluation_body', name: '攀枝花示例职业技能鉴定所', code: BODY, areaCode: '510402' });
    await recordIssuerApproval(t, city, body.id, {
      document: '攀人社评〔2020〕1号',
      occupations: ['6-16-01-03', '6-16-02-01'],
      validFrom: '2020-01-01',
      validTo: null,
      outsiders: false,
    });
    const firm = await createIssuer(t, city, { kind: 'enterprise', name: '示例钒钛公司', code: FIRM, areaCode: '510402' });
    await recordIssuerApproval(t, city, firm.id, {
      document: '攀人社评〔2020〕2号',
      occupations: ['6-16-01-03'],
      validFrom: '2020-01-01',
      validTo: '2021-12-31',
      outsiders: false,
    });
    const open = await createIssuer(t, city, { kind: 'enterprise', name: '示例面向社会评价公司', code: OPEN_FIRM, areaCode: '510402' });
    await recordIssuerApproval(t, city, open.id, {
      document: '攀人社评〔2020〕3号',
      occupations: ['6-16-01-03'],
      validFrom: '2020-01-01',
      validTo: null,
      outsiders: true,
    });
    await setRegistryInForce(t, city, { inForceFrom: '2020-01-14' });
  });
}, 60_000);
afterAll(() => store?.close());

describe('a claim certificate found in the registry for the same person, type, occupation and level is evidence', () => {
  it('is verified, and the claim is payable', async () => {
    const p = person();
    await tx((t) => insertPeople(t, [{ residentId: p, name: NAME }]));
    await tx((t) => issueCertificate(t, city, line({ residentId: p, number: 'S2020-OK-1' })));
    const fund = await approvedClaim('CERT-OK', p, { type: 'skill_level', number: 's2020-ok-1 ' });
    const check = await recheck('CERT-OK');
    expect(check.status).toBe('verified');
    expect(check.heldFromPayment).toBe(false);
    expect(check.registryCertificate?.issuerName).toBe('攀枝花示例职业技能鉴定所');
    expect(await payableIn(fund)).toBe(1);
  });
});

describe('a certificate that differs from the claim in person, type, occupation or level is not evidence', () => {
  it.each([
    ['another person', { residentId: 'other' }, '持证人不是本申领的学员'],
    ['another type', { type: 'vocational_qualification' }, '证书库中为职业资格证书'],
    ['another occupation', { occupationCode: '6-16-02-01' }, '证书的职业（工种）为 6-16-02-01'],
    ['another level', { level: '3' }, '证书等级为三级/高级工'],
  ])('%s: mismatch, held, and no 说明 lets it through', async (_what, over, reason) => {
    const p = person();
    const other = person();
    await tx((t) =>
      insertPeople(t, [
        { residentId: p, name: NAME },
        { residentId: other, name: NAME },
      ]),
    );
    const number = `MM-${p.slice(-4)}`;
    const o = over as Partial<CertificateLine>;
    await tx((t) => issueCertificate(t, city, line({ ...o, residentId: o.residentId === 'other' ? other : p, number })));
    const id = `CERT-MM-${p.slice(-4)}`;
    const fund = await approvedClaim(id, p, { type: 'skill_level', number });
    const check = await recheck(id);
    expect(check.status).toBe('mismatch');
    expect(check.reasons.join('')).toContain(reason);
    expect(check.reasons.join('')).toContain('§4.0');
    expect(check.heldFromPayment).toBe(true);
    expect(check.canExplain).toBe(false);
    expect(await payableIn(fund)).toBe(0);
    expect((await fails(tx((t) => explainClaimCertificate(t, city, id, { reason: '已核对纸质证书原件' })))).code).toBe(
      'invalid_transition',
    );
  });
});

describe('a certificate not in the registry holds the claim out of payment until it is found or explained', () => {
  it('is held (not payable, no batch), and an office 说明 with its reason lets it through, audited', async () => {
    const p = person();
    await tx((t) => insertPeople(t, [{ residentId: p, name: NAME }]));
    const fund = await approvedClaim('CERT-NF', p, { type: 'skill_level', number: 'NOPE-1' });
    const check = await recheck('CERT-NF');
    expect(check.status).toBe('not_found');
    expect(check.reasons[0]).toContain('证书库中没有编号为 NOPE-1 的职业技能等级证书');
    expect(check.heldFromPayment).toBe(true);
    expect(await payableIn(fund)).toBe(0);
    expect((await fails(tx((t) => buildPaymentBatch(t, duty.maker, { areaCode: '510402', fundId: fund })))).code).toBe('invalid_input');
    expect((await fails(tx((t) => explainClaimCertificate(t, city, 'CERT-NF', { reason: '短' })))).field).toBe('reason');
    await tx((t) => explainClaimCertificate(t, dongqu, 'CERT-NF', { reason: '发证机构 2020 年纸质登记，已调阅原始记录' }));
    const after = await tx((t) => getClaimCertificateCheck(t, city, 'CERT-NF'));
    expect(after.heldFromPayment).toBe(false);
    expect(after.explanation?.reason).toContain('已调阅原始记录');
    expect(await payableIn(fund)).toBe(1);
    const audit = await store.db
      .selectFrom('audit_log')
      .select(['actor', 'data'])
      .where('action', '=', 'claim.certificate_explain')
      .where('entity_id', '=', 'CERT-NF')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('county:dongqu');
  });

  it('is released once the issuer records the certificate (the claim is checked again)', async () => {
    const p = person();
    await tx((t) => insertPeople(t, [{ residentId: p, name: NAME }]));
    const fund = await approvedClaim('CERT-LATE', p, { type: 'skill_level', number: 'LATE-1' });
    expect((await recheck('CERT-LATE')).status).toBe('not_found');
    await tx((t) => issueCertificate(t, city, line({ residentId: p, number: 'LATE-1' })));
    const after = await tx((t) => getClaimCertificateCheck(t, city, 'CERT-LATE'));
    expect(after.status).toBe('verified');
    expect(await payableIn(fund)).toBe(1);
  });

  it('a claim submitted while the registry is in force is checked at once', async () => {
    const p = person();
    await tx((t) => insertPeople(t, [{ residentId: p, name: NAME }]));
    const { id } = await tx((t) =>
      submitClaim(t, city, {
        program: 'skill_upgrade',
        applicant: 'individual',
        residentId: p,
        name: NAME,
        occupationCode: '6-16-01-03',
        level: 4,
        startDate: '2020-03-02',
        endDate: '2020-06-30',
        attendedHours: 160,
        qualified: true,
        certificate: { type: 'skill_level', number: 'NEW-NOT-THERE' },
      }),
    );
    expect((await tx((t) => getClaimCertificateCheck(t, city, id))).status).toBe('not_found');
  });
});

describe('an enterprise certificate to a person who is not its employee, without approval for outsiders, is not evidence (§5.6)', () => {
  it('is refused as evidence; the same certificate to its employee, or from an enterprise approved for outsiders, is evidence', async () => {
    const outsider = person();
    const staff = person();
    const social = person();
    await tx((t) =>
      insertPeople(t, [
        { residentId: outsider, name: NAME },
        { residentId: staff, name: NAME },
        { residentId: social, name: NAME },
      ]),
    );
    await tx((t) => issueCertificate(t, city, line({ issuerCode: FIRM, residentId: outsider, number: 'ENT-OUT' })));
    await tx((t) => issueCertificate(t, city, line({ issuerCode: FIRM, residentId: staff, number: 'ENT-STAFF' })));
    await tx((t) => issueCertificate(t, city, line({ issuerCode: OPEN_FIRM, residentId: social, number: 'ENT-SOCIAL' })));
    await approvedClaim('CERT-OUT', outsider, { type: 'skill_level', number: 'ENT-OUT' }, { enterprise: EMPLOYER });
    // Employment known from the records: this claim names the issuing enterprise as the employer.
    await approvedClaim('CERT-STAFF', staff, { type: 'skill_level', number: 'ENT-STAFF' }, { enterprise: FIRM });
    await approvedClaim('CERT-SOCIAL', social, { type: 'skill_level', number: 'ENT-SOCIAL' });
    const out = await recheck('CERT-OUT');
    expect(out.status).toBe('outsider');
    expect(out.reasons[0]).toContain('§5.6');
    expect(out.heldFromPayment).toBe(true);
    expect((await recheck('CERT-STAFF')).status).toBe('verified');
    expect((await recheck('CERT-SOCIAL')).status).toBe('verified');
  });

  it('an enterprise cannot issue a type other than the skill-level certificate', async () => {
    const p = person();
    await tx((t) => insertPeople(t, [{ residentId: p, name: NAME }]));
    const e = await fails(tx((t) => issueCertificate(t, city, line({ issuerCode: FIRM, residentId: p, type: 'training' }))));
    expect(e.field).toBe('type');
  });
});

describe('an approved claim whose certificate turns out missing is never changed silently', () => {
  it('raises a case for the office when the registry is put in force over it', async () => {
    const p = person();
    await tx((t) => insertPeople(t, [{ residentId: p, name: NAME }]));
    await approvedClaim('CERT-CASE', p, { type: 'skill_level', number: 'GONE-1' });
    await tx((t) => setRegistryInForce(t, city, { inForceFrom: '2020-01-14' }));
    const cases = await store.db.selectFrom('fact_cases').selectAll().where('claim_id', '=', 'CERT-CASE').execute();
    expect(cases).toHaveLength(1);
    expect(cases[0]!.fact).toBe('certificate');
    expect(cases[0]!.status).toBe('open');
    const claim = await store.db
      .selectFrom('claims')
      .select(['status', 'amount_fen'])
      .where('id', '=', 'CERT-CASE')
      .executeTakeFirstOrThrow();
    expect(claim.status).toBe('approved');
    expect(Number(claim.amount_fen)).toBe(187_000);
    // Checking again raises no second case.
    await recheck('CERT-CASE');
    expect(await store.db.selectFrom('fact_cases').select('id').where('claim_id', '=', 'CERT-CASE').execute()).toHaveLength(1);
  });
});

describe('a revoked certificate is not evidence: its claims are held out of payment, no 说明 releases them', () => {
  it('a claim already in a confirmed, unpaid batch is passed over by the payment run; a case is raised; the row is kept', async () => {
    const p = person();
    await tx((t) => insertPeople(t, [{ residentId: p, name: NAME }]));
    const issued = await tx((t) => issueCertificate(t, city, line({ residentId: p, number: 'REV-1' })));
    const fund = await approvedClaim('CERT-REV', p, { type: 'skill_level', number: 'REV-1' });
    expect((await recheck('CERT-REV')).status).toBe('verified');
    const batch = await tx((t) => buildPaymentBatch(t, duty.maker, { areaCode: '510402', fundId: fund }));
    await tx((t) => confirmPaymentBatch(t, duty.checker, { batchId: batch.id }));

    const revoked = await tx((t) => revokeCertificate(t, city, issued.id!, { reason: '以欺诈手段取得：考核由他人代考' }));
    expect(revoked).toMatchObject({ number: 'REV-1', claimsHeld: 1 });
    const check = await tx((t) => getClaimCertificateCheck(t, city, 'CERT-REV'));
    expect(check).toMatchObject({ status: 'revoked', statusName: '证书已撤销', heldFromPayment: true, canExplain: false });
    expect(check.reasons[0]).toContain(`已于 ${revoked.revokedOn} 被撤销`);
    expect(check.reasons[0]).toContain('考核由他人代考');
    expect(check.registryCertificate?.revoked).toEqual({ on: revoked.revokedOn, reason: '以欺诈手段取得：考核由他人代考' });

    const run = await payPaymentBatch(store.db, duty.payer, { batchId: batch.id, bankRef: 'BANK-TEST-1' });
    expect(run).toMatchObject({ paidNow: 0, held: 1 });
    expect((await store.db.selectFrom('claims').select('status').where('id', '=', 'CERT-REV').executeTakeFirstOrThrow()).status).toBe(
      'approved',
    );
    const cases = await store.db.selectFrom('fact_cases').selectAll().where('claim_id', '=', 'CERT-REV').execute();
    expect(cases.map((c) => [c.fact, c.status])).toEqual([['certificate', 'open']]);
    // No 说明 lets it through, and the certificate is never deleted.
    expect((await fails(tx((t) => explainClaimCertificate(t, dongqu, 'CERT-REV', { reason: '持证人称证书真实有效' })))).code).toBe(
      'invalid_transition',
    );
    await expect(tx((t) => t.deleteFrom('registry_certificates').where('id', '=', issued.id!).execute())).rejects.toThrow(/never deleted/);
    await expect(
      tx((t) => t.updateTable('registry_certificates').set({ revoked_reason: '改写' }).where('id', '=', issued.id!).execute()),
    ).rejects.toThrow(/already revoked/);
  });

  it('a number revoked by one issuer and in force with another verifies against the one in force', async () => {
    const p = person();
    await tx((t) => insertPeople(t, [{ residentId: p, name: NAME }]));
    const first = await tx((t) => issueCertificate(t, city, line({ residentId: p, number: 'TWIN-1' })));
    await tx((t) => revokeCertificate(t, city, first.id!, { reason: '错发：编号重复使用' }));
    await tx((t) => issueCertificate(t, city, line({ issuerCode: OPEN_FIRM, residentId: p, number: 'TWIN-1' })));
    await approvedClaim('CERT-TWIN', p, { type: 'skill_level', number: 'TWIN-1' });
    expect((await recheck('CERT-TWIN')).status).toBe('verified');
  });
});

describe('issuing refuses what the issuer may not certify, or a holder who fails the real-name check', () => {
  it('refuses a name that is not the registered one, an occupation outside the approval, a date outside it, and a reused number', async () => {
    const p = person();
    await tx((t) => insertPeople(t, [{ residentId: p, name: NAME }]));
    expect((await fails(tx((t) => issueCertificate(t, city, line({ residentId: p, name: '王某' }))))).message).toContain('实名制');
    expect((await fails(tx((t) => issueCertificate(t, city, line({ residentId: p, occupationCode: '6-20-01-01' }))))).field).toBe(
      'occupationCode',
    );
    expect(
      (await fails(tx((t) => issueCertificate(t, city, line({ issuerCode: FIRM, residentId: p, issuedOn: '2022-01-05' }))))).field,
    ).toBe('issuedOn');
    await tx((t) => issueCertificate(t, city, line({ residentId: p, number: 'DUP-1' })));
    const again = await tx((t) => issueCertificate(t, city, line({ residentId: p, number: 'DUP-1' })));
    expect(again.unchanged).toBe(true);
    const other = await fails(tx((t) => issueCertificate(t, city, line({ residentId: p, number: 'DUP-1', level: '5' }))));
    expect(other.code).toBe('conflict');
  });

  it('a 专项职业能力 certificate names a specification valid on its issue date', async () => {
    const p = person();
    await tx((t) => insertPeople(t, [{ residentId: p, name: NAME }]));
    await tx(async (t) => {
      await addAbilitySpecification(t, city, {
        code: 'S-4-03-02-01-01',
        name: '攀西特色菜烹饪',
        areaCode: '510400',
        validFrom: '2020-01-01',
        validTo: '2020-12-31',
      });
      const body = await t.selectFrom('certificate_issuers').select('id').where('code', '=', BODY).executeTakeFirstOrThrow();
      await recordIssuerApproval(t, city, body.id, {
        document: '攀人社评〔2020〕9号',
        occupations: ['S-4-03-02-01-01'],
        validFrom: '2020-01-01',
        outsiders: true,
      });
    });
    const spec = { type: 'special_ability', occupationCode: null, level: null, specificationCode: 'S-4-03-02-01-01' };
    await tx((t) => issueCertificate(t, city, line({ ...spec, residentId: p, number: 'ZX-1' })));
    expect(
      (await fails(tx((t) => issueCertificate(t, city, line({ ...spec, residentId: p, number: 'ZX-2', issuedOn: '2021-02-01' }))))).field,
    ).toBe('specificationCode');
    await approvedClaim('CERT-ZX', p, { type: 'special_ability', number: 'ZX-1' }, { occupation: 'S-4-03-02-01-01', level: 'special' });
    expect((await recheck('CERT-ZX')).status).toBe('verified');
  });
});

describe('a number is issued once per issuer, even at the same moment', () => {
  it('8 concurrent issues of one number (in either case) write one certificate; the others are conflicts or see it on record', async () => {
    const p = person();
    await tx((t) => insertPeople(t, [{ residentId: p, name: NAME }]));
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        tx((t) => issueCertificate(t, city, line({ residentId: p, number: i % 2 ? 'race-1' : 'RACE-1' }))),
      ),
    );
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { code?: string }).code).toBe('conflict');
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    const rows = await store.db.selectFrom('registry_certificates').select('number').where('number', 'in', ['RACE-1', 'race-1']).execute();
    expect(rows).toHaveLength(1);
  });
});

describe('public verification', () => {
  it('answers 有效 with what the certificate states, or 未找到, never the resident ID', async () => {
    const p = person();
    await tx((t) => insertPeople(t, [{ residentId: p, name: '周查验' }]));
    await tx((t) => issueCertificate(t, city, line({ residentId: p, name: '周查验', number: 'PUB-1' })));
    const ok = await verifyCertificate(store.db, '10.0.0.1', { number: 'pub-1', name: '周查验' });
    expect(ok).toMatchObject({
      found: true,
      status: '有效',
      typeName: '职业技能等级证书',
      levelName: '四级/中级工',
      issuerName: '攀枝花示例职业技能鉴定所',
      issuedOn: '2020-07-10',
    });
    expect(JSON.stringify(ok)).not.toContain(p);
    expect(await verifyCertificate(store.db, '10.0.0.1', { number: 'PUB-1', name: '周某' })).toEqual({ found: false, status: '未找到' });
  });

  it('answers 已撤销 for a revoked certificate, with its type, issuer and date of revocation only', async () => {
    const p = person();
    await tx((t) => insertPeople(t, [{ residentId: p, name: '吴撤销' }]));
    const c = await tx((t) => issueCertificate(t, city, line({ residentId: p, name: '吴撤销', number: 'PUB-REV' })));
    const r = await tx((t) => revokeCertificate(t, city, c.id!, { reason: '错发：持证人未参加考核' }));
    const answer = await verifyCertificate(store.db, '10.0.0.3', { number: 'PUB-REV', name: '吴撤销' });
    expect(answer).toEqual({
      found: true,
      status: '已撤销',
      typeName: '职业技能等级证书',
      issuerName: '攀枝花示例职业技能鉴定所',
      revokedOn: r.revokedOn,
    });
    expect(JSON.stringify(answer)).not.toContain('未参加考核');
  });

  it(`refuses an address past ${VERIFY_LIMIT.perAddress} questions in the window`, async () => {
    for (let i = 0; i < VERIFY_LIMIT.perAddress; i++) await verifyCertificate(store.db, '10.0.0.9', { number: `X${i}`, name: '某' });
    expect((await fails(verifyCertificate(store.db, '10.0.0.9', { number: 'X', name: '某' }))).code).toBe('rate_limited');
    expect((await verifyCertificate(store.db, '10.0.0.10', { number: 'X', name: '某' })).found).toBe(false);
  });
});

it('the audit chain holds after all of it', async () => {
  expect((await verifyAuditChain(store.db)).ok).toBe(true);
});
