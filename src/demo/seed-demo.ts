// `upskill demo`: a realistic, clearly fictional Panzhihua for trying the system — the five county
// areas, enterprises across 钒钛 / 康养 / modern services / other, providers with licence scopes,
// trainees with the facts the rules read, demo logins for every role, and funds; then two years of
// classes and claims in every state (seed-demo-activity.ts). Deterministic: a seed.
import { residentIdCheckChar, usccCheckChar } from '../policy/identifiers.ts';
import { yuanToFen } from '../policy/money.ts';
import { type Department } from '../services/access.ts';
import type { Db } from '../store/database.ts';
import { appendAudit } from '../store/audit-log.ts';
import { uuidsFrom, withIdSource } from '../store/ids.ts';
import { withBusinessClock, type BusinessClock } from '../services/business-date.ts';
import { inTransaction, type Tx } from '../store/transaction.ts';
import { seedReferenceData } from '../store/seed/reference-data.ts';
import {
  insertEnterprise,
  insertPeople,
  insertProvider,
  type SeedFact,
  type SeedPerson,
  type SeedScope,
} from '../store/seed/registries.ts';
import { seedUser, type NewUser } from './seed-users.ts';
import { hashPassword } from '../services/auth/passwords.ts';
import { ENTERPRISE_STEMS, GIVEN, SURNAMES } from './fictional-names.ts';
import { DEMO_START, seedDemoActivity, type DemoActivity } from './seed-demo-activity.ts';
import { seedDemoSupervision } from './seed-demo-supervision.ts';
import { CITY_AREA, COUNTY_AREAS } from '../vocabulary/areas.ts';
import { DEPARTMENTS } from '../vocabulary/roles.ts';
import { DEMO_EVALUATION_BODY, DEMO_EVALUATOR_LOGIN, seedDemoCertificates, type CertificatePlant } from './seed-demo-certificates.ts';
import { seedDemoOpenClasses } from './seed-demo-open-classes.ts';

/** The password of every demo login (README lists the logins). */
export const DEMO_PASSWORD = 'demo2020';
/** The first people of the demo have trainee logins (trainee-0009, trainee-0015, trainee-0026). */
const TRAINEE_LOGINS = 3;
const ACTOR = 'demo';

/** mulberry32: a small deterministic PRNG, so every demo database is the same. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof prng>;

export interface DemoEnterprise {
  uscc: string;
  name: string;
  areaCode: string;
  industry: string;
  directlyManaged: boolean;
}
export interface DemoProvider {
  id: string;
  name: string;
  kind: string;
  areaCode: string;
  programs: string[];
}
export interface DemoPerson {
  residentId: string;
  name: string;
  areaCode: string;
  birthYear: number;
  groups: string[];
  pension: boolean;
}

export interface DemoWorld {
  enterprises: DemoEnterprise[];
  providers: DemoProvider[];
  people: DemoPerson[];
  random: Random;
  /** The business date the use cases read while the demo is seeded; the seeder moves it forward. */
  clock: BusinessClock;
}

