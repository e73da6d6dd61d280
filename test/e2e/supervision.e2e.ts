// Supervision in a real browser (#6 §1, §5.2, §5.3): the funds screen with the R9 figures, a quarterly
// report with its chart and its Excel and PDF downloads, the annual-task 通报, a task set and then
// changed through the dialogs, and the public fund-use disclosure without login. Figures on screen are
// compared with the API.
import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatYuan } from '../../src/policy/money.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';

const baseUrl = inject('baseUrl');
const { page, context } = browserPerFile();

const visible = (text: string | RegExp) => page.getByText(text).first().waitFor({ state: 'visible' });
/** The API as the signed-in user of this browser context (same cookie). */
const apiGet = async <T>(path: string): Promise<T> => (await context.request.get(`/api/v1${path}`)).json() as Promise<T>;
async function signedIn(username: string) {
  await logIn(page, username);
  await page.getByTestId('current-user').waitFor();
}
async function download(button: RegExp) {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: button }).first().click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

interface Share {
  year: number;
  enterpriseFen: number;
  totalFen: number;
  shareBasisPoints: number | null;
  below: boolean;
  message: string;
}

describe('Funds and R9 (§5.2)', () => {
  it('the city sees every fund account and, per year, the enterprise-employee share with its figures', async () => {
    await signedIn('city');
    const shares = await apiGet<{ items: Share[] }>('/supervision/enterprise-share');
    const funds = await apiGet<{ items: { year: number; sourceName: string; remainingFen: number }[] }>('/supervision/funds');
    await page.goto('/supervision/funds');
    await page.getByRole('heading', { name: '资金监管' }).waitFor();
    expect(shares.items.length).toBe(2);
    for (const s of shares.items) {
      const card = page.getByTestId(`r9-${s.year}`);
      await card.waitFor();
      await card.getByText(s.message).waitFor();
      expect(await card.textContent()).toContain(formatYuan(s.enterpriseFen));
      expect(await card.textContent()).toContain(formatYuan(s.totalFen));
    }
    for (const f of funds.items) await visible(formatYuan(f.remainingFen));
    await screenshot(page, '90-supervision-funds');
    // Spending by program, under the fund's row.
    await page.locator('.ant-table-row-expand-icon').first().click();
    await visible('合计支出');
  });

  it('the finance bureau sees the funds too, and the home page shows an R9 warning when a year is below the minimum', async () => {
    await signedIn('dept-finance');
    const below = await apiGet<{ items: Share[]; total: number }>('/supervision/enterprise-share?belowOnly=true');
    await page.goto('/');
    const todo = page.getByTestId('todo-r9-warnings');
    await todo.waitFor();
    await todo.getByText(String(below.total), { exact: true }).waitFor();
    for (const w of below.items) await page.getByTestId('r9-warnings').getByText(w.message).waitFor();
    await page.goto('/supervision/funds');
    await page.getByRole('heading', { name: '资金监管' }).waitFor();
  });
});

