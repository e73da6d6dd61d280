// Catalog versions (#5): the city publishes an entry and a new edition of it from a later date (the old
// one closes the day before); editions are listed by label and by the date in force; an edition that
// would overlap another is refused, naming 生效日期, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';

let t: TestApp;
let city = '';
const entry = (over: Record<string, unknown>) => ({
  section: 'upgrade',
  code: 'ADM-CAT-1',
  name: '测试焊工',
  level: 4,
  baseStandardYuan: 1500,
  industry: 'other',
  upliftRate: 0,
  appraisalStandardYuan: null,
  hours: 120,
  edition: '2020版',
  effectiveFrom: '2020-03-01',
  effectiveTo: null,
  ...over,
});
const post = (body: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/catalog', headers: { cookie: city }, payload: body as object });
const list = async (query: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/catalog?code=ADM-CAT-1&${query}` })).json() as {
    total: number;
    items: { edition: string; effectiveFrom: string; effectiveTo: string | null; baseStandardFen: number }[];
  };

beforeAll(async () => {
  t = await openTestApp();
  city = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400' });
}, 60_000);
afterAll(() => t.close());

describe('Catalog versions', () => {
  it('a new edition from 2021-01-01 closes the 2020 edition on 2020-12-31; each is found by its label and by date', async () => {
    expect((await post(entry({}))).statusCode).toBe(201);
    expect((await post(entry({ baseStandardYuan: 1800, edition: '2021版', effectiveFrom: '2021-01-01' }))).statusCode).toBe(201);
    expect((await list('edition=2020%E7%89%88')).items).toEqual([
      expect.objectContaining({ edition: '2020版', effectiveFrom: '2020-03-01', effectiveTo: '2020-12-31', baseStandardFen: 150000 }),
    ]);
    expect((await list('onDate=2021-06-01')).items.map((e) => e.edition)).toEqual(['2021版']);
    expect((await list('')).total).toBe(2);
  });

  it('an edition overlapping another is refused with the field and a clear message; nothing changes', async () => {
    const res = await post(entry({ edition: '插入版', effectiveFrom: '2020-06-01', effectiveTo: '2021-03-31' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('body.effectiveFrom');
    expect(res.json().error.message).toContain('有效期重叠');
    const after = await list('');
    expect(after.total).toBe(2);
    expect(after.items.find((e) => e.edition === '2020版')!.effectiveTo).toBe('2020-12-31');
  });
});
