// Enterprise main-post headcounts over HTTP (§1: the 钒钛 and 康养 rotation is measured against them).
// An enterprise records its own; the city any enterprise's, a county those it manages; departments
// read. Outside the slice is 404; bad input a 400 naming the field that changes nothing; every change
// is audited with the value it replaced; the city's Excel import is all-or-nothing with every problem
// by row and column; and the goal names the enterprises without a figure, never counting them as 0.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise } from '../../src/store/seed/registries.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { uscc } from '../support/claims-fixtures.ts';
import { breakageFor, broken } from '../support/malformed-bodies.ts';

let t: TestApp;
const cookie: Record<string, string> = {};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const E = {
  vtDongqu: uscc(501), // 钒钛, 东区, managed by 东区
  hcXiqu: uscc(502), // 康养, 西区
  vtDirect: uscc(503), // 钒钛, 东区, directly managed by the city (§5.7)
  other: uscc(504), // 其他产业, 东区
};
const NAMES: Record<string, string> = {
  [E.vtDongqu]: '东区钒钛制品有限公司',
  [E.hcXiqu]: '西区康养中心',
  [E.vtDirect]: '攀钢（测试）',
  [E.other]: '东区商贸公司',
};

const req = (who: string | null, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(who ? { cookie: cookie[who]! } : {}), ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const put = (who: string, u: string, year: number | string, body: unknown) => req(who, 'PUT', `/enterprises/${u}/headcounts/${year}`, body);
const auditCount = async () =>
  Number(
    (
      await t.store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const figure = async (u: string, year: number) =>
  (
    await t.store.db
      .selectFrom('enterprise_headcounts')
      .select('main_post_employees')
      .where('uscc', '=', u)
      .where('year', '=', year)
      .executeTakeFirst()
  )?.main_post_employees ?? null;
const audits = async (entityId: string) =>
  await t.store.db
    .selectFrom('audit_log')
    .select(['actor', 'data'])
    .where('action', '=', 'headcount.record')
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();

async function xlsx(
  rows: (string | number | null | undefined)[][],
  headers = ['统一社会信用代码', '企业名称', '年度', '主要岗位职工人数'],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('主要岗位职工数');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r.map((v) => v ?? undefined));
  return Buffer.from(await book.xlsx.writeBuffer());
}
const upload = (who: string, body: Buffer) => req(who, 'POST', '/enterprise-headcounts/import', body, { 'content-type': XLSX });

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertEnterprise(tx, { uscc: E.vtDongqu, name: NAMES[E.vtDongqu], areaCode: '510402', industry: 'vanadium_titanium' });
    await insertEnterprise(tx, { uscc: E.hcXiqu, name: NAMES[E.hcXiqu], areaCode: '510403', industry: 'health_care' });
    await insertEnterprise(tx, {
      uscc: E.vtDirect,
      name: NAMES[E.vtDirect],
      areaCode: '510402',
      industry: 'vanadium_titanium',
      directlyManaged: true,
    });
    await insertEnterprise(tx, { uscc: E.other, name: NAMES[E.other], areaCode: '510402', industry: 'other' });
  });
  cookie.city = await sessionFor(t, { username: 'hc-city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  cookie.dongqu = await sessionFor(t, { username: 'hc-dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  cookie.xiqu = await sessionFor(t, { username: 'hc-xiqu', displayName: '西区人社局', role: 'county', areaCode: '510403' });
  cookie.ent = await sessionFor(t, { username: 'hc-ent', displayName: '东区钒钛', role: 'enterprise', enterpriseUscc: E.vtDongqu });
  cookie.civil = await sessionFor(t, { username: 'hc-civil', displayName: '民政局', role: 'department', department: 'civil_affairs' });
  cookie.emergency = await sessionFor(t, {
    username: 'hc-emergency',
    displayName: '应急管理局',
    role: 'department',
    department: 'emergency',
  });
}, 60_000);
afterAll(() => t?.close());

