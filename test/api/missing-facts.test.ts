// An undecided claim (R10) says what it waits for in plain Chinese: whose fact (the person's or the
// enterprise's name), which fact, for which date or year, the rule and clause that need it, and whether
// the caller may record it; once recorded, deciding again settles the claim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { insertEnterprise, insertPeople, residentId, skillUpgradeBody, uscc } from '../support/claims-fixtures.ts';

let t: TestApp;
const dora = residentId(41);
const emil = residentId(42);
const employer = uscc(41);
const unknownInsurance = uscc(42);
const cityRun = uscc(43);
const finn = residentId(43);
const cookies: Record<string, string> = {};
const post = (url: string, who: string, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, payload: payload as object });
const get = (url: string, who: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[who]! } });

let pensionClaim = '';
let fundClaim = '';

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    // 多拉: nothing on record about a pension (R5 cannot be checked). 埃米尔: pension known, employer's 2021 education fund unknown (R8).
    await insertPeople(tx, [
      { residentId: dora, name: '多拉' },
      { residentId: emil, name: '埃米尔', facts: { pensionEntitled: false } },
    ]);
    await insertEnterprise(tx, { uscc: employer, areaCode: '510402', educationFund: { 2020: true } });
    await tx.updateTable('enterprises').set({ name: '东区钒钛制品有限公司' }).where('uscc', '=', employer).execute();
    // §4.8: an employer whose social insurance is not known, and one the city runs directly (§5.7).
    await insertPeople(tx, [{ residentId: finn, name: '芬恩', facts: { pensionEntitled: false, poor_labor: true } }]);
    await insertEnterprise(tx, { uscc: unknownInsurance, areaCode: '510402', insured: null, educationFund: { 2020: true } });
    await tx.updateTable('enterprises').set({ insured: null }).where('uscc', '=', unknownInsurance).execute();
    await insertEnterprise(tx, { uscc: cityRun, areaCode: '510402', educationFund: {} });
    await tx.updateTable('enterprises').set({ directly_managed: true }).where('uscc', '=', cityRun).execute();
  });
  cookies.city = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  cookies.dongqu = await sessionFor(t, { username: 'dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  cookies.xiqu = await sessionFor(t, { username: 'xiqu', displayName: '西区人社局', role: 'county', areaCode: '510403' });
  cookies.enterprise = await sessionFor(t, { username: 'ent', displayName: '企业', role: 'enterprise', enterpriseUscc: employer });

  const submit = async (who: string, body: object) => {
    const r = await post('/claims', who, body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  pensionClaim = await submit('dongqu', skillUpgradeBody(dora, { applicant: 'individual', enterpriseUscc: employer }));
  fundClaim = await submit(
    'enterprise',
    skillUpgradeBody(emil, {
      name: '埃米尔',
      enterpriseUscc: employer,
      applicant: 'enterprise',
      startDate: '2021-03-01',
      endDate: '2021-06-30',
    }),
  );
  for (const id of [pensionClaim, fundClaim]) {
    const r = await post(`/claims/${id}/decide`, 'dongqu');
    expect(r.json().outcome, r.body).toBe('undecided');
  }
}, 180_000);
afterAll(() => t.close());

describe('GET /claims/:id/missing-facts', () => {
  it('names the person, the fact, the date it is needed for, the rule and clause — never an input path', async () => {
    const res = await get(`/claims/${pensionClaim}/missing-facts`, 'dongqu');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ claimId: pensionClaim, outcome: 'undecided' });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      subject: 'person',
      subjectId: dora,
      subjectName: '多拉',
      fact: 'pensionEntitled',
      factName: '具有按月领取养老金资格',
      neededOn: '2020-03-02',
      year: null,
      rule: 'R5',
      clause: '§4.0',
      remedy: 'person_fact',
      canRecord: true,
    });
    expect(body.items[0].why).not.toMatch(/people\[/);
  });

  it('names the enterprise and the year of the education fund R8 needs', async () => {
    const item = (await get(`/claims/${fundClaim}/missing-facts`, 'dongqu')).json().items[0];
    expect(item).toMatchObject({
      subject: 'enterprise',
      subjectId: employer,
      subjectName: '东区钒钛制品有限公司',
      fact: 'educationFundFullyUsed',
      year: 2021,
      factName: '2021年是否足额提取使用职工教育经费',
      rule: 'R8',
      clause: '§5.2',
      remedy: 'education_fund',
      canRecord: true,
    });
  });

  it('the enterprise sees what its claim waits for but may not record it; another county does not see the claim', async () => {
    expect((await get(`/claims/${fundClaim}/missing-facts`, 'enterprise')).json().items[0]).toMatchObject({
      fact: 'educationFundFullyUsed',
      canRecord: false,
    });
    expect((await get(`/claims/${fundClaim}/missing-facts`, 'xiqu')).statusCode).toBe(404);
  });

  it('is empty once the fact is recorded, which decides the claim again (eligible, with its amount)', async () => {
    const recorded = await post(`/people/${dora}/facts`, 'dongqu', {
      fact: 'pensionEntitled',
      value: false,
      source: '社保系统查询',
      asOf: '2020-03-02',
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json().redecided).toMatchObject([
      { claimId: pensionClaim, before: { outcome: 'undecided' }, after: { outcome: 'eligible', amountFen: 187000 } },
    ]);
    expect((await get(`/claims/${pensionClaim}`, 'dongqu')).json()).toMatchObject({ outcome: 'eligible', amountFen: 187000 });
    expect((await post(`/claims/${pensionClaim}/decide`, 'dongqu')).json().error.message).toBe(
      '该申领已判定为“符合条件”，判定已冻结，不能重新判定',
    );
    expect((await get(`/claims/${pensionClaim}/missing-facts`, 'dongqu')).json()).toMatchObject({ outcome: 'eligible', items: [] });
  });
});