describe('Quarterly report (§5.3)', () => {
  it("a quarterly report with money shows the API's figures, draws its chart, and downloads as Excel and PDF", async () => {
    await signedIn('city');
    type Report = { title: string; summary: { claims: number; approvedFen: number }; byProgram: { programName: string }[] };
    // The latest quarter of the demo with approved money (the demo is deterministic; this only picks it).
    let year = 0,
      quarter = 0,
      report: Report | undefined;
    for (const [y, q] of [
      [2021, 3],
      [2021, 2],
      [2021, 1],
      [2020, 4],
      [2020, 3],
    ] as const) {
      const r = await apiGet<Report>(`/reports/periodic?year=${y}&quarter=${q}`);
      if (r.summary.approvedFen > 0) {
        year = y;
        quarter = q;
        report = r;
        break;
      }
    }
    expect(report).toBeDefined();
    await page.goto(`/supervision/reports?year=${year}&quarter=${quarter}`);
    await page.getByTestId('report-title').getByText(report!.title).waitFor();
    await visible(formatYuan(report!.summary.approvedFen));
    await page.locator('[data-testid="echart"] canvas').first().waitFor();
    expect(await page.locator('[data-testid="echart"] canvas').count()).toBeGreaterThanOrEqual(2);
    for (const p of report!.byProgram.slice(0, 3)) await page.locator('.ant-table').getByText(p.programName).first().waitFor();
    await screenshot(page, '90-supervision-report');
    const xlsx = await download(/下载 Excel/);
    expect(xlsx.name).toBe(`${report!.title}.xlsx`);
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    const pdf = await download(/下载 PDF/);
    expect(pdf.name).toBe(`${report!.title}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The flagged matter's 重大事项专报, from its row.
    const matter = await download(/^PDF$/);
    expect(matter.name).toMatch(/^重大事项专报：.+\.pdf$/);
    expect(matter.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the annual report states R8: the enterprises by their education-fund fact and what the 80% rule took off, as the API says', async () => {
    await signedIn('city');
    const annual = await apiGet<{ r8: { message: string; top: { name: string; reducedClaims: number }[] } | null }>(
      '/reports/periodic?year=2021',
    );
    await page.goto('/supervision/reports?year=2021&quarter=year');
    const card = page.getByTestId('report-r8');
    await card.waitFor();
    await card.getByText(annual.r8!.message).waitFor();
    for (const e of annual.r8!.top.slice(0, 3)) await card.getByText(e.name).waitFor();
    expect(await card.locator('.ant-table-tbody > tr.ant-table-row').count()).toBe(annual.r8!.top.length);
    await screenshot(page, '90-supervision-report-r8');
  });

  it("a county's report is its own area's, without the area choice", async () => {
    await signedIn('renhe');
    await page.goto('/supervision/reports?year=2021&quarter=3');
    await page
      .getByTestId('report-title')
      .getByText(/仁和区职业技能提升行动2021年第三季度季报/)
      .waitFor();
    expect(await page.getByLabel('地区').count()).toBe(0);
  });
});

describe("Annual tasks and the quarter's 通报 (§5.3)", () => {
  it('the laggards of 2021 Q3 are listed with their shortfall, as the API counts them', async () => {
    await signedIn('city');
    const laggards = await apiGet<{ total: number; items: { unitName: string; shortfall: number }[] }>(
      '/targets?year=2021&quarter=3&lagging=true&pageSize=200',
    );
    expect(laggards.total).toBeGreaterThan(0);
    await page.goto('/supervision/targets?year=2021&quarter=3&lagging=true');
    await page.getByTestId('laggard-notice').getByText(`${laggards.total} 项年度任务进度滞后`, { exact: false }).waitFor();
    await visible(`共 ${laggards.total} 条`);
    await visible(`滞后，差 ${laggards.items[0]!.shortfall}`);
    await page.getByTestId('rotation-vanadium_titanium').waitFor();
    await screenshot(page, '90-supervision-tasks');
  });

  // This file's own task: no other test sets one for 市住房和城乡建设局's 创业培训 in 2020.
  const TASK = { year: 2020, unit: 'housing', unitName: '市住房和城乡建设局', program: 'entrepreneurship', programName: '创业培训' };
  type Task = { id: number; target: number; note: string | null };
  const ownTask = async () =>
    (await apiGet<{ items: Task[] }>(`/targets?year=${TASK.year}&quarter=4&unitKind=department&unit=${TASK.unit}&program=${TASK.program}`))
      .items;
  /** The task's row in the list on screen, and its 年度任务 figure. */
  const taskRow = () => page.getByRole('row').filter({ hasText: TASK.unitName }).filter({ hasText: TASK.programName });
  const listedTarget = () =>
    taskRow()
      .locator('td')
      .nth(2)
      .textContent({ timeout: 1000 })
      .catch(() => null);
  /** Picks `option` in the dialog's select labelled `label`; the list opens inside the dialog. */
  async function choose(dialog: Locator, label: string, option: string) {
    await dialog
      .locator('.ant-form-item', { has: page.locator(`label[title="${label}"]`) })
      .locator('.ant-select')
      .click();
    await dialog.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  }

  it('the city sets a task through the dialog and sees it listed, is refused the same task again next to its field, then changes it with a reason and sees the new figure', async () => {
    await signedIn('city');
    expect(await ownTask()).toEqual([]);
    await page.goto(`/supervision/targets?year=${TASK.year}&quarter=4&unitKind=department`);
    await page.getByRole('heading', { name: '年度任务与目标' }).waitFor();
    const open = async () => {
      await page.getByRole('button', { name: /下达年度任务/ }).click();
      const dialog = page.getByRole('dialog', { name: '下达年度培训任务' });
      await dialog.waitFor();
      await choose(dialog, '年度', `${TASK.year}年`);
      await choose(dialog, '承担单位类型', '部门');
      return dialog;
    };
    const dialog = await open();
    // An open list stays next to its field when the page behind the dialog scrolls (it used to be
    // placed at the end of the page and moved away, and a choice made then was lost).
    await dialog
      .locator('.ant-form-item', { has: page.locator('label[title="承担单位"]') })
      .locator('.ant-select')
      .click();
    const option = dialog.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${TASK.unitName}"]`);
    await option.waitFor();
    const moved = await option.evaluate((el) => {
      const field = el.closest('.ant-form-item')!.querySelector('.ant-select')!;
      const gap = () => el.getBoundingClientRect().top - field.getBoundingClientRect().top;
      const before = gap();
      window.scrollTo(0, 300);
      const scrolled = window.scrollY;
      return { scrolled, shift: gap() - before };
    });
    expect(moved.scrolled).toBeGreaterThan(0);
    expect(moved.shift).toBe(0);
    await option.click();
    await choose(dialog, '培训项目', TASK.programName);
    await dialog.getByLabel('年度任务（人次）').fill('25');
    await dialog.getByLabel('说明').fill('住建领域创业培训（e2e）');
    // The picture shows the filled form, not a list still fading out.
    await page.waitForFunction(() => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'));
    await screenshot(page, '90-supervision-task-form');
    await dialog.getByRole('button', { name: /下\s*达/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(listedTarget, { timeout: 10_000 }).toBe('25');
    const [saved] = await ownTask();
    expect(saved).toMatchObject({ target: 25, note: '住建领域创业培训（e2e）' });

    const again = await open();
    await choose(again, '承担单位', TASK.unitName);
    await choose(again, '培训项目', TASK.programName);
    await again.getByLabel('年度任务（人次）').fill('30');
    await again.getByRole('button', { name: /下\s*达/ }).click();
    const programField = again.locator('.ant-form-item', { has: page.locator('label[title="培训项目"]') });
    await programField.getByText(/任务已下达.*请修改原任务/).waitFor();
    await again.getByRole('button', { name: /取\s*消/ }).click();
    // What was typed is not dropped without asking.
    const ask = page.locator('.ant-modal-confirm').filter({ hasText: '放弃已填写的内容？' });
    await ask.getByRole('button', { name: '放弃并关闭' }).click();
    await again.waitFor({ state: 'hidden' });
    expect(await ownTask()).toHaveLength(1);

    // 调整: a new figure with its reason, from the task's row.
    await taskRow()
      .getByRole('button', { name: `调整 ${TASK.unitName} ${TASK.programName}` })
      .click();
    const change = page.getByRole('dialog', { name: '调整年度培训任务' });
    await change.getByText(`${TASK.year}年 ${TASK.unitName}「${TASK.programName}」，现任务 25 人次。`).waitFor();
    await change.getByLabel('调整后的年度任务（人次）').fill('32');
    // The reason is required: nothing is sent without it.
    await change.getByRole('button', { name: /调\s*整/ }).click();
    await change.getByText('请填写调整原因').waitFor();
    expect((await ownTask())[0]?.target).toBe(25);
    await change.getByLabel('调整原因').fill('住建局年中申请增加培训计划');
    await change.getByRole('button', { name: /调\s*整/ }).click();
    await change.waitFor({ state: 'hidden' });
    await expect.poll(listedTarget, { timeout: 10_000 }).toBe('32');
    expect((await ownTask())[0]?.target).toBe(32);
  });
});

describe('Public fund-use disclosure (§5.2), without login', () => {
  it("shows the year's money by program, area and provider as the API gives it, and downloads the periodic table", async () => {
    const api = (await (await fetch(`${baseUrl}/api/v1/public/fund-disclosure?year=2021`)).json()) as {
      totals: { approvedFen: number; paidFen: number };
      byProvider: { name: string }[];
    };
    await page.goto('/disclosure');
    await page.getByRole('heading', { name: '资金使用公开' }).waitFor();
    expect(await page.getByTestId('current-user').count()).toBe(0);
    await visible(formatYuan(api.totals.approvedFen));
    await visible(formatYuan(api.totals.paidFen));
    await visible(api.byProvider[0]!.name);
    await screenshot(page, '90-supervision-disclosure');
    const xlsx = await download(/下载定期公开表/);
    expect(xlsx.name).toBe('资金使用公开-2021年.xlsx');
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
  });
});
