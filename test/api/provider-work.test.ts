// The training provider's work over HTTP: the class application checked by the SAME pure
// function the browser form runs; the roster and attendance as Excel files — a template to download, a
// file refused with every problem by row and column and nothing written, or imported whole; the
// claims of a closed class from its own records; and the payments on the provider's claims.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classApplicationProblems, problemText, scopeCovers, type ClassApplicationDraft } from '../../src/policy/class-application.ts';
import { XLSX_MIME } from '../../src/services/classes/sheet-file.ts';
import { REAL_NAME_REFUSED } from '../../src/services/people/real-name-check.ts';
import { insertEnterprise, insertPerson, insertProvider } from '../../src/store/seed/registries.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { rid, usccOf } from '../support/registry-fixtures.ts';

let t: TestApp;
let provider: string;
let other: string;
let dongqu: string;
const employer = usccOf(51);

const application = (overrides: Record<string, unknown> = {}) => ({
  providerId: 'P-PW',
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
  sessions: [
    { day: '2021-03-01', startsAt: '09:00', endsAt: '12:00', hours: 3 },
    { day: '2021-03-02', startsAt: '14:00', endsAt: '17:00', hours: 3 },
  ],
  ...overrides,
});

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertEnterprise(tx, { uscc: employer, industry: 'vanadium_titanium' });
    await insertProvider(tx, { id: 'P-PW', scopes: [{ program: 'skill_upgrade', occupationCode: '6-16-01-03', level: '4' }] });
    await insertProvider(tx, { id: 'P-OTHER', scopes: [] });
    for (let n = 1; n <= 8; n++)
      await insertPerson(tx, { residentId: rid(500 + n), name: `学员${n}`, facts: [{ fact: 'pensionEntitled', value: false }] });
  });
  provider = await sessionFor(t, { username: 'pw-provider', displayName: '培训学校', role: 'provider', providerId: 'P-PW' });
  other = await sessionFor(t, { username: 'pw-other', displayName: '别的学校', role: 'provider', providerId: 'P-OTHER' });
  dongqu = await sessionFor(t, { username: 'pw-dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
}, 60_000);
afterAll(() => t.close());

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
const upload = (cookie: string, url: string, body: Buffer) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie, 'content-type': XLSX_MIME }, payload: body });

