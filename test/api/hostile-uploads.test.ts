// A hostile provider (or a careless one) cannot exhaust the server through its Excel files or its
// classes: a zip bomb is refused before it inflates, a file over the row, column or cell limit is
// refused naming the limit, parsing happens outside the database transaction so other requests are
// answered meanwhile, and a class's roster, schedule and attendance sheet have limits (limits.ts).
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rosterTemplate } from '../../src/services/classes/import-roster.ts';
import { XLSX_MIME } from '../../src/services/classes/sheet-file.ts';
import { LIMIT_SETTINGS } from '../../src/services/limits.ts';
import { insertEnterprise, insertPeople, insertProvider } from '../../src/store/seed/registries.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { rid, usccOf } from '../support/registry-fixtures.ts';
import { sheetBomb } from '../support/xlsx-bombs.ts';

let t: TestApp;
let provider: string;
let county: string;
let city: string;
const employer = usccOf(71);
const PEOPLE = 520; // more than a class may hold (500 by default)
const person = (n: number) => rid(2000 + n);
const MiB = 1024 * 1024;

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertEnterprise(tx, { uscc: employer, industry: 'vanadium_titanium' });
    await insertProvider(tx, { id: 'P-HU', scopes: [{ program: 'skill_upgrade', occupationCode: '6-16-01-03', level: '4' }] });
    // One multi-row load (as a register is loaded), not 520 round trips.
    await insertPeople(
      tx,
      Array.from({ length: PEOPLE }, (_, i) => ({
        residentId: person(i + 1),
        name: `学员${i + 1}`,
        facts: [{ fact: 'pensionEntitled' as const, value: false }],
      })),
    );
  });
  provider = await sessionFor(t, { username: 'hu-provider', displayName: '培训学校', role: 'provider', providerId: 'P-HU' });
  county = await sessionFor(t, { username: 'hu-county', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  city = await sessionFor(t, { username: 'hu-city', displayName: '市人社局', role: 'city', areaCode: '510400' });
}, 120_000);
afterAll(() => t?.close());
afterEach(() => {
  for (const s of Object.values(LIMIT_SETTINGS)) delete process.env[s.env];
});

const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
const upload = (cookie: string, url: string, body: Buffer) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie, 'content-type': XLSX_MIME }, payload: body });

