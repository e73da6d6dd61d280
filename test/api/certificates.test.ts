// The certificate registry over HTTP: the import template round-trips; a file with problems is refused
// whole with each problem by row and column in Chinese and nothing written; the same file twice changes
// nothing; an enterprise imports only its own; the claim page's check names the clause and the office's
// 说明 releases it; the public verification answers without personal data and is rate-limited.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssuer } from '../../src/services/certificates/create-issuer.ts';
import { recordIssuerApproval } from '../../src/services/certificates/record-issuer-approval.ts';
import { CERTIFICATE_COLUMNS } from '../../src/services/certificates/import-certificates.ts';
import { VERIFY_LIMIT } from '../../src/services/certificates/verify-certificate.ts';
import type { Actor } from '../../src/services/access.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { insertClaimRow, insertEnterprise, insertPeople, residentId, uscc } from '../support/claims-fixtures.ts';

let t: TestApp;
const cookie: Record<string, string> = {};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BODY = uscc(811);
const FIRM = uscc(812);
const PEOPLE = [residentId(811), residentId(812), residentId(813)];
const NAMES = ['赵导入', '钱导入', '孙导入'];
const city: Actor = {
  userId: 'u',
  username: 'c',
  displayName: 'c',
  role: 'city',
  areaCode: '510400',
  department: null,
  enterpriseUscc: null,
  providerId: null,
  residentId: null,
};

const req = (
  who: string | null,
  method: 'GET' | 'PUT' | 'POST',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
  ip?: string,
) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(who ? { cookie: cookie[who]! } : {}), ...headers },
    ...(ip ? { remoteAddress: ip } : {}),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const upload = (who: string, body: Buffer) => req(who, 'POST', '/registry-certificates/import', body, { 'content-type': XLSX });
const count = async (table: 'registry_certificates' | 'audit_log') =>
  Number(
    (
      await t.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The downloaded template with its example row replaced by these rows (cells written as text). */
async function filled(template: Buffer, rows: (string | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
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
let template: Buffer;

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertEnterprise(tx, { uscc: FIRM });
    await insertPeople(
      tx,
      PEOPLE.map((p, i) => ({ residentId: p, name: NAMES[i] })),
    );
    const body = await createIssuer(tx, city, { kind: 'evaluation_body', name: '东区示例评价中心', code: BODY, areaCode: '510402' });
    await recordIssuerApproval(tx, city, body.id, {
      document: '攀人社评〔2020〕11号',
      occupations: ['6-16-01-03'],
      validFrom: '2020-01-01',
      outsiders: true,
    });
    const firm = await createIssuer(tx, city, { kind: 'enterprise', name: '示例自主评价企业', code: FIRM, areaCode: '510402' });
    await recordIssuerApproval(tx, city, firm.id, {
      document: '攀人社评〔2020〕12号',
      occupations: ['6-16-01-03'],
      validFrom: '2020-01-01',
      outsiders: false,
    });
    await insertClaimRow(tx, {
      id: 'API-NF',
      residentId: PEOPLE[2]!,
      status: 'publicity',
      outcome: 'eligible',
      amountFen: 187_000,
      payee: 'individual',
    });
  });
  cookie.city = await sessionFor(t, { username: 'ct-city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  cookie.dongqu = await sessionFor(t, { username: 'ct-dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  cookie.firm = await sessionFor(t, { username: 'ct-firm', displayName: '示例自主评价企业', role: 'enterprise', enterpriseUscc: FIRM });
  cookie.trainee = await sessionFor(t, { username: 'ct-trainee', displayName: '学员', role: 'trainee', residentId: PEOPLE[0]! });
  template = (await req('city', 'GET', '/registry-certificates/template')).rawPayload;
}, 60_000);
afterAll(() => t?.close());

describe('the import template', () => {
  it('round-trips: its headers are the columns the import reads, and the filled template imports', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(Object.values(CERTIFICATE_COLUMNS));
    const file = await filled(template, [
      [BODY, 'RT-0001', '职业技能等级证书', PEOPLE[0]!, NAMES[0]!, '6-16-01-03', '四级', null, '2020-08-01'],
      [BODY, 'RT-0002', '职业资格证书', PEOPLE[1]!, NAMES[1]!, '6-16-01-03', '5', null, '2020-08-02'],
    ]);
    const res = await upload('city', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 2, added: 2, unchanged: 0 });
    const listed = await req('city', 'GET', '/registry-certificates?number=RT-000');
    expect(listed.json().items.map((c: { number: string; levelName: string }) => [c.number, c.levelName])).toEqual([
      ['RT-0002', '五级/初级工'],
      ['RT-0001', '四级/中级工'],
    ]);
  });

  it('the same file twice changes nothing (idempotent)', async () => {
    const file = await filled(template, [
      [BODY, 'RT-0001', '职业技能等级证书', PEOPLE[0]!, NAMES[0]!, '6-16-01-03', '四级', null, '2020-08-01'],
    ]);
    const rows = await count('registry_certificates');
    const audit = await count('audit_log');
    const res = await upload('city', file);
    expect(res.json()).toEqual({ rows: 1, added: 0, unchanged: 1 });
    expect(await count('registry_certificates')).toBe(rows);
    expect(await count('audit_log')).toBe(audit);
  });
});

