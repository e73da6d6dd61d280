// The demo's certificate registry (docs/certificates.md), the last stage of the demo, through the real
// use cases: the city lists the 专项职业能力 specifications of the sample catalog, registers the demo's
// evaluation body (the issuer named on the classes' certificates) with its approval and one enterprise
// approved to self-evaluate its own staff (the completed apprenticeship's employer); the certificates
// the classes recorded, and the apprentice's, are issued into the registry; then the city puts the
// registry in force from the plan's first day, which checks every claim. The evaluation body has its own
// login (role 'evaluator', DEMO_EVALUATOR_LOGIN), and the body's certificates are issued by that login.
// Two planted problems for the office (the claims are the demo's own, nothing patched):
//  - PLANT-CERT-MISSING: one reviewed claim's certificate was never recorded by its issuer, so the
//    claim is held out of payment (证书库中未找到) until found or explained;
//  - PLANT-CERT-OUTSIDER: one claim's certificate was issued by the self-evaluating enterprise to a
//    person who is not its employee, without approval for outsiders (§5.6): not valid evidence.
// The planted 证书编号复用 (PLANT-CERT-REUSE, a risk case) shows here too: the evaluation body issued the
// number once, as the 职业技能等级证书; the 培训合格证书 claimed under it does not match the registry.
// Deterministic: no random draws; ids from the seeded source (store/ids.ts).
import { usccCheckChar } from '../policy/identifiers.ts';
import type { Actor, Role } from '../services/access.ts';
import { addAbilitySpecification } from '../services/certificates/add-ability-specification.ts';
import { createIssuer } from '../services/certificates/create-issuer.ts';
import { issueCertificates, type CertificateLine } from '../services/certificates/issue-certificates.ts';
import { recordIssuerApproval } from '../services/certificates/record-issuer-approval.ts';
import { REGISTRY_TYPES } from '../services/certificates/registry-rules.ts';
import { setRegistryInForce } from '../services/certificates/set-registry-in-force.ts';
import type { Tx } from '../store/transaction.ts';

/** The issuer the demo's classes name on their certificates. */
export const DEMO_EVALUATION_BODY = '攀枝花示例职业技能鉴定所（虚构）';
const BODY_FIRST17 = '52510400MJ0000001';
export const DEMO_EVALUATION_BODY_USCC = BODY_FIRST17 + usccCheckChar(BODY_FIRST17);

/** The evaluation body's demo login (README and docs/certificates.md list it). */
export const DEMO_EVALUATOR_LOGIN = 'pingjia';

export interface CertificatePlant {
  id: 'PLANT-CERT-MISSING' | 'PLANT-CERT-OUTSIDER';
  claimId: string;
  note: string;
}

async function cityActor(tx: Tx): Promise<Actor> {
  const u = await tx.selectFrom('users').selectAll().where('username', '=', 'city').executeTakeFirstOrThrow();
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    areaCode: u.area_code,
    department: null,
    enterpriseUscc: null,
    providerId: null,
    residentId: null,
  };
}

/**
 * `addLogin` creates the evaluation body's login bound to the issuer and returns it as an actor; the
 * body's own certificates are then issued by it (through the same use case as its screen).
 */
