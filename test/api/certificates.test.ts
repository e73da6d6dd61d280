// The certificate registry over HTTP: the import template round-trips; a file with problems is refused
// whole with each problem by row and column in Chinese and nothing written; the same file twice changes
// nothing; an enterprise imports only its own; the claim page's check names the clause and the office's
// 说明 releases it; the public verification answers without personal data and is rate-limited. A
// certificate is revoked by its issuer or the city with a reason (its claims held, the public told
// 已撤销); CSV files import like .xlsx ones (UTF-8 or GB18030); an evaluation body's own login sees and
// touches only its own certificates.
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
const OTHER_BODY = uscc(814);
const ISSUER: Record<string, string> = {};
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
    ISSUER.body = body.id;
    const other = await createIssuer(tx, city, { kind: 'evaluation_body', name: '西区示例评价中心', code: OTHER_BODY, areaCode: '510403' });
    ISSUER.other = other.id;
    await recordIssuerApproval(tx, city, other.id, {
      document: '攀人社评〔2020〕13号',
      occupations: ['6-16-01-03'],
      validFrom: '2020-01-01',
      outsiders: true,
    });
    await recordIssuerApproval(tx, city, body.id, {
      document: '攀人社评〔2020〕11号',
      occupations: ['6-16-01-03'],
      validFrom: '2020-01-01',
      outsiders: true,
    });
    const firm = await createIssuer(tx, city, { kind: 'enterprise', name: '示例自主评价企业', code: FIRM, areaCode: '510402' });
    ISSUER.firm = firm.id;
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
  cookie.body = await sessionFor(t, { username: 'ct-body', displayName: '东区示例评价中心', role: 'evaluator', issuerId: ISSUER.body! });
  cookie.otherBody = await sessionFor(t, {
    username: 'ct-other',
    displayName: '西区示例评价中心',
    role: 'evaluator',
    issuerId: ISSUER.other!,
  });
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