function residentId(area: string, birth: string, seq: number): string {
  const first17 = `${area}${birth}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

function uscc(seq: number): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  for (let n = seq * 7919 + 1234567, i = 0; i < 9; i++, n = Math.floor(n / 31)) body += charset[n % 31];
  const first17 = `915104${String(seq % 100).padStart(2, '0')}${body}`;
  return first17 + usccCheckChar(first17);
}

const BIG_ENTERPRISES = [
  { name: '示例攀钢集团钒钛资源股份有限公司（虚构）', industry: 'vanadium_titanium' },
  { name: '示例攀煤集团有限责任公司（虚构）', industry: 'vanadium_titanium' },
  { name: '示例十九冶建设有限公司（虚构）', industry: 'other' },
  { name: '示例钢城集团有限公司（虚构）', industry: 'vanadium_titanium' },
];

async function seedEnterprises(tx: Tx, r: Random): Promise<DemoEnterprise[]> {
  const out: DemoEnterprise[] = [];
  const industries = ['vanadium_titanium', 'vanadium_titanium', 'health_care', 'modern_service', 'modern_service', 'other'];
  for (let i = 0; i < 30; i++) {
    const big = BIG_ENTERPRISES[i];
    const industry = big?.industry ?? r.pick(industries);
    const areaCode = big ? '510402' : r.pick(COUNTY_AREAS);
    const name = big?.name ?? `攀枝花示例${r.pick(ENTERPRISE_STEMS[industry]!)}有限公司${i}（虚构）`;
    const e: DemoEnterprise = { uscc: uscc(i + 1), name, areaCode, industry, directlyManaged: Boolean(big) || name.includes('家政') };
    await insertEnterprise(
      tx,
      {
        uscc: e.uscc,
        name,
        areaCode,
        industry: industry as never,
        insured: !r.chance(0.05),
        directlyManaged: e.directlyManaged,
        educationFund: [2020, 2021].filter(() => !r.chance(0.1)).map((year) => ({ year, fullyUsed: !r.chance(0.3) })),
        difficulty: r.chance(0.12) ? [{ from: '2020-03-01', to: '2021-12-31' }] : [],
      },
      ACTOR,
    );
    out.push(e);
  }
  return out;
}

const PROVIDERS = [
  {
    name: '攀枝花示例职业技术学院（虚构）',
    kind: 'college',
    programs: ['apprenticeship', 'skill_upgrade', 'employment_skill', 'project_based', 'appraisal'],
  },
  { name: '攀枝花示例技师学院（虚构）', kind: 'college', programs: ['apprenticeship', 'skill_upgrade', 'transfer', 'employment_skill'] },
  { name: '攀枝花示例钒钛职工培训中心（虚构）', kind: 'enterprise_center', programs: ['short_term', 'pre_job', 'skill_upgrade', 'safety'] },
  { name: '东区示例职业培训学校（虚构）', kind: 'social_institution', programs: ['employment_skill', 'entrepreneurship', 'project_based'] },
  { name: '西区示例安全技术培训中心（虚构）', kind: 'social_institution', programs: ['safety', 'short_term'] },
  { name: '仁和区示例康养技能培训学校（虚构）', kind: 'social_institution', programs: ['employment_skill', 'skill_upgrade', 'short_term'] },
  {
    name: '米易县示例农业技能培训中心（虚构）',
    kind: 'social_institution',
    programs: ['employment_skill', 'entrepreneurship', 'project_based'],
  },
  { name: '盐边县示例创业培训中心（虚构）', kind: 'social_institution', programs: ['entrepreneurship', 'employment_skill'] },
  { name: '攀枝花示例职业技能鉴定所（虚构）', kind: 'evaluation_institution', programs: ['appraisal'] },
  { name: '攀枝花示例家政服务培训学校（虚构）', kind: 'social_institution', programs: ['employment_skill', 'pre_job', 'skill_upgrade'] },
];

async function seedProviders(tx: Tx): Promise<DemoProvider[]> {
  const codes = await tx.selectFrom('catalog_entries').select(['code', 'level', 'section']).orderBy('id').execute();
  const out: DemoProvider[] = [];
  for (const [i, p] of PROVIDERS.entries()) {
    const id = `P${String(i + 1).padStart(3, '0')}`;
    const areaCode = i < 3 || i === 8 ? '510402' : COUNTY_AREAS[(i - 2) % COUNTY_AREAS.length]!;
    // Scope: each program the provider runs, over the catalog occupations of the right section.
    const scopes = p.programs.flatMap((program): SeedScope[] => {
      const section = program === 'skill_upgrade' || program === 'apprenticeship' ? 'upgrade' : 'employment';
      const keyed = ['apprenticeship', 'skill_upgrade', 'transfer', 'employment_skill', 'appraisal'].includes(program);
      if (!keyed) return [{ program, occupationCode: null, level: null, validFrom: '2020-01-14', validTo: '2021-12-31' }];
      return codes
        .filter((c) => c.section === section || program === 'appraisal')
        .filter((_, k) => (k + i) % 3 === 0)
        .map((c) => ({ program, occupationCode: c.code, level: c.level, validFrom: '2020-01-14', validTo: '2021-12-31' }));
    });
    await insertProvider(
      tx,
      {
        id,
        name: p.name,
        kind: p.kind as never,
        areaCode,
        status: 'listed',
        entrepreneurshipQualified: p.programs.includes('entrepreneurship'),
        scopes,
      },
      ACTOR,
    );
    out.push({ id, name: p.name, kind: p.kind, areaCode, programs: p.programs });
  }
  return out;
}

const GROUP_MIX: [string, number][] = [
  ['rural_migrant', 0.18],
  ['poor_labor', 0.08],
  ['college_graduate', 0.08],
  ['in_school_student', 0.05],
  ['registered_unemployed', 0.06],
  ['laid_off', 0.04],
  ['veteran', 0.03],
  ['disabled', 0.02],
  ['employment_difficulty', 0.05],
  ['zero_employment_family', 0.02],
  ['non_continuing_graduate', 0.04],
  ['urban_dibao_family', 0.02],
  ['poor_family_child', 0.02],
  ['decapacity', 0.03],
];

async function seedPeople(tx: Tx, r: Random, count: number): Promise<DemoPerson[]> {
  const people: DemoPerson[] = [];
  const seen = new Set<string>();
  for (let i = 0; people.length < count; i++) {
    const areaCode = r.pick(COUNTY_AREAS);
    const birthYear = r.chance(0.03) ? r.int(1956, 1962) : r.int(1966, 2002);
    const birth = `${birthYear}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
    const id = residentId(areaCode, birth, i);
    if (seen.has(id)) continue;
    seen.add(id);
    const groups = GROUP_MIX.filter(([, p]) => r.chance(p)).map(([g]) => g);
    const pension = birthYear <= 1962; // of pension age by 2020–2021: the R5 cases of the demo
    people.push({
      residentId: id,
      name: `${r.pick(SURNAMES)}${r.pick(GIVEN)}${r.chance(0.6) ? r.pick(GIVEN) : ''}`,
      areaCode,
      birthYear,
      groups,
      pension,
    });
  }
  // Facts as the rules read them, each with its source and date; a few left unknown on purpose (never
  // the pension entitlement of a trainee login's person: their claims are decided, see seedDemoActivity).
  const register: SeedPerson[] = [];
  for (const [i, p] of people.entries()) {
    const facts: SeedFact[] = p.groups.map((g) => ({ fact: g, value: true, source: '就业登记系统（演示）', asOf: '2020-01-02' }));
    if (!r.chance(0.02) || i < TRAINEE_LOGINS)
      facts.push({ fact: 'pensionEntitled', value: p.pension, source: '社会保险系统（演示）', asOf: '2020-01-02' });
    facts.push({
      fact: 'rural',
      value: p.groups.includes('rural_migrant') || r.chance(0.3),
      source: '户籍信息（演示）',
      asOf: '2020-01-02',
    });
    if (!r.chance(0.1))
      facts.push({ fact: 'earlierAppraisal', value: r.chance(0.15), source: '职业技能鉴定系统（演示）', asOf: '2020-01-02' });
    // The trainee logins' people have a (fictional) mobile number: the texts they are sent (outbox) show on their page.
    const phone = i < TRAINEE_LOGINS ? `1990000${String(i).padStart(4, '0')}` : null;
    register.push({ residentId: p.residentId, name: p.name, areaCode: p.areaCode, phone, facts });
  }
  await insertPeople(tx, register, ACTOR);
  return people;
}