describe('An enterprise records its own main-post headcount', () => {
  it('records 120 for 2021, then corrects it to 126; the audit keeps the value it replaced', async () => {
    const first = await put('ent', E.vtDongqu, 2021, { mainPostEmployees: 120 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      uscc: E.vtDongqu,
      year: 2021,
      mainPostEmployees: 120,
      recordedBy: 'enterprise:hc-ent',
      editable: true,
      result: 'created',
    });
    const second = await put('ent', E.vtDongqu, 2021, { mainPostEmployees: 126 });
    expect(second.json()).toMatchObject({ mainPostEmployees: 126, result: 'updated' });
    const entries = await audits(`${E.vtDongqu}-2021`);
    expect(entries).toHaveLength(2);
    expect(entries[0]!.data).toMatchObject({ mainPostEmployees: 120, previous: null, via: 'form' });
    expect(entries[1]).toMatchObject({
      actor: 'enterprise:hc-ent',
      data: { mainPostEmployees: 126, previous: { mainPostEmployees: 120, recordedBy: 'enterprise:hc-ent' } },
    });
  });

  it('the same figure again changes nothing and is not audited', async () => {
    const before = await auditCount();
    expect((await put('ent', E.vtDongqu, 2021, { mainPostEmployees: 126 })).json().result).toBe('unchanged');
    expect(await auditCount()).toBe(before);
  });

  it('0 is a figure (an enterprise with no main posts), not a missing one', async () => {
    expect((await put('ent', E.vtDongqu, 2020, { mainPostEmployees: 0 })).json()).toMatchObject({
      mainPostEmployees: 0,
      result: 'created',
    });
  });

  it("another enterprise's figure is not found (404), and nothing is written", async () => {
    const before = await auditCount();
    const res = await put('ent', E.hcXiqu, 2021, { mainPostEmployees: 10 });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect(await figure(E.hcXiqu, 2021)).toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it('its list holds itself only', async () => {
    const res = await req('ent', 'GET', '/enterprise-headcounts?year=2021');
    expect(res.json().items.map((i: { uscc: string }) => i.uscc)).toEqual([E.vtDongqu]);
  });
});

describe('The offices enter or correct it; departments read', () => {
  it("a county enters the figure of an enterprise it manages; another county's, or one the city manages directly, is 404", async () => {
    expect((await put('dongqu', E.other, 2021, { mainPostEmployees: 15 })).statusCode).toBe(200);
    expect((await put('xiqu', E.vtDongqu, 2021, { mainPostEmployees: 1 })).statusCode).toBe(404);
    expect((await put('dongqu', E.vtDirect, 2021, { mainPostEmployees: 1 })).statusCode).toBe(404);
    expect(await figure(E.vtDongqu, 2021)).toBe(126);
    expect(await figure(E.vtDirect, 2021)).toBeNull();
  });

  it("the city corrects any enterprise's figure; the audit names the city and the enterprise's own value it replaced", async () => {
    const res = await put('city', E.vtDongqu, 2021, { mainPostEmployees: 130 });
    expect(res.json()).toMatchObject({ mainPostEmployees: 130, recordedBy: 'city:hc-city', result: 'updated' });
    const last = (await audits(`${E.vtDongqu}-2021`)).at(-1)!;
    expect(last).toMatchObject({
      actor: 'city:hc-city',
      data: { mainPostEmployees: 130, previous: { mainPostEmployees: 126, recordedBy: 'enterprise:hc-ent' } },
    });
  });

  it('a department may not write (403) but reads its slice: civil affairs the 康养 enterprises, emergency none', async () => {
    const res = await put('civil', E.hcXiqu, 2021, { mainPostEmployees: 10 });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/无权/);
    const civil = (await req('civil', 'GET', '/enterprise-headcounts?year=2021')).json();
    expect(civil.items.map((i: { uscc: string }) => i.uscc)).toEqual([E.hcXiqu]);
    expect(civil.items[0]).toMatchObject({ mainPostEmployees: null, editable: false });
    expect((await req('emergency', 'GET', '/enterprise-headcounts?year=2021')).json().total).toBe(0);
  });
});

describe('Bad input is refused naming the field, in Chinese, and changes nothing', () => {
  it.each([
    [{ mainPostEmployees: -1 }, 'body.mainPostEmployees', /不能为负数/],
    [{ mainPostEmployees: 12.5 }, 'body.mainPostEmployees', /整数/],
    [{ mainPostEmployees: '120' }, 'body.mainPostEmployees', /整数/],
    [{}, 'body.mainPostEmployees', /[\u4e00-\u9fff]/],
    [{ mainPostEmployees: 10, note: 'x' }, 'body', /[\u4e00-\u9fff]/],
  ])('%j → 400 naming %s', async (body, field, message) => {
    const before = await auditCount();
    const res = await put('city', E.hcXiqu, 2021, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field });
    expect(res.json().error.message).toMatch(message);
    expect(await figure(E.hcXiqu, 2021)).toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it('any body broken in one place: always a 400 naming the field, never a 5xx, nothing written', async () => {
    const route = { valid: { mainPostEmployees: 40 }, required: ['mainPostEmployees'] };
    const before = await auditCount();
    await fc.assert(
      fc.asyncProperty(breakageFor(route), async (b) => {
        const res = await t.app.inject({
          method: 'PUT',
          url: `/api/v1/enterprises/${E.hcXiqu}/headcounts/2021`,
          headers: { cookie: cookie.city!, 'content-type': 'application/json' },
          payload: JSON.stringify(broken(route, b)),
        });
        expect(res.statusCode).toBe(400);
        const error = res.json().error;
        expect(error.field).toMatch(/^body/);
        expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: 40 },
    );
    expect(await figure(E.hcXiqu, 2021)).toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it('a year outside the plan (read from the policy package: 2020–2021) is refused naming the year', async () => {
    const res = await put('city', E.hcXiqu, 2022, { mainPostEmployees: 10 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field: 'params.year' });
    expect(res.json().error.message).toContain('2020、2021');
    expect((await put('city', E.hcXiqu, 'abc', { mainPostEmployees: 10 })).json().error.field).toBe('params.year');
    expect((await req('city', 'GET', '/enterprise-headcounts?year=2019')).json().error.field).toBe('query.year');
    expect((await req('city', 'GET', '/enterprise-headcounts')).json().error.field).toBe('query.year');
    expect(await figure(E.hcXiqu, 2022)).toBeNull();
  });
});

describe("The year's list for the offices", () => {
  it('lists every enterprise the office sees, the missing ones as null (not 0), filtered and paged', async () => {
    const city = (await req('city', 'GET', '/enterprise-headcounts?year=2021&sort=name')).json();
    expect(city.total).toBe(4);
    expect(city.years).toEqual([2020, 2021]);
    expect(city.items.find((i: { uscc: string }) => i.uscc === E.vtDirect)).toMatchObject({
      mainPostEmployees: null,
      recordedBy: null,
      industryName: '钒钛产业',
      areaName: '东区',
      editable: true,
    });
    const missing = (await req('city', 'GET', '/enterprise-headcounts?year=2021&recorded=false')).json();
    expect(missing.items.map((i: { uscc: string }) => i.uscc).sort()).toEqual([E.hcXiqu, E.vtDirect].sort());
    const vt = (
      await req('city', 'GET', '/enterprise-headcounts?year=2021&industry=vanadium_titanium&areaCode=510402&pageSize=1&page=2&sort=name')
    ).json();
    expect(vt).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    const dongqu = (await req('dongqu', 'GET', '/enterprise-headcounts?year=2021')).json();
    expect(dongqu.items.map((i: { uscc: string }) => i.uscc).sort()).toEqual([E.vtDongqu, E.other].sort());
    const byName = (await req('city', 'GET', `/enterprise-headcounts?year=2021&name=${encodeURIComponent('康养')}`)).json();
    expect(byName.items.map((i: { uscc: string }) => i.uscc)).toEqual([E.hcXiqu]);
  });
});

describe('The §1 rotation goal names the enterprises without a figure and never counts them as 0', () => {
  it('钒钛 in 2021: 攀钢（测试） has no figure — named, the ratio left open; once entered, the sum includes it', async () => {
    let g = (await req('city', 'GET', '/goals?year=2021')).json();
    let vt = g.rotation.find((x: { industry: string }) => x.industry === 'vanadium_titanium');
    expect(vt).toMatchObject({
      enterprises: 2,
      enterprisesWithoutHeadcount: 1,
      mainPostEmployees: 130,
      trainedBasisPoints: null,
      met: null,
    });
    expect(vt.withoutHeadcount).toEqual([{ uscc: E.vtDirect, name: NAMES[E.vtDirect], areaCode: '510402' }]);
    expect(g.missing.some((m: string) => m.includes('攀钢（测试）'))).toBe(true);
    expect((await put('city', E.vtDirect, 2021, { mainPostEmployees: 370 })).statusCode).toBe(200);
    g = (await req('city', 'GET', '/goals?year=2021')).json();
    vt = g.rotation.find((x: { industry: string }) => x.industry === 'vanadium_titanium');
    expect(vt).toMatchObject({
      enterprisesWithoutHeadcount: 0,
      withoutHeadcount: [],
      mainPostEmployees: 500,
      trainedBasisPoints: 0,
      met: false,
    });
  });

  it('a figure of another year does not stand in for the year asked: 2020 still lacks 攀钢（测试）', async () => {
    const g = (await req('city', 'GET', '/goals?year=2020')).json();
    expect(g.rotation.find((x: { industry: string }) => x.industry === 'vanadium_titanium')).toMatchObject({
      enterprisesWithoutHeadcount: 1,
      mainPostEmployees: 0,
      met: null,
    });
  });
});

describe("The city's Excel import", () => {
  it("the template lists every enterprise with the year's figure on record", async () => {
    const res = await req('city', 'GET', '/enterprise-headcounts/template?year=2021');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '统一社会信用代码', '企业名称', '所属产业', '年度', '主要岗位职工人数']);
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((r, n) => {
      if (n > 1) rows.set(String(r.getCell(1).value), r.values as unknown[]);
    });
    expect(rows.size).toBe(4);
    expect(rows.get(E.vtDongqu)!.slice(2)).toEqual([NAMES[E.vtDongqu], '钒钛产业', 2021, 130]);
    expect(String(rows.get(E.hcXiqu)![5] ?? '')).toBe(''); // no figure on record: left empty, not 0
    expect((await req('dongqu', 'GET', '/enterprise-headcounts/template?year=2021')).statusCode).toBe(403);
  });

  it('a file with problems is refused whole, each by row and column, and nothing is written', async () => {
    const before = await auditCount();
    const file = await xlsx([
      [E.hcXiqu, NAMES[E.hcXiqu], 2021, 80], // valid, but the file is refused
      [E.vtDongqu, '别的名字', 2021, 140],
      ['91510400MA6X00501X', null, 2021, 10],
      [E.other, null, 2022, 10],
      [E.other, null, 2021, -3],
      [E.other, null, 2020, '十'],
      [uscc(599), null, 2021, 5],
      [E.hcXiqu, null, 2021, 81],
      [null, null, null, 7],
    ]);
    const res = await upload('city', file);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error).toMatchObject({ code: 'invalid_input', field: 'body.file' });
    expect(error.message).toMatch(/未导入任何数据/);
    const texts = error.issues.map((i: { text: string }) => i.text);
    expect(texts).toContain(`行 3，"企业名称" 列：与该统一社会信用代码登记的企业名称（${NAMES[E.vtDongqu]}）不一致`);
    expect(texts.some((x: string) => x.startsWith('行 4，"统一社会信用代码" 列：'))).toBe(true);
    expect(texts).toContain('行 5，"年度" 列：应为方案有效期内的年度（2020、2021）');
    expect(texts).toContain('行 6，"主要岗位职工人数" 列：不能为负数');
    expect(texts).toContain('行 7，"主要岗位职工人数" 列：应为整数（人）');
    expect(texts).toContain('行 8，"统一社会信用代码" 列：该企业尚未登记');
    expect(texts).toContain('行 9，"统一社会信用代码" 列：与第 2 行是同一企业同一年度，每个企业每年只能填写一行');
    expect(texts).toContain('行 10，"统一社会信用代码" 列：不能为空');
    expect(texts).toContain('行 10，"年度" 列：不能为空');
    expect(await figure(E.hcXiqu, 2021)).toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it('a file without the needed columns, or not an .xlsx, is refused naming the file', async () => {
    const res = await upload('city', await xlsx([[E.hcXiqu, 2021]], ['统一社会信用代码', '年份']));
    expect(res.json().error).toMatchObject({ field: 'body.file' });
    expect(res.json().error.message).toContain('"年度"');
    expect((await upload('city', Buffer.from('not a spreadsheet'))).json().error.field).toBe('body.file');
  });

  it('a valid file writes each figure as the form would; empty figures are skipped, not read as 0', async () => {
    const file = await xlsx([
      [E.hcXiqu, NAMES[E.hcXiqu], 2021, 80],
      [E.vtDongqu, NAMES[E.vtDongqu], 2021, 130], // as on record
      [E.other.toLowerCase(), null, 2021, 16],
      [E.vtDirect, null, 2020, null], // left empty
      [E.hcXiqu, null, 2020, 75],
    ]);
    const res = await upload('city', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ rows: 5, created: 2, updated: 1, unchanged: 1, skipped: 1 });
    expect(await figure(E.hcXiqu, 2021)).toBe(80);
    expect(await figure(E.other, 2021)).toBe(16);
    expect(await figure(E.vtDirect, 2020)).toBeNull();
    expect((await audits(`${E.other}-2021`)).at(-1)!.data).toMatchObject({
      mainPostEmployees: 16,
      via: 'import',
      previous: { mainPostEmployees: 15, recordedBy: 'county:hc-dongqu' },
    });
    expect((await req('dongqu', 'POST', '/enterprise-headcounts/import', file, { 'content-type': XLSX })).statusCode).toBe(403);
  });
});