describe('GET /claims/missing-facts (many claims, for bulk review)', () => {
  it("lists each claim in the office's slice with its missing facts, leaving out claims it cannot see", async () => {
    const res = await get(`/claims/missing-facts?ids=${fundClaim},${pensionClaim},NO-SUCH-CLAIM`, 'dongqu');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { claimId: string; items: { fact: string }[] }[];
    expect(items.map((c) => c.claimId)).toEqual([fundClaim, pensionClaim]);
    expect(items[0]!.items.map((i) => i.fact)).toEqual(['educationFundFullyUsed']);
    expect((await get(`/claims/missing-facts?ids=${fundClaim}`, 'xiqu')).json().items).toEqual([]);
  });

  it('is for the HR offices only, and at most 200 claims at a time', async () => {
    expect((await get(`/claims/missing-facts?ids=${fundClaim}`, 'enterprise')).statusCode).toBe(403);
    const tooMany = Array.from({ length: 201 }, (_, i) => `C-${i}`).join(',');
    const res = await get(`/claims/missing-facts?ids=${tooMany}`, 'dongqu');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('200');
  });
});

describe('POST /enterprises/:id/insured (§4.8)', () => {
  let claimId = '';
  it("a §4.8 claim waits for the employer's insured status, which the managing county may record", async () => {
    const submitted = await post('/claims', 'dongqu', {
      program: 'work_for_training',
      applicant: 'enterprise',
      residentId: finn,
      enterpriseUscc: unknownInsurance,
      newHire: true,
      insuredMonths: 6,
      startDate: '2020-04-01',
      endDate: '2020-09-30',
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    claimId = submitted.json().id;
    expect((await post(`/claims/${claimId}/decide`, 'dongqu')).json().outcome).toBe('undecided');
    const item = (await get(`/claims/${claimId}/missing-facts`, 'dongqu')).json().items[0];
    expect(item).toMatchObject({
      subject: 'enterprise',
      subjectId: unknownInsurance,
      fact: 'insured',
      factName: '是否依法参加社会保险',
      remedy: 'enterprise_insured',
      canRecord: true,
      clause: '§4.8',
    });
  });

  it('records it as a dated fact with its source (audited), and the waiting claim is decided again on the spot', async () => {
    const res = await post(`/enterprises/${unknownInsurance}/insured`, 'dongqu', {
      value: true,
      asOf: '2020-01-01',
      source: '社保系统核实',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      uscc: unknownInsurance,
      redecided: [{ claimId, before: { outcome: 'undecided' }, after: { outcome: 'eligible' } }],
    });
    const audit = await t.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'enterprise.insured').execute();
    expect(audit.map((a) => a.data)).toEqual([
      { value: true, asOf: '2020-01-01', source: '社保系统核实', redecided: [claimId], cases: [] },
    ]);
    expect((await get(`/claims/${claimId}`, 'dongqu')).json().outcome).toBe('eligible');
  });

  it("needs a source; another county and a directly managed enterprise are not the county's to change", async () => {
    expect(
      (await post(`/enterprises/${unknownInsurance}/insured`, 'dongqu', { value: false, asOf: '2020-01-01', source: ' ' })).statusCode,
    ).toBe(400);
    expect(
      (await post(`/enterprises/${unknownInsurance}/insured`, 'xiqu', { value: false, asOf: '2020-01-01', source: '核实' })).statusCode,
    ).toBe(404);
    expect((await post(`/enterprises/${cityRun}/insured`, 'dongqu', { value: false, asOf: '2020-01-01', source: '核实' })).statusCode).toBe(
      404,
    );
    expect((await post(`/enterprises/${cityRun}/insured`, 'city', { value: true, asOf: '2020-01-01', source: '核实' })).statusCode).toBe(
      201,
    );
    expect(
      (await post(`/enterprises/${unknownInsurance}/insured`, 'enterprise', { value: true, asOf: '2020-01-01', source: '自报' }))
        .statusCode,
    ).toBe(403);
  });

  it("a claim on an enterprise the city runs directly is the city's: the city records its education fund, the county does not see it", async () => {
    const submitted = await post(
      '/claims',
      'city',
      skillUpgradeBody(emil, {
        enterpriseUscc: cityRun,
        applicant: 'enterprise',
        startDate: '2021-07-01',
        endDate: '2021-09-30',
        certificate: { type: 'skill_level', number: 'CITY-RUN-1' },
      }),
    );
    expect(submitted.statusCode, submitted.body).toBe(201);
    const id = submitted.json().id;
    await post(`/claims/${id}/decide`, 'city');
    const items = (await get(`/claims/${id}/missing-facts`, 'city')).json().items;
    expect(items.find((i: { fact: string }) => i.fact === 'educationFundFullyUsed')).toMatchObject({
      subjectId: cityRun,
      year: 2021,
      canRecord: true,
    });
    expect((await get(`/claims/${id}/missing-facts`, 'dongqu')).statusCode).toBe(404);
  });
});
