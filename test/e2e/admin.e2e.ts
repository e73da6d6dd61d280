// The city's admin screens and the public pages (#5), in a real browser against the shared demo server.
// Everything created here is this file's own (codes and names prefixed E2E-ADM / e2e-adm); nothing here
// changes the governing policy package (a recorded parameter change would move every later decision of
// the other files): the parameter screen is exercised up to the server's refusal of an invalid change,
// and the what-if saves nothing by design.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatYuan } from '../../src/policy/money.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';

const baseUrl = inject('baseUrl');

const { page } = browserPerFile();

const visible = (text: string | RegExp, within: Page | Locator = page) => within.getByText(text).first().waitFor({ state: 'visible' });
const dialog = () => page.getByRole('dialog');

/** Opens an antd Select by its label and picks the option showing `option`. */
async function pick(scope: Page | Locator, label: string, option: string | RegExp, search?: string) {
  const field = scope.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) }).first();
  // On a busy machine a click can land while the dropdown is still opening: check the choice took.
  for (let attempt = 1; ; attempt++) {
    await scope.getByLabel(label, { exact: true }).click();
    // The dropdown is a virtual list: a searchable select is narrowed first so the option is rendered.
    if (search) await page.keyboard.type(search);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option })
      .first()
      .click();
    try {
      await field.filter({ hasText: option }).waitFor({ timeout: 3_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

const chinese = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Moves the focus off the range picker (committing what was typed) without pressing Enter, which would submit the form. */
async function blur() {
  await page.locator('h3').first().click();
}

/** Types a date into an antd DatePicker (format YYYY年M月D日). */
async function typeDate(scope: Page | Locator, label: string, iso: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(chinese(iso));
  // Tab commits the typed date and moves on (Enter would submit the form; a click elsewhere may land on the open panel).
  await input.press('Tab');
  // Nothing else is clicked until the picker's panel has closed (it would take the click).
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').first().waitFor({ state: 'hidden' });
}

/** Before a screenshot: no table still fading in from its loading state. */
async function shot(name: string) {
  await page.waitForFunction(() => !document.querySelector('.ant-spin-blur'));
  await page.waitForTimeout(300);
  await screenshot(page, name);
}

const unique = Date.now().toString(36).slice(-5).toUpperCase();

async function asCity(path: string, heading: string) {
  await logIn(page, 'city');
  await page.getByRole('heading', { name: '我的待办' }).waitFor();
  await page.goto(path);
  await page.getByRole('heading', { name: heading }).waitFor();
}

describe('市局管理 (city admin)', () => {
  it("the admin menu is the city's only: a county office sees none of it and is refused the screens", async () => {
    await logIn(page, 'dongqu');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    expect(await page.getByRole('link', { name: '用户与角色' }).count()).toBe(0);
    await page.goto('/admin/users');
    await visible('市局管理仅限市人社局使用。');
  });

  it('catalog versions: adds an entry, publishes a new edition from a later date (the old one closes the day before), refuses an overlapping edition', async () => {
    await asCity('/admin/catalog', '目录版本管理');
    const code = `E2E-ADM-${unique}`;
    await page.getByRole('button', { name: /新增目录条目/ }).click();
    const d = dialog();
    await pick(d, '目录', '技能等级提升培训目录');
    await d.getByLabel('职业（工种）编码').fill(code);
    await pick(d, '等级', '四级/中级工');
    await d.getByLabel('职业（工种）名称').fill('测试焊工');
    await d.getByLabel('基准标准（元）').fill('1500');
    await pick(d, '产业', '其他');
    await d.getByLabel('版本').fill('2020版');
    await typeDate(d, '生效日期', '2020-03-01');
    await d.getByRole('button', { name: /保\s*存/ }).click();
    await dialog().waitFor({ state: 'detached' });

    await page.getByRole('form', { name: '筛选条件' }).getByLabel('编码').fill(code);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL(new RegExp(`code=${code}`));
    await visible('2020版');
    await page.getByRole('button', { name: /发布新版本/ }).click();
    await d.getByLabel('基准标准（元）').fill('1800');
    await d.getByLabel('版本').fill('2021版');
    await typeDate(d, '生效日期', '2021-01-01');
    await d.getByRole('button', { name: /保\s*存/ }).click();
    await dialog().waitFor({ state: 'detached' });
    await visible('2021版');
    await visible('2020年3月1日 至 2020年12月31日');
    await visible('2021年1月1日 至 今');
    await shot('70-admin-catalog');

    // An edition from 2020-06-01 to 2021-03-31 would overlap the 2021 one: refused, next to the field.
    await page
      .getByRole('button', { name: /发布新版本/ })
      .first()
      .click();
    await typeDate(d, '生效日期', '2020-06-01');
    await typeDate(d, '失效日期（可空）', '2021-03-31');
    await d.getByRole('button', { name: /保\s*存/ }).click();
    await visible(/有效期重叠/, d);
    await d.getByRole('button', { name: /取\s*消/ }).click();
    const api = (await (await page.request.get(`/api/v1/catalog?code=${code}`)).json()) as { total: number };
    expect(api.total).toBe(2);
  });

  it('policy parameters: every dated parameter of the shipped package with its clause; an invalid change is refused next to its field', async () => {
    await asCity('/admin/parameters', '政策参数');
    await visible('攀枝花市职业技能提升行动实施方案（2020—2021年）');
    await page.waitForSelector('.ant-table-row');
    const api = (await (await page.request.get('/api/v1/policy/parameters')).json()) as { total: number; governing: { id: string } };
    expect(api.total).toBeGreaterThanOrEqual(30);
    expect(await page.locator('.ant-table-tbody > tr.ant-table-row').count()).toBe(api.total);
    await visible('§4.10 四（十）高危行业安全技能培训');
    await shot('71-admin-parameters');
    const row = page.locator('tr.ant-table-row', { hasText: 'safety.amountYuan' });
    await row.getByRole('button', { name: /登记调整/ }).click();
    const d = dialog();
    await d.getByLabel('新取值').fill('1500');
    await typeDate(d, '生效日期', '2019-07-01');
    await d.getByLabel('调整依据').fill('测试：超出方案施行期限');
    await d.getByRole('button', { name: /登\s*记/ }).click();
    await visible(/生效日期应在政策有效期/, d);
    await d.getByRole('button', { name: /取\s*消/ }).click();
    // Nothing was recorded: the governing package is still the plan.
    const after = (await (await page.request.get('/api/v1/policy/parameters')).json()) as { governing: { id: string } };
    expect(after.governing.id).toBe(api.governing.id);
  });

  it("what-if: safety ¥1,000 → ¥1,200 over the plan; progress, then counts and money by program and area equal to the API's run", async () => {
    await asCity('/admin/what-if', '参数测算');
    await pick(page, '参数', '高危行业安全技能培训每人补贴', '安全技能培训每人');
    await page.getByLabel('新取值').fill('1200');
    const range = page.locator('.ant-picker-range input');
    await range.nth(0).click();
    await range.nth(0).fill(chinese('2020-01-14'));
    await range.nth(1).click();
    await range.nth(1).fill(chinese('2021-12-31'));
    await blur();
    await page.getByRole('button', { name: /开始测算/ }).click();
    await page.waitForURL(/run=/);
    await page.getByText('将发生变化').waitFor({ timeout: 60_000 });
    const run = new URL(page.url()).searchParams.get('run')!;
    const job = (await (await page.request.get(`/api/v1/what-if/${run}`)).json()) as {
      status: string;
      result: {
        totals: { claims: number; changed: number; deltaFen: number };
        byProgram: { program: string; changed: number }[];
        byArea: { areaCode: string }[];
      };
    };
    expect(job.status).toBe('done');
    const stat = (title: string) =>
      page.locator('.ant-statistic', { hasText: title }).locator('.ant-statistic-content-value').textContent();
    expect(Number((await stat('期间内申领'))!.replace(/,/g, ''))).toBe(job.result.totals.claims);
    expect(Number((await stat('将发生变化'))!.replace(/,/g, ''))).toBe(job.result.totals.changed);
    expect(job.result.totals.changed).toBeGreaterThan(0);
    expect(await stat('金额变化')).toBe(`+${formatYuan(job.result.totals.deltaFen)}`);
    const byProgram = page.getByRole('table', { name: '按培训项目' });
    await byProgram.getByText('高危行业安全技能培训').waitFor();
    expect(job.result.byProgram.find((p) => p.program === 'safety')!.changed).toBeGreaterThan(0);
    const byArea = page.getByRole('table', { name: '按地区' });
    expect(await byArea.locator('tbody tr.ant-table-row').count()).toBe(job.result.byArea.length);
    await byArea.getByText('东区').waitFor();
    await visible(`共 ${job.result.totals.changed} 条`);
    await shot('72-admin-what-if');
    // On a tablet (≈ 820 px) the results fit the width: the wide tables scroll inside their cards.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
    await shot('75-admin-what-if-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });
    // The changed claims filter by area, kept in the URL.
    await pick(page.getByRole('form', { name: '筛选变化的申领' }), '培训项目', '高危行业安全技能培训', '高危');
    await page.getByRole('button', { name: /筛\s*选/ }).click();
    await page.waitForURL(/program=safety/);
    expect(page.url()).toContain(`run=${run}`);
  });

  it('providers: registers one, adds a licence scope, suspends and restores it', async () => {
    await asCity('/admin/providers', '培训机构管理');
    const id = `E2E-ADM-P${unique}`;
    await page.getByRole('button', { name: /登记培训机构/ }).click();
    const d = dialog();
    await d.getByLabel('机构编号').fill(id);
    await d.getByLabel('机构名称').fill(`管理测试培训学校${unique}`);
    await pick(d, '类别', '社会培训机构');
    await pick(d, '所在地区', '仁和区');
    await d.getByRole('button', { name: /登\s*记/ }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('form', { name: '筛选条件' }).getByLabel('机构名称').fill(`管理测试培训学校${unique}`);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.locator('tr.ant-table-row', { hasText: id });
    await row.waitFor();
    await row.getByRole('button', { name: /增加资质/ }).click();
    await pick(d, '培训项目', '高危行业安全技能培训', '高危');
    await typeDate(d, '起始日期', '2020-01-14');
    await d.getByRole('button', { name: /保\s*存/ }).click();
    await dialog().waitFor({ state: 'detached' });
    await visible(/高危行业安全技能培训（2020年1月14日起）/, row);
    await row.getByRole('button', { name: /暂\s*停/ }).click();
    await d.getByLabel('理由').fill('第三方评估不合格，暂停资格');
    await d.getByRole('button', { name: /确认暂停/ }).click();
    await dialog().waitFor({ state: 'detached', timeout: 30_000 });
    await visible('暂停', row);
    await shot('73-admin-providers');
    await row.getByRole('button', { name: /恢\s*复/ }).click();
    await d.getByLabel('理由').fill('整改完成，恢复资格');
    await d.getByRole('button', { name: /确认恢复/ }).click();
    await dialog().waitFor({ state: 'detached', timeout: 30_000 });
    await visible('在册', row);
  });

  it('users: creates a county login, a weak password is refused at its field, resets the password, disables it', async () => {
    await asCity('/admin/users', '用户与角色');
    const username = `e2e-adm-${unique.toLowerCase()}`;
    await page.getByRole('button', { name: /创建用户/ }).click();
    const d = dialog();
    await d.getByLabel('用户名').fill(username);
    await d.getByLabel('名称').fill('仁和区人社局（测试）');
    await d.getByLabel('初始密码').fill('abcdefgh');
    await pick(d, '角色', '县（区）人社局');
    await pick(d, '所属县（区）', '仁和区');
    await d.getByRole('button', { name: /创\s*建/ }).click();
    await visible('密码须同时包含字母和数字', d);
    await d.getByLabel('初始密码').fill('renhe2021');
    await d.getByRole('button', { name: /创\s*建/ }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('form', { name: '筛选条件' }).getByLabel('用户名或名称').fill(username);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.locator('tr.ant-table-row', { hasText: username });
    await visible('仁和区', row);
    await shot('74-admin-users');

    await row.getByRole('button', { name: /重置密码/ }).click();
    await d.getByLabel('新密码').fill('Renhe-reset-2022');
    await d.getByRole('button', { name: /重\s*置/ }).click();
    await dialog().waitFor({ state: 'detached' });
    const login = (password: string) =>
      fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    expect((await login('Renhe-reset-2022')).status).toBe(200);

    await row.getByRole('button', { name: /停\s*用/ }).click();
    await d.getByLabel('理由').fill('人员调离');
    await d.getByRole('button', { name: /确认停用/ }).click();
    await dialog().waitFor({ state: 'detached' });
    await visible('停用', row);
    expect((await login('Renhe-reset-2022')).status).toBe(401);
  });
});

describe('公开信息 (public pages, no login)', () => {
  it("publicity: current and past notices; a notice's claims with names to the surname and resident IDs masked", async () => {
    const api = (await (await fetch(`${baseUrl}/api/v1/public/notices?state=current`)).json()) as {
      total: number;
      items: { id: string; title: string }[];
    };
    await page.goto('/publicity?state=current');
    await page.getByRole('heading', { name: '补贴公示' }).waitFor();
    await visible(`共 ${api.total} 条`);
    expect(api.total).toBeGreaterThan(0);
    await shot('80-public-publicity');
    await page.getByText('往期公示').click();
    await page.waitForURL(/state=past/);
    await page.getByText('当前公示').click();
    await page.getByRole('link', { name: api.items[0]!.title }).click();
    await page.getByRole('heading', { name: api.items[0]!.title }).waitFor();
    await page.waitForSelector('.ant-table-row');
    const names = await page.locator('.ant-table-row td:nth-child(2)').allTextContents();
    for (const n of names) expect(n).toMatch(/^.\*+$/u);
    const ids = await page.locator('.ant-table-row td:nth-child(3)').allTextContents();
    for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    await shot('81-public-notice');
  });

  it('the sanction list, as the API gives it to the public', async () => {
    const api = (await (await fetch(`${baseUrl}/api/v1/risk/sanctions?pageSize=20`)).json()) as {
      total: number;
      items: { party: string }[];
    };
    await page.goto('/sanctions');
    await page.getByRole('heading', { name: '查处名单' }).waitFor();
    if (api.total > 0) {
      await visible(`共 ${api.total} 条`);
      await visible(api.items[0]!.party);
    } else {
      await page.locator('.ant-empty').first().waitFor();
    }
    await shot('82-public-sanctions');
  });

  it('the eight class programs, what each subsidises from the policy package, with clauses', async () => {
    await page.goto('/programs');
    await page.getByRole('heading', { name: '培训项目及补贴政策' }).waitFor();
    await page.waitForSelector('.ant-table-row');
    expect(await page.locator('.ant-table-tbody > tr.ant-table-row').count()).toBe(8);
    await visible('§4.3 四（三）短期岗位技能培训');
    await visible(/参训满 28 学时并取得培训合格证书，每人 ¥500\.00/);
    await visible(/每人 ¥1,000\.00/);
    await shot('83-public-programs');
  });
});
