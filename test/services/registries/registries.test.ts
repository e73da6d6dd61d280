// The registries: real-name people and their dated facts, enterprises by USCC with the city's direct
// management, providers' listing as a state machine, the catalog's editions, plans and projects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCatalogEntry, type AddCatalogEntryInput } from '../../../src/services/catalog/add-catalog-entry.ts';
import { addEntrepreneurshipType } from '../../../src/services/catalog/add-entrepreneurship-type.ts';
import { listCatalogEntries } from '../../../src/services/catalog/list-catalog-entries.ts';
import { createEnterprise } from '../../../src/services/enterprises/create-enterprise.ts';
import { getEnterprise } from '../../../src/services/enterprises/get-enterprise.ts';
import { listEnterprises } from '../../../src/services/enterprises/list-enterprises.ts';
import { createPerson } from '../../../src/services/people/create-person.ts';
import { listPersonFacts } from '../../../src/services/people/list-person-facts.ts';
import { listPeople } from '../../../src/services/people/list-people.ts';
import { recordPersonFact } from '../../../src/services/people/record-person-fact.ts';
import { changePlanStatus } from '../../../src/services/plans/change-plan-status.ts';
import { submitApprenticeshipPlan } from '../../../src/services/plans/submit-apprenticeship-plan.ts';
import { createProject } from '../../../src/services/projects/create-project.ts';
import { changeProviderStatus } from '../../../src/services/providers/change-provider-status.ts';
import { listProviders } from '../../../src/services/providers/list-providers.ts';
import type { Store } from '../../../src/store/database.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { insertProvider } from '../../../src/store/seed/registries.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { openTestStore } from '../../support/store.ts';
import { rid, usccOf } from '../../support/registry-fixtures.ts';
import { actor } from '../../support/actors.ts';

const city = actor({ role: 'city', areaCode: '510400' });
const dongqu = actor({ role: 'county', areaCode: '510402' });
const xiqu = actor({ role: 'county', areaCode: '510403' });

let store: Store;
const tx = <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(store.db, work);
const fail = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as { code: string; message: string; field?: string },
  );
const count = async (table: 'people' | 'catalog_entries' | 'audit_log') =>
  Number(
    (
      await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  store = await openTestStore();
  await tx((t) => seedReferenceData(t));
}, 60_000);
afterAll(() => store.close());

describe('People', () => {
  it('a resident ID with a wrong check character is refused in Chinese naming the field, and nothing is written', async () => {
    const bad = rid(1).slice(0, 17) + (rid(1)[17] === '0' ? '1' : '0');
    const before = await count('people');
    const e = await fail(tx((t) => createPerson(t, dongqu, { residentId: bad, name: '张三', areaCode: '510402' })));
    expect(e).toMatchObject({ code: 'invalid_input', field: 'residentId', message: 'residentId: 居民身份证号码校验码错误（GB 11643）' });
    expect(await count('people')).toBe(before);
  });

  it('a fact is recorded with source and date; its value on a date is the latest record on or before it; an unrecorded fact is unknown, not false', async () => {
    await tx((t) => createPerson(t, dongqu, { residentId: rid(2), name: '李四', areaCode: '510402' }));
    await tx((t) => recordPersonFact(t, dongqu, rid(2), { fact: 'poor_labor', value: true, source: '扶贫办建档立卡', asOf: '2020-01-01' }));
    await tx((t) => recordPersonFact(t, dongqu, rid(2), { fact: 'poor_labor', value: false, source: '脱贫退出', asOf: '2021-01-01' }));
    const mid2020 = await tx((t) => listPersonFacts(t, dongqu, rid(2), '2020-06-30'));
    expect(mid2020.current.find((f) => f.fact === 'poor_labor')).toMatchObject({
      value: true,
      source: '扶贫办建档立卡',
      factName: '贫困劳动力',
    });
    expect(mid2020.current.find((f) => f.fact === 'pensionEntitled')).toMatchObject({ value: null, source: null });
    const in2021 = await tx((t) => listPersonFacts(t, dongqu, rid(2), '2021-03-01'));
    expect(in2021.current.find((f) => f.fact === 'poor_labor')!.value).toBe(false);
    expect(in2021.history.map((h) => [h.asOf, h.value])).toEqual([
      ['2020-01-01', true],
      ['2021-01-01', false],
    ]);
  });

  it('a county cannot register in, read or record facts for another county; a trainee sees only themself, masked for nobody else', async () => {
    const e = await fail(tx((t) => createPerson(t, xiqu, { residentId: rid(3), name: '王五', areaCode: '510402' })));
    expect(e).toMatchObject({ code: 'forbidden', field: 'areaCode' });
    const facts = await fail(
      tx((t) => recordPersonFact(t, xiqu, rid(2), { fact: 'veteran', value: true, source: 'x', asOf: '2020-01-01' })),
    );
    expect(facts.code).toBe('not_found');
    expect((await tx((t) => listPeople(t, xiqu, {}))).items.map((p) => p.residentId)).not.toContain(rid(2));
    const me = actor({ role: 'trainee', residentId: rid(2) });
    expect((await tx((t) => listPeople(t, me, {}))).items.map((p) => p.residentId)).toEqual([rid(2)]);
    const veterans = actor({ role: 'department', department: 'veterans' });
    expect((await tx((t) => listPeople(t, veterans, {}))).items).toEqual([]);
  });
});

