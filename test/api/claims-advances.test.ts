// Advances (§4.1, §4.9): at most advance.maxPercent (50%) of the subsidy, paid once the apprenticeship
// plan is listed; deducted from the final claim at approval; recovered when the apprentice quits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { insertEnterprise, insertFund, insertPeople, insertProvider, residentId, uscc } from '../support/claims-fixtures.ts';
import { businessDateIs, restoreBusinessDateAfterAll } from '../support/business-date.ts';

restoreBusinessDateAfterAll();

let t: TestApp;
let cookie = '';
const employer = uscc(21);
const apprentice = residentId(41);
const quitter = residentId(42);
const projectTrainees = [43, 44, 45].map((n) => residentId(n));
const post = (url: string, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie }, payload: payload as object });

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertPeople(
      tx,
      [apprentice, quitter, ...projectTrainees].map((id) => ({ residentId: id, facts: { pensionEntitled: false } })),
    );
    await insertProvider(tx, 'P-PROJ');
    // §4.9: a project bought by tender, 1800 yuan per trainee, 4 trainees, 7200 yuan in all.
    await tx
      .insertInto('projects')
      .values({
        id: 'XM-1',
        name: '贫困劳动力家政服务项目制培训',
        provider_id: 'P-PROJ',
        area_code: '510402',
        selection: '公开招标',
        per_trainee_fen: 180000,
        trainee_count: 4,
        total_fen: 720000,
        occupation_code: null,
        level: null,
        created_by: 'test',
        updated_by: null,
        updated_at: null,
      })
      .execute();
    await insertEnterprise(tx, { uscc: employer, educationFund: { 2021: true } });
    await insertFund(tx, 'special_action', 2020, 10_000_000);
    await insertFund(tx, 'special_action', 2021, 10_000_000);
    for (const [id, who, status] of [
      ['AP-1', apprentice, 'listed'],
      ['AP-2', quitter, 'listed'],
    ] as const) {
      await tx
        .insertInto('apprenticeship_plans')
        .values({
          id,
          enterprise_uscc: employer,
          provider_id: null,
          resident_id: who,
          occupation_code: '6-16-01-03',
          level: '4',
          start_date: '2020-03-01',
          end_date: '2021-02-28',
          contract_months: 36,
          status,
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })
        .execute();
    }
  });
  cookie = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400' });
}, 60_000);
afterAll(() => t.close());