const session = (i: number) => ({
  day: `2021-03-${String(1 + (i % 28)).padStart(2, '0')}`,
  startsAt: `${String(8 + Math.floor(i / 28)).padStart(2, '0')}:00`,
  endsAt: `${String(8 + Math.floor(i / 28)).padStart(2, '0')}:30`,
  hours: 0.5,
});
const application = (overrides: Record<string, unknown> = {}) => ({
  providerId: 'P-HU',
  program: 'skill_upgrade',
  areaCode: '510402',
  enterpriseUscc: null,
  occupationCode: '6-16-01-03',
  level: '4',
  startDate: '2021-03-01',
  endDate: '2021-04-30',
  hours: 180,
  venue: '东区职业技能培训基地',
  teachers: [{ name: '王老师', qualification: '高级技师' }],
  trainees: [],
  sessions: [session(0), session(1)],
  ...overrides,
});
async function draftClass(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await call(provider, 'POST', '/classes', application(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const HEAD = ['身份证号', '姓名', '工作单位统一社会信用代码', '是否新入职', '劳动合同期限（月）'];
const rosterRows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => [person(from + i), `学员${from + i}`, employer, '否', 12]);
const rosterCount = async (id: string) =>
  Number(
    (
      await t.store.db
        .selectFrom('class_trainees')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('class_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Runs the request and reports how long it took and how far the process's peak resident memory rose. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakRiseMiB: number }> {
  const before = process.resourceUsage().maxRSS; // KiB, the peak so far
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start, peakRiseMiB: (process.resourceUsage().maxRSS - before) / 1024 };
}

describe('A zip bomb', () => {
  it('whose sheet declares 256 MB is refused before anything is inflated: at once, memory flat, naming the limit', async () => {
    const bomb = await sheetBomb(await rosterTemplate(), 256 * MiB);
    expect(bomb.length).toBeLessThan(MiB); // a small file…
    const id = await draftClass();
    const { result: res, ms, peakRiseMiB } = await measured(() => upload(provider, `/classes/${id}/roster`, bomb));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toContain('文件解压后超过 32 MB 的上限');
    expect(ms).toBeLessThan(1500);
    expect(peakRiseMiB).toBeLessThan(64);
    // The headcount import reads with the same reader.
    const hc = await measured(() => upload(city, '/enterprise-headcounts/import', bomb));
    expect(hc.result.statusCode).toBe(400);
    expect(hc.result.json().error.message).toContain('32 MB 的上限');
    expect(hc.peakRiseMiB).toBeLessThan(64);
    expect(await rosterCount(id)).toBe(0);
  }, 60_000);

  it('whose sheet declares a few KB but inflates to 256 MB is stopped where the lie shows: memory flat, nothing imported', async () => {
    const bomb = await sheetBomb(await rosterTemplate(), 256 * MiB, 4096);
    const id = await draftClass();
    const { result: res, ms, peakRiseMiB } = await measured(() => upload(provider, `/classes/${id}/roster`, bomb));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toMatch(/不是有效的 Excel.*实际大小与记录不符/);
    expect(ms).toBeLessThan(1500);
    expect(peakRiseMiB).toBeLessThan(64);
    expect(await rosterCount(id)).toBe(0);
  }, 60_000);

  it('whose sheet declares just under the limit but inflates past it is stopped at the limit (the bytes are counted, not trusted)', async () => {
    const bomb = await sheetBomb(await rosterTemplate(), 64 * MiB, 30 * MiB);
    process.env.UPSKILL_XLSX_MAX_INFLATED_BYTES = String(31 * MiB);
    const id = await draftClass();
    const { result: res, peakRiseMiB } = await measured(() => upload(provider, `/classes/${id}/roster`, bomb));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toMatch(/31 MB 的上限|实际大小与记录不符/);
    expect(peakRiseMiB).toBeLessThan(96);
  }, 60_000);
});

describe('A sheet over a limit is refused naming the limit, and nothing is written', () => {
  it('a file over the upload size', async () => {
    const id = await draftClass();
    const res = await upload(provider, `/classes/${id}/roster`, Buffer.alloc(5 * MiB + 1, 1));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field: 'body.file', message: 'body.file: 文件超过 5 MB 的上限' });
  });

  it('more data rows than the limit (5000 by default; a setting lowers it)', async () => {
    const rows = [
      ['统一社会信用代码', '企业名称', '所属产业', '年度', '主要岗位职工人数'],
      ...Array.from({ length: 5001 }, () => [employer, '', '', 2020, 10]),
    ];
    const res = await upload(city, '/enterprise-headcounts/import', await xlsx(rows));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('body.file: 文件超过 5000 行数据的上限（第 5002 行起超出），未导入。请分批导入');
    process.env.UPSKILL_SHEET_MAX_ROWS = '3';
    const id = await draftClass();
    const few = await upload(provider, `/classes/${id}/roster`, await xlsx([HEAD, ...rosterRows(1, 4)]));
    expect(few.json().error.message).toContain('文件超过 3 行数据的上限（第 5 行起超出）');
    expect(await rosterCount(id)).toBe(0);
  }, 60_000);

  it('a cell beyond the column limit', async () => {
    const id = await draftClass();
    const wide = [...rosterRows(1, 1)[0]!, ...Array.from<string>({ length: 495 }).fill(''), '多余'];
    const res = await upload(provider, `/classes/${id}/roster`, await xlsx([HEAD, wide]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('body.file: 第 2 行第 501 列（SG 列）超出了每行 500 列的上限，未导入');
    expect(await rosterCount(id)).toBe(0);
  });

  it('a cell longer than the limit, by row and column', async () => {
    const id = await draftClass();
    const res = await upload(provider, `/classes/${id}/roster`, await xlsx([HEAD, [person(1), '长'.repeat(1001), employer, '否', 12]]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { text: string }) => i.text)).toEqual([
      '行 2，"姓名" 列：内容有 1001 个字符，超过每格 1000 个字符的上限',
    ]);
    expect(await rosterCount(id)).toBe(0);
  });
});

describe('Parsing happens outside the transaction', () => {
  it('while a large valid roster is read, health checks are answered promptly, not after the import', async () => {
    // 300 trainees, each row with 300 remark columns (read, then ignored): a file worth parsing.
    const id = await draftClass();
    const remarks = Array.from({ length: 300 }, (_, i) => `备注${i + 1}`);
    const file = await xlsx([[...HEAD, ...remarks], ...rosterRows(1, 300).map((r, i) => [...r, ...remarks.map((m) => `${m}-${i}`)])]);
    const pings: number[] = [];
    let done = false;
    const start = performance.now();
    const importing = upload(provider, `/classes/${id}/roster`, file).finally(() => {
      done = true;
    });
    while (!done) {
      const sent = performance.now();
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.statusCode).toBe(200);
      pings.push(performance.now() - sent);
      await new Promise((r) => setTimeout(r, 2));
    }
    const res = await importing;
    const took = performance.now() - start;
    expect(res.statusCode, res.body).toBe(200);
    expect(await rosterCount(id)).toBe(300);
    const slowest = Math.max(...pings);
    console.log(`roster import ${Math.round(took)} ms; ${pings.length} health checks meanwhile, slowest ${Math.round(slowest)} ms`);
    // Inside the transaction, a health check sent while the file was read waited for the whole import.
    expect(pings.length).toBeGreaterThanOrEqual(5);
    expect(slowest).toBeLessThan(took / 2);
  }, 60_000);
});

describe('A class has size limits', () => {
  it('an application with more trainees or sessions than the limit is refused naming the field', async () => {
    const many = Array.from({ length: 501 }, (_, i) => ({ residentId: person(i + 1), employerUscc: employer }));
    const res = await call(provider, 'POST', '/classes', application({ trainees: many }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'body.trainees', message: 'body.trainees: 每班学员最多 500 名，本申请有 501 名' });
    const sessions = await call(provider, 'POST', '/classes', application({ sessions: Array.from({ length: 401 }, (_, i) => session(i)) }));
    expect(sessions.statusCode).toBe(400);
    expect(sessions.json().error).toMatchObject({ field: 'body.sessions', message: 'body.sessions: 每班课次最多 400 个，本申请有 401 个' });
    process.env.UPSKILL_CLASS_MAX_SESSIONS = '1';
    const one = await call(provider, 'POST', '/classes', application());
    expect(one.json().error.message).toBe('body.sessions: 每班课次最多 1 个，本申请有 2 个');
  }, 60_000);

  it('a roster file with more trainees than a class may hold is refused whole', async () => {
    const id = await draftClass();
    const res = await upload(provider, `/classes/${id}/roster`, await xlsx([HEAD, ...rosterRows(1, 501)]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('body.file: 花名册有 501 名学员，超过每班 500 名的上限，未导入');
    expect(await rosterCount(id)).toBe(0);
  }, 60_000);

  it("a draft's attendance sheet is not produced (only from the office's approval on), and an approved class's only within the cell limit", async () => {
    const id = await draftClass({
      trainees: [
        { residentId: person(511), name: '学员511', employerUscc: employer },
        { residentId: person(512), name: '学员512', employerUscc: employer },
      ],
    });
    const draft = await call(provider, 'GET', `/classes/${id}/attendance-sheet`);
    expect(draft.statusCode).toBe(409);
    expect(draft.json().error.message).toBe('培训班当前状态为“草稿”，不能下载考勤表（开班审查通过后提供）');
    expect((await call(county, 'GET', `/classes/${id}/attendance-sheet`)).statusCode).toBe(409);
    for (const [who, step] of [
      [provider, 'submit'],
      [county, 'approve'],
    ] as const) {
      const res = await call(who, 'POST', `/classes/${id}/${step}`, step === 'approve' ? {} : undefined);
      expect(res.statusCode, res.body).toBe(200);
    }
    const approved = await call(provider, 'GET', `/classes/${id}/attendance-sheet`);
    expect(approved.statusCode).toBe(200);
    expect(approved.headers['content-type']).toBe(XLSX_MIME);
    process.env.UPSKILL_ATTENDANCE_SHEET_MAX_CELLS = '3';
    const over = await call(provider, 'GET', `/classes/${id}/attendance-sheet`);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toBe('本班有 2 名学员、2 个课次，考勤表共 4 格，超过 3 格的上限；请在页面中按课次登记考勤');
  }, 60_000);
});
