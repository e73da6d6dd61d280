// Money that reaches a bank (docs/bank-payments.md), over HTTP: payees record their accounts (checked,
// encrypted at rest, shown masked, read in full only by an audited act); a confirmed batch's bank file
// carries every line with the fund's payer account and a checksum line equal to the batch, once per
// issue; the bank's return is validated as a whole, reconciled, applied (paid with the bank's reference,
// failed back to payable with the reason), and applying it again changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyAuditChain } from '../../src/store/audit-log.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { luhnValid } from '../../src/services/payments/payee-accounts.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { insertClaimRow, insertFund, insertPeople, residentId } from '../support/claims-fixtures.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const FUND = 'special_action-2020';
const req = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { cookie: cookies[who]!, ...headers },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
const audit = async (action: string) =>
  t.store.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

/** A fictional UnionPay card number (19 digits, 6217…) whose last digit passes the Luhn check. */
function card(n: number): string {
  const body = `621700009${String(n).padStart(9, '0')}`;
  for (let d = 0; d < 10; d++) if (luhnValid(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable');
}

const people = [
  { residentId: residentId(501), name: '陈一', amountFen: 187_000 },
  { residentId: residentId(502), name: '林二', amountFen: 150_050 },
  { residentId: residentId(503), name: '赵三', amountFen: 99_999 },
];
let batchId = '';
let batchNumber = '';

/** The CSV file's rows (BOM stripped), split on commas (the test data holds no quotes). */
const csvRows = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(','));

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertFund(tx, 'special_action', 2020, 100_000_000);
    await insertPeople(
      tx,
      people.map((p) => ({ residentId: p.residentId, name: p.name })),
    );
    for (const [i, p] of people.entries()) {
      await tx
        .updateTable('people')
        .set({ phone: `1380000000${i}` })
        .where('resident_id', '=', p.residentId)
        .execute();
      const id = `BK-${i}`;
      await insertClaimRow(tx, {
        id,
        residentId: p.residentId,
        status: 'approved',
        outcome: 'eligible',
        amountFen: p.amountFen,
        payee: 'individual',
      });
      await tx.insertInto('reservations').values({ claim_id: id, fund_id: FUND, amount_fen: p.amountFen, reserved_by: 'test' }).execute();
    }
  });
  cookies.city = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400', paymentDuties: [] });
  cookies.jingban = await sessionFor(t, {
    username: 'jingban',
    displayName: '东区经办',
    role: 'county',
    areaCode: '510402',
    paymentDuties: ['build'],
  });
  cookies.fuhe = await sessionFor(t, {
    username: 'fuhe',
    displayName: '市局复核',
    role: 'city',
    areaCode: '510400',
    paymentDuties: ['confirm'],
  });
  cookies.fuhe2 = await sessionFor(t, {
    username: 'fuhe2',
    displayName: '市局复核二',
    role: 'city',
    areaCode: '510400',
    paymentDuties: ['confirm'],
  });
  cookies.zhifu = await sessionFor(t, {
    username: 'zhifu',
    displayName: '市局支付',
    role: 'city',
    areaCode: '510400',
    paymentDuties: ['pay'],
  });
  cookies.zhifu2 = await sessionFor(t, {
    username: 'zhifu2',
    displayName: '东区支付',
    role: 'county',
    areaCode: '510402',
    paymentDuties: ['pay'],
  });
  cookies.chen = await sessionFor(t, { username: 'chen', displayName: '陈一', role: 'trainee', residentId: people[0]!.residentId });
}, 60_000);
afterAll(() => t?.close());