/** Issues one certificate by the form as `who` and returns its registry id. */
async function issued(who: string, issuerCode: string, number: string, person = 0): Promise<number> {
  const res = await req(who, 'POST', '/registry-certificates', {
    issuerCode,
    number,
    type: 'skill_level',
    residentId: PEOPLE[person]!,
    name: NAMES[person]!,
    occupationCode: '6-16-01-03',
    level: '4',
    issuedOn: '2020-09-15',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
}
const revoke = (who: string, id: number, body: unknown) => req(who, 'POST', `/registry-certificates/${id}/revocation`, body);
type Listed = { id: number; number: string; stateName: string; revokedOn: string | null; revokedReason: string | null; canRevoke: boolean };
const listed = async (who: string, query: string) => (await req(who, 'GET', `/registry-certificates?${query}`)).json().items as Listed[];

describe('revoking a certificate', () => {
  it('its issuer’s own login revokes it with a reason; the list shows 已撤销 with the date and reason; audited, the row kept', async () => {
    const id = await issued('body', BODY, 'REV-OWN');
    const res = await revoke('body', id, { reason: '错发：持证人未参加该次考核' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id, number: 'REV-OWN', revokedReason: '错发：持证人未参加该次考核', claimsHeld: 0 });
    const [row] = await listed('city', 'number=REV-OWN');
    expect(row).toMatchObject({
      stateName: '已撤销',
      revokedOn: res.json().revokedOn,
      revokedReason: '错发：持证人未参加该次考核',
      canRevoke: false,
    });
    expect((await listed('body', 'state=revoked')).map((c) => c.number)).toContain('REV-OWN');
    expect((await listed('body', 'state=valid')).map((c) => c.number)).not.toContain('REV-OWN');
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['actor', 'data'])
      .where('action', '=', 'certificate.revoke')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit.map((a) => a.actor)).toEqual(['evaluator:ct-body']);
  });

  it('the city revokes any issuer’s certificate', async () => {
    const id = await issued('firm', FIRM, 'REV-CITY');
    expect((await revoke('city', id, { reason: '以欺诈手段取得：伪造考核记录' })).statusCode).toBe(200);
    expect((await listed('firm', 'number=REV-CITY'))[0]!.stateName).toBe('已撤销');
  });

  it('another issuer gets 404 (its existence does not leak), a county 403', async () => {
    const id = await issued('body', BODY, 'REV-OTHER');
    expect((await revoke('otherBody', id, { reason: '错发：不是本机构颁发' })).statusCode).toBe(404);
    expect((await revoke('firm', id, { reason: '错发：不是本机构颁发' })).statusCode).toBe(404);
    expect((await revoke('dongqu', id, { reason: '错发：不是本机构颁发' })).statusCode).toBe(403);
    expect((await revoke('body', 999_999_999, { reason: '错发：没有这张证书' })).statusCode).toBe(404);
    expect((await listed('city', 'number=REV-OTHER'))[0]!.stateName).toBe('有效');
  });

  it('twice is refused, saying it is already revoked', async () => {
    const id = await issued('body', BODY, 'REV-TWICE');
    expect((await revoke('body', id, { reason: '错发：等级填写错误' })).statusCode).toBe(200);
    const again = await revoke('city', id, { reason: '以欺诈手段取得' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/已于 \d{4}年\d{1,2}月\d{1,2}日 撤销，不能重复撤销/);
  });

  it('without a reason, or with one not written in Chinese, is refused naming the field, and nothing changes', async () => {
    const id = await issued('body', BODY, 'REV-NOREASON');
    for (const body of [{}, { reason: '' }, { reason: 'fraud case 12' }]) {
      const res = await revoke('body', id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field).toMatch(/reason$/);
    }
    expect((await listed('city', 'number=REV-NOREASON'))[0]!.stateName).toBe('有效');
  });

  it('a claim citing a revoked certificate is held, its check shows 已撤销 with the date and reason, and the public page says 已撤销', async () => {
    await inTransaction(t.store.db, (tx) =>
      insertClaimRow(tx, {
        id: 'API-REV',
        residentId: PEOPLE[1]!,
        status: 'approved',
        outcome: 'eligible',
        amountFen: 187_000,
        payee: 'individual',
      }),
    );
    await t.store.db.updateTable('claims').set({ certificate_number: 'REV-CLAIM' }).where('id', '=', 'API-REV').execute();
    expect((await req('city', 'PUT', '/certificate-registry', { inForceFrom: '2020-01-14' })).statusCode).toBe(200);
    const id = await issued('body', BODY, 'REV-CLAIM', 1);
    expect((await req('dongqu', 'GET', '/claims/API-REV/certificate-check')).json()).toMatchObject({
      status: 'verified',
      heldFromPayment: false,
    });

    const res = await revoke('body', id, { reason: '以欺诈手段取得：他人代考' });
    expect(res.json().claimsHeld).toBe(1);
    const check = (await req('dongqu', 'GET', '/claims/API-REV/certificate-check')).json();
    expect(check).toMatchObject({ status: 'revoked', statusName: '证书已撤销', heldFromPayment: true, canExplain: false });
    expect(check.registryCertificate.revoked).toEqual({ on: res.json().revokedOn, reason: '以欺诈手段取得：他人代考' });
    expect(check.reasons[0]).toContain('他人代考');
    const holds = (await req('dongqu', 'GET', '/certificate-holds?status=revoked')).json().items as { claimId: string }[];
    expect(holds.map((h) => h.claimId)).toContain('API-REV');
    expect((await req('dongqu', 'POST', '/claims/API-REV/certificate-explanation', { reason: '持证人称证书真实有效' })).statusCode).toBe(
      409,
    );

    const pub = await req(
      null,
      'GET',
      `/public/certificates/verify?number=REV-CLAIM&name=${encodeURIComponent(NAMES[1]!)}`,
      undefined,
      {},
      '10.1.0.3',
    );
    expect(pub.json()).toEqual({
      found: true,
      status: '已撤销',
      typeName: '职业技能等级证书',
      issuerName: '东区示例评价中心',
      revokedOn: res.json().revokedOn,
    });
  });
});

describe('a CSV file of certificates', () => {
  const CSV = 'text/csv';
  const uploadCsv = (who: string, body: Buffer) => req(who, 'POST', '/registry-certificates/import', body, { 'content-type': CSV });
  const header = Object.values(CERTIFICATE_COLUMNS).join(',');

  it('imports from the CSV template (UTF-8 with BOM) and without a BOM, the same columns as the Excel file; twice changes nothing', async () => {
    const tpl = await req('body', 'GET', '/registry-certificates/template?format=csv');
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toContain('text/csv');
    const text = tpl.rawPayload.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toBe(header);
    const withBom = Buffer.from(
      `\uFEFF${header}\r\n${BODY},CSV-0001,职业技能等级证书,${PEOPLE[0]},${NAMES[0]},6-16-01-03,四级,,2020-10-01\r\n`,
      'utf8',
    );
    expect((await uploadCsv('body', withBom)).json()).toEqual({ rows: 1, added: 1, unchanged: 0 });
    const noBom = Buffer.from(`${header}\n${BODY},CSV-0002,职业资格证书,${PEOPLE[1]},${NAMES[1]},6-16-01-03,5,,2020-10-02\n`, 'utf8');
    expect((await uploadCsv('body', noBom)).json()).toEqual({ rows: 1, added: 1, unchanged: 0 });
    const rows = await count('registry_certificates');
    const audit = await count('audit_log');
    expect((await uploadCsv('body', withBom)).json()).toEqual({ rows: 1, added: 0, unchanged: 1 });
    expect([await count('registry_certificates'), await count('audit_log')]).toEqual([rows, audit]);
  });

  it('reads GB18030, the encoding many Chinese spreadsheets export', async () => {
    // GB18030 bytes of the header line, 职业技能等级证书 and 钱导入 (encoded by hand: Node has no GB18030 encoder).
    const gb = Buffer.concat([
      Buffer.from(
        'b7a2d6a4bbfab9b9cdb3d2bbc9e7bbe1d0c5d3c3b4fac2eb2cd6a4cae9b1e0bac52cd6a4cae9c0e0d0cd2cc9edb7ddd6a4bac52cd0d5c3fb2cd6b0d2b5a3a8b9a4d6d6a3a9b4fac2eb2cb5c8bcb62cd7a8cfeed6b0d2b5c4dcc1a6b9e6b7b6b4fac2eb2cb7a2d6a4c8d5c6da0d0a',
        'hex',
      ),
      Buffer.from(`${BODY},CSV-GB-1,`, 'ascii'),
      Buffer.from('d6b0d2b5bcbcc4dcb5c8bcb6d6a4cae9', 'hex'),
      Buffer.from(`,${PEOPLE[1]},`, 'ascii'),
      Buffer.from('c7aeb5bcc8eb', 'hex'),
      Buffer.from(',6-16-01-03,4,,2020-10-03\r\n', 'ascii'),
    ]);
    const res = await uploadCsv('body', gb);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 1, added: 1, unchanged: 0 });
    expect((await listed('body', 'number=CSV-GB-1'))[0]).toMatchObject({ number: 'CSV-GB-1', stateName: '有效' });
  });

  it('a malformed CSV is refused whole by row and column, in the Excel import’s words, and nothing is written', async () => {
    const rows = await count('registry_certificates');
    const bad = Buffer.from(
      [
        header,
        `${BODY},CSV-BAD-1,职业技能等级证书,${PEOPLE[0]},${NAMES[0]},6-16-01-03,四级,,2020-10-01`,
        `${BODY},CSV-BAD-2,毕业证,${PEOPLE[0]},${NAMES[0]},6-16-01-03,四级,,2020-10-01`,
        `${BODY},CSV-BAD-3,职业技能等级证书,${PEOPLE[1]},王冒名,6-16-01-03,四级,,2020-10-01`,
        `${BODY},CSV-BAD-4,职业技能等级证书,${PEOPLE[1]},${NAMES[1]},6-16-01-03,四级,,2020-02-30`,
      ].join('\r\n'),
      'utf8',
    );
    const res = await uploadCsv('body', bad);
    expect(res.statusCode).toBe(400);
    const texts: string[] = res.json().error.issues.map((i: { text: string }) => i.text);
    expect(texts).toEqual([
      '行 3，"证书类型" 列：应为职业资格证书、职业技能等级证书、专项职业能力证书或培训合格证书',
      '行 4，"身份证号" 列：身份证号与姓名未通过实名核验（号码未登记或姓名不符），请核对后重新填写（实名制，§5.2）',
      '行 5，"发证日期" 列：不是有效日期（格式 YYYY-MM-DD）',
    ]);
    expect(await count('registry_certificates')).toBe(rows);
    const unreadable = await uploadCsv('body', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]));
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().error.message).toContain('编码无法识别');
  });
});

