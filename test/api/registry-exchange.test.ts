// Registry exchange over HTTP (docs/registry-exchange.md): every source's template round-trips into
// dated, sourced facts; a malformed extract is refused whole with each problem by row and column and
// nothing written; the same extract twice changes nothing and says so; the reconciliation report lists
// matches, unknown IDs, name mismatches, the facts added, conflicts with other sources, the claims
// re-decided and the cases raised, and is kept for later; the exports carry their layouts and are audited.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_SOURCES, SOURCE_KEYS, type SourceKey } from '../../src/services/exchange/registry-sources.ts';
import { EXPORT_LAYOUTS } from '../../src/services/exchange/registry-exports.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import {
  insertClaimRow,
  insertEnterprise,
  insertFund,
  insertPeople,
  insertProvider,
  residentId,
  uscc,
} from '../support/claims-fixtures.ts';

let t: TestApp;
const cookie: Record<string, string> = {};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const E = uscc(731);
const P = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => residentId(730 + n));
const NAMES = ['甲社保', '乙社保', '丙社保', '丁扶贫', '戊扶贫', '己模板', '庚模板', '辛导出'];
const UNKNOWN = residentId(799, '510403');

const req = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { cookie: cookie[who]!, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const upload = (source: SourceKey, extractDate: string, body: Buffer, type = XLSX) =>
  req('city', 'POST', `/registry-exchange/imports?source=${source}&extractDate=${extractDate}&fileName=x`, body, { 'content-type': type });
const count = async (table: 'person_facts' | 'registry_imports' | 'fact_cases' | 'registry_conflicts') =>
  Number(
    (
      await t.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const template = async (source: SourceKey) => (await req('city', 'GET', `/registry-exchange/sources/${source}/template`)).rawPayload;

/** The downloaded template with its example row replaced by these rows (cells written as text). */
async function filled(source: SourceKey, rows: (string | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await template(source)) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  sheet.spliceRows(2, 1);
  rows.forEach((r, i) => {
    const row = sheet.getRow(i + 2);
    r.forEach((v, c) => {
      if (v != null) row.getCell(c + 1).value = v;
    });
    row.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertEnterprise(tx, { uscc: E, educationFund: { 2020: true } });
    await tx.updateTable('enterprises').set({ name: '攀枝花测试钢铁有限公司' }).where('uscc', '=', E).execute();
    await insertPeople(
      tx,
      P.map((p, i) => ({ residentId: p, name: NAMES[i] })),
    );
    // What the office recorded by hand: not entitled to a pension since 2015, P5 not a poor labourer since 2019.
    await tx
      .insertInto('person_facts')
      .values([
        ...P.slice(0, 3).map((p) => ({
          resident_id: p,
          fact: 'pensionEntitled',
          value: false,
          source: '窗口核实',
          as_of: '2015-01-01',
          recorded_by: 'test',
        })),
        { resident_id: P[4]!, fact: 'poor_labor', value: false, source: '窗口核实', as_of: '2019-01-01', recorded_by: 'test' },
      ])
      .execute();
    // §4.2 claims starting 2020-03-02 (1870 yuan): P1's awaits review, P2's is paid.
    await insertClaimRow(tx, {
      id: 'RX-1',
      residentId: P[0]!,
      status: 'decided',
      enterpriseUscc: E,
      outcome: 'eligible',
      amountFen: 187000,
      payee: 'individual',
    });
    await insertClaimRow(tx, {
      id: 'RX-2',
      residentId: P[1]!,
      status: 'paid',
      enterpriseUscc: E,
      outcome: 'eligible',
      amountFen: 187000,
      payee: 'individual',
    });
    // A paid claim and a sanction for the exports.
    const fund = await insertFund(tx, 'special_action', 2021, 100_000_000);
    await tx
      .insertInto('payment_batches')
      .values({ id: 'RX-B', fund_id: fund, area_code: '510402', status: 'paid', created_by: 'test', updated_by: null, updated_at: null })
      .execute();
    await insertClaimRow(tx, {
      id: 'RX-3',
      residentId: P[7]!,
      status: 'paid',
      enterpriseUscc: E,
      outcome: 'eligible',
      amountFen: 187000,
      payee: 'individual',
    });
    await tx
      .insertInto('payments')
      .values({
        claim_id: 'RX-3',
        batch_id: 'RX-B',
        payee: 'individual',
        payee_ref: P[7]!,
        amount_fen: 187000,
        paid_at: new Date('2021-05-10T03:00:00Z'),
      })
      .execute();
    await insertProvider(tx, 'RX-PV');
    await tx
      .insertInto('risk_sanctions')
      .values({
        id: 'SAN-RX-1',
        kind: 'provider_suspended',
        claim_id: null,
        provider_id: 'RX-PV',
        recovery_id: null,
        amount_fen: null,
        area_code: '510402',
        reason: '虚报培训人数',
        basis: JSON.stringify({}),
        public_party: '测试培训学校',
        sanctioned_on: '2021-06-01',
        created_by: 'test',
      })
      .execute();
  });
  cookie.city = await sessionFor(t, { username: 'rx-city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  cookie.dongqu = await sessionFor(t, { username: 'rx-dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
}, 60_000);
afterAll(() => t?.close());

describe('each source has a documented layout and a template', () => {
  it('lists six sources, each with its columns, what they mean and the facts it gives', async () => {
    const res = await req('city', 'GET', '/registry-exchange/sources');
    expect(res.statusCode).toBe(200);
    const sources = res.json() as { key: string; columns: { header: string; required: boolean; meaning: string }[]; facts: unknown[] }[];
    expect(sources.map((s) => s.key)).toEqual([...SOURCE_KEYS]);
    for (const s of sources) {
      expect(s.columns[0]).toMatchObject({ header: '身份证号', required: true });
      expect(s.columns.every((c) => c.meaning.length > 0)).toBe(true);
      expect(s.facts.length).toBeGreaterThan(0);
    }
  });

  it('is for the city only: a county office is refused', async () => {
    expect((await req('dongqu', 'GET', '/registry-exchange/sources')).statusCode).toBe(403);
  });

  const ROWS: Record<SourceKey, { row: (string | null)[]; facts: [string, boolean, string][] }> = {
    social_insurance: {
      row: [P[5]!, NAMES[5]!, E, '攀枝花测试钢铁有限公司', '2019-01', '2020-12', '2021-02-01'],
      facts: [
        ['pensionEntitled', false, '1985-03-12'],
        ['pensionEntitled', true, '2021-02-01'],
      ],
    },
    poverty: {
      row: [P[5]!, NAMES[5]!, '贫困家庭子女', '2019-06-01', '2020-12-31'],
      facts: [
        ['poor_family_child', true, '2019-06-01'],
        ['poor_family_child', false, '2021-01-01'],
      ],
    },
    dibao: { row: [P[5]!, NAMES[5]!, '2020-01-01', ''], facts: [['urban_dibao_family', true, '2020-01-01']] },
    disabled: {
      row: [P[5]!, NAMES[5]!, '2018-05-20', '2023-05-19', '51040219850312073642'],
      facts: [
        ['disabled', true, '2018-05-20'],
        ['disabled', false, '2023-05-20'],
      ],
    },
    veterans: { row: [P[5]!, NAMES[5]!, '2010-12-01'], facts: [['veteran', true, '2010-12-01']] },
    employment: { row: [P[5]!, NAMES[5]!, '零就业家庭成员', '2020-04-15', ''], facts: [['zero_employment_family', true, '2020-04-15']] },
  };
  for (const key of SOURCE_KEYS) {
    it(`${REGISTRY_SOURCES[key].name}: the filled template imports into dated facts naming the source, the date and the row`, async () => {
      const res = await upload(key, '2021-10-31', await filled(key, [ROWS[key].row]));
      expect(res.statusCode, res.body).toBe(200);
      const facts = await t.store.db
        .selectFrom('person_facts')
        .select(['fact', 'value', 'as_of', 'source', 'registry_row', 'registry_import_id'])
        .where('resident_id', '=', P[5]!)
        .where('registry_import_id', '=', res.json().id)
        .orderBy('as_of')
        .execute();
      expect(facts.map((f) => [f.fact, f.value, f.as_of])).toEqual(ROWS[key].facts);
      for (const f of facts) {
        expect(f.registry_row).toBe(2);
        expect(f.source).toBe(`${REGISTRY_SOURCES[key].name}（数据日期 2021年10月31日，第 ${res.json().id} 次导入第 2 行）`);
      }
    });
  }

  it('reads a CSV in GB18030 (the encoding many departments export) as well as in UTF-8', async () => {
    const text = `身份证号,姓名,退役日期\r\n${P[6]},${NAMES[6]},2012-12-01\r\n`;
    const gb = Buffer.from(new Uint8Array(await new Response(new Blob([text])).arrayBuffer())); // UTF-8 first
    const res = await upload('veterans', '2021-10-31', gb, 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().report.factsAdded).toHaveLength(1);
    // GB18030 bytes for 身份证号,姓名,退役日期 / 庚模板 (encoded by hand: Node has no GB18030 encoder).
    const gbText = Buffer.concat([
      Buffer.from('c9edb7ddd6a4bac52cd0d5c3fb2ccdcbd2dbc8d5c6da0d0a', 'hex'),
      Buffer.from(`${P[6]},`, 'ascii'),
      Buffer.from('b8fdc4a3b0e5', 'hex'),
      Buffer.from(',2013-12-01\r\n', 'ascii'),
    ]);
    const res2 = await upload('veterans', '2021-10-31', gbText, 'text/csv');
    expect(res2.statusCode, res2.body).toBe(200);
    expect(res2.json().report.matched).toBe(1);
    expect(res2.json().report.factsAdded[0]).toMatchObject({ fact: 'veteran', value: true, asOf: '2013-12-01' });
  });
});

describe('a malformed extract is refused whole, naming row and column, and nothing is written', () => {
  it('lists every problem: a wrong check digit, an impossible date, an unknown category, an end before the start', async () => {
    const before = [await count('person_facts'), await count('registry_imports')];
    const bad = await filled('poverty', [
      [P[3]!, NAMES[3]!, '贫困劳动力', '2019-06-01', ''],
      [P[3]!.slice(0, 17) + (P[3]![17] === '0' ? '1' : '0'), NAMES[3]!, '贫困劳动力', '2019-06-01', ''],
      [P[4]!, NAMES[4]!, '低收入', '2019-02-30', ''],
      [P[4]!, NAMES[4]!, '贫困劳动力', '2020-06-01', '2020-01-01'],
      [P[4]!, NAMES[4]!, '贫困劳动力', '2022-01-01', ''],
    ]);
    const res = await upload('poverty', '2021-10-31', bad);
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.issues as { row: number; column: string; text: string }[];
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, '身份证号'],
      [4, '类别'],
      [4, '起始日期'],
      [5, '终止日期'],
      [6, '起始日期'],
    ]);
    expect(issues[0]!.text).toMatch(/^行 3，"身份证号" 列：/);
    expect(issues[4]!.text).toContain('晚于本次数据的数据日期 2021年10月31日');
    expect([await count('person_facts'), await count('registry_imports')]).toEqual(before);
  });

  it('refuses a file without the layout’s columns, and a CSV in neither UTF-8 nor GB18030', async () => {
    const res = await upload('dibao', '2021-10-31', Buffer.from('身份证号,姓名\r\n1,2\r\n'), 'text/csv');
    expect(res.statusCode).toBe(400);
    // Named as the register the office chose, not as some other kind of file.
    expect(res.json().error.message).toBe('body.file: 城市最低生活保障家庭登记数据第 1 行缺少列："起始日期"（请使用下载的模板）');
    const res2 = await upload('dibao', '2021-10-31', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]), 'text/csv');
    expect(res2.statusCode).toBe(400);
  });

  it('refuses a data date after today', async () => {
    const res = await upload('dibao', '2999-01-01', await filled('dibao', [[P[3]!, NAMES[3]!, '2020-01-01', '']]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('query.extractDate');
  });
});

describe('the reconciliation report of a social insurance extract', () => {
  let file: Buffer;
  let first: any;
  beforeAll(async () => {
    file = await filled('social_insurance', [
      // P1 and P2 reached pension entitlement before their training started (2020-03-02): R5.
      [P[0]!, NAMES[0]!, E, '攀枝花测试钢铁有限公司', '2018-01', '', '2020-02-01'],
      [P[1]!, NAMES[1]!, E, '攀枝花测试钢铁有限公司', '2018-01', '2020-01', '2020-02-01'],
      [P[2]!, '丙某某', E, '攀枝花测试钢铁有限公司', '2018-01', '', ''],
      [UNKNOWN, '孔示例', E, '攀枝花测试钢铁有限公司', '2018-01', '', ''],
    ]);
    const res = await upload('social_insurance', '2021-10-31', file);
    expect(res.statusCode, res.body).toBe(200);
    first = res.json();
  });

  it('matches people by ID and name, and lists unknown IDs and names that differ from the register', () => {
    const r = first.report;
    expect(r).toMatchObject({ rows: 4, people: 4, matched: 2 });
    expect(r.unknownIds).toEqual([{ row: 5, residentId: UNKNOWN, name: '孔示例' }]);
    expect(r.nameMismatches).toEqual([{ row: 4, residentId: P[2], name: '丙某某', nameOnRecord: NAMES[2] }]);
    expect(r.factsAdded.map((f: any) => [f.residentId, f.fact, f.value, f.asOf])).toEqual([
      [P[0], 'pensionEntitled', false, '1985-03-12'],
      [P[0], 'pensionEntitled', true, '2020-02-01'],
      [P[1], 'pensionEntitled', false, '1985-03-12'],
      [P[1], 'pensionEntitled', true, '2020-02-01'],
    ]);
    expect(r.spellsAdded).toBe(2);
  });

  it('re-decides the claim awaiting review, and raises a case for the paid one instead of changing it', async () => {
    const r = first.report;
    expect(r.redecided).toHaveLength(1);
    expect(r.redecided[0]).toMatchObject({
      residentId: P[0],
      before: { outcome: 'eligible' },
      after: { outcome: 'ineligible', amountFen: 0 },
    });
    expect(r.redecided[0].claimNumber).toMatch(/^SQ-/);
    const c1 = await t.store.db.selectFrom('claims').select(['status', 'outcome']).where('id', '=', 'RX-1').executeTakeFirstOrThrow();
    expect(c1).toEqual({ status: 'decided', outcome: 'ineligible' });
    expect(r.cases).toHaveLength(1);
    expect(r.cases[0]).toMatchObject({ residentId: P[1], claimStatus: 'paid', after: { outcome: 'ineligible' } });
    const c2 = await t.store.db.selectFrom('claims').select(['status', 'outcome']).where('id', '=', 'RX-2').executeTakeFirstOrThrow();
    expect(c2).toEqual({ status: 'paid', outcome: 'eligible' });
    const kase = await t.store.db.selectFrom('fact_cases').selectAll().where('claim_id', '=', 'RX-2').executeTakeFirstOrThrow();
    expect(kase.fact).toBe('pensionEntitled');
  });

  it('lists where the register disagrees with what was recorded by hand, and overwrites nothing', async () => {
    const r = first.report;
    expect(r.conflicts.map((c: any) => [c.residentId, c.fact, c.onDate, c.value, c.otherSource, c.otherValue])).toEqual([
      [P[0], 'pensionEntitled', '2020-02-01', true, 'manual', false],
      [P[1], 'pensionEntitled', '2020-02-01', true, 'manual', false],
    ]);
    expect(r.conflicts[0].otherDetail).toBe('窗口核实：否，自 2015年1月1日');
    const manual = await t.store.db.selectFrom('person_facts').select('id').where('source', '=', '窗口核实').execute();
    expect(manual).toHaveLength(4);
  });

  it('keeps the report: the list of imports and the import itself show it later', async () => {
    const list = await req('city', 'GET', '/registry-exchange/imports?source=social_insurance');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: any) => i.id)).toContain(first.id);
    const detail = await req('city', 'GET', `/registry-exchange/imports/${first.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().report.redecided).toEqual(first.report.redecided);
    expect(detail.json()).toMatchObject({ factsAdded: 4, conflicts: 2, redecided: 1, cases: 1, sourceName: '社会保险参保登记' });
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'registry.import')
      .where('entity_id', '=', String(first.id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('the same file again changes nothing and says which import it was', async () => {
    const before = [
      await count('person_facts'),
      await count('registry_imports'),
      await count('fact_cases'),
      await count('registry_conflicts'),
    ];
    const res = await upload('social_insurance', '2021-10-31', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ alreadyImported: true, id: first.id });
    expect([
      await count('person_facts'),
      await count('registry_imports'),
      await count('fact_cases'),
      await count('registry_conflicts'),
    ]).toEqual(before);
  });

  it('the same extract in another file (CSV) adds no fact, re-decides nothing and raises nothing', async () => {
    const facts = await count('person_facts');
    const cases = await count('fact_cases');
    const csv = [
      '身份证号,姓名,参保单位统一社会信用代码,参保单位名称,参保起始年月,参保终止年月,按月领取养老金起始日期',
      `${P[0]},${NAMES[0]},${E},攀枝花测试钢铁有限公司,2018-01,,2020-02-01`,
      `${P[1]},${NAMES[1]},${E},攀枝花测试钢铁有限公司,2018-01,2020-01,2020-02-01`,
    ].join('\r\n');
    const res = await upload('social_insurance', '2021-10-31', Buffer.from(csv), 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().alreadyImported).toBe(false);
    expect(res.json().report).toMatchObject({
      factsAdded: [],
      factsUnchanged: 4,
      spellsAdded: 0,
      spellsUnchanged: 2,
      redecided: [],
      cases: [],
      conflicts: [],
    });
    expect([await count('person_facts'), await count('fact_cases')]).toEqual([facts, cases]);
  });

  it('the office closes a conflict with a written resolution (once)', async () => {
    const id = first.report.conflicts[0].id;
    const res = await req('city', 'POST', `/registry-exchange/conflicts/${id}/close`, {
      resolution: '经社保经办机构核实，以社保数据为准，已在人员页更正',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await req('city', 'POST', `/registry-exchange/conflicts/${id}/close`, { resolution: '再次' })).statusCode).toBe(409);
    const detail = await req('city', 'GET', `/registry-exchange/imports/${first.id}`);
    expect(detail.json().report.conflicts[0]).toMatchObject({ status: 'closed' });
  });
});

describe('two registers disagreeing', () => {
  it('a poverty extract against a hand-recorded "not poor" lists the conflict with both values', async () => {
    const res = await upload('poverty', '2021-09-30', await filled('poverty', [[P[4]!, NAMES[4]!, '贫困劳动力', '2019-06-01', '']]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().report.conflicts).toEqual([
      expect.objectContaining({
        residentId: P[4],
        fact: 'poor_labor',
        onDate: '2019-06-01',
        value: true,
        otherSourceName: '人工登记',
        otherValue: false,
      }),
    ]);
  });
});

describe('the sample extracts a new user can import', () => {
  for (const key of SOURCE_KEYS) {
    it(`${REGISTRY_SOURCES[key].name}: built from the people on record, it imports and its report names the ID not on record`, async () => {
      const sample = await req('city', 'GET', `/registry-exchange/sources/${key}/sample`);
      expect(sample.statusCode).toBe(200);
      const res = await upload(key, '2021-10-31', sample.rawPayload);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().report.unknownIds).toHaveLength(1);
      expect(res.json().report.matched).toBeGreaterThan(0);
    });
  }
});

describe('exports to other government systems', () => {
  const sheetOf = async (body: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return rows;
  };
  it('the subsidised trainees of a period, with full IDs, in the documented layout, audited', async () => {
    const res = await req('city', 'GET', '/registry-exchange/exports/subsidised?from=2021-05-01&to=2021-05-31');
    expect(res.statusCode, res.body).toBe(200);
    const rows = await sheetOf(res.rawPayload);
    expect(rows[0]).toEqual(EXPORT_LAYOUTS.subsidised.columns.map((c) => c.header));
    expect(rows.slice(1)).toHaveLength(1);
    expect(rows[1]).toEqual([
      '1',
      P[7],
      NAMES[7],
      '技能等级提升培训',
      '6-16-01-03',
      '四级/中级工',
      '2020-03-02',
      '2020-06-30',
      E,
      '1870.00',
      '个人',
      '2021-05-10',
      expect.stringMatching(/^SQ-/),
      '东区',
    ]);
    const audit = await t.store.db.selectFrom('audit_log').select(['actor', 'data']).where('action', '=', 'registry.export').execute();
    expect(audit.at(-1)).toMatchObject({
      actor: 'city:rx-city',
      data: expect.objectContaining({ kind: 'subsidised', rows: 1, fullResidentIds: true }),
    });
    const none = await req('city', 'GET', '/registry-exchange/exports/subsidised?from=2021-06-01&to=2021-06-30&format=csv');
    expect(none.body.replace(/^\uFEFF/, '').trim()).toBe(EXPORT_LAYOUTS.subsidised.columns.map((c) => c.header).join(','));
  });

  it('the sanctions of a period for the public-credit platform: the unit by name and code', async () => {
    const res = await req('city', 'GET', '/registry-exchange/exports/sanctions?from=2021-01-01&to=2021-12-31&format=csv');
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(EXPORT_LAYOUTS.sanctions.columns.map((c) => c.header).join(','));
    expect(lines[1]).toBe(
      '1,SAN-RX-1,法人和其他组织,测试培训学校,,,暂停培训机构补贴性培训资格,虚报培训人数,,2021-06-01,攀枝花市东区人力资源和社会保障局,',
    );
  });

  it('refuses a period whose end is before its start, and a county office', async () => {
    expect((await req('city', 'GET', '/registry-exchange/exports/sanctions?from=2021-02-01&to=2021-01-01')).statusCode).toBe(400);
    const impossible = await req('city', 'GET', '/registry-exchange/exports/sanctions?from=2021-02-30&to=2021-03-31');
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.field).toBe('query.from');
    expect((await req('dongqu', 'GET', '/registry-exchange/exports/sanctions?from=2021-01-01&to=2021-12-31')).statusCode).toBe(403);
  });
});