describe('A payee records a receiving account', () => {
  it('a trainee records their own social-security card account: digits, 16–19 long, Luhn, the registered name', async () => {
    const url = `/payee-accounts/individual/${people[0]!.residentId}`;
    const good = card(1);
    const wrongCheck = `${good.slice(0, -1)}${(Number(good.at(-1)) + 1) % 10}`;
    const refused = async (body: object) => (await req('PUT', url, 'chen', body)).json().error;
    expect(await refused({ accountName: '陈一', bankName: '中国工商银行攀枝花分行', accountNumber: wrongCheck })).toMatchObject({
      field: 'body.accountNumber',
      message: expect.stringContaining('Luhn'),
    });
    expect((await refused({ accountName: '陈一', bankName: '工行', accountNumber: '6217 0000 1234' })).message).toContain('16–19 位');
    expect((await refused({ accountName: '陈一', bankName: '工行', accountNumber: '62170000abcd1234' })).message).toContain(
      '只能由数字组成',
    );
    expect((await refused({ accountName: '陈小一', bankName: '工行', accountNumber: good })).message).toContain(
      '户名应与登记的姓名“陈一”一致',
    );
    const ok = await req('PUT', url, 'chen', {
      accountName: '陈一',
      bankName: '中国工商银行攀枝花分行',
      accountNumber: good.replace(/(\d{4})/g, '$1 '),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      kind: 'social_security_card',
      accountMasked: `${good.slice(0, 4)}${'*'.repeat(good.length - 8)}${good.slice(-4)}`,
      updatedBy: 'trainee:chen',
    });
    expect(JSON.stringify(ok.json())).not.toContain(good);
    // Someone else's account: that person does not exist for this trainee (404: existence does not leak).
    expect(
      (
        await req('PUT', `/payee-accounts/individual/${people[1]!.residentId}`, 'chen', {
          accountName: '林二',
          bankName: '工行',
          accountNumber: card(2),
        })
      ).statusCode,
    ).toBe(404);
    expect((await audit('payee_account.record')).map((e) => e.data)).toEqual([
      { accountMasked: ok.json().accountMasked, bankName: '中国工商银行攀枝花分行', accountName: '陈一' },
    ]);
  });

  it('the raw table and the audit log hold no account number in clear, only the cipher text and a keyed hash', async () => {
    const raw = await sql<Record<string, unknown>>`select * from payee_accounts`.execute(t.store.db);
    const dump = JSON.stringify(raw.rows);
    expect(raw.rows).toHaveLength(1);
    expect(dump).not.toContain(card(1));
    expect(dump).not.toContain(card(1).slice(4, 15)); // not even the middle digits
    expect(String(raw.rows[0]!.account_cipher)).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    const log = await sql<{ data: unknown }>`select data from audit_log`.execute(t.store.db);
    expect(JSON.stringify(log.rows)).not.toContain(card(1));
  });

  it('reading the number in full is its own act, audited with who and whose', async () => {
    const url = `/payee-accounts/individual/${people[0]!.residentId}`;
    expect((await req('GET', url, 'city')).json().accountMasked).not.toContain(card(1).slice(4, 15));
    const full = await req('POST', `${url}/reveal`, 'city');
    expect(full.json()).toMatchObject({ accountNumber: card(1), accountName: '陈一' });
    expect((await audit('payee_account.reveal')).map((e) => [e.actor, e.entity_id])).toEqual([
      ['city:city', `individual:${people[0]!.residentId}`],
    ]);
  });

  it('the office records for a trainee; a change is audited with the masked number it replaces', async () => {
    const url = `/payee-accounts/individual/${people[1]!.residentId}`;
    expect(
      (await req('PUT', url, 'jingban', { accountName: '林二', bankName: '中国农业银行东区支行', accountNumber: card(20) })).statusCode,
    ).toBe(200);
    expect(
      (await req('PUT', url, 'jingban', { accountName: '林二', bankName: '中国农业银行东区支行', accountNumber: card(2) })).statusCode,
    ).toBe(200);
    const change = (await audit('payee_account.change')).at(-1)!;
    expect(change).toMatchObject({ actor: 'county:jingban', data: { before: { accountMasked: expect.stringMatching(/^6217\*+\d{4}$/) } } });
    expect(JSON.stringify(change.data)).not.toContain(card(20));
  });
});