async function createClass(overrides: Record<string, unknown> = {}): Promise<string> {
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
async function readXlsx(body: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const out: string[][] = [];
  book.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return out;
}

const auditCount = async () =>
  Number(
    (
      await t.store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const rosterOf = async (id: string) =>
  (await t.store.db.selectFrom('class_trainees').select('resident_id').where('class_id', '=', id).orderBy('resident_id').execute()).map(
    (r) => r.resident_id,
  );
const HEAD = ['身份证号', '姓名', '工作单位统一社会信用代码', '是否新入职', '劳动合同期限（月）'];

describe('The class application form and the server check with one and the same function', () => {
  const BAD: [string, Partial<ClassApplicationDraft> & Record<string, unknown>][] = [
    ['an end before the start', { endDate: '2021-02-01' }],
    ['an upgrade class without a level (§4.0)', { level: null }],
    ['a short-term class without its enterprise (§4.3)', { program: 'short_term', occupationCode: null, level: null }],
    [
      'a resident ID with a wrong check character (§5.2)',
      { trainees: [{ residentId: rid(501).slice(0, 17) + (rid(501).endsWith('1') ? '2' : '1') }] },
    ],
    [
      'the same person twice on the roster',
      {
        trainees: [
          { residentId: rid(501), name: '学员1' },
          { residentId: rid(501), name: '学员1' },
        ],
      },
    ],
    ['a session outside the class dates', { sessions: [{ day: '2021-05-02', startsAt: '09:00', endsAt: '12:00', hours: 3 }] }],
    ['a session that ends before it starts', { sessions: [{ day: '2021-03-01', startsAt: '12:00', endsAt: '09:00', hours: 3 }] }],
  ];
  it.each(BAD)('%s: the server refuses with the first problem the browser shows, field and message alike', async (_name, overrides) => {
    const body = application(overrides);
    const problems = classApplicationProblems(body as ClassApplicationDraft);
    expect(problems.length).toBeGreaterThan(0);
    const res = await call(provider, 'POST', '/classes', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.field).toBe(`body.${problems[0]!.field}`);
    expect(res.json().error.message).toBe(`body.${problems[0]!.field}: ${problemText(problems[0]!)}`);
  });

  it('a well-formed application has no problem on either side', async () => {
    expect(classApplicationProblems(application() as ClassApplicationDraft)).toEqual([]);
    await createClass();
  });

  it('the problems carry the clause they rest on', () => {
    const [p] = classApplicationProblems(
      application({ program: 'short_term', occupationCode: null, level: null }) as ClassApplicationDraft,
    );
    expect(p).toEqual({ field: 'enterpriseUscc', message: '短期岗位技能培训和岗前技能培训由企业组织，应填写企业', clause: '§4.3' });
  });

  it('the licence scope (§3) is judged by one pure check: program, occupation and level on the start date', () => {
    const scopes = [
      { program: 'employment_skill', occupationCode: '6-31-01-03', level: '5', validFrom: '2020-01-14', validTo: '2021-12-31' },
      { program: 'entrepreneurship', occupationCode: null, level: null, validFrom: '2020-01-14', validTo: null },
    ];
    expect(scopeCovers(scopes, { program: 'employment_skill', occupationCode: '6-31-01-03', level: '5', startDate: '2021-12-01' })).toBe(
      true,
    );
    expect(scopeCovers(scopes, { program: 'employment_skill', occupationCode: '6-31-01-03', level: '4', startDate: '2021-12-01' })).toBe(
      false,
    );
    expect(scopeCovers(scopes, { program: 'employment_skill', occupationCode: '6-31-01-03', level: '5', startDate: '2022-01-03' })).toBe(
      false,
    );
    expect(scopeCovers(scopes, { program: 'entrepreneurship', startDate: '2025-01-01' })).toBe(true);
    expect(scopeCovers(scopes, { program: 'safety', occupationCode: '6-31-01-03', level: '5', startDate: '2021-12-01' })).toBe(false);
  });

  it('the browser form imports the checks from src/policy, not a copy', () => {
    const form = readFileSync(new URL('../../web/src/areas/provider/ClassFormPage.tsx', import.meta.url), 'utf8');
    expect(form).toMatch(
      /import \{[^}]*classApplicationProblems[^}]*scopeCovers[^}]*\} from '..\/..\/..\/..\/src\/policy\/class-application.ts'/,
    );
    expect(form).toContain('classApplicationProblems(draft)');
  });
});

