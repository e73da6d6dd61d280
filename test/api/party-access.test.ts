// What a party (training provider, enterprise) learns about people (§5.2 real-name management): only
// through a relationship the HR office accepted — an approved roster, a listed apprenticeship plan,
// the person's own claim — and then never their §2 facts. Writing an ID into one's own draft tells
// the party nothing: not the person's record, not their facts, not even whether the ID is registered.
// And the one masking rule (access.ts) on the class screens: a department sees the review problems
// masked like the roster beside them; an enterprise sees only its own employees on a roster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_NAME_REFUSED, NAME_REQUIRED } from '../../src/services/people/real-name-check.ts';
import { insertEnterprise, insertPerson, insertProvider } from '../../src/store/seed/registries.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { rid, usccOf } from '../support/registry-fixtures.ts';

let t: TestApp;
const who: Record<'provider' | 'enterprise' | 'county' | 'finance', string> = { provider: '', enterprise: '', county: '', finance: '' };
const E1 = usccOf(71);
const E2 = usccOf(72);
/** Registered people: 王五 (a pensioner and poor labourer, §2 facts), 赵六 and 孙七 (E2's staff), 钱八 (pension unknown). */
const WANG = rid(701);
const ZHAO = rid(702);
const SUN = rid(703);
const QIAN = rid(704);
const LI = rid(705);
const UNREGISTERED = rid(799);

const application = (trainees: unknown[], overrides: Record<string, unknown> = {}) => ({
  providerId: 'P-PA',
  program: 'skill_upgrade',
  areaCode: '510402',
  enterpriseUscc: null,
  occupationCode: '6-16-01-03',
  level: '4',
  startDate: '2020-03-02',
  endDate: '2020-06-30',
  hours: 180,
  venue: '东区职业技能培训基地',
  teachers: [{ name: '王老师', qualification: '高级技师' }],
  trainees,
  sessions: [],
  ...overrides,
});
const plan = (residentId: string, name: string | undefined) => ({
  enterpriseUscc: E1,
  providerId: null,
  residentId,
  ...(name === undefined ? {} : { name }),
  occupationCode: '6-16-01-03',
  level: '4',
  startDate: '2020-03-01',
  endDate: '2021-02-28',
  contractMonths: 24,
});

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertEnterprise(tx, { uscc: E1, industry: 'vanadium_titanium' });
    await insertEnterprise(tx, { uscc: E2, industry: 'vanadium_titanium' });
    await insertProvider(tx, { id: 'P-PA', scopes: [{ program: 'skill_upgrade', occupationCode: '6-16-01-03', level: '4' }] });
    await insertPerson(tx, {
      residentId: WANG,
      name: '王五',
      facts: [
        { fact: 'pensionEntitled', value: true },
        { fact: 'poor_labor', value: true },
      ],
    });
    await insertPerson(tx, { residentId: ZHAO, name: '赵六', facts: [{ fact: 'pensionEntitled', value: false }] });
    await insertPerson(tx, { residentId: SUN, name: '孙七', facts: [{ fact: 'pensionEntitled', value: false }] });
    await insertPerson(tx, { residentId: QIAN, name: '钱八' });
    await insertPerson(tx, { residentId: LI, name: '李九' });
  });
  who.provider = await sessionFor(t, { username: 'pa-provider', displayName: '培训学校', role: 'provider', providerId: 'P-PA' });
  who.enterprise = await sessionFor(t, { username: 'pa-enterprise', displayName: '企业', role: 'enterprise', enterpriseUscc: E1 });
  who.county = await sessionFor(t, { username: 'pa-county', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  who.finance = await sessionFor(t, { username: 'pa-finance', displayName: '市财政局', role: 'department', department: 'finance' });
}, 60_000);
afterAll(() => t.close());