export async function seedDemoCertificates(tx: Tx, addLogin?: (issuerId: string) => Promise<Actor>): Promise<CertificatePlant[]> {
  const city = await cityActor(tx);
  // 专项职业能力 specifications: the sample catalog's 专项 entries, citywide, from the plan's first day.
  const specs = await tx
    .selectFrom('catalog_entries')
    .select(['code', 'name'])
    .distinct()
    .where('level', '=', 'special')
    .orderBy('code')
    .execute();
  for (const s of specs)
    await addAbilitySpecification(tx, city, { code: s.code, name: s.name, areaCode: '510400', validFrom: '2020-01-14' });
  const occupations = (await tx.selectFrom('catalog_entries').select('code').distinct().orderBy('code').execute()).map((c) => c.code);
  const body = await createIssuer(tx, city, {
    kind: 'evaluation_body',
    name: DEMO_EVALUATION_BODY,
    code: DEMO_EVALUATION_BODY_USCC,
    areaCode: '510402',
  });
  await recordIssuerApproval(tx, city, body.id, {
    document: '攀人社评〔2020〕1 号（演示）',
    occupations,
    validFrom: '2020-01-01',
    validTo: null,
    outsiders: true,
  });
  const evaluator = addLogin ? await addLogin(body.id) : city;

  // The class certificates of the registry's types, as the classes recorded them.
  const recorded = await tx
    .selectFrom('certificates as c')
    .innerJoin('classes as cl', 'cl.id', 'c.class_id')
    .innerJoin('people as p', 'p.resident_id', 'c.resident_id')
    .select(['c.id', 'c.type', 'c.number', 'c.resident_id', 'p.name', 'cl.occupation_code', 'cl.level', 'c.issued_on'])
    .where('c.type', 'in', [...REGISTRY_TYPES])
    .where('c.issuer', '=', DEMO_EVALUATION_BODY)
    .orderBy('c.id')
    .execute();

  // The apprenticeship's certificate, and its employer as a self-evaluating enterprise.
  const appr = await tx
    .selectFrom('claims as c')
    .innerJoin('people as p', 'p.resident_id', 'c.resident_id')
    .innerJoin('enterprises as e', 'e.uscc', 'c.enterprise_uscc')
    .select([
      'c.id',
      'c.certificate_number',
      'c.resident_id',
      'p.name',
      'c.occupation_code',
      'c.level',
      'c.end_date',
      'e.uscc',
      'e.name as enterprise',
      'e.area_code',
    ])
    .where('c.program', '=', 'apprenticeship')
    .where('c.certificate_number', 'is not', null)
    .orderBy('c.number')
    .executeTakeFirstOrThrow();

  // The two planted claims: reviewed or in publicity, eligible, a skill-level certificate only they name,
  // of people the enterprise does not employ.
  const candidates = await tx
    .selectFrom('claims as c')
    .select(['c.id', 'c.number', 'c.certificate_number', 'c.occupation_code', 'c.resident_id'])
    .where('c.status', 'in', ['reviewed', 'publicity'])
    .where('c.outcome', '=', 'eligible')
    .where('c.certificate_type', '=', 'skill_level')
    .where('c.class_id', 'is not', null)
    .where((eb) => eb.or([eb('c.enterprise_uscc', 'is', null), eb('c.enterprise_uscc', '<>', appr.uscc)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('claims as o')
            .select('o.id')
            .whereRef('o.certificate_number', '=', 'c.certificate_number')
            .whereRef('o.id', '<>', 'c.id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('class_trainees as t')
            .select('t.resident_id')
            .whereRef('t.resident_id', '=', 'c.resident_id')
            .where('t.employer_uscc', '=', appr.uscc),
        ),
      ),
    )
    .orderBy('c.number')
    .limit(2)
    .execute();
  if (candidates.length < 2) throw new Error('demo: fewer than two reviewed skill-level claims to plant the certificate problems on');
  const missing = candidates[0]!;
  const outsider = candidates[1]!;

  const firm = await createIssuer(tx, city, { kind: 'enterprise', name: appr.enterprise, code: appr.uscc, areaCode: appr.area_code });
  await recordIssuerApproval(tx, city, firm.id, {
    document: '攀人社评〔2020〕7 号（演示，企业自主评价，限本企业职工）',
    occupations: [...new Set([appr.occupation_code!, outsider.occupation_code!])],
    validFrom: '2020-01-01',
    validTo: '2021-12-31',
    outsiders: false,
  });

  const seen = new Set<string>();
  const lines: CertificateLine[] = [];
  for (const c of recorded) {
    // PLANT-CERT-REUSE: the body issued the number once; the second use is not its certificate.
    if (seen.has(c.number)) continue;
    seen.add(c.number);
    if (c.number === missing.certificate_number) continue; // PLANT-CERT-MISSING: never recorded by its issuer
    const special = c.type === 'special_ability';
    lines.push({
      issuerCode: c.number === outsider.certificate_number ? appr.uscc : DEMO_EVALUATION_BODY_USCC,
      number: c.number,
      type: c.type,
      residentId: c.resident_id,
      name: c.name,
      occupationCode: special ? null : c.occupation_code,
      level: special ? null : c.level,
      specificationCode: special ? c.occupation_code : null,
      issuedOn: c.issued_on,
    });
  }
  lines.push({
    issuerCode: appr.uscc,
    number: appr.certificate_number!,
    type: 'skill_level',
    residentId: appr.resident_id,
    name: appr.name,
    occupationCode: appr.occupation_code,
    level: appr.level,
    issuedOn: appr.end_date,
  });
  const bodyLines = lines.filter((l) => l.issuerCode === DEMO_EVALUATION_BODY_USCC);
  await issueCertificates(tx, evaluator, bodyLines);
  await issueCertificates(
    tx,
    city,
    lines.filter((l) => l.issuerCode !== DEMO_EVALUATION_BODY_USCC),
  );
  await setRegistryInForce(tx, city, { inForceFrom: '2020-01-14' });
  return [
    { id: 'PLANT-CERT-MISSING', claimId: missing.id, note: `申领 ${missing.number} 的证书 ${missing.certificate_number} 未登记到证书库` },
    {
      id: 'PLANT-CERT-OUTSIDER',
      claimId: outsider.id,
      note: `申领 ${outsider.number} 的证书由 ${appr.enterprise} 自主评价颁发，持证人不是该企业职工，该企业未获准面向社会评价`,
    },
  ];
}
