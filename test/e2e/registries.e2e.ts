// A county clerk (东区, user dongqu) finishes the day's work in the browser: a claim waiting for a fact
// (R10) is finished on its own page — the missing fact read in plain Chinese, recorded with a source
// and an effective date, the claim decided again and carried through review and approval; a new person
// is registered with a group period so a provider's roster upload that named them now succeeds; an
// enterprise's education fund for a year is recorded and the claims waiting for it decide (R8).
// Set-up goes through the API as the city bureau would (DemoApi); the clerk's work goes through the screens.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../src/policy/dates.ts';
import { residentIdCheckChar, usccCheckChar } from '../../src/policy/identifiers.ts';
import { addWorkingDays } from '../../src/policy/working-calendar.ts';
import { DemoApi } from './api-client.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';
import { advanceBusinessDate } from './server.ts';

const { page, allowErrors } = browserPerFile({ timeoutMs: 20_000 });
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** Every spinner gone: the screen shows what it loaded. */
const settled = () => page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'));
const baseUrl = inject('baseUrl');
const city = new DemoApi(baseUrl, 'city');

const personId = (n: number) => {
  const first17 = `51040219660606${String(n).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};
const usccOf = (n: number) => {
  const first17 = `91510400MA6X${String(n).padStart(5, '0')}`;
  return first17 + usccCheckChar(first17);
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEAD = ['身份证号', '姓名', '工作单位统一社会信用代码', '是否新入职', '劳动合同期限（月）'];

const EMPLOYER = usccOf(90001);
const WAITING = { id: personId(901), name: '柏待定' };
const NEWCOMER = { id: personId(902), name: '花新登' };
const R8_PEOPLE = [
  { id: personId(903), name: '钟经费' },
  { id: personId(904), name: '钟经二' },
];

type Page<T> = { items: T[]; total: number };
interface ClaimView {
  id: string;
  status: string;
  outcome: string | null;
  amountFen: number | null;
}

let upgrade: { code: string; level: string };
const upgradeClaim = (residentId: string, enterpriseUscc: string, start: string, end: string, n: number) => ({
  program: 'skill_upgrade',
  applicant: 'individual',
  residentId,
  enterpriseUscc,
  occupationCode: upgrade.code,
  level: Number(upgrade.level),
  startDate: start,
  endDate: end,
  attendedHours: 160,
  qualified: true,
  certificate: { type: 'skill_level', number: `REG-E2E-${n}` },
});

/** Picks an option of the antd Select labelled `label` (typing filters searchable ones). */
async function choose(label: string, option: string | RegExp, type?: string) {
  await page.getByLabel(label, { exact: true }).click();
  if (type) await page.getByLabel(label, { exact: true }).fill(type);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}
async function pickDate(label: string, date: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  // Tab, not Enter: Enter in a form's date field submits the form.
  await input.press('Tab');
}

beforeAll(async () => {
  upgrade = (await city.call<Page<{ code: string; level: string }>>('GET', '/catalog?section=upgrade&level=4&pageSize=1')).items[0]!;
  // A 东区 employer whose 2020 education fund is on record; nothing yet for 2021.
  await city.call('POST', '/enterprises', {
    uscc: EMPLOYER,
    name: '东区示例钛材加工有限公司（测试）',
    areaCode: '510402',
    industry: 'vanadium_titanium',
    insured: true,
  });
  await city.call('POST', `/enterprises/${EMPLOYER}/education-fund`, { year: 2020, fullyUsed: true, source: '企业年度财务报表' });
  // 柏待定: registered with no facts at all, so R5 (pension) cannot be checked.
  await city.call('POST', '/people', { residentId: WAITING.id, name: WAITING.name, areaCode: '510402' });
  for (const p of R8_PEOPLE) {
    await city.call('POST', '/people', { residentId: p.id, name: p.name, areaCode: '510402' });
    await city.call('POST', `/people/${p.id}/facts`, { fact: 'pensionEntitled', value: false, source: '社保系统查询', asOf: '2020-01-01' });
  }
}, 60_000);

describe('An undecided claim is finished where it is seen', () => {
  it('the clerk finds it, records the missing fact with source and date, sees it eligible, and carries it to approval', async () => {
    const { id, number } = await city.call<{ id: string; number: string }>(
      'POST',
      '/claims',
      upgradeClaim(WAITING.id, EMPLOYER, '2020-03-02', '2020-06-30', 1),
    );
    expect((await city.call<{ outcome: string }>('POST', `/claims/${id}/decide`, {})).outcome).toBe('undecided');

    await logIn(page, 'dongqu');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    // Found on bulk review among the 东区 claims waiting for a fact; its amount reads 待定, never ¥0.00.
    await page.goto(`/review/claims?outcome=undecided&residentId=${WAITING.id}`);
    const row = page.locator('.ant-table-row').filter({ hasText: number });
    await row.waitFor();
    expect(await row.textContent()).toContain('待定');
    expect(await row.textContent()).not.toContain('¥0.00');
    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/claims/${id}$`));

    const fact = page.getByTestId('missing-fact');
    await fact.waitFor();
    const text = (await fact.textContent())!;
    expect(text).toContain(`${WAITING.name}（身份证号 ${WAITING.id}）的“具有按月领取养老金资格”，需要 2020年3月2日 时的情况`);
    expect(text).toContain('§4.0');
    expect(text).not.toMatch(/people\[|claims\[|enterprises\[/);
    expect(await page.getByTestId('claim-amount').textContent()).toBe('待定');
    await screenshot(page, '60-claim-missing-fact');

    await fact.getByRole('radio', { name: '不具有' }).check();
    await fact.getByLabel('来源').fill('社保系统查询（2020年3月）');
    expect(await fact.getByLabel('生效日期').inputValue()).toBe('2020年3月2日');
    await fact.getByRole('button', { name: '登记并重新判定' }).click();
    await page.getByTestId('redecided').waitFor();
    expect(await page.getByTestId('redecided').textContent()).toMatch(/^已补充事实并重新判定：符合条件，核定金额 ¥[\d,]+\.\d{2}$/);
    const decided = await city.call<ClaimView>('GET', `/claims/${id}`);
    expect(decided).toMatchObject({ status: 'decided', outcome: 'eligible' });
    await page.getByTestId('claim-amount').filter({ hasText: '¥' }).waitFor();
    expect(await page.getByTestId('claim-amount').textContent()).toBe(
      `¥${(decided.amountFen! / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );
    await page.getByRole('button', { name: /审\s*核\s*通\s*过/ }).waitFor();
    await screenshot(page, '61-claim-redecided');

    // The fact is on the person's timeline with its source, date and who recorded it.
    const facts = await city.call<{ history: { fact: string; value: boolean; source: string; asOf: string; recordedBy: string }[] }>(
      'GET',
      `/people/${WAITING.id}/facts`,
    );
    expect(facts.history).toMatchObject([
      { fact: 'pensionEntitled', value: false, source: '社保系统查询（2020年3月）', asOf: '2020-03-02' },
    ]);

    // Review on the claim page.
    await page.getByRole('button', { name: /审\s*核\s*通\s*过/ }).click();
    await page.getByText('已审核通过', { exact: true }).first().waitFor();
    // Publicity runs on its own screens (review.e2e.ts); here the notice is published through the API on
    // the business date, the server runs on to the first working day after its last one, and the notice
    // is closed; then the clerk approves on the claim page.
    const notice = await city.call<{ id: string; endsOn: string }>('POST', '/publicity-notices', {
      areaCode: '510402',
      title: '东区技能提升补贴公示（测试）',
      claimIds: [id],
    });
    let after = addDays(notice.endsOn, 1);
    while (addWorkingDays(addDays(after, -1), 1) !== after) after = addDays(after, 1);
    await advanceBusinessDate(inject('server'), after);
    await city.call('POST', `/publicity-notices/${notice.id}/close`, {});
    await page.reload();
    await page.getByRole('button', { name: /批\s*准/ }).click();
    // Approving asks first, with the amount (an approval reserves money and cannot be taken back).
    await page.getByRole('dialog').getByRole('button', { name: '确认批准' }).click();
    await page.getByText('已批准，金额已从资金预留').first().waitFor();
    expect((await city.call<ClaimView>('GET', `/claims/${id}`)).status).toBe('approved');
    await screenshot(page, '62-claim-approved');
  }, 300_000);
});

describe('A person registered in the browser lets a roster through', () => {
  it('the provider is told to register the person; the clerk registers them with a 贫困劳动力 period; the upload then succeeds', async () => {
    // A draft class of a provider other than the one provider.e2e.ts works with.
    const drafts = await city.call<Page<{ id: string; providerId: string; enterpriseUscc: string | null }>>(
      'GET',
      '/classes?status=draft&pageSize=50',
    );
    const klass = drafts.items.find((c) => c.providerId.toLowerCase() !== 'p007');
    expect(klass, 'the demo has a draft class').toBeDefined();
    const provider = new RosterUploader(baseUrl, `provider-${klass!.providerId.toLowerCase()}`);
    const roster = await xlsx([HEAD, [NEWCOMER.id, NEWCOMER.name, klass!.enterpriseUscc, '否', null]]);
    const refused = await provider.upload(klass!.id, roster);
    expect(refused.status).toBe(400);
    // A party is not told whether the ID is on record (docs/access.md): only that the line did not pass.
    expect(refused.body).toContain('未通过实名核验');

    await logIn(page, 'dongqu');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByRole('link', { name: '人员实名登记' }).click();
    await page.getByRole('heading', { name: '人员实名登记' }).waitFor();
    await page.getByRole('button', { name: '登记人员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('居民身份证号码').fill(NEWCOMER.id.slice(0, 17) + (NEWCOMER.id.endsWith('1') ? '2' : '1'));
    await dialog.getByLabel('姓名').fill(NEWCOMER.name);
    // The same check as the server, as you type.
    await page.getByText('居民身份证号码校验码错误（GB 11643）').waitFor();
    await dialog.getByLabel('居民身份证号码').fill(NEWCOMER.id);
    await expect.poll(() => page.getByText('校验码错误').count()).toBe(0);
    await screenshot(page, '63-register-person');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.waitForURL(new RegExp(`/office/people/${NEWCOMER.id}$`));
    await page.getByRole('heading', { name: NEWCOMER.name }).waitFor();

    // 贫困劳动力 from 2020-01-01 to the end of 2021: two dated records, shown on the timeline.
    for (const [value, date] of [
      ['自生效日期起属于', '2020-01-01'],
      ['自生效日期起不再属于', '2022-01-01'],
    ] as const) {
      await page.getByRole('button', { name: '登记属性' }).click();
      await choose('属性', '贫困劳动力', '贫困劳动');
      await page.getByRole('dialog').getByRole('radio', { name: value }).check();
      await page.getByRole('dialog').getByLabel('来源').fill('扶贫开发建档立卡系统');
      await pickDate('生效日期（自何日起如此）', date);
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /登\s*记/ })
        .click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
    }
    const timeline = page.getByTestId('fact-timeline');
    await timeline.getByText('2022年1月1日起 贫困劳动力：不属于').waitFor();
    expect(await timeline.textContent()).toContain('2020年1月1日起 贫困劳动力：属于');
    expect(await timeline.textContent()).toContain('来源：扶贫开发建档立卡系统');
    await screenshot(page, '64-person-fact-timeline');

    const accepted = await provider.upload(klass!.id, roster);
    expect(accepted.status, accepted.body).toBe(200);
    const after = await city.call<{ trainees: { residentId: string }[] }>('GET', `/classes/${klass!.id}`);
    expect(after.trainees.map((t) => t.residentId)).toContain(NEWCOMER.id);
  }, 300_000);
});

describe("An enterprise's education fund for a year settles the claims waiting for it (R8)", () => {
  it('the clerk records 2021 as not fully used and both waiting claims decide at 80%', async () => {
    const ids: string[] = [];
    for (const [i, p] of R8_PEOPLE.entries()) {
      const { id } = await city.call<{ id: string }>('POST', '/claims', {
        ...upgradeClaim(p.id, EMPLOYER, '2021-03-01', '2021-06-30', 10 + i),
        applicant: 'enterprise',
      });
      expect((await city.call<{ outcome: string }>('POST', `/claims/${id}/decide`, {})).outcome).toBe('undecided');
      ids.push(id);
    }
    await logIn(page, 'dongqu');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto('/office/enterprises?name=钛材加工');
    await page.getByRole('link', { name: '东区示例钛材加工有限公司（测试）' }).click();
    const year2021 = page.getByRole('table', { name: '职工教育经费' }).locator('tr').filter({ hasText: '2021年' });
    await year2021.getByText('2 笔').waitFor();
    expect(await year2021.textContent()).toContain('未登记');
    await screenshot(page, '65-enterprise-education-fund');
    await year2021.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByRole('dialog').getByText('登记后，因缺少此项而待定的 2 笔申领将重新判定').waitFor();
    await page.getByRole('dialog').getByRole('radio', { name: '未足额提取使用' }).check();
    await page.getByRole('dialog').getByLabel('来源').fill('2021年度企业财务报表');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    const done = page.getByTestId('r8-redecided');
    await done.waitFor();
    expect(await done.textContent()).toContain('2 笔待定申领已重新判定：符合条件 2 笔');
    // The table reloads after the saved dialog reports the re-decisions: wait for the new row.
    await year2021.getByText(/未足额/).waitFor();
    await screenshot(page, '66-enterprise-r8-redecided');
    for (const id of ids) {
      const c = await city.call<ClaimView & { reasons: string[] }>('GET', `/claims/${id}`);
      expect(c.outcome).toBe('eligible');
      expect(
        c.reasons.some((r) => /× 80% = .*R8/.test(r)),
        c.reasons.join('\n'),
      ).toBe(true);
    }
  }, 300_000);
});

describe('Every registry has a screen for the county office', () => {
  it('filings, plans, projects and funds open with their lists; the fund ledger lists its movements', async () => {
    await logIn(page, 'dongqu');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    for (const [menu, heading, shot] of [
      ['培训内容备案审核', '培训内容备案审核', '67-office-filings'],
      ['学徒培养计划', '学徒培养计划', '68-office-plans'],
      ['项目制培训', '项目制培训', '69-office-projects'],
      ['企业登记', '企业登记', '70-office-enterprises'],
    ] as const) {
      await page.getByRole('link', { name: menu, exact: true }).click();
      await page.getByRole('heading', { name: heading }).waitFor();
      await page.getByRole('button', { name: /导出\s*Excel/ }).waitFor();
      expect(await page.getByText('加载失败').count()).toBe(0);
      await settled();
      // Records by their numbers and names; an internal id never reaches the screen.
      expect(await page.locator('main').first().innerText()).not.toMatch(UUID);
      await screenshot(page, shot);
    }
    await page.getByRole('link', { name: '资金与台账', exact: true }).click();
    await page.getByRole('heading', { name: '资金与台账' }).waitFor();
    await page.getByRole('table', { name: '资金' }).locator('.ant-table-row').first().waitFor();
    await page.getByRole('table', { name: '资金台账' }).locator('.ant-table-row').first().waitFor();
    await settled();
    expect(await page.locator('main').first().innerText()).not.toMatch(UUID);
    await screenshot(page, '71-office-funds-ledger');
  }, 300_000);

  it('the projects list leads with each number and finds a project by it', async () => {
    const projects = await city.call<Page<{ number: string; name: string }>>('GET', '/projects?areaCode=510402&pageSize=5');
    const project = projects.items[0];
    if (!project) throw new Error('the demo has no 东区 project');
    await logIn(page, 'dongqu');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByRole('link', { name: '项目制培训', exact: true }).click();
    await page.getByRole('heading', { name: '项目制培训' }).waitFor();
    await page.getByRole('columnheader', { name: /项目编号/ }).waitFor();
    await page.getByLabel('编号或名称').fill(project.number.toLowerCase());
    await page.getByLabel('编号或名称').press('Enter');
    await page.waitForURL(/q=/);
    await page.getByRole('cell', { name: project.number }).waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(1);
  });

  it('a dialog with typed input asks before it closes and drops the input', async () => {
    await logIn(page, 'dongqu');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByRole('link', { name: '项目制培训', exact: true }).click();
    await page.getByRole('button', { name: '登记项目合同' }).click();
    const dialog = page.getByRole('dialog').filter({ has: page.getByLabel('项目名称') });
    await dialog.getByLabel('项目名称').fill('东区家政服务项目（未保存）');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    const ask = page.locator('.ant-modal-confirm').filter({ hasText: '放弃已填写的内容？' });
    await ask.waitFor();
    await ask.getByRole('button', { name: '继续填写' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(await dialog.getByLabel('项目名称').inputValue()).toBe('东区家政服务项目（未保存）');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await ask.waitFor();
    await ask.getByRole('button', { name: '放弃并关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});

describe('A record is found by its number from the page header', () => {
  it("the clerk's own claim opens from its number; another county's reads 未找到 like a number never issued", async () => {
    const ours = (await city.call<Page<{ id: string; number: string }>>('GET', '/claims?areaCode=510402&pageSize=1')).items[0]!;
    const theirs = (await city.call<Page<{ id: string; number: string }>>('GET', '/claims?areaCode=510403&pageSize=1')).items[0]!;
    await logIn(page, 'dongqu');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    const search = page.getByRole('searchbox', { name: '按编号查找' });
    await search.fill(ours.number.toLowerCase());
    await search.press('Enter');
    await page.waitForURL(new RegExp(`/claims/${ours.id}$`));
    await page.getByRole('heading', { name: new RegExp(ours.number) }).waitFor();
    await screenshot(page, '72-record-search');

    allowErrors(/status of 404/, "a number outside the clerk's scope is answered 404 未找到, which the browser logs");
    await search.fill(theirs.number);
    await search.press('Enter');
    const outside = await page.locator('.ant-message-notice').filter({ hasText: '未找到' }).first().innerText();
    expect(outside).toContain(theirs.number);
    expect(page.url()).toMatch(new RegExp(`/claims/${ours.id}$`));
    const never = theirs.number.replace(/\d{6}$/, '999999');
    await search.fill(never);
    await search.press('Enter');
    const missing = await page.locator('.ant-message-notice').filter({ hasText: never }).first().innerText();
    expect(outside.replace(theirs.number, 'N')).toBe(missing.replace(never, 'N'));
  });
});

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The provider's roster upload (an .xlsx body), with the provider's own session. */
class RosterUploader {
  private cookie = '';
  constructor(
    private readonly base: string,
    private readonly username: string,
  ) {}
  async upload(classId: string, file: Buffer): Promise<{ status: number; body: string }> {
    if (!this.cookie) {
      const res = await fetch(`${this.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: this.username, password: 'demo2020' }),
      });
      if (!res.ok) throw new Error(`login ${this.username}: ${res.status} ${await res.text()}`);
      this.cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    }
    const res = await fetch(`${this.base}/api/v1/classes/${classId}/roster`, {
      method: 'POST',
      headers: { 'content-type': XLSX, cookie: this.cookie },
      body: new Uint8Array(file),
    });
    return { status: res.status, body: await res.text() };
  }
}
