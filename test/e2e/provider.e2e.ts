// The training provider's screens in a real browser, as provider-p007 (米易县示例农业技能培训
// 中心; no other e2e file touches its classes): the to-do list leads to a returned application and its
// reason; a new class is applied for with the form checking as you type (the same pure check the
// server runs); the roster template is downloaded; an Excel roster with bad rows is refused with every
// problem by row and column and nothing imported; a good one is imported; the application is
// submitted; attendance is recorded in the grid of a running class; the payments list renders.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../src/policy/identifiers.ts';
import { DemoApi } from './api-client.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';

const { page } = browserPerFile();

const visible = (text: string | RegExp) => page.getByText(text).first().waitFor({ state: 'visible' });

/** Picks an option of the antd Select labelled `label` (typing filters searchable ones). */
async function choose(label: string, option: string | RegExp, type?: string) {
  await page.getByLabel(label, { exact: true }).click();
  if (type) await page.getByLabel(label, { exact: true }).fill(type);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** People of this test, registered through the API as the provider would (real-name check, §5.2). */
function personId(n: number): string {
  const first17 = `51042219770707${String(900 + n).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
const PEOPLE = [
  { id: personId(1), name: '罗测一' },
  { id: personId(2), name: '罗测二' },
];

/** The people are registered by 盐边县's office: real-name registration is the offices' (§5.2), not a provider's. */
async function registerPeople() {
  const office = new DemoApi(new URL(page.url()).origin, 'yanbian');
  for (const p of PEOPLE) {
    const known = await office.call('GET', `/people/${p.id}`).then(
      () => true,
      () => false,
    );
    if (!known) await office.call('POST', '/people', { residentId: p.id, name: p.name, areaCode: '510422' });
  }
}

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const HEAD = ['身份证号', '姓名', '工作单位统一社会信用代码', '是否新入职', '劳动合同期限（月）'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('A training provider at work', () => {
  it("follows the to-do to its returned application and reads the office's reason", async () => {
    await logIn(page, 'provider-p007');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByRole('link', { name: '被退回的开班申请：查看列表' }).click();
    await page.waitForURL(/\/provider\/classes\?status=returned/);
    await page.getByRole('heading', { name: '培训班' }).waitFor();
    await page.waitForSelector('.ant-table-row');
    const statuses = await page.locator('.ant-table-row .ant-tag').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['已退回']));
    await screenshot(page, '20-provider-classes-returned');
    await page.locator('.ant-table-row a').first().click();
    await page.getByTestId('return-reason').waitFor();
    expect(await page.getByTestId('return-reason').textContent()).toMatch(/^退回理由：.+/);
    await page.getByRole('button', { name: '重新提交开班申请' }).waitFor();
    await screenshot(page, '21-provider-returned-class');
  });

  it('applies for a class with live checks, uploads a roster (a bad file refused by row and column, then a good one) and submits', async () => {
    await logIn(page, 'provider-p007');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await registerPeople();

    await page.goto('/provider/classes');
    await page.getByRole('button', { name: '申请开班' }).click();
    await page.getByRole('heading', { name: '申请开班' }).waitFor();
    await choose('培训项目', '就业技能培训');
    // The live check: an end before the start is flagged at once, in Chinese, next to the field.
    await page.getByLabel('开班日期').fill('2021-12-01');
    await page.getByLabel('结业日期').fill('2021-11-20');
    await page.getByTestId('problem-endDate').waitFor();
    expect(await page.getByTestId('problem-endDate').textContent()).toContain('结业日期早于开班日期');
    // The catalog entry's fields are required for this program (§4.0), shown with the clause heading.
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByTestId('problem-occupationCode').waitFor();
    expect(await page.getByTestId('problem-occupationCode').textContent()).toMatch(/应填写工种（§4\.0）.*四、培训项目及补贴政策/);
    await screenshot(page, '22-provider-form-live-check');

    await page.getByLabel('结业日期').fill('2021-12-20');
    await expect.poll(() => page.getByTestId('problem-endDate').count()).toBe(0);
    await choose('工种（职业）', '电工（6-31-01-03）', '电工');
    // 电工 四级 is in the catalog but outside this provider's licence scope (§3): warned at once.
    await choose('等级', '四级/中级工');
    await page.getByTestId('warning-occupationCode').waitFor();
    expect(await page.getByTestId('warning-occupationCode').textContent()).toMatch(/资质范围不包括.*§3/);
    await choose('等级', '五级/初级工');
    // 电工 五级 is inside the provider's licence scope (§3): no warning.
    await expect.poll(() => page.getByTestId('warning-occupationCode').count()).toBe(0);
    await page.getByLabel('总课时').fill('120');
    await page.getByLabel('培训地点').fill('米易县农业技能实训基地（演示）');
    await page.getByLabel('教师1姓名').fill('罗老师');
    await page.getByRole('button', { name: '添加课次' }).click();
    await page.getByLabel('第1次课日期').fill('2021-12-01');
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBe(0);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/provider\/classes\/[0-9a-f-]{36}$/);
    await page.getByText('草稿', { exact: true }).first().waitFor();
    const classId = page.url().split('/').at(-1)!;

    // The template: an .xlsx with the Chinese headers and one example row.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载花名册模板' }).click()]);
    expect(download.suggestedFilename()).toBe('花名册模板.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(HEAD);
    expect(book.worksheets[0]!.rowCount).toBe(2);

    // A roster with bad rows: every problem by row and column, nothing imported.
    const badCheck = PEOPLE[1]!.id.slice(0, 17) + (PEOPLE[1]!.id.endsWith('1') ? '2' : '1');
    const unknown = personId(9);
    const bad = await xlsx([
      HEAD,
      [PEOPLE[0]!.id, PEOPLE[0]!.name],
      [badCheck, PEOPLE[1]!.name],
      [unknown, '无此人'],
      [PEOPLE[0]!.id, PEOPLE[0]!.name, null, '也许'],
    ]);
    await page.locator('input[type=file][accept^=".xlsx"]').setInputFiles({ name: '花名册.xlsx', mimeType: XLSX, buffer: bad });
    await page.getByTestId('row-issue').first().waitFor();
    const issues = await page.getByTestId('row-issue').allTextContents();
    expect(issues).toEqual([
      '行 3，"身份证号" 列：居民身份证号码校验码错误（GB 11643）',
      // A provider is not told whether the ID is on record, only that ID and name did not pass together.
      '行 4，"身份证号" 列：身份证号与姓名未通过实名核验（号码未登记或姓名不符），请核对后重新填写（实名制，§5.2）',
      '行 5，"身份证号" 列：与第 2 行是同一人，同一人员在花名册中只能出现一次（§5.2）',
      '行 5，"是否新入职" 列：应填写“是”或“否”，或留空',
    ]);
    await visible('花名册为空');
    await screenshot(page, '23-provider-roster-errors');
    const before = (await (await page.request.get(`/api/v1/classes/${classId}`)).json()) as { trainees: unknown[] };
    expect(before.trainees).toEqual([]);

    // The corrected file is imported whole.
    const good = await xlsx([HEAD, ...PEOPLE.map((p) => [p.id, p.name, null, '否', null])]);
    await page.locator('input[type=file][accept^=".xlsx"]').setInputFiles({ name: '花名册.xlsx', mimeType: XLSX, buffer: good });
    await page.getByRole('tab', { name: '花名册（2）' }).waitFor();
    await visible(PEOPLE[0]!.name);
    await visible(PEOPLE[1]!.name);
    expect(await page.getByTestId('row-issue').count()).toBe(0);
    await screenshot(page, '24-provider-roster-imported');

    // Submitted after the opening review's preview (unknown facts are listed for the office, not blocking).
    await page.getByRole('button', { name: '提交开班申请' }).click();
    const dialog = page.getByRole('dialog', { name: '提交开班申请' });
    await dialog.waitFor();
    await dialog.getByText(/预检/).first().waitFor();
    await dialog.getByRole('button', { name: '确认提交' }).waitFor();
    await page.waitForTimeout(500); // the dialog's opening animation
    await screenshot(page, '25-provider-submit-preview');
    await dialog.getByRole('button', { name: '确认提交' }).click();
    await page.getByText('已提交开班申请', { exact: true }).first().waitFor();
    const after = (await (await page.request.get(`/api/v1/classes/${classId}`)).json()) as { status: string; trainees: unknown[] };
    expect([after.status, after.trainees.length]).toEqual(['submitted', 2]);
  });

  it('records attendance of a running class in the grid of trainees × sessions', async () => {
    await logIn(page, 'provider-p007');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    const running = (await (await page.request.get('/api/v1/classes?status=running&pageSize=1')).json()) as { items: { id: string }[] };
    const id = running.items[0]!.id;
    const cls = (await (await page.request.get(`/api/v1/classes/${id}`)).json()) as {
      trainees: { name: string; residentId: string }[];
      sessions: { id: number; day: string; startsAt: string }[];
    };
    const session = cls.sessions.at(-1)!;
    const trainee = cls.trainees[0]!;
    await page.goto(`/provider/classes/${id}`);
    await page.getByRole('tab', { name: '考勤' }).click();
    const box = page.getByLabel(`${trainee.name} ${session.day} ${session.startsAt} 出勤`);
    await box.waitFor();
    const wasPresent = await box.isChecked();
    await box.click();
    // A presence the provider enters is a manual mark: it says why.
    await choose('补录原因', '忘带手机');
    await page.getByRole('button', { name: /保存考勤（1 个课次）/ }).click();
    await expect
      .poll(
        async () => {
          const marks = (await (await page.request.get(`/api/v1/classes/${id}/attendance`)).json()) as {
            sessionId: number;
            residentId: string;
            present: boolean;
          }[];
          return marks.find((m) => m.sessionId === session.id && m.residentId === trainee.residentId)?.present;
        },
        { timeout: 30_000 },
      )
      .toBe(!wasPresent);
    // The grid reloads the saved marks (slow on a busy machine) before the picture.
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 30_000 });
    expect(await box.isChecked()).toBe(!wasPresent);
    await screenshot(page, '26-provider-attendance');
  });

  it('lists the payments on its claims, exportable to Excel', async () => {
    await logIn(page, 'provider-p007');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByRole('link', { name: '补贴拨付' }).click();
    await page.getByRole('heading', { name: '补贴拨付' }).waitFor();
    const api = (await (await page.request.get('/api/v1/provider-payments?pageSize=1')).json()) as { total: number };
    // The demo paid no claim of this provider's yet: an empty list then, the total otherwise.
    if (api.total === 0) await page.locator('.ant-table-placeholder .ant-empty').waitFor();
    else await visible(`共 ${api.total} 条`);
    await page.getByRole('button', { name: '导出 Excel' }).waitFor();
    await screenshot(page, '27-provider-payments');
  });

  it('fits a tablet (820 px wide): the application form without sideways scrolling', async () => {
    await logIn(page, 'provider-p007');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto('/provider/classes/new');
    await page.getByRole('heading', { name: '申请开班' }).waitFor();
    await choose('培训项目', '就业技能培训');
    await page.getByLabel('工种（职业）', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await screenshot(page, '28-provider-form-tablet');
  });
});
