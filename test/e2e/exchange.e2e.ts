// The city's registry exchange in the browser (docs/registry-exchange.md): the clerk fills the social
// insurance and the poverty templates downloaded from the server, imports each on the 数据交换 page
// after confirming, and reads the reconciliation report: the claims the new facts re-decided, the
// conflict with a fact recorded by hand, the ID not on record, the employer's 参保 from the spells. Set-up (people, claims) goes through the
// API as the city would; the files are built from the server's own templates.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { residentIdCheckChar, usccCheckChar } from '../../src/policy/identifiers.ts';
import { DemoApi } from './api-client.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';

const { page } = browserPerFile({ timeoutMs: 30_000 });
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const baseUrl = inject('baseUrl');
const city = new DemoApi(baseUrl, 'city');

const personId = (n: number) => {
  const first17 = `51040219700707${String(n).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};
const first17 = '91510400MA6X91301';
const EMPLOYER = first17 + usccCheckChar(first17);
const RETIRED = { id: personId(301), name: '邵退休' };
const POOR = { id: personId(302), name: '邵扶贫' };
const STRANGER = { id: personId(303), name: '邵未登' };

type Page<T> = { items: T[]; total: number };
interface ClaimView {
  id: string;
  number: string;
  status: string;
  outcome: string | null;
}

/** The server's template for a source with its example row replaced by these rows. */
async function fromTemplate(source: string, rows: string[][]): Promise<Buffer> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'city', password: 'demo2020' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${baseUrl}/api/v1/registry-exchange/sources/${source}/template`, { headers: { cookie } });
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const sheet = book.worksheets[0]!;
  sheet.spliceRows(2, 1);
  rows.forEach((r, i) => {
    const row = sheet.getRow(i + 2);
    r.forEach((v, c) => (row.getCell(c + 1).value = v));
    row.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Picks an option of the antd Select labelled `label`. */
async function choose(label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

async function importOnScreen(source: string, fileName: string, body: Buffer) {
  await choose('数据来源', source);
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: body });
  await page
    .getByRole('button', { name: /导\s*入/ })
    .last()
    .click();
  // Importing asks first: it writes facts and re-decides claims, and cannot be undone.
  const confirm = page.getByRole('dialog').filter({ hasText: '确认导入' });
  await confirm.waitFor();
  expect(await confirm.textContent()).toContain(fileName);
  await confirm.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
}

let retiredClaim: ClaimView;
let poorClaim: ClaimView;

beforeAll(async () => {
  const upgrade = (await city.call<Page<{ code: string; level: string }>>('GET', '/catalog?section=upgrade&level=4&pageSize=1')).items[0]!;
  const employment = (await city.call<Page<{ code: string; level: string }>>('GET', '/catalog?section=employment&level=5&pageSize=1'))
    .items[0]!;
  await city.call('POST', '/enterprises', {
    uscc: EMPLOYER,
    name: '东区示例钒钛制品有限公司（交换测试）',
    areaCode: '510402',
    industry: 'vanadium_titanium',
    insured: true,
  });
  await city.call('POST', `/enterprises/${EMPLOYER}/education-fund`, { year: 2020, fullyUsed: true, source: '企业年度财务报表' });
  for (const p of [RETIRED, POOR, STRANGER].slice(0, 2)) {
    await city.call('POST', '/people', { residentId: p.id, name: p.name, areaCode: '510402' });
    // Recorded by hand at the window: not entitled to a pension.
    await city.call('POST', `/people/${p.id}/facts`, { fact: 'pensionEntitled', value: false, source: '窗口核实', asOf: '2020-01-01' });
  }
  const submit = async (body: Record<string, unknown>) => {
    const { id } = await city.call<{ id: string }>('POST', '/claims', body);
    await city.call('POST', `/claims/${id}/decide`, {});
    return city.call<ClaimView>('GET', `/claims/${id}`);
  };
  const common = { applicant: 'individual', startDate: '2020-03-02', endDate: '2020-06-30', attendedHours: 160, qualified: true };
  retiredClaim = await submit({
    ...common,
    program: 'skill_upgrade',
    residentId: RETIRED.id,
    enterpriseUscc: EMPLOYER,
    occupationCode: upgrade.code,
    level: Number(upgrade.level),
    certificate: { type: 'skill_level', number: 'EXC-E2E-1' },
  });
  poorClaim = await submit({
    ...common,
    program: 'employment_skill',
    residentId: POOR.id,
    occupationCode: employment.code,
    level: Number(employment.level),
    certificate: { type: 'skill_level', number: 'EXC-E2E-2' },
  });
  expect(retiredClaim).toMatchObject({ status: 'decided', outcome: 'eligible' });
  // Not in a key group (§4.6) until the poverty register says so.
  expect(poorClaim).toMatchObject({ status: 'decided', outcome: 'ineligible' });
}, 120_000);

describe('The city imports registry extracts built from the templates', () => {
  it('a social insurance extract: the report lists the claim it re-decided, the conflict with the hand record, the ID not on record', async () => {
    const file = await fromTemplate('social_insurance', [
      [RETIRED.id, RETIRED.name, EMPLOYER, '东区示例钒钛制品有限公司（交换测试）', '2015-01', '', '2020-02-15'],
      [STRANGER.id, STRANGER.name, EMPLOYER, '东区示例钒钛制品有限公司（交换测试）', '2015-01', '', ''],
    ]);
    await logIn(page, 'city');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByRole('link', { name: '数据交换' }).click();
    await page.getByRole('heading', { name: '数据交换' }).waitFor();
    await importOnScreen('社会保险参保登记', '社保参保数据.xlsx', file);
    const report = page.getByTestId('reconciliation-report');
    const redecided = page.getByTestId('report-redecided');
    await redecided.waitFor();
    expect(await redecided.textContent()).toContain(retiredClaim.number);
    expect(await redecided.textContent()).toContain('不符合条件');
    expect(await page.getByTestId('report-conflicts').textContent()).toContain('人工登记：否（窗口核实：否，自 2020年1月1日）');
    expect(await page.getByTestId('report-unknown-ids').textContent()).toContain(STRANGER.id);
    // The employer's 参保 (§4.8) from its employee's spell: contributing from its first month.
    expect(await page.getByTestId('report-enterprise-facts').textContent()).toContain('东区示例钒钛制品有限公司（交换测试）');
    expect(await page.getByTestId('report-enterprise-facts').textContent()).toContain('2015');
    expect(await report.textContent()).not.toMatch(UUID);
    await screenshot(page, '90-exchange-social-insurance-report');
    expect(await city.call<ClaimView>('GET', `/claims/${retiredClaim.id}`)).toMatchObject({ status: 'decided', outcome: 'ineligible' });

    // The same file again changes nothing, and the screen says so.
    await importOnScreen('社会保险参保登记', '社保参保数据.xlsx', file);
    await page.getByTestId('already-imported').waitFor();
  }, 300_000);

  it('a poverty extract: 贫困劳动力 re-decides the §4.6 claim, and the import is kept with its report', async () => {
    const file = await fromTemplate('poverty', [[POOR.id, POOR.name, '贫困劳动力', '2019-06-01', '']]);
    await logIn(page, 'city');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto('/office/exchange');
    await page.getByRole('heading', { name: '数据交换' }).waitFor();
    await importOnScreen('贫困人口建档立卡登记', '扶贫建档立卡.xlsx', file);
    const redecided = page.getByTestId('report-redecided');
    await redecided.waitFor();
    expect(await redecided.textContent()).toContain(poorClaim.number);
    const after = await city.call<ClaimView>('GET', `/claims/${poorClaim.id}`);
    expect(after.outcome).not.toBe('ineligible');
    await screenshot(page, '91-exchange-poverty-report');

    // 导入记录: both imports, each report viewable later.
    await page.getByRole('tab', { name: '导入记录' }).click();
    const history = page.getByTestId('import-history');
    const row = history.locator('.ant-table-row').filter({ hasText: '扶贫建档立卡.xlsx' }).first();
    await row.waitFor();
    await row.getByRole('button', { name: /查看报告/ }).click();
    // The drawer is a dialog titled by the import (antd 6 renders no .ant-drawer-content wrapper to select).
    const drawer = page.getByRole('dialog').filter({ hasText: '次导入的核对报告' });
    await drawer.getByTestId('report-redecided').waitFor();
    expect(await drawer.getByTestId('report-redecided').textContent()).toContain(poorClaim.number);
    expect(await history.textContent()).toContain('社保参保数据.xlsx');
    expect(await drawer.textContent()).not.toMatch(UUID);
  }, 300_000);
});
