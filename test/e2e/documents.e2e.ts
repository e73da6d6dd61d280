// The office's papers, help and kept input in a real browser, on 西区 (xiqu) records no other e2e file
// touches: the clerk prints a claim's decision letter and a publicity notice (the PDF arrives), opens a
// screen's help (remembered), is asked before leaving a changed form, and lists and closes a fact case
// raised here by recording a pension entitlement under an approved claim.
import type { Response } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { browserPerFile, logIn, screenshot } from './browser.ts';
import { DemoApi } from './api-client.ts';

const baseUrl = inject('baseUrl');
const { page, context } = browserPerFile({ timeoutMs: 30_000 });
type Page_<T> = { items: T[]; total: number };
const xiqu = new DemoApi(baseUrl, 'xiqu');
/** The person may be registered in another area: the city records the fact. */
const city = new DemoApi(baseUrl, 'city');
const fixture = { claim: '', notice: '', caseClaim: '' };

beforeAll(async () => {
  const claims = async (status: string) =>
    (
      await xiqu.call<Page_<{ id: string; residentId: string; startDate: string }>>(
        'GET',
        `/claims?areaCode=510403&status=${status}&pageSize=20`,
      )
    ).items;
  const settled = [...(await claims('approved')), ...(await claims('publicity'))];
  if (settled.length < 2) throw new Error('demo: 西区 has fewer than two approved or published claims');
  fixture.claim = settled[0]!.id;
  fixture.notice = (await xiqu.call<Page_<{ id: string }>>('GET', '/review/publicity-notices?pageSize=1')).items[0]!.id;
  // An approved (or published) claim's person turns out to have been entitled to a pension all along
  // (R5, read on the training's start day): the decision would change, so the office gets a case instead of a silent change
  // (docs/facts-in-time.md). Another person than the printed claim's.
  const other = settled.find((c) => c.residentId !== settled[0]!.residentId)!;
  fixture.caseClaim = other.id;
  const recorded = await city.call<{ cases?: unknown[] }>('POST', `/people/${other.residentId}/facts`, {
    fact: 'pensionEntitled',
    value: true,
    source: '社保部门核查（e2e）',
    asOf: other.startDate,
  });
  const open = await xiqu.call<Page_<{ claimId: string }>>('GET', '/fact-cases?status=open&pageSize=200');
  if (!open.items.some((c) => c.claimId === other.id))
    throw new Error(`demo: no fact case raised for the claim: ${JSON.stringify(recorded).slice(0, 500)}`);
}, 120_000);

async function signIn() {
  await logIn(page, 'xiqu');
  await page.getByRole('heading', { name: '我的待办' }).waitFor();
}

/** Clicks a print button and returns the PDF's response (opened in a new tab). */
async function print(name: string, url: RegExp): Promise<Response> {
  const [response] = await Promise.all([
    context.waitForEvent('response', (r) => url.test(r.url())),
    page.getByRole('link', { name }).click(),
  ]);
  return response;
}

describe('Printed documents', () => {
  it("a clerk prints a claim's decision letter from the claim page: the PDF arrives", async () => {
    await signIn();
    await page.goto(`/claims/${fixture.claim}`);
    await page.getByRole('heading', { name: /申领/ }).first().waitFor();
    const res = await print('打印审核决定书', /\/decision-letter\.pdf$/);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(res.headers()['content-disposition'] ?? '')).toContain('职业技能提升补贴申领审核决定书');
    // The browser's PDF viewer takes the tab's body; the same address read with the session is the file.
    expect((await (await context.request.get(res.url())).body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('and the publicity notice for posting from the notice page', async () => {
    await signIn();
    await page.goto(`/review/publicity/${fixture.notice}`);
    await page.getByRole('link', { name: '← 返回公示管理' }).waitFor();
    const res = await print('打印公示（张贴用）', /\/notice\.pdf$/);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await (await context.request.get(res.url())).body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('Help per screen', () => {
  it("the claim page's help opens on request and stays open for this user after a reload", async () => {
    await signIn();
    await page.goto(`/claims/${fixture.claim}`);
    const help = page.getByTestId('screen-help');
    await help.getByText('本页说明').click();
    await help.getByText(/R10/).first().waitFor();
    await page.reload();
    await page
      .getByTestId('screen-help')
      .getByText(/逐步核对判定过程/)
      .waitFor();
    await screenshot(page, 'documents-help');
  });
});

describe('Unsaved input is kept', () => {
  it('leaving a changed form asks first; staying keeps the input, leaving goes', async () => {
    await signIn();
    await page.goto('/review/publicity/new');
    const title = page.getByLabel('公示标题');
    await title.fill('2021年西区第9批补贴公示');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '支付批次' }).click();
    const prompt = page.getByRole('dialog').filter({ hasText: '有未保存的修改' });
    await prompt.waitFor();
    await screenshot(page, 'documents-unsaved');
    await prompt.getByRole('button', { name: '留在本页' }).click();
    await prompt.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/review/publicity/new');
    expect(await title.inputValue()).toBe('2021年西区第9批补贴公示');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '支付批次' }).click();
    await page.getByRole('dialog').filter({ hasText: '有未保存的修改' }).getByRole('button', { name: '离开，不保存' }).click();
    await page.waitForURL(/\/review\/payments$/);
  });
});

describe('Fact cases', () => {
  it('the office finds the case from its to-do, reads old and new outcome, and closes it with a resolution', async () => {
    await signIn();
    await page.getByRole('link', { name: '属性变更待处理：查看列表' }).click();
    await page.getByRole('heading', { name: '属性变更待处理' }).waitFor();
    await page.locator('.ant-table-tbody').waitFor();
    await screenshot(page, 'documents-fact-cases');
    const row = page.locator('.ant-table-tbody .ant-table-row').filter({ hasText: '具有按月领取养老金资格' }).first();
    await row.waitFor();
    // The old outcome and the new one (R5 now fails) side by side; the wide row scrolls sideways.
    expect(await row.textContent()).toMatch(/符合.*不符合/);
    await row.getByRole('button', { name: '办结' }).click();
    const dialog = page.getByRole('dialog', { name: '办结属性变更待处理事项' });
    await dialog.getByLabel('处理结果').fill('已核实，已立案追回补贴');
    await dialog.getByRole('button', { name: '确认办结' }).click();
    await dialog.waitFor({ state: 'detached' });
    const cases = await xiqu.call<Page_<{ claimId: string; status: string; resolution: string | null }>>('GET', '/fact-cases?pageSize=200');
    expect(cases.items.find((c) => c.claimId === fixture.caseClaim)).toMatchObject({
      status: 'closed',
      resolution: '已核实，已立案追回补贴',
    });
  });
});
