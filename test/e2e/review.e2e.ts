// The county and city review screens in a real browser (#5), on records no other test touches: 米易县
// (miyi) claims of provider P005 and its submitted class, a 盐边县 (yanbian) person whose fourth
// claim of 2020 fails R3 alone (created here through the API), and a class of 盐边县 that 米易县 must
// not open. Order matters inside this file (one demo server): decide → review → publish → approve → pay.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CLAUSE_HEADINGS } from '../../src/policy/clauses.ts';
import { addDays } from '../../src/policy/dates.ts';
import { addWorkingDays } from '../../src/policy/working-calendar.ts';
import { browserPerFile, logIn, screenshot, SCREENSHOTS } from './browser.ts';
import { advanceBusinessDate } from './server.ts';
import { DemoApi } from './api-client.ts';

const baseUrl = inject('baseUrl');
const chinese = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** These screens act on the server, so waits allow a loaded 2-core machine. */
const { page, fresh, allowErrors } = browserPerFile({ timeoutMs: 30_000 });

/** The API as the city bureau, for setting up and for checking what the screens show. */
type Page_<T> = { items: T[]; total: number };
const city = new DemoApi(baseUrl, 'city');

const fixture = { r3Claim: '', miyiClass: '', miyiClassNumber: '', yanbianClass: '' };

/** A 盐边县 employee with three eligible 2020 trainings on record; the fourth fails R3 alone. */
async function r3Claim(): Promise<string> {
  const people = (await city.call<Page_<{ residentId: string }>>('GET', '/people?areaCode=510422&pageSize=200')).items.filter(
    (p) => Number(p.residentId.slice(6, 10)) >= 1980,
  );
  let person: string | undefined;
  for (const p of people.slice(20)) {
    if ((await city.call<Page_<unknown>>('GET', `/claims?residentId=${p.residentId}&pageSize=1`)).total === 0) {
      person = p.residentId;
      break;
    }
  }
  if (!person) throw new Error('no 盐边县 person without claims');
  const employer = (
    await city.call<Page_<{ uscc: string; directlyManaged: boolean }>>('GET', '/enterprises?areaCode=510422&pageSize=50')
  ).items.find((e) => !e.directlyManaged)!.uscc;
  const entries = (await city.call<Page_<{ code: string; level: string }>>('GET', '/catalog?section=upgrade&level=4&pageSize=4')).items;
  let last = '';
  for (const [i, e] of entries.entries()) {
    last = (
      await city.call<{ id: string }>('POST', '/claims', {
        program: 'skill_upgrade',
        applicant: 'individual',
        residentId: person,
        enterpriseUscc: employer,
        occupationCode: e.code,
        level: Number(e.level),
        startDate: `2020-0${i + 3}-01`,
        endDate: `2020-0${i + 3}-28`,
        attendedHours: 160,
        qualified: true,
        certificate: { type: 'skill_level', number: `E2E-R3-${i}-${person}` },
      })
    ).id;
    await city.call('POST', `/claims/${last}/decide`, {});
  }
  const decided = await city.call<{ outcome: string }>('GET', `/claims/${last}`);
  if (decided.outcome !== 'ineligible') throw new Error(`the fourth claim should fail R3: ${decided.outcome}`);
  return last;
}

beforeAll(async () => {
  fixture.r3Claim = await r3Claim();
  const miyi = (await city.call<Page_<{ id: string; number: string }>>('GET', '/classes?areaCode=510421&status=submitted&pageSize=1'))
    .items[0]!;
  fixture.miyiClass = miyi.id;
  fixture.miyiClassNumber = miyi.number;
  fixture.yanbianClass = (await city.call<Page_<{ id: string }>>('GET', '/classes?areaCode=510422&pageSize=1')).items[0]!.id;
}, 120_000);

const visible = (text: string | RegExp) => page.getByText(text).first().waitFor({ state: 'visible' });
const selectAllOnPage = async () => {
  await page.locator('.ant-table-tbody .ant-table-row').first().waitFor();
  await page.locator('.ant-table-thead .ant-checkbox-input').check();
};
async function signIn(user: string) {
  await logIn(page, user);
  await page.getByRole('heading', { name: '我的待办' }).waitFor();
}
/** Types a date into an antd DatePicker and closes its panel. */
async function pickDate(label: string, iso: string, scope: Pick<Page, 'getByLabel'> = page) {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
}