export const COUNTY_NAMES: Record<string, string> = {
  '510402': 'dongqu',
  '510403': 'xiqu',
  '510411': 'renhe',
  '510421': 'miyi',
  '510422': 'yanbian',
};

export interface DemoLogin {
  username: string;
  role: string;
  who: string;
}

async function seedUsers(tx: Tx, world: Omit<DemoWorld, 'random' | 'clock'>): Promise<DemoLogin[]> {
  const users: NewUser[] = [];
  const add = (username: string, displayName: string, role: NewUser['role'], extra: Partial<NewUser> = {}) =>
    users.push({ username, password: DEMO_PASSWORD, displayName, role, ...extra });
  // The administrator holds no payment duty; maker–checker (payments/payment-duties.ts) has one login
  // per duty: 经办 builds a batch, 复核 confirms it, 支付 pays it (counties keep 经办 and 支付 in their
  // area, the finance bureau 复核).
  add('city', '市人社局（审核、管理）', 'city', { areaCode: CITY_AREA, paymentDuties: [] });
  add('city-jingban', '市人社局 支付经办', 'city', { areaCode: CITY_AREA, paymentDuties: ['build'] });
  add('city-fuhe', '市人社局 支付复核', 'city', { areaCode: CITY_AREA, paymentDuties: ['confirm'] });
  add('city-zhifu', '市人社局 支付出纳', 'city', { areaCode: CITY_AREA, paymentDuties: ['pay'] });
  for (const code of COUNTY_AREAS) add(COUNTY_NAMES[code]!, `${code} 县（区）人社局`, 'county', { areaCode: code });
  for (const [dept, name] of Object.entries(DEPARTMENTS))
    add(`dept-${dept.replace('_', '-')}`, name, 'department', { department: dept as Department });
  for (const e of world.enterprises.slice(0, 3))
    add(`ent-${e.uscc.slice(-6).toLowerCase()}`, e.name, 'enterprise', { enterpriseUscc: e.uscc });
  for (const p of world.providers) add(`provider-${p.id.toLowerCase()}`, p.name, 'provider', { providerId: p.id });
  for (const p of world.people.slice(0, TRAINEE_LOGINS))
    add(`trainee-${p.residentId.slice(-4).toLowerCase()}`, `${p.name}（劳动者）`, 'trainee', { residentId: p.residentId });
  // Each login its own salted hash, hashed side by side; the rows are then written one by one in the
  // order above (their ids come from the demo's id source in that order).
  const hashes = await Promise.all(users.map((u) => hashPassword(u.password)));
  for (const [i, u] of users.entries()) await seedUser(tx, { ...u, passwordHash: hashes[i]! }, ACTOR);
  return users.map((u) => ({ username: u.username, role: u.role, who: u.displayName }));
}

