// The §1 goals read their thresholds and rotation industries from the policy package governing the
// year (dated parameters with clause §1), like R9 reads its 60%: a dated change recorded by the city
// through the admin use case changes the verdict for a year after it and not for a year before.
// A store made before these parameters existed is given them by the 1260 migration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { PolicySet } from '../../../src/policy/policy-package.ts';
import { shippedPolicies } from '../../../src/policy/shipped.ts';
import type { Actor } from '../../../src/services/access.ts';
import { policiesFromStore } from '../../../src/services/claims/engine-input-from-store.ts';
import { recordParameterChange } from '../../../src/services/policy/record-parameter-change.ts';
import { cityGoals, goalParametersFor } from '../../../src/services/targets/city-goals.ts';
import { recordEmploymentFigures } from '../../../src/services/targets/record-employment-figures.ts';
import { COUNTY_AREA_CODES } from '../../../src/services/targets/task-units.ts';
import type { Store } from '../../../src/store/database.ts';
import { addGoalParameters } from '../../../src/store/migrations/2026-11-25T1260-headcounts.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { openTestStore } from '../../support/store.ts';

let store: Store;
const city: Actor = {
  userId: 't',
  username: 't-city',
  displayName: '市人社局',
  role: 'city',
  areaCode: '510400',
  department: null,
  enterpriseUscc: null,
  providerId: null,
  residentId: null,
};

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx);
    // Every area: 40% of the employed are skilled, 35% of those high-skilled, in both years.
    for (const year of [2020, 2021]) {
      for (const areaCode of COUNTY_AREA_CODES) {
        await recordEmploymentFigures(tx, city, {
          areaCode,
          year,
          employed: 1000,
          skilled: 400,
          highSkilled: 140,
          source: '统计局（测试）',
        });
      }
    }
  });
}, 60_000);
afterAll(() => store?.close());

describe('The §1 goal parameters are dated data of the policy package', () => {
  it("the shipped package states the plan's 33%, 33% and the 钒钛 and 康养 industries, each citing §1", () => {
    const p = goalParametersFor(shippedPolicies(), 2021);
    expect(p).toMatchObject({ skilled: 33, highSkilled: 33, industries: ['vanadium_titanium', 'health_care'], planFrom: '2020-01-14' });
    const pkg = shippedPolicies().packages[0]!;
    expect(pkg.read('goals.skilledShareOfEmployedPercent', '2021-12-31')).toMatchObject({ clause: '§1', value: 33 });
    expect(pkg.read('goals.highSkilledShareOfSkilledPercent', '2020-12-31')).toMatchObject({ clause: '§1', value: 33 });
    expect(pkg.read('goals.rotationIndustries', '2020-12-31').clause).toBe('§1');
  });

  it("with 40% skilled and 35% high-skilled, both years meet the plan's 33% goals", async () => {
    for (const year of [2020, 2021]) {
      const g = await cityGoals(store.db, year);
      expect(g).toMatchObject({
        skilledTargetPercent: 33,
        highSkilledTargetPercent: 33,
        policyPackage: 'panzhihua-2020-2021',
        asOf: `${year}-12-31`,
      });
      expect(g.city).toMatchObject({ skilledBasisPoints: 4000, skilledMet: true, highSkilledBasisPoints: 3500, highSkilledMet: true });
    }
  });

  it('raising the skilled goal to 45% from 2021-01-01 fails 2021 with the same figures and leaves 2020 as it was', async () => {
    await inTransaction(store.db, (tx) =>
      recordParameterChange(tx, city, {
        parameter: 'goals.skilledShareOfEmployedPercent',
        value: 45,
        validFrom: '2021-01-01',
        validTo: null,
        reason: '提高年度目标（测试）',
      }),
    );
    const y2021 = await cityGoals(store.db, 2021);
    expect(y2021).toMatchObject({ skilledTargetPercent: 45, highSkilledTargetPercent: 33, policyPackage: 'local-0001' });
    expect(y2021.city).toMatchObject({ skilledBasisPoints: 4000, skilledMet: false, highSkilledMet: true });
    expect(y2021.areas.every((a) => a.skilledMet === false)).toBe(true);
    const y2020 = await cityGoals(store.db, 2020);
    expect(y2020.skilledTargetPercent).toBe(33);
    expect(y2020.city.skilledMet).toBe(true);
  });

  it("a change dated after mid-year still governs that year's goal, read at its end (31 December)", async () => {
    await inTransaction(store.db, (tx) =>
      recordParameterChange(tx, city, {
        parameter: 'goals.highSkilledShareOfSkilledPercent',
        value: 36,
        validFrom: '2020-10-01',
        validTo: '2020-12-31',
        reason: '年底考核口径（测试）',
      }),
    );
    expect((await cityGoals(store.db, 2020)).city).toMatchObject({ highSkilledBasisPoints: 3500, highSkilledMet: false });
    expect((await cityGoals(store.db, 2021)).city.highSkilledMet).toBe(true);
  });

  it('the rotation industries come from the package too: a change to 钒钛 alone drops 康养 from the goal', async () => {
    expect((await cityGoals(store.db, 2021)).rotation.map((r) => r.industry)).toEqual(['vanadium_titanium', 'health_care']);
    await inTransaction(store.db, (tx) =>
      recordParameterChange(tx, city, {
        parameter: 'goals.rotationIndustries',
        value: ['vanadium_titanium'],
        validFrom: '2021-01-01',
        validTo: null,
        reason: '测试',
      }),
    );
    expect((await cityGoals(store.db, 2021)).rotation.map((r) => r.industry)).toEqual(['vanadium_titanium']);
    expect((await cityGoals(store.db, 2020)).rotation.map((r) => r.industry)).toEqual(['vanadium_titanium', 'health_care']);
  });

  it('a year no plan governs judges nothing and says so, rather than reading a threshold of zero', async () => {
    const g = await cityGoals(store.db, 2022);
    expect(g).toMatchObject({ policyPackage: null, skilledTargetPercent: null, rotation: [] });
    expect(g.missing[0]).toContain('2022年没有有效的政策');
  });

  it('packages stored before the §1 parameters existed get them from the migration, their own values kept', async () => {
    // Take the goals out of every stored package (as an older store holds them), and keep one package's own value.
    await sql`update policy_packages set data = jsonb_set(data, '{parameters}', (data -> 'parameters') - 'goals.skilledShareOfEmployedPercent' - 'goals.rotationIndustries')`.execute(
      store.db,
    );
    await expect(policiesFromStore(store.db)).rejects.toThrow(/goals\.skilledShareOfEmployedPercent: 缺少参数/);
    await addGoalParameters(store.db);
    await addGoalParameters(store.db); // idempotent
    const policies = await policiesFromStore(store.db);
    expect(policies).toBeInstanceOf(PolicySet);
    expect(goalParametersFor(policies, 2020)).toMatchObject({
      skilled: 33,
      highSkilled: 36,
      industries: ['vanadium_titanium', 'health_care'],
    });
  });
});