describe('an evaluation body’s own login', () => {
  it('sees only its own certificates and its own issuer entry, records only for itself, and cannot read claims', async () => {
    await issued('otherBody', OTHER_BODY, 'OWN-OTHER-1');
    const mine = await listed('body', 'pageSize=100');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((c) => c.number)).not.toContain('OWN-OTHER-1');
    expect((await listed('otherBody', 'pageSize=100')).map((c) => c.number)).toEqual(['OWN-OTHER-1']);
    const issuers = (await req('body', 'GET', '/certificate-issuers')).json().items as { code: string }[];
    expect(issuers.map((i) => i.code)).toEqual([BODY]);
    const foreign = await req('body', 'POST', '/registry-certificates', {
      issuerCode: OTHER_BODY,
      number: 'OWN-FOREIGN',
      type: 'skill_level',
      residentId: PEOPLE[0]!,
      name: NAMES[0]!,
      occupationCode: '6-16-01-03',
      level: '4',
      issuedOn: '2020-09-15',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toContain('无权为该发证机构登记证书');
    expect((await req('body', 'GET', '/certificate-holds')).statusCode).toBe(403);
    expect((await req('body', 'GET', '/claims/API-NF/certificate-check')).statusCode).toBe(403);
  });

  it('its session names the body it acts for (the answer once dropped the issuer)', async () => {
    for (const path of ['/auth/me', '/auth/session']) {
      const me = await req('body', 'GET', path);
      expect(me.statusCode, me.body).toBe(200);
      const user = path === '/auth/me' ? me.json() : me.json().user;
      expect(user).toMatchObject({ username: 'ct-body', role: 'evaluator', issuerId: ISSUER.body });
    }
  });

  it('the city creates it bound to an evaluation body; an enterprise issuer, or none, is refused naming the field', async () => {
    const make = (issuerId: string | null) =>
      req('city', 'POST', '/users', {
        username: `eval-${issuerId ?? 'none'}`.slice(0, 40).replace(/[^A-Za-z0-9_.-]/g, '-'),
        displayName: '评价机构经办',
        password: 'Qz7#kLm2pWx9',
        role: 'evaluator',
        issuerId,
      });
    const ok = await make(ISSUER.other!);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ role: 'evaluator', issuerId: ISSUER.other });
    const firm = await make(ISSUER.firm!);
    expect(firm.statusCode).toBe(400);
    expect(firm.json().error.field).toMatch(/issuerId$/);
    const none = await make(null);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.field).toMatch(/issuerId$/);
  });
});