async function seedFunds(tx: Tx): Promise<void> {
  const funds = [
    { id: 'F-SA-2020', source: 'special_action' as const, year: 2020, budget_fen: yuanToFen(48_000_000) },
    { id: 'F-SA-2021', source: 'special_action' as const, year: 2021, budget_fen: yuanToFen(52_000_000) },
    { id: 'F-EF-2020', source: 'employment_fund' as const, year: 2020, budget_fen: yuanToFen(9_000_000) },
    { id: 'F-EF-2021', source: 'employment_fund' as const, year: 2021, budget_fen: yuanToFen(10_000_000) },
  ];
  await tx
    .insertInto('funds')
    .values(funds.map((f) => ({ ...f, created_by: ACTOR })))
    .execute();
  for (const f of funds)
    await appendAudit(tx, {
      actor: ACTOR,
      action: 'fund.create',
      entity: 'fund',
      entityId: f.id,
      data: { source: f.source, year: f.year, budgetFen: f.budget_fen },
    });
}

/** True when the store holds no records yet (only then does `upskill demo` fill it). */
export async function storeIsEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('people').select('resident_id').limit(1).executeTakeFirst();
  return row === undefined;
}

export async function seedDemoRegistries(
  db: Db,
  options: { seed?: number; people?: number; progress?: (step: string) => void } = {},
): Promise<{ world: DemoWorld; logins: DemoLogin[]; activity: DemoActivity; certificatePlants: CertificatePlant[] }> {
  const seed = options.seed ?? 20200114;
  const random = prng(seed);
  const say = options.progress ?? (() => {});
  // Record ids from a stream of their own, so that the ids the use cases draw never shift the demo's
  // other random choices; one transaction: a demo interrupted half-way leaves the store empty.
  // The use cases' "today" is the story's (business-date.ts): it starts on the plan's date and is moved
  // forward as the story goes, so that notices are published, paused and closed under the product's
  // own rules; it ends on DEMO_TODAY, the day the demo runs as of.
  const clock: BusinessClock = { today: DEMO_START };
  return withIdSource(uuidsFrom(prng(seed ^ 0x1d5).next), () =>
    withBusinessClock(clock, () =>
      inTransaction(db, async (tx) => {
        await seedReferenceData(tx, ACTOR);
        say('企业');
        const enterprises = await seedEnterprises(tx, random);
        say('培训机构');
        const providers = await seedProviders(tx);
        say('劳动者');
        const people = await seedPeople(tx, random, options.people ?? 5000);
        say('资金');
        await seedFunds(tx);
        say('演示账号');
        const logins = await seedUsers(tx, { enterprises, providers, people });
        const world = { enterprises, providers, people, random, clock };
        const activity = await seedDemoActivity(tx, world, say);
        await seedDemoSupervision(tx, world, activity);
        say('证书库：发证机构、证书登记与核验');
        const certificatePlants = await seedDemoCertificates(tx, async (issuerId) => {
          const displayName = `${DEMO_EVALUATION_BODY}（评价机构）`;
          const userId = await seedUser(
            tx,
            { username: DEMO_EVALUATOR_LOGIN, password: DEMO_PASSWORD, displayName, role: 'evaluator', issuerId },
            ACTOR,
          );
          logins.push({ username: DEMO_EVALUATOR_LOGIN, role: 'evaluator', who: displayName });
          return {
            userId,
            username: DEMO_EVALUATOR_LOGIN,
            displayName,
            role: 'evaluator',
            areaCode: null,
            department: null,
            enterpriseUscc: null,
            providerId: null,
            residentId: null,
            issuerId,
          };
        });
        say('开放报名、公共实训基地、教材与技能竞赛');
        await seedDemoOpenClasses(tx);
        return { world, logins, activity, certificatePlants };
      }),
    ),
  );
}
