// Money that reaches a bank, in a real browser (docs/bank-payments.md): the city's 复核 confirms a
// draft batch (the demo's, or one built here from what is payable); the city's 支付 opens it, downloads
// the bank payment file once (CSV), the bank's return is made from that very file — the first line
// refused, the others paid — and imported on the same screen, which reports the result; the batch is
// then settled, the refused claim payable again with the bank's reason on it.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { browserPerFile, logIn, screenshot } from './browser.ts';
import { DemoApi } from './api-client.ts';

const baseUrl = inject('baseUrl');
const { page } = browserPerFile({ timeoutMs: 30_000 });
type Page_<T> = { items: T[]; total: number };
const jingban = new DemoApi(baseUrl, 'city-jingban');
const fuhe = new DemoApi(baseUrl, 'city-fuhe');
const zhifu = new DemoApi(baseUrl, 'city-zhifu');
const city = new DemoApi(baseUrl, 'city');
let batchId = '';

beforeAll(async () => {
  // A draft batch no other e2e file acts on: the demo's waiting one, else one built now.
  const drafts = await fuhe.call<Page_<{ id: string }>>('GET', '/review/payment-batches?status=draft&pageSize=20');
  if (drafts.items.length > 0) batchId = drafts.items[0]!.id;
  else {
    const payable = await jingban.call<{ items: { areaCode: string; fundId: string }[] }>('GET', '/review/payable');
    const g = payable.items[0]!;
    batchId = (await jingban.call<{ id: string }>('POST', '/payment-batches', { areaCode: g.areaCode, fundId: g.fundId })).id;
  }
  await fuhe.call('POST', `/payment-batches/${encodeURIComponent(batchId)}/confirm`, {});
  // Payees approved after the demo's seeding may have no account yet: the office records them (the API's use case).
  const preview = await zhifu.call<{ missingAccounts: { payee: string; payeeRef: string; name: string }[] }>(
    'GET',
    `/payment-batches/${encodeURIComponent(batchId)}/bank-file/preview`,
  );
  for (const [i, m] of preview.missingAccounts.entries()) {
    const body = `621799${String(900_000 + i).padStart(12, '0')}`;
    let number = '';
    for (let d = 0; d < 10 && !number; d++) {
      const n = `${body}${d}`;
      let sum = 0;
      for (let k = 0; k < n.length; k++) {
        let x = Number(n[n.length - 1 - k]);
        if (k % 2 === 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
        sum += x;
      }
      if (sum % 10 === 0) number = n;
    }
    await city.call('PUT', `/payee-accounts/${m.payee}/${encodeURIComponent(m.payeeRef)}`, {
      accountName: m.name,
      bankName: '中国工商银行攀枝花分行',
      accountNumber: m.payee === 'individual' ? number : `5101${String(990_000 + i).padStart(14, '0')}`,
    });
  }
}, 120_000);

describe('A batch paid through the bank (银行支付)', () => {
  it("支付 downloads the bank file once; the bank's return made from it is imported: one line refused, the rest paid", async () => {
    await logIn(page, 'city-zhifu');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto(`/review/payments/${encodeURIComponent(batchId)}`);
    const card = page.getByTestId('bank-card');
    await card.waitFor();
    const before = await zhifu.call<{ number: string; items: number; totalFen: number }>(
      'GET',
      `/payment-batches/${encodeURIComponent(batchId)}`,
    );

    await card.getByRole('button', { name: '下载银行支付文件（CSV）' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`银行支付文件-${before.number}-第1次.csv`);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const rows = text
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    const lines = rows.slice(1, -1);
    expect(lines).toHaveLength(before.items);
    const fen = (y: string) => Number(y.replace('.', ''));
    expect(lines.reduce((s, l) => s + fen(l[8]!), 0)).toBe(before.totalFen);
    expect(rows.at(-1)![1]).toBe('合计');
    // The screen now says it was downloaded, and offers no second download.
    await card.getByText(/第 1 次签发，已由 city:city-zhifu/).waitFor();
    expect(await card.getByRole('button', { name: '下载银行支付文件（CSV）' }).count()).toBe(0);
    await screenshot(page, '40-bank-file-downloaded');

    // The bank's return: line 1 refused, the others paid.
    const ret = [
      '批次号,序号,收款账号,金额（元）,处理结果,银行流水号,失败原因',
      ...lines.map((l, i) =>
        i === 0
          ? `${l[0]},${l[1]},${l[6]},${l[8]},失败,,户名与账号不符`
          : `${l[0]},${l[1]},${l[6]},${l[8]},成功,E2E${String(i).padStart(6, '0')},`,
      ),
    ].join('\r\n');
    await card
      .locator('input[type=file]')
      .setInputFiles({ name: '回单.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${ret}\r\n`) });
    const result = page.getByTestId('return-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toContain(`回单已导入：成功 ${before.items - 1} 笔`);
    expect(await result.textContent()).toContain('失败 1 笔');
    await page.getByRole('heading', { name: /已支付/ }).waitFor();
    await screenshot(page, '40-bank-return-imported');

    // The same return again changes nothing.
    await card
      .locator('input[type=file]')
      .setInputFiles({ name: '回单.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${ret}\r\n`) });
    await page.getByText('该回单此前已导入，本次未作任何更改').waitFor();

    const after = await zhifu.call<{ status: string; paid: number; failed: number }>(
      'GET',
      `/payment-batches/${encodeURIComponent(batchId)}`,
    );
    expect(after).toMatchObject({ status: 'paid', paid: before.items - 1, failed: 1 });
    const refused = (
      await zhifu.call<Page_<{ claimId: string; bankOutcome: string; failureReason: string | null }>>(
        'GET',
        `/review/payment-batches/${encodeURIComponent(batchId)}/lines?pageSize=200`,
      )
    ).items.find((l) => l.bankOutcome === 'failed')!;
    expect(refused.failureReason).toBe('户名与账号不符');
    await page.goto(`/claims/${encodeURIComponent(refused.claimId)}`);
    await page.getByTestId('bank-failure').getByText('银行发放未成功：户名与账号不符').waitFor();
  });
});