describe('Enterprises', () => {
  it('a USCC failing GB 32100 is refused naming the field', async () => {
    const good = usccOf(1);
    const e = await fail(
      tx((t) =>
        createEnterprise(t, dongqu, {
          uscc: good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A'),
          name: 'x',
          areaCode: '510402',
          industry: 'other',
          insured: null,
        }),
      ),
    );
    expect(e).toMatchObject({
      code: 'invalid_input',
      field: 'uscc',
      message: expect.stringContaining('统一社会信用代码校验码错误（GB 32100）'),
    });
  });

  it('only the city marks an enterprise directly managed (§5.7), and then its county does not see it', async () => {
    const e = await fail(
      tx((t) =>
        createEnterprise(t, dongqu, {
          uscc: usccOf(2),
          name: '攀钢',
          areaCode: '510402',
          industry: 'vanadium_titanium',
          insured: true,
          directlyManaged: true,
        }),
      ),
    );
    expect(e).toMatchObject({ code: 'forbidden', field: 'directlyManaged' });
    await tx((t) =>
      createEnterprise(t, city, {
        uscc: usccOf(2),
        name: '攀钢集团',
        areaCode: '510402',
        industry: 'vanadium_titanium',
        insured: true,
        directlyManaged: true,
      }),
    );
    await tx((t) =>
      createEnterprise(t, dongqu, { uscc: usccOf(3), name: '东区机械厂', areaCode: '510402', industry: 'other', insured: null }),
    );
    const seen = (await tx((t) => listEnterprises(t, dongqu, {}))).items.map((x) => x.name);
    expect(seen).toContain('东区机械厂');
    expect(seen).not.toContain('攀钢集团');
    expect((await fail(tx((t) => getEnterprise(t, dongqu, usccOf(2))))).code).toBe('not_found');
    expect((await tx((t) => getEnterprise(t, city, usccOf(3)))).insured).toBeNull();
  });
});

describe('Providers', () => {
  it('listed → suspended → listed → delisted; a delisted provider is never listed again; each change audited; the public list shows only listed ones', async () => {
    await tx((t) => insertProvider(t, { id: 'P-SM', name: '状态机培训学校', areaCode: '510402' }));
    const audits = await count('audit_log');
    for (const status of ['suspended', 'listed', 'delisted'] as const) {
      expect((await tx((t) => changeProviderStatus(t, dongqu, 'P-SM', { status, reason: '第三方评估' }))).status).toBe(status);
    }
    expect(await count('audit_log')).toBe(audits + 3);
    const e = await fail(tx((t) => changeProviderStatus(t, city, 'P-SM', { status: 'listed', reason: '申请恢复' })));
    expect(e).toMatchObject({ code: 'invalid_transition', message: '培训机构状态不能从“除名”变为“在册”' });
    expect(await count('audit_log')).toBe(audits + 3);
    const publicList = await tx((t) => listProviders(t, null, { pageSize: 200 }));
    expect(publicList.items.map((p) => p.id)).not.toContain('P-SM');
  });
});