describe('a malformed file', () => {
  it('is refused whole, naming each row and column in Chinese, and nothing is written', async () => {
    const rows = await count('registry_certificates');
    const file = await filled(template, [
      [BODY, 'BAD-1', '职业技能等级证书', PEOPLE[0]!, NAMES[0]!, '6-16-01-03', '四级', null, '2020-08-01'], // valid, but the file is refused
      [BODY, 'BAD-2', '毕业证', PEOPLE[0]!, NAMES[0]!, '6-16-01-03', '四级', null, '2020-08-01'],
      [BODY, 'BAD-3', '职业技能等级证书', PEOPLE[1]!, '王冒名', '6-16-01-03', '四级', null, '2020-08-01'],
      [BODY, 'BAD-4', '职业技能等级证书', PEOPLE[1]!, NAMES[1]!, '6-16-01-03', '九级', null, '2020-08-01'],
      [uscc(899), 'BAD-5', '职业技能等级证书', PEOPLE[1]!, NAMES[1]!, '6-16-01-03', '四级', null, '2020-08-01'],
      [BODY, 'BAD-6', '职业技能等级证书', PEOPLE[1]!, NAMES[1]!, '6-20-01-01', '四级', null, '2020-13-01'],
      [BODY, 'BAD-1', '职业技能等级证书', PEOPLE[1]!, NAMES[1]!, '6-16-01-03', '四级', null, '2020-08-01'],
      [BODY, 'RT-0001', '职业技能等级证书', PEOPLE[0]!, NAMES[0]!, '6-16-01-03', '三级', null, '2020-08-01'],
    ]);
    const res = await upload('city', file);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.message).toMatch(/未导入任何数据/);
    const texts: string[] = error.issues.map((i: { text: string }) => i.text);
    expect(texts).toContain('行 3，"证书类型" 列：应为职业资格证书、职业技能等级证书、专项职业能力证书或培训合格证书');
    expect(texts).toContain('行 4，"姓名" 列：与该身份证号登记的姓名不一致（实名制，§5.2）');
    expect(texts).toContain('行 5，"等级" 列：等级应为五级（初级）至一级（高级技师），或 5 至 1');
    expect(texts).toContain('行 6，"发证机构统一社会信用代码" 列：不是已登记的发证机构（评价机构或自主评价企业）');
    expect(texts).toContain('行 7，"发证日期" 列：不是有效日期（格式 YYYY-MM-DD）');
    expect(texts).toContain('行 8，"证书编号" 列：与第 2 行是同一发证机构的同一证书编号');
    expect(texts).toContain('行 9，"证书编号" 列：该发证机构已登记此编号的证书，内容与本条不同；证书编号在同一发证机构内不能重复');
    expect(await count('registry_certificates')).toBe(rows);
  });

  it('a file that is not an .xlsx, or larger than the limit, is refused naming the file', async () => {
    expect((await upload('city', Buffer.from('not a spreadsheet'))).json().error.field).toBe('body.file');
    process.env.UPSKILL_XLSX_MAX_BYTES = '2000';
    try {
      const res = await upload('city', template);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('超过');
    } finally {
      delete process.env.UPSKILL_XLSX_MAX_BYTES;
    }
  });
});

