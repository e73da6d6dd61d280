// The §1 goals' data in a real browser: a 康养 enterprise made for this test has no
// main-post headcount, so the goal card names it (missing, never 0); the city follows 去登记 to the
// 企业主要岗位职工数 list, enters the figure through the dialog, and the card's figure grows by it.
// Its own login then records the other year on the enterprise's page. Acts only on the enterprise it
// creates (no other e2e file knows it) and compares with the API, never with global counts.
import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../src/policy/identifiers.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';

const { context, page } = browserPerFile();

const stamp = String(Date.now() % 100000).padStart(5, '0');
const first17 = `91510400MA6G${stamp}`;
const ENTERPRISE = { uscc: first17 + usccCheckChar(first17), name: `目标测试康养服务有限公司${stamp}（虚构）` };
const LOGIN = `goals-ent-${stamp}`;

interface Rotation {
  industry: string;
  mainPostEmployees: number;
  enterprisesWithoutHeadcount: number;
  withoutHeadcount: { uscc: string; name: string }[];
}
const api = async <T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
  const res = await context.request.fetch(`/api/v1${path}`, { method, ...(data === undefined ? {} : { data }) });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return res.json() as Promise<T>;
};
const healthCare = async (year: number) =>
  (await api<{ rotation: Rotation[] }>('GET', `/goals?year=${year}`)).rotation.find((r) => r.industry === 'health_care')!;
async function signedIn(username: string, password?: string) {
  await logIn(page, username, password);
  await page.getByTestId('current-user').waitFor();
}

describe('§1 rotation: a missing headcount is named, entered through the dialog, and counted', () => {
  it("the city sees the new 康养 enterprise listed as missing, enters 48 through the dialog, and the card's figure grows by 48", async () => {
    await signedIn('city');
    await api('POST', '/enterprises', {
      uscc: ENTERPRISE.uscc,
      name: ENTERPRISE.name,
      areaCode: '510411',
      industry: 'health_care',
      insured: true,
    });
    await api('POST', '/users', {
      username: LOGIN,
      displayName: ENTERPRISE.name,
      password: 'goals2021ok',
      role: 'enterprise',
      enterpriseUscc: ENTERPRISE.uscc,
    });
    const before = await healthCare(2021);
    expect(before.withoutHeadcount.map((e) => e.uscc)).toContain(ENTERPRISE.uscc);

    await page.goto('/supervision/targets?year=2021');
    const card = page.getByTestId('rotation-health_care');
    await card.getByTestId('rotation-health_care-missing').getByText(ENTERPRISE.name, { exact: false }).waitFor();
    await card
      .getByTestId('rotation-health_care-figures')
      .getByText(`主要岗位职工 ${before.mainPostEmployees} 人`, { exact: false })
      .waitFor();
    await card.getByText('数据不全').waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, '91-goals-missing-headcount');

    // 去登记: the headcount list, filtered to the industry's enterprises without a figure.
    await card.getByRole('button', { name: /去登记/ }).click();
    await page.waitForURL(/tab=headcounts/);
    expect(page.url()).toContain('recorded=false');
    const table = page.getByRole('table').filter({ hasText: ENTERPRISE.name });
    const row = page.locator('.ant-table-row').filter({ hasText: ENTERPRISE.name });
    await row.getByText('未登记').waitFor();
    await screenshot(page, '91-goals-headcount-list');
    await row.getByRole('button', { name: /登\s*记/ }).click();

    const dialog = page.getByRole('dialog', { name: '2021年主要岗位职工人数' });
    await dialog.getByText(ENTERPRISE.uscc).waitFor();
    // Saving empty is refused next to the field, in Chinese, and nothing is sent.
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('请填写主要岗位职工人数').waitFor();
    await dialog.getByLabel('主要岗位职工人数（人）').fill('48');
    await dialog.getByText('请填写主要岗位职工人数').waitFor({ state: 'hidden' });
    await screenshot(page, '91-goals-headcount-dialog');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The list (still showing the unrecorded ones) no longer has it; the card counts it and no longer names it.
    await expect.poll(async () => table.count()).toBe(0);
    const after = await healthCare(2021);
    expect(after.mainPostEmployees).toBe(before.mainPostEmployees + 48);
    expect(after.withoutHeadcount.map((e) => e.uscc)).not.toContain(ENTERPRISE.uscc);
    await card
      .getByTestId('rotation-health_care-figures')
      .getByText(`主要岗位职工 ${after.mainPostEmployees} 人`, { exact: false })
      .waitFor();
    if (after.withoutHeadcount.length === 0) expect(await card.getByTestId('rotation-health_care-missing').count()).toBe(0);
    else expect(await card.getByTestId('rotation-health_care-missing').textContent()).not.toContain(ENTERPRISE.name);

    // The list filtered to it shows the figure and who entered it.
    await page.goto(`/supervision/targets?year=2021&tab=headcounts&name=${encodeURIComponent(ENTERPRISE.name)}`);
    const recorded = page.locator('.ant-table-row').filter({ hasText: ENTERPRISE.name });
    await recorded.getByText('48 人').waitFor();
    await recorded.getByText('市人社局（city）', { exact: false }).waitFor();
  });

  it("the enterprise records its own 2020 figure on its page; the city's 2021 figure is shown as recorded", async () => {
    await signedIn(LOGIN, 'goals2021ok');
    await page.getByRole('link', { name: '主要岗位职工数' }).click();
    await page.getByRole('heading', { name: '主要岗位职工数' }).waitFor();
    await page.getByTestId('headcount-2021-current').getByText('48 人').waitFor();
    const y2020 = page.getByTestId('headcount-2020');
    await y2020.getByText('未登记').waitFor();
    await y2020.getByLabel('2020年主要岗位职工人数（人）').fill('45');
    await y2020.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByTestId('headcount-2020-current').getByText('45 人').waitFor();
    await page.getByTestId('headcount-2020-current').getByText(`企业（${LOGIN}）`, { exact: false }).waitFor();
    await screenshot(page, '91-goals-enterprise-headcounts');
    // The enterprise reads only its own row; the 2020 goal no longer misses it.
    const own = await api<{ items: { uscc: string; mainPostEmployees: number }[] }>('GET', '/enterprise-headcounts?year=2020');
    expect(own.items).toEqual([expect.objectContaining({ uscc: ENTERPRISE.uscc, mainPostEmployees: 45 })]);
  });
});