describe('Class review (开班审查)', () => {
  it("米易县 opens a submitted class from its to-do, reads each trainee's cross-program status and approves it", async () => {
    await signIn('miyi');
    await page.getByRole('link', { name: '待审查的开班申请：查看列表' }).click();
    await page.waitForURL(/\/review\/classes\?status=submitted/);
    await page.getByRole('heading', { name: '开班审查' }).waitFor();
    await page.getByRole('link', { name: fixture.miyiClassNumber }).click();
    await page.getByRole('heading', { name: new RegExp(`开班申请 ${fixture.miyiClassNumber}`) }).waitFor();
    const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '养老金（R5）' }) });
    await table.getByRole('columnheader', { name: '本年补贴次数（R3）' }).waitFor();
    await table.getByRole('columnheader', { name: '同工种同等级（R4）' }).waitFor();
    await table.getByRole('columnheader', { name: '培训时间冲突' }).waitFor();
    const review = await city.call<{ trainees: unknown[]; blocking: boolean }>('GET', `/classes/${fixture.miyiClass}/review`);
    expect(review.blocking).toBe(false);
    // The trainees' table only: the page also lists the application's documents and the class's bookings.
    const traineeRows = page
      .locator('.ant-table-wrapper')
      .filter({ has: page.getByRole('columnheader', { name: '养老金（R5）' }) })
      .locator('.ant-table-tbody .ant-table-row');
    expect(await traineeRows.count()).toBe(review.trainees.length);
    expect(await page.getByTestId('review-verdict').textContent()).toBe('未发现不符合项');
    await screenshot(page, '30-review-class');
    await page.getByRole('button', { name: '审查通过' }).click();
    await page.getByRole('heading', { name: /开班审查通过/ }).waitFor();
    expect((await city.call<{ status: string }>('GET', `/classes/${fixture.miyiClass}`)).status).toBe('approved');
  });

  it('米易县 cannot open a 盐边县 class by its URL', async () => {
    await signIn('miyi');
    allowErrors(/status of 40[34]/, 'the class of another county is asked for on purpose; the API refuses it');
    await page.goto(`/review/classes/${fixture.yanbianClass}`);
    await visible('无权查看或培训班不存在');
    expect(await page.getByRole('table').count()).toBe(0);
    await screenshot(page, '30-review-class-other-county');
  });
});