describe('§4.1 apprenticeship advances', () => {
  it('at most 50% of 中级 5000 yuan × 12 months: 2500.01 yuan is refused, 2500 yuan is paid from the 2020 fund', async () => {
    const over = await post('/advances', { kind: 'apprenticeship', subjectId: 'AP-1', amountFen: 250001, paidOn: '2020-04-01' });
    expect([over.statusCode, over.json().error.field]).toEqual([400, 'body.amountFen']);
    expect(over.json().error.message).toMatch(/50%.*¥2,500\.00/);
    const ok = await post('/advances', { kind: 'apprenticeship', subjectId: 'AP-1', amountFen: 250000, paidOn: '2020-04-01' });
    expect(ok.json()).toMatchObject({ fundId: 'special_action-2020', amountFen: 250000, maxFen: 250000 });
    const funds = (await t.app.inject({ method: 'GET', url: '/api/v1/funds', headers: { cookie } })).json();
    expect(funds[0]).toMatchObject({ advancedFen: 250000, remainingFen: 10_000_000 - 250000 });
    expect(
      (await post('/advances', { kind: 'apprenticeship', subjectId: 'AP-1', amountFen: 1, paidOn: '2020-04-02' })).json().error.code,
    ).toBe('conflict');
  });

  it('the final claim pays the rest: 5000 yuan decided, 2500 deducted, 2500 reserved in 2021', async () => {
    const { id } = (
      await post('/claims', {
        program: 'apprenticeship',
        applicant: 'enterprise',
        residentId: apprentice,
        enterpriseUscc: employer,
        apprenticeshipPlanId: 'AP-1',
        occupationCode: '6-16-01-03',
        level: 4,
        startDate: '2020-03-01',
        endDate: '2021-02-28',
        qualified: true,
        newHire: true,
        contractMonths: 36,
        certificate: { type: 'skill_level' },
      })
    ).json();
    expect((await post(`/claims/${id}/decide`)).json()).toMatchObject({ outcome: 'eligible', amountFen: 500000, payee: 'enterprise' });
    await post(`/claims/${id}/review`, {});
    businessDateIs('2021-03-01');
    const notice = (
      await post('/publicity-notices', { areaCode: '510402', title: '学徒制公示', startsOn: '2021-03-01', claimIds: [id] })
    ).json();
    businessDateIs('2021-03-08');
    await post(`/publicity-notices/${notice.id}/close`);
    expect((await post(`/claims/${id}/approve`)).json()).toMatchObject({
      fundId: 'special_action-2021',
      amountFen: 500000,
      advanceDeductedFen: 250000,
      reservedFen: 250000,
    });
    expect(
      (await t.store.db.selectFrom('advances').select('status').where('subject_id', '=', 'AP-1').executeTakeFirstOrThrow()).status,
    ).toBe('settled');
  });

  it('an apprentice who quits: the advance is recovered, and only once', async () => {
    const adv = (await post('/advances', { kind: 'apprenticeship', subjectId: 'AP-2', amountFen: 200000, paidOn: '2020-04-01' })).json();
    expect((await post(`/advances/${adv.id}/recover`, { reason: '学徒中途退出' })).statusCode).toBe(409); // plan still listed
    await t.store.db.updateTable('apprenticeship_plans').set({ status: 'quit' }).where('id', '=', 'AP-2').execute();
    expect((await post(`/advances/${adv.id}/recover`, { reason: '学徒中途退出' })).json()).toMatchObject({
      status: 'recovered',
      recoveredFen: 200000,
    });
    expect((await post(`/advances/${adv.id}/recover`, { reason: '再次追回' })).statusCode).toBe(409);
    const funds = (await t.app.inject({ method: 'GET', url: '/api/v1/funds', headers: { cookie } })).json();
    expect(funds[0]).toMatchObject({ advancedFen: 450000, recoveredFen: 200000, remainingFen: 10_000_000 - 250000 });
  });
});

describe('§4.9 project advances', () => {
  it("at most 50% of the contract total is advanced, then settled by the project's claims as they are approved", async () => {
    expect((await post('/advances', { kind: 'project', subjectId: 'XM-1', amountFen: 360001, paidOn: '2020-05-01' })).statusCode).toBe(400);
    expect((await post('/advances', { kind: 'project', subjectId: 'XM-1', amountFen: 360000, paidOn: '2020-05-01' })).json()).toMatchObject(
      { fundId: 'special_action-2020', amountFen: 360000, maxFen: 360000 },
    );
    const approved = [];
    for (const person of projectTrainees) {
      const { id } = (
        await post('/claims', {
          program: 'project_based',
          applicant: 'institution',
          residentId: person,
          projectId: 'XM-1',
          startDate: '2020-05-11',
          endDate: '2020-06-30',
          qualified: true,
          certificate: { type: 'training' },
        })
      ).json();
      expect((await post(`/claims/${id}/decide`)).json()).toMatchObject({ outcome: 'eligible', amountFen: 180000, payee: 'institution' });
      await post(`/claims/${id}/review`, {});
      businessDateIs('2020-07-01');
      const notice = (
        await post('/publicity-notices', { areaCode: '510402', title: '项目制培训公示', startsOn: '2020-07-01', claimIds: [id] })
      ).json();
      businessDateIs('2020-07-09');
      await post(`/publicity-notices/${notice.id}/close`);
      approved.push((await post(`/claims/${id}/approve`)).json());
    }
    // 3600 advanced: the first two trainees' 1800 each are settled from it, the third is paid in full.
    expect(approved.map((a) => [a.advanceDeductedFen, a.reservedFen])).toEqual([
      [180000, 0],
      [180000, 0],
      [0, 180000],
    ]);
    expect(
      (await t.store.db.selectFrom('advances').select('status').where('subject_id', '=', 'XM-1').executeTakeFirstOrThrow()).status,
    ).toBe('settled');
  });
});