describe('Catalog editions', () => {
  const entry = (o: Partial<AddCatalogEntryInput> = {}): AddCatalogEntryInput => ({
    section: 'upgrade',
    code: '9-01-01-01',
    name: '测试工种',
    level: 4,
    baseStandardYuan: 1000,
    industry: 'vanadium_titanium',
    upliftRate: 0.1,
    appraisalStandardYuan: 150,
    hours: 120,
    edition: '2015',
    effectiveFrom: '2020-01-14',
    effectiveTo: null,
    ...o,
  });

  it('a new edition closes the open one the day before it starts; each date has exactly one edition in force', async () => {
    await tx((t) => addCatalogEntry(t, city, entry()));
    const second = await tx((t) => addCatalogEntry(t, city, entry({ baseStandardYuan: 1200, effectiveFrom: '2021-01-01' })));
    expect(second.effectiveStandardFen).toBe(132000);
    const on = async (d: string) =>
      (await tx((t) => listCatalogEntries(t, { code: '9-01-01-01', onDate: d }))).items.map((e) => [
        e.baseStandardFen,
        e.effectiveFrom,
        e.effectiveTo,
      ]);
    expect(await on('2020-12-31')).toEqual([[100000, '2020-01-14', '2020-12-31']]);
    expect(await on('2021-01-01')).toEqual([[120000, '2021-01-01', null]]);
  });

  it('an edition starting inside an older one that has a fixed end, or before the first, is refused as overlapping; nothing changes', async () => {
    const before = await count('catalog_entries');
    const e = await fail(tx((t) => addCatalogEntry(t, city, entry({ effectiveFrom: '2019-06-01', effectiveTo: '2020-06-30' }))));
    expect(e).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('有效期重叠') });
    expect(await count('catalog_entries')).toBe(before);
  });

  it('an uplift outside [5%, 20%] for a priority industry, or any uplift for another, is refused (§4.0, the engine’s own check)', async () => {
    expect(await fail(tx((t) => addCatalogEntry(t, city, entry({ code: '9-01-01-02', upliftRate: 0.3 }))))).toMatchObject({
      field: 'upliftRate',
    });
    expect(
      await fail(tx((t) => addCatalogEntry(t, city, entry({ code: '9-01-01-03', industry: 'other', upliftRate: 0.1 })))),
    ).toMatchObject({ field: 'upliftRate', message: expect.stringContaining('上浮比例应为 0') });
    expect((await fail(tx((t) => addCatalogEntry(t, dongqu, entry({ code: '9-01-01-04' }))))).code).toBe('forbidden');
  });

  it('an entrepreneurship type amount outside [200, 1500] yuan is refused (§4.7)', async () => {
    const e = await fail(
      tx((t) =>
        addEntrepreneurshipType(t, city, { code: 'NEW', name: '新类别', amountYuan: 2000, effectiveFrom: '2021-01-01', effectiveTo: null }),
      ),
    );
    expect(e).toMatchObject({ field: 'amountYuan', message: expect.stringContaining('§4.7') });
    const ok = await tx((t) =>
      addEntrepreneurshipType(t, city, {
        code: 'SYB',
        name: '创办你的企业（SYB）',
        amountYuan: 1100,
        effectiveFrom: '2021-01-01',
        effectiveTo: null,
      }),
    );
    expect(ok.amountFen).toBe(110000);
  });
});

describe('Apprenticeship plans and projects', () => {
  it('a plan is listed by the county, never by the enterprise, and a completed plan does not move again', async () => {
    await tx((t) => createPerson(t, dongqu, { residentId: rid(5), name: '学徒', areaCode: '510402' }));
    const firm = actor({ role: 'enterprise', enterpriseUscc: usccOf(3) });
    const plan = await tx((t) =>
      submitApprenticeshipPlan(t, firm, {
        enterpriseUscc: usccOf(3),
        providerId: null,
        residentId: rid(5),
        name: '学徒',
        occupationCode: '6-16-01-03',
        level: '4',
        startDate: '2020-03-01',
        endDate: '2021-02-28',
        contractMonths: 36,
      }),
    );
    expect((await fail(tx((t) => changePlanStatus(t, firm, plan.id, { status: 'listed', note: null })))).code).toBe('forbidden');
    expect((await tx((t) => changePlanStatus(t, dongqu, plan.id, { status: 'listed', note: null }))).status).toBe('listed');
    expect((await tx((t) => changePlanStatus(t, firm, plan.id, { status: 'completed', note: '取得四级证书' }))).status).toBe('completed');
    expect(await fail(tx((t) => changePlanStatus(t, dongqu, plan.id, { status: 'quit', note: null })))).toMatchObject({
      code: 'invalid_transition',
      message: '学徒培训计划状态不能从“已完成”变为“中途退出”',
    });
  });

  it('a §4.9 contract whose total exceeds price × count is refused; a valid one is recorded in fen', async () => {
    await tx((t) => insertProvider(t, { id: 'P-PJ', areaCode: '510402' }));
    const base = {
      name: '2020年贫困劳动力家政服务项目',
      providerId: 'P-PJ',
      areaCode: '510402',
      selection: 'open_tender' as const,
      perTraineeFen: 180000,
      traineeCount: 50,
      occupationCode: null,
      level: null,
    };
    expect(await fail(tx((t) => createProject(t, dongqu, { ...base, totalFen: 180000 * 50 + 1 })))).toMatchObject({ field: 'totalFen' });
    expect((await tx((t) => createProject(t, dongqu, { ...base, totalFen: 9_000_000 }))).totalFen).toBe(9_000_000);
  });
});