describe('Bulk claim review (批量审核)', () => {
  it("the city updates the risk scores and filters 米易县's claims by risk", async () => {
    await signIn('city');
    await page.goto('/review/claims?areaCode=510421');
    await page.getByRole('heading', { name: '补贴申领批量审核' }).waitFor();
    await page.getByRole('button', { name: '更新风险评分' }).click();
    await page.getByText(/风险扫描完成/).waitFor({ timeout: 60_000 });
    await page.locator('#minRisk').click();
    await page.locator('.ant-select-item-option[title="有风险线索（≥1 分）"]').click();
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/minRisk=1/);
    expect(page.url()).toContain('areaCode=510421');
    const api = await city.call<Page_<{ riskScore: number }>>('GET', '/claims?areaCode=510421&minRisk=1&pageSize=200');
    expect(api.total).toBeGreaterThan(0);
    await visible(`共 ${api.total} 条`);
    // Every row shown carries a risk score of at least 1; sorting by it goes to the server.
    await page.getByRole('columnheader', { name: /风险评分/ }).click();
    await page.waitForURL(/sort=risk/);
    await page.locator('.ant-table-tbody .ant-table-row').first().waitFor();
    await page.locator('.ant-table .ant-spin-blur').waitFor({ state: 'detached' });
    const scores = (await page.locator('.ant-table-tbody .ant-table-row td:last-child').allTextContents()).map(Number);
    expect(scores.length).toBeGreaterThan(0);
    expect(scores.every((s) => s >= 1)).toBe(true);
    await screenshot(page, '30-review-bulk-risk');
  });

  it("米易县 decides all of P005's submitted claims at once, then passes the decided ones: failures are listed per claim and left as they were", async () => {
    const miyi = new DemoApi(baseUrl, 'miyi');
    const submitted = await miyi.call<Page_<{ id: string }>>('GET', '/claims?status=submitted&providerId=P005&pageSize=200');
    expect(submitted.total).toBeGreaterThan(0);
    await signIn('miyi');
    await page.getByRole('link', { name: '待判定的申领：查看列表' }).click();
    await page.waitForURL(/\/review\/claims\?status=submitted/);
    await page.goto('/review/claims?status=submitted&providerId=P005&pageSize=200');
    await selectAllOnPage();
    expect(await page.getByTestId('selected-count').textContent()).toBe(`已选 ${submitted.total} 笔`);
    await page.getByRole('button', { name: '批量判定' }).click();
    await page.getByTestId('bulk-summary').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('bulk-summary').textContent()).toContain(`成功 ${submitted.total} 笔，失败 0 笔`);
    await page.getByRole('button', { name: '知道了' }).click();

    const decided = await miyi.call<Page_<{ id: string; outcome: string; r3Exception: unknown }>>(
      'GET',
      '/claims?status=decided&pageSize=200',
    );
    const passable = decided.items.filter((c) => c.outcome === 'eligible' || c.r3Exception).length;
    expect(passable).toBeGreaterThanOrEqual(submitted.total);
    expect(decided.total - passable).toBeGreaterThan(0);
    await page.goto('/review/claims?status=decided&pageSize=200');
    await selectAllOnPage();
    await page.getByRole('button', { name: '批量审核通过' }).click();
    await page.getByTestId('bulk-summary').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('bulk-summary').textContent()).toContain(`成功 ${passable} 笔，失败 ${decided.total - passable} 笔`);
    const failures = page.getByRole('table', { name: '失败的申领' });
    await failures
      .getByText(/不能审核通过/)
      .first()
      .waitFor();
    await screenshot(page, '30-review-bulk-result');
    await page.getByRole('button', { name: '知道了' }).click();
    // The failed ones stay selected and unchanged.
    expect(await page.getByTestId('selected-count').textContent()).toBe(`已选 ${decided.total - passable} 笔`);
    expect((await miyi.call<Page_<unknown>>('GET', '/claims?status=decided&pageSize=1')).total).toBe(decided.total - passable);
  });

  it('a reviewed claim reads its decision as steps, each citing its clause', async () => {
    const miyi = new DemoApi(baseUrl, 'miyi');
    const one = (await miyi.call<Page_<{ id: string }>>('GET', '/claims?status=reviewed&providerId=P005&pageSize=1')).items[0]!;
    await signIn('miyi');
    await page.goto(`/claims/${one.id}`);
    await page.getByRole('heading', { name: '判定过程' }).waitFor();
    const steps = page.getByTestId('decision-step');
    expect(await steps.count()).toBeGreaterThan(3);
    for (const t of await steps.allTextContents()) expect(Object.values(CLAUSE_HEADINGS).some((h) => t.includes(h))).toBe(true);
    // Each step's facts and dated parameters open under it.
    const withParameters = steps.filter({ has: page.locator('th', { hasText: '政策参数' }) }).first();
    await withParameters.getByText('依据的事实和政策参数').click();
    await withParameters.getByRole('columnheader', { name: '政策参数' }).waitFor();
    await withParameters.getByRole('columnheader', { name: '有效期' }).waitFor();
    // The office's actions on a reviewed claim: reject or withdraw (publishing is on the publicity screen).
    await page.getByRole('button', { name: '驳回' }).waitFor();
    await screenshot(page, '30-review-claim-steps');
  });
});