const call = (as: keyof typeof who, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { cookie: who[as] },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const errorOf = (res: { statusCode: number; json(): { error: { field: string; message: string } } }) => [
  res.statusCode,
  res.json().error.field,
  res.json().error.message,
];

describe('A party learns about a person only through a relationship the office accepted', () => {
  it('an unregistered ID and a registered ID under a wrong name are refused in the same words, so registration does not leak', async () => {
    const unregistered = await call('provider', 'POST', '/classes', application([{ residentId: UNREGISTERED, name: '王五' }]));
    const wrongName = await call('provider', 'POST', '/classes', application([{ residentId: WANG, name: '李四' }]));
    expect(errorOf(unregistered)).toEqual([400, 'body.trainees[0].residentId', `body.trainees[0].residentId: ${REAL_NAME_REFUSED}`]);
    expect(errorOf(wrongName)).toEqual(errorOf(unregistered));
    const noName = await call('provider', 'POST', '/classes', application([{ residentId: WANG }]));
    expect(errorOf(noName)).toEqual([400, 'body.trainees[0].name', `body.trainees[0].name: ${NAME_REQUIRED}`]);
    // The same for an enterprise's apprenticeship plan.
    const planUnregistered = await call('enterprise', 'POST', '/plans', plan(UNREGISTERED, '王五'));
    const planWrongName = await call('enterprise', 'POST', '/plans', plan(WANG, '李四'));
    expect(errorOf(planUnregistered)).toEqual([400, 'body.residentId', `body.residentId: ${REAL_NAME_REFUSED}`]);
    expect(errorOf(planWrongName)).toEqual(errorOf(planUnregistered));
    // And for a claim an enterprise submits in its own name (R2): the office is told which it is.
    const claim = (residentId: string, name?: string) => ({
      program: 'skill_upgrade',
      applicant: 'enterprise',
      residentId,
      ...(name === undefined ? {} : { name }),
      enterpriseUscc: E1,
      occupationCode: '6-16-01-03',
      level: 4,
      startDate: '2020-03-02',
      endDate: '2020-06-30',
      attendedHours: 180,
      qualified: true,
    });
    const claimUnregistered = await call('enterprise', 'POST', '/claims', claim(UNREGISTERED, '王五'));
    const claimWrongName = await call('enterprise', 'POST', '/claims', claim(WANG, '李四'));
    expect(errorOf(claimUnregistered)).toEqual([400, 'body.residentId', `body.residentId: ${REAL_NAME_REFUSED}`]);
    expect(errorOf(claimWrongName)).toEqual(errorOf(claimUnregistered));
    expect(errorOf(await call('enterprise', 'POST', '/claims', claim(WANG)))).toEqual([400, 'body.name', `body.name: ${NAME_REQUIRED}`]);
    expect((await call('enterprise', 'POST', '/claims', claim(LI, '李九'))).statusCode).toBe(201);
    expect(errorOf(await call('county', 'POST', '/claims', claim(UNREGISTERED)))[2]).toMatch(/没有登记人员/);
  });

  it('a provider that writes a person into its own draft class sees neither their record nor their facts until the office approves the roster', async () => {
    const draft = await call('provider', 'POST', '/classes', application([{ residentId: WANG, name: '王五', employerUscc: E1 }]));
    expect(draft.statusCode, draft.body).toBe(201);
    expect((await call('provider', 'GET', `/people/${WANG}`)).statusCode).toBe(404);
    expect((await call('provider', 'GET', `/people?residentId=${WANG}`)).json().items).toEqual([]);
    expect((await call('provider', 'GET', `/people/${WANG}/facts`)).statusCode).toBe(403);
    // Its review of the draft says the trainee cannot join, not why (the pension is a §2 fact).
    const review = await call('provider', 'GET', `/classes/${draft.json().id}/review`);
    expect(review.statusCode).toBe(200);
    const problems = review.json().trainees[0].problems as { rule: string; severity: string; message: string }[];
    expect(problems.map((p) => [p.rule, p.severity])).toEqual([['参训资格', 'blocking']]);
    expect(review.body).not.toMatch(/养老金|R5|贫困/);
    // The office sees why.
    expect((await call('county', 'GET', `/classes/${draft.json().id}/review`)).body).toMatch(/养老金/);
  });

  it('an approved roster shows the provider its trainee, still without their §2 facts', async () => {
    const cls = await call(
      'provider',
      'POST',
      '/classes',
      application([{ residentId: ZHAO, name: '赵六', employerUscc: E2 }], { startDate: '2020-07-01', endDate: '2020-08-30' }),
    );
    expect(cls.statusCode, cls.body).toBe(201);
    const id = cls.json().id as string;
    expect((await call('provider', 'GET', `/people/${ZHAO}`)).statusCode).toBe(404);
    expect((await call('provider', 'POST', `/classes/${id}/submit`)).statusCode).toBe(200);
    expect((await call('provider', 'GET', `/people/${ZHAO}`)).statusCode).toBe(404); // submitted is still only the provider's word
    expect((await call('county', 'POST', `/classes/${id}/approve`, { note: '同意' })).statusCode).toBe(200);
    const person = await call('provider', 'GET', `/people/${ZHAO}`);
    expect([person.statusCode, person.json().name]).toEqual([200, '赵六']);
    expect((await call('provider', 'GET', `/people/${ZHAO}/facts`)).statusCode).toBe(403);
  });

  it('an enterprise sees its apprentice once the office lists the plan, never their facts', async () => {
    const submitted = await call('enterprise', 'POST', '/plans', plan(SUN, '孙七'));
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect((await call('enterprise', 'GET', `/people/${SUN}`)).statusCode).toBe(404);
    expect((await call('county', 'POST', `/plans/${submitted.json().id}/status`, { status: 'listed', note: null })).statusCode).toBe(200);
    expect((await call('enterprise', 'GET', `/people/${SUN}`)).statusCode).toBe(200);
    expect((await call('enterprise', 'GET', `/people/${SUN}/facts`)).statusCode).toBe(403);
  });
});

describe('Personal data on a class follows the one masking rule', () => {
  it('a department reads the review problems masked like the roster; an enterprise sees only its own employees on the roster', async () => {
    // 钱八's pension is unknown: a warning, so the review is stored with the submitted class.
    const cls = await call(
      'provider',
      'POST',
      '/classes',
      application(
        [
          { residentId: QIAN, name: '钱八', employerUscc: E1 },
          { residentId: SUN, name: '孙七', employerUscc: E2 },
        ],
        { startDate: '2020-09-01', endDate: '2020-10-30' },
      ),
    );
    expect(cls.statusCode, cls.body).toBe(201);
    const id = cls.json().id as string;
    expect((await call('provider', 'POST', `/classes/${id}/submit`)).statusCode).toBe(200);

    const asFinance = await call('finance', 'GET', `/classes/${id}`);
    expect(asFinance.statusCode).toBe(200);
    const view = asFinance.json() as {
      trainees: { residentId: string; name: string }[];
      reviewProblems: { trainees: { residentId: string; name: string }[] };
    };
    expect(view.reviewProblems.trainees.length).toBeGreaterThan(0);
    for (const line of [...view.trainees, ...view.reviewProblems.trainees]) {
      expect(line.residentId).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(line.name).toMatch(/^.\*+$/);
    }
    expect(asFinance.body).not.toContain(QIAN);
    expect(asFinance.body).not.toContain(SUN);

    const asEnterprise = await call('enterprise', 'GET', `/classes/${id}`);
    expect(asEnterprise.statusCode).toBe(200);
    expect(asEnterprise.json().trainees.map((x: { residentId: string; name: string }) => [x.residentId, x.name])).toEqual([[QIAN, '钱八']]);
    expect(asEnterprise.body).not.toContain(SUN);
    expect(asEnterprise.body).not.toContain('孙七');
  });
});