describe("A confirmed batch's bank file", () => {
  beforeAll(async () => {
    const built = await req('POST', '/payment-batches', 'jingban', { areaCode: '510402', fundId: FUND });
    expect(built.statusCode).toBe(201);
    batchId = built.json().id;
    batchNumber = built.json().number;
    expect((await req('POST', `/payment-batches/${batchId}/confirm`, 'fuhe')).statusCode).toBe(200);
  });

  it('a payee without an account blocks the file, which names them; nothing is marked downloaded', async () => {
    const preview = await req('GET', `/payment-batches/${batchId}/bank-file/preview`, 'zhifu');
    expect(preview.json().missingAccounts).toEqual([{ payee: 'individual', payeeRef: people[2]!.residentId, name: '赵三', lines: [3] }]);
    const refused = await req('GET', `/payment-batches/${batchId}/bank-file?format=csv`, 'zhifu');
    expect([refused.statusCode, refused.json().error.message]).toEqual([409, expect.stringContaining('有 1 个收款方尚未登记收款账户')]);
    expect(refused.json().error.message).toContain('赵三（个人，第 3 笔）');
    const issue = await t.store.db.selectFrom('bank_files').selectAll().where('batch_id', '=', batchId).executeTakeFirstOrThrow();
    expect(issue.downloaded_by).toBeNull();
  });

  it("the fund's payer account is needed too", async () => {
    expect(
      (
        await req('PUT', `/payee-accounts/individual/${people[2]!.residentId}`, 'city', {
          accountName: '赵三',
          bankName: '攀枝花农村商业银行',
          accountNumber: card(3),
        })
      ).statusCode,
    ).toBe(200);
    const refused = await req('GET', `/payment-batches/${batchId}/bank-file?format=csv`, 'zhifu');
    expect(refused.json().error.message).toContain('尚未登记付款账户');
    expect(
      (
        await req('PUT', `/funds/${FUND}/payer-account`, 'city', {
          accountName: '攀枝花市就业服务管理局',
          bankName: '中国建设银行攀枝花分行',
          accountNumber: '51001680000052500001',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('the confirmer may not download it; the file holds every line and a checksum line equal to the batch', async () => {
    expect((await req('GET', `/payment-batches/${batchId}/bank-file?format=csv`, 'fuhe')).statusCode).toBe(403);
    const res = await req('GET', `/payment-batches/${batchId}/bank-file?format=csv`, 'zhifu');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = csvRows(res.body);
    expect(rows[0]).toEqual([
      '批次号',
      '序号',
      '付款账户名称',
      '付款账号',
      '付款开户行',
      '收款人名称',
      '收款账号',
      '收款开户行',
      '金额（元）',
      '用途',
    ]);
    const lines = rows.slice(1, -1);
    expect(lines.map((l) => [l[1], l[5], l[6], l[8]])).toEqual([
      ['1', '陈一', card(1), '1870.00'],
      ['2', '林二', card(2), '1500.50'],
      ['3', '赵三', card(3), '999.99'],
    ]);
    expect(lines.every((l) => l[0] === batchNumber && l[3] === '51001680000052500001' && /^技能等级提升培训补贴 SQ-/.test(l[9]!))).toBe(
      true,
    );
    const batch = (await req('GET', `/payment-batches/${batchId}`, 'zhifu')).json();
    const fen = (yuan: string) => Number(yuan.replace('.', ''));
    expect(lines.reduce((s, l) => s + fen(l[8]!), 0)).toBe(batch.totalFen);
    expect(rows.at(-1)).toEqual([batchNumber, '合计', '', '', '', '共 3 笔', '', '', '4370.49', '校验：3 笔，合计 4370.49 元']);
    expect(batch).toMatchObject({ status: 'paying', bankFiles: [{ issue: 1, downloadedBy: 'city:zhifu', lines: 3, totalFen: 437_049 }] });
    expect((await audit('payment_batch.bank_file')).map((e) => e.data)).toEqual([
      expect.objectContaining({ issue: 1, format: 'csv', lines: 3, totalFen: 437_049, batchTotalFen: 437_049 }),
    ]);
  });

  it('a second download is refused until the file is reissued; the pay act gives way to the bank return', async () => {
    const again = await req('GET', `/payment-batches/${batchId}/bank-file?format=xlsx`, 'zhifu2');
    expect([again.statusCode, again.json().error.message]).toEqual([409, expect.stringContaining('每次签发只能下载一次')]);
    const pay = await req('POST', `/payment-batches/${batchId}/pay`, 'zhifu2', { bankRef: 'BANK-TEST-1' });
    expect([pay.statusCode, pay.json().error.message]).toEqual([409, expect.stringContaining('请导入银行回单')]);
    expect((await req('POST', `/payment-batches/${batchId}/bank-file/reissue`, 'fuhe', { reason: '短' })).statusCode).toBe(400);
    expect(
      (await req('POST', `/payment-batches/${batchId}/bank-file/reissue`, 'zhifu', { reason: '银行退回整个文件：格式错误' })).statusCode,
    ).toBe(403);
    const re = await req('POST', `/payment-batches/${batchId}/bank-file/reissue`, 'fuhe2', { reason: '银行退回整个文件：格式错误' });
    expect(re.json()).toEqual({ id: batchId, issue: 2 });
    // Two downloads of the new issue at once: exactly one gets the file.
    const both = await Promise.all([
      req('GET', `/payment-batches/${batchId}/bank-file?format=xlsx`, 'zhifu'),
      req('GET', `/payment-batches/${batchId}/bank-file?format=xlsx`, 'zhifu2'),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const file = both.find((r) => r.statusCode === 200)!;
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe("The bank's return file", () => {
  const header = '批次号,序号,收款账号,金额（元）,处理结果,银行流水号,失败原因';
  const csv = (lines: string[]) => Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`);
  const upload = (body: Buffer, who = 'zhifu') =>
    req('POST', `/payment-batches/${batchId}/bank-return?fileName=return.csv`, who, body, { 'content-type': 'text/csv' });
  const mixed = () =>
    csv([
      `${batchNumber},1,${card(1)},1870.00,成功,B20201101001,`,
      `${batchNumber},2,${card(2)},1500.50,失败,,账户已销户`,
      `${batchNumber},3,${card(3)},999.99,成功,B20201101003,`,
    ]);

  it('is checked as a whole: every problem by row and column, and nothing written', async () => {
    const res = await upload(
      csv([
        `${batchNumber},1,${card(1)},1870.01,成功,B1,`,
        `${batchNumber},2,${card(9)},1500.50,失败,,`,
        `${batchNumber},7,${card(3)},999.99,成功,B3,`,
        `${batchNumber},1,${card(1)},1870.00,不知道,,`,
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((d: { text: string }) => d.text)).toEqual([
      '行 2，"金额（元）" 列：与第 1 笔的金额 1870.00 元不符',
      '行 3，"收款账号" 列：与发给银行的第 2 笔收款账号不一致',
      '行 3，"失败原因" 列：支付失败的笔须写明失败原因',
      '行 4，"序号" 列：本批次没有第 7 笔',
      '行 5，"序号" 列：第 1 笔在第 2 行已出现',
    ]);
    expect(await t.store.db.selectFrom('payment_batch_items').select('outcome').where('outcome', 'is not', null).execute()).toEqual([]);
  });

  it('a file without the return’s columns is refused naming the bank return and the missing column', async () => {
    const res = await upload(Buffer.from(`\uFEFF批次号,序号,收款账号,金额（元）\r\n${batchNumber},1,${card(1)},1870.00\r\n`));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('body.file: 银行回单第 1 行缺少列："处理结果"（请按文档所列的银行回单格式）');
  });

  it('must answer the whole file the bank was sent, to the fen', async () => {
    const res = await upload(csv([`${batchNumber},1,${card(1)},1870.00,成功,B20201101001,`]));
    expect(res.json().error.message).toBe(
      'body.file: 回单共 1 笔、合计 1870.00 元，与第 2 次下发的银行支付文件（3 笔、4370.49 元）不符：缺少第 2、3 笔；未导入任何数据',
    );
  });

  it('paid lines become paid with the bank reference; a failed line goes back to payable with the reason on the claim', async () => {
    const res = await upload(mixed());
    expect(res.json()).toMatchObject({
      alreadyImported: false,
      lines: 3,
      paid: 2,
      failed: 1,
      paidFen: 286_999,
      failedFen: 150_050,
      batchStatus: 'paid',
    });
    const claims = await t.store.db.selectFrom('claims').select(['id', 'status']).where('id', 'like', 'BK-%').orderBy('id').execute();
    expect(claims.map((c) => c.status)).toEqual(['paid', 'approved', 'paid']);
    const payments = await t.store.db.selectFrom('payments').select(['claim_id', 'bank_ref']).orderBy('claim_id').execute();
    expect(payments).toEqual([
      { claim_id: 'BK-0', bank_ref: 'B20201101001' },
      { claim_id: 'BK-2', bank_ref: 'B20201101003' },
    ]);
    const claim = (await req('GET', '/claims/BK-1', 'jingban')).json();
    expect(claim.bankFailure).toMatchObject({ reason: '账户已销户', batchNumber });
    const reservation = await t.store.db
      .selectFrom('reservations')
      .select('status')
      .where('claim_id', '=', 'BK-1')
      .executeTakeFirstOrThrow();
    expect(reservation.status).toBe('reserved');
    const payable = (await req('GET', '/review/payable', 'jingban')).json().items;
    expect(payable).toEqual([expect.objectContaining({ areaCode: '510402', claims: 1, totalFen: 150_050 })]);
    expect((await req('GET', `/payment-batches/${batchId}`, 'zhifu')).json()).toMatchObject({
      paid: 2,
      failed: 1,
      failedFen: 150_050,
      unsettled: 0,
    });
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
  });

  it('the same return twice changes nothing', async () => {
    const before = await t.store.db
      .selectFrom('audit_log')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await upload(mixed(), 'zhifu2');
    expect(again.json()).toMatchObject({ alreadyImported: true, paid: 0, failed: 0 });
    const after = await t.store.db
      .selectFrom('audit_log')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await t.store.db.selectFrom('bank_returns').select('id').execute()).toHaveLength(1);
  });

  it('a settled line is never paid again nor relabelled: by the file, or by the database', async () => {
    const flipped = await upload(
      csv([
        `${batchNumber},1,${card(1)},1870.00,成功,B20201101001,`,
        `${batchNumber},2,${card(2)},1500.50,成功,B20201101002,`,
        `${batchNumber},3,${card(3)},999.99,成功,B20201101003,`,
      ]),
    );
    expect(flipped.json().error.issues.map((d: { text: string }) => d.text)).toEqual([
      '行 3，"处理结果" 列：第 2 笔已记为支付失败（账户已销户），已结算的笔不能再改',
    ]);
    await expect(
      t.store.db
        .updateTable('payment_batch_items')
        .set({ outcome: 'paid', bank_ref: 'X', failure_reason: null })
        .where('batch_id', '=', batchId)
        .where('line_no', '=', 2)
        .execute(),
    ).rejects.toThrow(/already settled/);
  });

  it('the refused claim goes into a new batch, paid to the corrected account', async () => {
    expect(
      (
        await req('PUT', `/payee-accounts/individual/${people[1]!.residentId}`, 'jingban', {
          accountName: '林二',
          bankName: '中国农业银行东区支行',
          accountNumber: card(22),
        })
      ).statusCode,
    ).toBe(200);
    const built = await req('POST', '/payment-batches', 'jingban', { areaCode: '510402', fundId: FUND });
    expect(built.json()).toMatchObject({ claims: 1, totalFen: 150_050 });
    expect((await req('POST', `/payment-batches/${built.json().id}/confirm`, 'fuhe')).statusCode).toBe(200);
    const file = csvRows((await req('GET', `/payment-batches/${built.json().id}/bank-file?format=csv`, 'zhifu')).body);
    expect(file[1]!.slice(5, 9)).toEqual(['林二', card(22), '中国农业银行东区支行', '1500.50']);
  });
});

describe('The trainee is told', () => {
  it('of each payment and each refusal by the bank, in the transaction of the act, without the resident ID', async () => {
    const rows = await t.store.db.selectFrom('outbox').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.topic, r.ref, r.recipient, r.status])).toEqual([
      ['claim.paid', 'BK-0', '13800000000', 'pending'],
      ['claim.bank_failed', 'BK-1', '13800000001', 'pending'],
      ['claim.paid', 'BK-2', '13800000002', 'pending'],
    ]);
    expect(rows[1]!.body).toMatch(
      /^【攀枝花技能提升】以您的名义提交的补贴申领 SQ-.+银行发放未成功（账户已销户）.+不是我本人？请登录 \/my-claims\?dispute=SQ-[^ ]+ 提出异议。$/,
    );
    expect(rows.every((r) => !r.body.includes(r.resident_id!))).toBe(true);
    const mine = (await req('GET', '/my/notifications', 'chen')).json();
    expect(mine.map((m: { topic: string }) => m.topic)).toEqual(['claim.paid']);
  });
});