describe('The R3 exception (city only)', () => {
  it('盐边县 sees no exception action; the city records one with its reason and the claim can then be reviewed', async () => {
    await signIn('yanbian');
    await page.goto(`/claims/${fixture.r3Claim}`);
    await page.getByRole('heading', { name: '判定过程' }).waitFor();
    await page.getByRole('button', { name: '驳回' }).waitFor();
    expect(await page.getByRole('button', { name: /登记年度次数例外/ }).count()).toBe(0);
    await fresh();

    await signIn('city');
    await page.goto(`/claims/${fixture.r3Claim}`);
    await page.getByRole('heading', { name: '判定过程' }).waitFor();
    await visible(/已有3次培训补贴/);
    await page.getByRole('button', { name: '登记年度次数例外（R3）' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认' }).click();
    await dialog.getByText('请写明理由').waitFor();
    await dialog.getByLabel('例外理由').fill('该职工为企业转岗安置人员，经局务会研究同意第四次培训补贴');
    await dialog.getByRole('button', { name: '确认' }).click();
    await visible('已登记年度补贴次数例外（R3）');
    await page.getByRole('button', { name: '审核通过' }).waitFor();
    expect(await page.getByRole('button', { name: /登记年度次数例外/ }).count()).toBe(0);
    await screenshot(page, '30-review-r3-exception');
  });
});

describe('Publicity (公示)', () => {
  it(
    '米易县 publishes the reviewed claims on the business date, records an objection that pauses the notice, dismisses it, closes the notice once it has run and approves its claims',
    { timeout: 180_000 },
    async () => {
      const miyi = new DemoApi(baseUrl, 'miyi');
      const reviewed = await miyi.call<Page_<{ id: string; amountFen: number }>>(
        'GET',
        '/claims?status=reviewed&providerId=P005&pageSize=200',
      );
      expect(reviewed.total).toBeGreaterThan(0);
      const today = (await miyi.call<{ today: string }>('GET', '/business-date')).today;
      const endsOn = addWorkingDays(addDays(today, -1), 5);
      await signIn('miyi');
      await page.goto('/review/publicity/new?providerId=P005&pageSize=200');
      await page.getByRole('heading', { name: '发布公示' }).waitFor();
      await selectAllOnPage();
      await page.getByLabel('公示标题').fill('米易县2021年第4批职业技能提升补贴公示（测试）');
      // A day before the business date cannot be picked: the notice would have "run" before it was published.
      expect(await page.getByLabel('公示开始日期').inputValue()).toBe(chinese(today));
      await page
        .getByTestId('notice-end')
        .getByText(`公示期至 ${chinese(endsOn)}`)
        .waitFor();
      await page.getByRole('button', { name: `发布公示（${reviewed.total} 笔）` }).click();
      const total = reviewed.items.reduce((sum, c) => sum + c.amountFen, 0);
      await page
        .locator('.ant-popover:visible')
        .getByText(`发布公示：${reviewed.total} 笔申领，合计 ${yuan(total)}`)
        .waitFor();
      await page.locator('.ant-popover:visible').getByRole('button', { name: '确认发布' }).click();
      await page.waitForURL(/\/review\/publicity\/PN-/);
      await page.getByRole('heading', { name: /米易县2021年第4批/ }).waitFor();
      expect(await page.getByTestId('notice-ends-on').textContent()).toBe(chinese(endsOn));

      await page.getByRole('button', { name: '登记异议' }).click();
      // By its title text: the modals' aria-labelledby ids are not unique in a build made under vitest (NODE_ENV=test).
      const dialog = page.locator('.ant-modal').filter({ hasText: '登记异议' });
      await dialog.getByLabel('异议的申领').click();
      await page.locator('.ant-select-item-option').first().click();
      await dialog.getByLabel('异议内容').fill('该学员培训期间实际在外地务工，未参加培训');
      // No date to type: the objection is dated the day it is received.
      await dialog.getByText(`受理日期为今天（${chinese(today)}）`).waitFor();
      await dialog.getByRole('button', { name: '登记' }).click();
      await page.getByRole('heading', { name: /异议暂停/ }).waitFor();
      await page.getByRole('table', { name: '异议' }).getByText(chinese(today)).waitFor();
      await screenshot(page, '30-review-publicity-objection');

      await page.getByRole('table', { name: '异议' }).getByRole('button', { name: '处理' }).click();
      const resolve = page.locator('.ant-modal').filter({ hasText: '处理异议' });
      await resolve.getByLabel('不成立（公示继续）').check();
      await resolve.getByLabel('处理意见').fill('经核查考勤记录和现场签到照片，该学员参加了培训，异议不成立');
      await resolve.getByRole('button', { name: '确认处理' }).click();
      // Received and resolved on its first day: none of its 5 working days had run; they run from today again.
      await page
        .getByTestId('notice-ends-on')
        .filter({ hasText: chinese(endsOn) })
        .waitFor();
      await page.getByRole('heading', { name: /公示中/ }).waitFor();
      expect(await page.getByRole('button', { name: '结束公示' }).isDisabled()).toBe(true);

      // The first working day after its last one: the server runs on as of that day.
      let after = addDays(endsOn, 1);
      while (addWorkingDays(addDays(after, -1), 1) !== after) after = addDays(after, 1);
      await advanceBusinessDate(inject('server'), after);
      await page.reload();
      await page.getByRole('heading', { name: /米易县2021年第4批/ }).waitFor();
      await page.getByRole('button', { name: '结束公示' }).click();
      await page.locator('.ant-popover:visible').getByRole('button', { name: '确认结束' }).click();
      await page.getByRole('heading', { name: /已结束/ }).waitFor();
      await page.getByRole('button', { name: `批准公示期满的申领（${reviewed.total} 笔）` }).click();
      await page
        .locator('.ant-popover:visible')
        .getByText(`批准：${reviewed.total} 笔申领，合计 ${yuan(total)}`)
        .waitFor();
      await page.locator('.ant-popover:visible').getByRole('button', { name: '确认批准' }).click();
      await page.getByTestId('approve-summary').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('approve-summary').textContent()).toContain(`批准成功 ${reviewed.total} 笔，失败 0 笔`);
      await screenshot(page, '30-review-publicity-approved');
    },
  );
});

describe('Payment batches (支付批次)', () => {
  it(
    "米易县 builds a batch from its approved claims; the city's 复核 confirms and its 支付 pays it — paying again pays nobody twice — and exports the bank list",
    { timeout: 180_000 },
    async () => {
      await signIn('miyi');
      await page.getByRole('link', { name: '待支付的申领：查看列表' }).click();
      await page.waitForURL(/\/review\/payments$/);
      const build = page.getByRole('button', { name: /^编制支付批次：米易县/ }).first();
      await build.waitFor();
      // The payable summary as Excel: one row per area and fund, the API's counts and sums.
      const payable = (await page.request.get('/api/v1/review/payable').then((r) => r.json())) as {
        items: { claims: number; totalFen: number }[];
      };
      const [summaryFile] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '导出 Excel' }).first().click(),
      ]);
      expect(summaryFile.suggestedFilename()).toBe('待编入支付批次的已批准申领.xlsx');
      const summaryBook = new ExcelJS.Workbook();
      await summaryBook.xlsx.readFile((await summaryFile.path())!);
      const summarySheet = summaryBook.getWorksheet('待支付汇总')!;
      expect(summarySheet.rowCount).toBe(payable.items.length + 1);
      let summaryFen = 0;
      for (let r = 2; r <= summarySheet.rowCount; r++) summaryFen += Math.round(Number(summarySheet.getRow(r).getCell(4).value) * 100);
      expect(summaryFen).toBe(payable.items.reduce((sum, g) => sum + g.totalFen, 0));
      await build.click();
      await page.getByRole('button', { name: '是，编制' }).click();
      await page.waitForURL(/\/review\/payments\/PB-/);
      const batchUrl = new URL(page.url()).pathname;
      const batchId = decodeURIComponent(batchUrl.split('/').pop()!);
      await page.getByRole('heading', { name: /草稿/ }).waitFor();
      await visible('待市人社局或市财政局确认后支付');
      const batch = await city.call<{ number: string; items: number; totalFen: number }>('GET', `/payment-batches/${batchId}`);
      expect(batch.items).toBeGreaterThan(0);
      await fresh();

      await signIn('city-fuhe');
      await page.goto(batchUrl);
      await page.getByRole('button', { name: '确认支付批次' }).click();
      await page.getByRole('button', { name: '是，确认' }).click();
      await page.getByRole('heading', { name: /已确认/ }).waitFor();
      await fresh();

      await signIn('city-zhifu');
      await page.goto(batchUrl);
      await page.getByRole('button', { name: '线下支付（不经银行支付文件）' }).click();
      await page.getByLabel('银行支付凭证号（银行流水号）').fill('YH-REVIEW-E2E-1');
      await page.getByRole('button', { name: '确认支付' }).click();
      await page.getByTestId('pay-result').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('pay-result').textContent()).toContain(
        `本次支付 ${batch.items} 笔；累计已支付 ${batch.items} / ${batch.items} 笔`,
      );
      await page.getByRole('heading', { name: /已支付/ }).waitFor();
      await page.getByRole('button', { name: /再次执行支付/ }).click();
      await page
        .getByTestId('pay-result')
        .getByText(/本次支付 0 笔.*未重复支付/)
        .waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('batch-paid').textContent()).toContain(`${batch.items} 笔`);
      await screenshot(page, '30-review-payment-batch');

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 Excel' }).click();
      const file = await download;
      // Named by the batch's number (BF-…), never its internal id.
      expect(file.suggestedFilename()).toBe(`银行代发清单-${batch.number}.xlsx`);
      const path = join(SCREENSHOTS, '..', `bank-list-${batchId}.xlsx`);
      await file.saveAs(path);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      const sheet = book.getWorksheet('银行代发清单')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, 4)).toEqual(['序号', '收款方类型', '账户名', '证件号码 / 统一社会信用代码']);
      const column = (title: string) => {
        const at = header.indexOf(title);
        expect(at, title).toBeGreaterThanOrEqual(0);
        return at + 1;
      };
      const holderColumn = column('账户名');
      const amountColumn = column('金额（元）');
      expect(sheet.rowCount).toBe(batch.items + 1);
      let totalFen = 0;
      for (let r = 2; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        expect(String(row.getCell(holderColumn).value ?? '')).not.toBe('');
        totalFen += Math.round(Number(row.getCell(amountColumn).value) * 100);
      }
      expect(totalFen).toBe(batch.totalFen);
    },
  );
});