describe('The roster as an Excel file', () => {
  it('has a template with the Chinese headers and one example row whose ID is well formed', async () => {
    const res = await call(provider, 'GET', '/classes/roster-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    expect(String(res.headers['content-disposition'])).toContain('attachment');
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(HEAD);
    expect(rows).toHaveLength(2);
    expect(classApplicationProblems({ ...application(), trainees: [{ residentId: rows[1]![0]! }] } as ClassApplicationDraft)).toEqual([]);
  });

  it('a file with bad rows is refused with every problem by row and column, and nothing is imported', async () => {
    const id = await createClass();
    const badCheck = rid(502).slice(0, 17) + (rid(502).endsWith('0') ? '1' : '0');
    const file = await xlsx([
      HEAD,
      [rid(501), '学员1', employer, '否', 12],
      [badCheck, '学员2', null, null, null],
      [rid(503), '别人', null, null, null],
      [rid(599), '无此人', null, null, null],
      [rid(501), '学员1', null, '也许', -3],
      [rid(504), '学员4', 'NOT-A-USCC', null, null],
    ]);
    const audits = await auditCount();
    const res = await upload(provider, `/classes/${id}/roster`, file);
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.field).toBe('body.file');
    expect(error.message).toMatch(/^花名册有 7 处错误，未导入任何数据。行 3，"身份证号" 列：居民身份证号码校验码错误/);
    expect(error.issues.map((i: { text: string }) => i.text)).toEqual([
      '行 3，"身份证号" 列：居民身份证号码校验码错误（GB 11643）',
      // To a provider a wrong name and an unregistered ID read the same (real-name-check.ts).
      `行 4，"身份证号" 列：${REAL_NAME_REFUSED}`,
      `行 5，"身份证号" 列：${REAL_NAME_REFUSED}`,
      '行 6，"身份证号" 列：与第 2 行是同一人，同一人员在花名册中只能出现一次（§5.2）',
      '行 6，"是否新入职" 列：应填写“是”或“否”，或留空',
      '行 6，"劳动合同期限（月）" 列：应为 0 到 600 之间的整数（月）',
      '行 7，"工作单位统一社会信用代码" 列：统一社会信用代码应为18位（GB 32100）',
    ]);
    expect(await rosterOf(id)).toEqual([]);
    expect(await auditCount()).toBe(audits);
  });

  it('a valid file replaces the roster of the draft as a whole, audited', async () => {
    const id = await createClass({ trainees: [{ residentId: rid(508), name: '学员8' }] });
    const file = await xlsx([HEAD, [rid(501), '学员1', employer, '否', 12], [rid(502), '学员2', null, '是', null]]);
    const res = await upload(provider, `/classes/${id}/roster`, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .trainees.map((x: { name: string; employerUscc: string | null; newHire: boolean | null; contractMonths: number | null }) => [
          x.name,
          x.employerUscc,
          x.newHire,
          x.contractMonths,
        ]),
    ).toEqual([
      ['学员1', employer, false, 12],
      ['学员2', null, true, null],
    ]);
    expect(await rosterOf(id)).toEqual([rid(501), rid(502)].sort());
    const last = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('entity_id', '=', id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.action).toBe('class.roster_import');
  });

  it("refuses what is not an .xlsx, a file without the template's headers, a submitted class and another provider's class", async () => {
    const id = await createClass();
    const notXlsx = await upload(provider, `/classes/${id}/roster`, Buffer.from('身份证号,姓名\n'));
    expect([notXlsx.statusCode, notXlsx.json().error.field]).toEqual([400, 'body.file']);
    expect(notXlsx.json().error.message).toContain('不是有效的 Excel');
    const json = await call(provider, 'POST', `/classes/${id}/roster`, { trainees: [] });
    expect([json.statusCode, json.json().error.field]).toEqual([400, 'body.file']);
    const noHeaders = await upload(
      provider,
      `/classes/${id}/roster`,
      await xlsx([
        ['编号', '名字'],
        ['1', '甲'],
      ]),
    );
    expect(noHeaders.json().error.message).toBe('body.file: 花名册第 1 行缺少列："身份证号"、"姓名"（请使用下载的模板）');
    const good = await xlsx([HEAD, [rid(503), '学员3', employer]]);
    expect((await upload(other, `/classes/${id}/roster`, good)).statusCode).toBe(404);
    expect((await upload(provider, `/classes/${id}/roster`, good)).statusCode).toBe(200);
    const submitted = await call(provider, 'POST', `/classes/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const late = await upload(provider, `/classes/${id}/roster`, await xlsx([HEAD, [rid(504), '学员4']]));
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'invalid_transition']);
    expect(await rosterOf(id)).toEqual([rid(503)]);
  });
});

/** A running class of two trainees (each test its own, so that no one repeats a training, R4). */
async function runningClass(a: number, b: number): Promise<{ id: string; sessions: { id: number }[] }> {
  const id = await createClass({
    startDate: '2021-06-01',
    endDate: '2021-06-30',
    sessions: [
      { day: '2021-06-01', startsAt: '09:00', endsAt: '12:00', hours: 3 },
      { day: '2021-06-02', startsAt: '09:00', endsAt: '12:00', hours: 3 },
    ],
    trainees: [
      { residentId: rid(a), name: `学员${a - 500}`, employerUscc: employer },
      { residentId: rid(b), name: `学员${b - 500}`, employerUscc: employer },
    ],
  });
  for (const [who, step] of [
    [provider, 'submit'],
    [dongqu, 'approve'],
    [provider, 'start'],
  ] as const) {
    const res = await call(who, 'POST', `/classes/${id}/${step}`, step === 'approve' ? {} : undefined);
    expect(res.statusCode, res.body).toBe(200);
  }
  return { id, sessions: (await call(provider, 'GET', `/classes/${id}`)).json().sessions };
}

describe('Attendance as an Excel file', () => {
  it("the class's sheet lists its trainees × its sessions; bad cells refuse the file, a good file records every mark", async () => {
    const { id } = await runningClass(505, 506);
    const sheet = await call(provider, 'GET', `/classes/${id}/attendance-sheet`);
    expect(sheet.statusCode).toBe(200);
    const rows = await readXlsx(sheet.rawPayload);
    expect(rows[0]).toEqual(['身份证号', '姓名', '补录原因', '其他原因说明', '2021-06-01 09:00-12:00', '2021-06-02 09:00-12:00']);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([
      [rid(505), '学员5'],
      [rid(506), '学员6'],
    ]);

    const audits = await auditCount();
    const bad = await upload(
      provider,
      `/classes/${id}/attendance-import`,
      await xlsx([
        rows[0]!,
        [rid(505), '学员5', '忘带手机', '', '出勤', '迟到'],
        [rid(506), '学员6', '', '', '出勤', ''],
        [rid(507), '学员7', '其他', '', '出勤', '出勤'],
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.issues.map((i: { text: string }) => i.text)).toEqual([
      '行 2，"2021-06-02 09:00-12:00" 列：应填写“出勤”或“缺勤”（或留空），不能是“迟到”',
      '行 3，"补录原因" 列：本行登记了“出勤”，须填写补录原因（忘带手机、设备故障、网络故障、其他）；学员本人扫码签到的无需补录',
      '行 4，"身份证号" 列：该人员不在本班花名册中',
    ]);
    expect(await auditCount()).toBe(audits);
    expect(
      await t.store.db
        .selectFrom('attendance')
        .select('resident_id')
        .where('resident_id', 'in', [rid(505), rid(506)])
        .execute(),
    ).toEqual([]);

    const good = await upload(
      provider,
      `/classes/${id}/attendance-import`,
      await xlsx([rows[0]!, [rid(505), '学员5', '其他', '考勤机停电', '出勤', '√'], [rid(506), '学员6', '', '', '缺勤', '']]),
    );
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ sessions: 2, marks: 3 });
    const view = (await call(provider, 'GET', `/classes/${id}`)).json();
    expect(view.trainees.map((x: { name: string; hoursPresent: number }) => [x.name, x.hoursPresent])).toEqual([
      ['学员5', 6],
      ['学员6', 0],
    ]);
    const grid = (await call(provider, 'GET', `/classes/${id}/attendance`)).json() as {
      sessionId: number;
      residentId: string;
      present: boolean;
      manual: boolean;
      reason: string | null;
      reasonNote: string | null;
      signedAt: string | null;
    }[];
    // Every mark of a sheet is a manual mark with its reason; it claims no sign-in time of its own.
    expect(grid.map((m) => [m.residentId, m.present, m.manual, m.reason, m.reasonNote, m.signedAt])).toEqual([
      [rid(505), true, true, '其他', '考勤机停电', null],
      [rid(506), false, true, null, null, null],
      [rid(505), true, true, '其他', '考勤机停电', null],
    ]);
    // The sheet downloaded again, filled as it is, imports without new reasons (they are on record).
    const again = await readXlsx((await call(provider, 'GET', `/classes/${id}/attendance-sheet`)).rawPayload);
    const filled = again.map((r) => Array.from(r, (v) => v ?? ''));
    expect(filled[1]).toEqual([rid(505), '学员5', '', '', '出勤', '出勤']);
    const same = await upload(provider, `/classes/${id}/attendance-import`, await xlsx(filled));
    expect(same.statusCode, same.body).toBe(200);
  });
});

describe('Claims of a closed class, and their payments', () => {
  it("are submitted by the provider from the class's records once the office has closed it, each trainee once", async () => {
    const { id, sessions } = await runningClass(507, 508);
    const early = await call(provider, 'POST', `/classes/${id}/claims`, {});
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'invalid_transition']);
    await call(provider, 'POST', `/classes/${id}/attendance`, {
      sessionId: sessions[0]!.id,
      marks: [
        { residentId: rid(507), present: true, reason: '忘带手机' },
        { residentId: rid(508), present: true, reason: '网络故障' },
      ],
    });
    await call(provider, 'POST', `/classes/${id}/assessment`, {
      results: [
        { residentId: rid(507), qualified: true, assessedOn: '2021-06-30' },
        { residentId: rid(508), qualified: false, assessedOn: '2021-06-30' },
      ],
    });
    expect((await call(provider, 'POST', `/classes/${id}/assess`)).statusCode).toBe(200);
    expect(
      (
        await call(provider, 'POST', `/classes/${id}/certificates`, {
          residentId: rid(507),
          type: 'skill_level',
          number: 'PW-0001',
          issuedOn: '2021-07-01',
        })
      ).statusCode,
    ).toBe(201);
    expect((await call(dongqu, 'POST', `/classes/${id}/close`, {})).statusCode).toBe(200);

    const res = await call(provider, 'POST', `/classes/${id}/claims`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ submitted: 2, skipped: 0 });
    const claims = await t.store.db.selectFrom('claims').selectAll().where('class_id', '=', id).orderBy('resident_id').execute();
    expect(
      claims.map((c) => [
        c.resident_id,
        c.applicant,
        c.attended_hours == null ? null : Number(c.attended_hours),
        c.qualified,
        c.certificate_number,
        c.status,
      ]),
    ).toEqual([
      [rid(507), 'institution', 3, true, 'PW-0001', 'submitted'],
      [rid(508), 'institution', 3, false, null, 'submitted'],
    ]);
    const again = await call(provider, 'POST', `/classes/${id}/claims`, {});
    expect(again.json()).toEqual({ submitted: 0, claimIds: [], skipped: 2 });
    expect((await call(dongqu, 'POST', `/classes/${id}/claims`, {})).statusCode).toBe(403);
  });

  it('the provider sees the payments on its own claims only', async () => {
    const claim = (await t.store.db.selectFrom('claims').select(['id']).where('provider_id', '=', 'P-PW').executeTakeFirstOrThrow()).id;
    await inTransaction(t.store.db, async (tx) => {
      await tx
        .insertInto('funds')
        .values({
          id: 'special_action-2021',
          source: 'special_action',
          year: 2021,
          budget_fen: 1e9,
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })
        .execute();
      await tx
        .insertInto('payment_batches')
        .values({
          id: 'PW-B1',
          fund_id: 'special_action-2021',
          area_code: '510402',
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })
        .execute();
      await tx
        .insertInto('payments')
        .values({ claim_id: claim, batch_id: 'PW-B1', payee: 'institution', payee_ref: 'P-PW', amount_fen: 172_800 })
        .execute();
    });
    const mine = (await call(provider, 'GET', '/provider-payments')).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({ claimId: claim, payee: 'institution', amountFen: 172_800, batchId: 'PW-B1' });
    expect((await call(other, 'GET', '/provider-payments')).json().total).toBe(0);
  });
});