describe('who records certificates', () => {
  it('an approved enterprise records its own, not another issuer’s; a trainee may not', async () => {
    const own = await filled(template, [
      [FIRM, 'FIRM-1', '职业技能等级证书', PEOPLE[0]!, NAMES[0]!, '6-16-01-03', '四级', null, '2020-09-01'],
    ]);
    expect((await upload('firm', own)).json()).toEqual({ rows: 1, added: 1, unchanged: 0 });
    const other = await filled(template, [
      [BODY, 'FIRM-2', '职业技能等级证书', PEOPLE[0]!, NAMES[0]!, '6-16-01-03', '四级', null, '2020-09-01'],
    ]);
    expect((await upload('firm', other)).json().error.issues[0].text).toBe('行 2，"发证机构统一社会信用代码" 列：无权为该发证机构登记证书');
    expect((await upload('trainee', own)).statusCode).toBe(403);
  });
});

describe('the claim page', () => {
  it('shows why a claim is held, with the clause, and the county’s 说明 releases it', async () => {
    expect((await req('city', 'PUT', '/certificate-registry', { inForceFrom: '2020-01-14' })).statusCode).toBe(200);
    const check = (await req('dongqu', 'GET', '/claims/API-NF/certificate-check')).json();
    expect(check).toMatchObject({
      status: 'not_found',
      statusName: '证书库中未找到',
      applies: true,
      heldFromPayment: true,
      canExplain: true,
    });
    expect(check.reasons[0]).toContain('§4.0');
    expect((await req('trainee', 'GET', '/claims/API-NF/certificate-check')).statusCode).toBe(403);
    expect((await req('dongqu', 'POST', '/claims/API-NF/certificate-explanation', { reason: '' })).statusCode).toBe(400);
    const ok = await req('dongqu', 'POST', '/claims/API-NF/certificate-explanation', { reason: '发证机构出具的补登记证明已核对' });
    expect(ok.statusCode).toBe(200);
    expect((await req('dongqu', 'GET', '/claims/API-NF/certificate-check')).json()).toMatchObject({
      heldFromPayment: false,
      canExplain: false,
    });
  });
});

describe('public verification', () => {
  it('answers 有效 with the certificate’s own statements and no personal data, without a login', async () => {
    const res = await req(
      null,
      'GET',
      `/public/certificates/verify?number=RT-0001&name=${encodeURIComponent(NAMES[0]!)}`,
      undefined,
      {},
      '10.1.0.1',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      found: true,
      status: '有效',
      typeName: '职业技能等级证书',
      occupation: '露天采矿工（6-16-01-03）',
      levelName: '四级/中级工',
      specification: null,
      issuedOn: '2020-08-01',
      issuerName: '东区示例评价中心',
    });
    const wrong = await req(
      null,
      'GET',
      `/public/certificates/verify?number=RT-0001&name=${encodeURIComponent('钱导入')}`,
      undefined,
      {},
      '10.1.0.1',
    );
    expect(wrong.json()).toEqual({ found: false, status: '未找到' });
    expect((await req(null, 'GET', '/public/certificates/verify?number=RT-0001', undefined, {}, '10.1.0.1')).statusCode).toBe(400);
  });

  it('is rate-limited per address (429 in Chinese)', async () => {
    let last = 200;
    for (let i = 0; i <= VERIFY_LIMIT.perAddress; i++)
      last = (await req(null, 'GET', `/public/certificates/verify?number=Q${i}&name=x`, undefined, {}, '10.1.0.2')).statusCode;
    expect(last).toBe(429);
  });
});
