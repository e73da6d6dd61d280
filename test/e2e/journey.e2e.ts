// Issue #5's proof, one full journey across roles, all through the browser as real users logging in:
// a training provider (provider-p010, 仁和区; no other e2e file touches its classes or claims) opens a
// §4.2 skill-upgrade class with an Excel roster built from the downloaded template; 仁和区's office
// (renhe) reads each trainee's cross-program status and approves; the provider starts the class,
// records attendance in the grid, results (合格) and certificates, completes the assessment; the office
// accepts and closes the class (结业考核验收, §5.3); the provider submits the claims; the office decides
// and reviews them in bulk, publishes a publicity notice starting on the business date (the server's
// today, UPSKILL_TODAY: the form's default), sees that it cannot close it while its 5 working days run,
// and — the server restarted on the first working day after them, as a week passing — closes it and
// approves the claims (each irreversible act confirmed with its count and total), and builds a payment
// batch; the city's 复核 confirms it and its 支付 pays it (maker–checker: the builder is offered no 确认,
// the confirmer no 支付; each act asks first with the count and the total in ¥); the city creates a
// login for one trainee, who
// then sees the payment on the claim in their name. The test only reads the API (as the city) to pick
// eligible people beforehand and to check what the screens show; every change is made on a screen.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../src/policy/dates.ts';
import { addWorkingDays } from '../../src/policy/working-calendar.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';
import { advanceBusinessDate } from './server.ts';
import { DemoApi } from './api-client.ts';

const baseUrl = inject('baseUrl');

type List<T> = { items: T[]; total: number };
interface Claim {
  id: string;
  number: string;
  status: string;
  outcome: string | null;
  amountFen: number | null;
  payee: string | null;
  residentId: string;
  classId: string | null;
}
/** The API as the city bureau: only for choosing the people beforehand and checking the screens. */
const city = new DemoApi(baseUrl, 'city');
const renheApi = new DemoApi(baseUrl, 'renhe');

const AREA = '510411'; // 仁和区
const PROVIDER = 'P010';
const HEAD = ['身份证号', '姓名', '工作单位统一社会信用代码', '是否新入职', '劳动合同期限（月）'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const unique = Date.now().toString(36).slice(-5);
const chinese = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const money = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** What the journey carries from one step to the next. */
const j = {
  people: [] as { residentId: string; name: string }[],
  employer: '',
  classId: '',
  claims: [] as Claim[],
  noticeUrl: '',
  batchUrl: '',
};

/** One context at a time, opened by signIn; waits allow a loaded 2-core machine. */
const { page, fresh } = browserPerFile({ perTest: false, timeoutMs: 30_000 });

/** Two 仁和区 people of working age with no claim and no class on record, known not to draw a pension (R5). */
async function choosePeople() {
  const people = (await city.call<List<{ residentId: string; name: string }>>('GET', `/people?areaCode=${AREA}&pageSize=200`)).items.filter(
    (p) => {
      const born = Number(p.residentId.slice(6, 10));
      return born >= 1980 && born <= 1998;
    },
  );
  for (const p of people.slice(40)) {
    if ((await city.call<List<unknown>>('GET', `/claims?residentId=${p.residentId}&pageSize=1`)).total !== 0) continue;
    const facts = await city.call<{ current: { fact: string; value: unknown }[] }>('GET', `/people/${p.residentId}/facts`);
    if (facts.current.find((f) => f.fact === 'pensionEntitled')?.value !== false) continue;
    j.people.push(p);
    if (j.people.length === 2) break;
  }
  if (j.people.length < 2) throw new Error('not two eligible 仁和区 people in the demo data');
  j.employer = (
    await city.call<List<{ uscc: string; directlyManaged: boolean; insured: boolean }>>('GET', `/enterprises?areaCode=${AREA}&pageSize=50`)
  ).items.find((e) => !e.directlyManaged && e.insured)!.uscc;
}

beforeAll(async () => {
  await choosePeople();
}, 120_000);

/** A fresh browser as `user`, signed in through the login form. */
async function signIn(user: string, password = 'demo2020') {
  await fresh();
  await logIn(page, user, password);
  await page.getByRole('heading', { name: '我的待办' }).waitFor();
}

const visible = (text: string | RegExp) => page.getByText(text).first().waitFor({ state: 'visible' });

/** Picks an option of the antd Select labelled `label` (typing filters searchable ones). */
async function choose(label: string, option: string | RegExp, type?: string, scope: Pick<Page, 'getByLabel'> = page) {
  await scope.getByLabel(label, { exact: true }).click();
  if (type) await scope.getByLabel(label, { exact: true }).fill(type);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Ticks the rows of these claims (and only them) in a list with row selection. */
async function selectClaims(ids: string[]) {
  for (const id of ids) await page.locator('.ant-table-tbody .ant-table-row', { hasText: id }).locator('.ant-checkbox-input').check();
}

/** The class page's tab, once its content has rendered. */
async function openTab(name: string | RegExp) {
  await page.getByRole('tab', { name }).click();
}

/** Confirms an antd Popconfirm opened by `button`. */
async function confirmPop(button: string, ok: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.locator('.ant-popover:visible').getByRole('button', { name: ok }).click();
}

async function classStatus(): Promise<string> {
  return (await city.call<{ status: string }>('GET', `/classes/${j.classId}`)).status;
}

// Each step acts on a loaded 2-core machine: a few minutes at most.
describe('One journey across roles', { timeout: 240_000 }, () => {
  it('1. the provider applies for a class and uploads its Excel roster built from the template, then submits it', async () => {
    await signIn('provider-p010');
    await page.getByRole('link', { name: '培训班' }).first().click();
    await page.getByRole('button', { name: '申请开班' }).click();
    await page.getByRole('heading', { name: '申请开班' }).waitFor();
    await choose('培训项目', '技能等级提升培训');
    await choose('工种（职业）', '养老护理员（4-10-01-05）', '养老护理员');
    await choose('等级', '四级/中级工');
    await page.getByLabel('开班日期').fill('2021-12-01');
    await page.getByLabel('结业日期').fill('2021-12-10');
    await page.getByLabel('总课时').fill('16');
    await page.getByLabel('培训地点').fill('仁和区宝兴路150号 培训楼3层（旅程测试）');
    await page.getByLabel('教师1姓名').fill('贺老师');
    for (const day of ['2021-12-01', '2021-12-02']) {
      await page.getByRole('button', { name: '添加课次' }).click();
      const n = await page.locator('input[type=date][id*=sessions]').count();
      await page.getByLabel(`第${n}次课日期`).fill(day);
      await page.getByLabel(`第${n}次课上课时间`).fill('09:00');
      await page.getByLabel(`第${n}次课下课时间`).fill('17:00');
      await page.getByLabel(`第${n}次课课时`).fill('8');
    }
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBe(0);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/provider\/classes\/[0-9a-f-]{36}$/);
    await page.getByText('草稿', { exact: true }).first().waitFor();
    j.classId = page.url().split('/').at(-1)!;

    // The roster: the downloaded template, filled in with this test's two people.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载花名册模板' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEAD);
    sheet.spliceRows(2, sheet.rowCount - 1); // the template's example row
    j.people.forEach((p, i) => {
      const row = sheet.getRow(2 + i);
      row.values = [p.residentId, p.name, j.employer, '否', 24];
      row.getCell(1).numFmt = '@';
      row.commit();
    });
    const roster = Buffer.from(await book.xlsx.writeBuffer());
    await page.locator('input[type=file][accept^=".xlsx"]').setInputFiles({ name: '花名册.xlsx', mimeType: XLSX, buffer: roster });
    await page.getByRole('tab', { name: '花名册（2）' }).waitFor();
    for (const p of j.people) await visible(p.name);
    await screenshot(page, '99-journey-01-roster');

    await page.getByRole('button', { name: '提交开班申请' }).click();
    const dialog = page.getByRole('dialog', { name: '提交开班申请' });
    await dialog.getByRole('button', { name: '确认提交' }).waitFor();
    await dialog.getByText(/预检/).first().waitFor();
    await dialog.getByRole('button', { name: '确认提交' }).click();
    await page.getByText('已提交开班申请', { exact: true }).first().waitFor();
    expect(await classStatus()).toBe('submitted');
  });

  it("2. 仁和区's office reads each trainee's cross-program status and approves the class", async () => {
    await signIn('renhe');
    await page.goto(`/review/classes?status=submitted&providerId=${PROVIDER}`);
    await page.getByRole('heading', { name: '开班审查' }).waitFor();
    const { number } = await city.call<{ number: string }>('GET', `/classes/${j.classId}`);
    await page.getByRole('link', { name: number }).click();
    await page.getByRole('heading', { name: new RegExp(`开班申请 ${number}`) }).waitFor();
    const table = page.getByRole('table', { name: '学员跨项目核查' });
    for (const h of ['养老金（R5）', '本年补贴次数（R3）', '同工种同等级（R4）', '培训时间冲突'])
      await table.getByRole('columnheader', { name: h }).waitFor();
    for (const p of j.people) await table.locator('.ant-table-row', { hasText: p.name }).waitFor();
    expect(await page.getByTestId('review-verdict').textContent()).toBe('未发现不符合项');
    await screenshot(page, '99-journey-02-class-review');
    await page.getByRole('button', { name: '审查通过' }).click();
    await page.getByRole('heading', { name: /开班审查通过/ }).waitFor();
    expect(await classStatus()).toBe('approved');
  });

  it('3. the provider starts the class, records attendance, results and certificates, and completes the assessment', async () => {
    await signIn('provider-p010');
    await page.goto(`/provider/classes/${j.classId}`);
    await confirmPop('开班', '开班');
    await page.getByText('培训中', { exact: true }).first().waitFor();

    await openTab('考勤');
    const sessions = (await city.call<{ sessions: { day: string; startsAt: string }[] }>('GET', `/classes/${j.classId}`)).sessions;
    for (const s of sessions) await page.getByRole('button', { name: `${s.day} ${s.startsAt} 全部出勤` }).click();
    // Entered by the provider, not scanned by the trainees: a manual mark with its reason.
    await page.getByLabel('补录原因', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '设备故障' }).first().click();
    await page.getByRole('button', { name: '保存考勤（2 个课次）' }).click();
    await expect
      .poll(
        async () => (await city.call<{ present: boolean }[]>('GET', `/classes/${j.classId}/attendance`)).filter((m) => m.present).length,
        { timeout: 30_000 },
      )
      .toBe(4);
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    await screenshot(page, '99-journey-03-attendance');

    await openTab('考核结果');
    for (const p of j.people)
      await page
        .getByRole('radiogroup', { name: `${p.name} 考核结果` })
        .getByText('合格', { exact: true })
        .click();
    await page.getByRole('button', { name: '保存考核结果' }).click();
    await expect
      .poll(
        async () =>
          (await city.call<{ trainees: { qualified: boolean | null }[] }>('GET', `/classes/${j.classId}`)).trainees.every(
            (t) => t.qualified === true,
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
    await confirmPop('完成结业考核', '完成');
    await page.getByText('已结业考核', { exact: true }).first().waitFor();

    await openTab(/^证书/);
    for (const [i, p] of j.people.entries()) {
      const form = page.getByRole('form', { name: '登记证书' });
      await choose('学员', p.name, undefined, form);
      await choose('证书类型', '职业技能等级证书', undefined, form);
      await form.getByLabel('证书编号').fill(`S2021JRNY${unique}${i}`);
      await form.getByRole('button', { name: '登记证书' }).click();
      await page.getByRole('tab', { name: `证书（${i + 1}）` }).waitFor();
    }
    await screenshot(page, '99-journey-04-certificates');
    expect(await classStatus()).toBe('assessed');
  });

  it('4. the office accepts and closes the class; the provider submits the claims (申领补贴)', async () => {
    await signIn('renhe');
    await page.goto(`/review/classes/${j.classId}`);
    await page.getByRole('heading', { name: /已结业考核/ }).waitFor();
    await page.getByRole('button', { name: '验收结班' }).click();
    await page.getByRole('heading', { name: /已验收结班/ }).waitFor();
    expect(await page.getByRole('button', { name: '验收结班' }).count()).toBe(0);
    await screenshot(page, '99-journey-05-class-closed');

    await signIn('provider-p010');
    await page.goto(`/provider/classes/${j.classId}`);
    await page.getByText('已验收结班', { exact: true }).first().waitFor();
    await confirmPop('申领补贴', '提交申领');
    // Each claim is submitted and decided by the engine: a minute on a busy machine.
    await page.getByTestId('claims-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('claims-result').textContent()).toContain('已提交 2 笔申领');
    await screenshot(page, '99-journey-06-claims-submitted');
    for (const p of j.people) {
      const c = (await city.call<List<Claim>>('GET', `/claims?residentId=${p.residentId}&pageSize=5`)).items;
      expect(c.map((x) => [x.classId, x.status])).toEqual([[j.classId, 'submitted']]);
      j.claims.push(c[0]!);
    }
  });

  it('5. the office decides and reviews the claims in bulk', async () => {
    const ids = j.claims.map((c) => c.number);
    await signIn('renhe');
    await page.goto(`/review/claims?status=submitted&providerId=${PROVIDER}&pageSize=200`);
    await page.getByRole('heading', { name: '补贴申领批量审核' }).waitFor();
    await selectClaims(ids);
    expect(await page.getByTestId('selected-count').textContent()).toBe('已选 2 笔');
    await page.getByRole('button', { name: '批量判定' }).click();
    await page.getByTestId('bulk-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('bulk-summary').textContent()).toContain('成功 2 笔，失败 0 笔');
    await page.getByRole('button', { name: '知道了' }).click();
    for (const { id } of j.claims) {
      const c = await city.call<Claim>('GET', `/claims/${id}`);
      expect([c.status, c.outcome, c.payee]).toEqual(['decided', 'eligible', 'institution']);
    }

    await page.goto(`/review/claims?status=decided&providerId=${PROVIDER}&pageSize=200`);
    await selectClaims(ids);
    await page.getByRole('button', { name: '批量审核通过' }).click();
    await page.getByTestId('bulk-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('bulk-summary').textContent()).toContain('成功 2 笔，失败 0 笔');
    await screenshot(page, '99-journey-07-bulk-reviewed');
    await page.getByRole('button', { name: '知道了' }).click();
    // The decision a user reads: eligible, with the amount the engine fixed.
    const claim = await city.call<Claim>('GET', `/claims/${j.claims[0]!.id}`);
    expect(claim.status).toBe('reviewed');
    // §4.2: 养老护理员 四级 in the 2021 catalog, ¥1,750.00 raised 20% for 康养 → ¥2,100.00 each.
    expect(money(claim.amountFen!)).toBe('¥2,100.00');
    await page.goto(`/claims/${j.claims[0]!.id}`);
    await page.getByRole('heading', { name: '判定过程' }).waitFor();
    await visible(money(claim.amountFen!));
  });

  it('6. the office publishes the claims on the business date, closes the notice once its working days have run, and approves them', async () => {
    const ids = j.claims.map((c) => c.number);
    const today = (await city.call<{ today: string }>('GET', '/business-date')).today;
    const endsOn = addWorkingDays(addDays(today, -1), 5);
    await signIn('renhe');
    expect(await page.getByTestId('business-date').textContent()).toBe(`业务日期：${chinese(today)}`);
    await page.goto(`/review/publicity/new?providerId=${PROVIDER}&pageSize=200`);
    await page.getByRole('heading', { name: '发布公示' }).waitFor();
    await page.locator('.ant-table-tbody .ant-table-row').first().waitFor();
    await selectClaims(ids);
    await page.getByLabel('公示标题').fill(`仁和区职业技能提升补贴公示（旅程测试 ${unique}）`);
    // The start date defaults to the business date (the server's today, not the browser's) and cannot be earlier.
    expect(await page.getByLabel('公示开始日期').inputValue()).toBe(chinese(today));
    await page
      .getByTestId('notice-end')
      .getByText(`公示期至 ${chinese(endsOn)}`)
      .waitFor();
    await page.getByRole('button', { name: '发布公示（2 笔）' }).click();
    // Publishing asks first, with what will happen: the count and the total.
    const decided = await Promise.all(j.claims.map((c) => city.call<Claim>('GET', `/claims/${c.id}`)));
    const total = decided.reduce((sum, c) => sum + c.amountFen!, 0);
    await page
      .locator('.ant-popover:visible')
      .getByText(`发布公示：2 笔申领，合计 ${money(total)}`)
      .waitFor();
    await page.locator('.ant-popover:visible').getByRole('button', { name: '确认发布' }).click();
    await page.waitForURL(/\/review\/publicity\/PN-/);
    j.noticeUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: /旅程测试/ }).waitFor();
    expect(await page.getByTestId('notice-ends-on').textContent()).toBe(chinese(endsOn));
    // While its working days run, the notice cannot be closed.
    expect(await page.getByRole('button', { name: '结束公示' }).isDisabled()).toBe(true);
    await visible(`公示期至 ${chinese(endsOn)}，今天（${chinese(today)}）未满`);
    await screenshot(page, '99-journey-08-notice');

    // The first working day after its last one: the server runs on as of that day.
    let after = addDays(endsOn, 1);
    while (addWorkingDays(addDays(after, -1), 1) !== after) after = addDays(after, 1);
    await advanceBusinessDate(inject('server'), after);
    await page.reload();
    await page.getByRole('heading', { name: /旅程测试/ }).waitFor();
    await page.getByRole('button', { name: '结束公示' }).click();
    await page
      .locator('.ant-popover:visible')
      .getByText(`结束公示：2 笔申领，合计 ${money(total)}`)
      .waitFor();
    await page.locator('.ant-popover:visible').getByRole('button', { name: '确认结束' }).click();
    await page.getByRole('heading', { name: /已结束/ }).waitFor();
    await page.getByRole('button', { name: '批准公示期满的申领（2 笔）' }).click();
    await page
      .locator('.ant-popover:visible')
      .getByText(`批准：2 笔申领，合计 ${money(total)}`)
      .waitFor();
    await page.locator('.ant-popover:visible').getByRole('button', { name: '确认批准' }).click();
    await page.getByTestId('approve-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('approve-summary').textContent()).toContain('批准成功 2 笔，失败 0 笔');
    await screenshot(page, '99-journey-09-approved');
    for (const { id } of j.claims) expect((await city.call<Claim>('GET', `/claims/${id}`)).status).toBe('approved');
  });

  it("7. the office builds a payment batch; the city's 复核 confirms it and its 支付 pays it, three people", async () => {
    // The demo's certificate registry is in force (docs/certificates.md): the class's certificates are
    // dated after the business date, so its evaluation body cannot have recorded them yet; the office has
    // checked the paper certificates and records a 说明 for each claim, which lets them be paid.
    for (const c of j.claims) {
      const check = await renheApi.call<{ status: string; heldFromPayment: boolean }>('GET', `/claims/${c.id}/certificate-check`);
      expect(check).toMatchObject({ status: 'not_found', heldFromPayment: true });
      await renheApi.call('POST', `/claims/${c.id}/certificate-explanation`, {
        reason: '已核验培训机构提交的证书原件，发证机构尚未登记入库',
      });
    }
    await signIn('renhe');
    await page.goto('/review/payments');
    const build = page.getByRole('button', { name: /^编制支付批次：仁和区 2021年/ }).first();
    await build.click();
    expect(await page.getByTestId('build-confirm-text').textContent()).toMatch(
      /将仁和区「2021年.*」的 \d+ 笔已批准申领编入一个支付批次，合计 ¥[\d,]+\.\d{2}/,
    );
    await page.getByRole('button', { name: '是，编制' }).click();
    await page.waitForURL(/\/review\/payments\/PB-/);
    j.batchUrl = new URL(page.url()).pathname;
    const batchId = decodeURIComponent(j.batchUrl.split('/').pop()!);
    await page.getByRole('heading', { name: /草稿/ }).waitFor();
    const lines = await city.call<List<{ claimId: string }>>(
      'GET',
      `/review/payment-batches/${encodeURIComponent(batchId)}/lines?pageSize=200`,
    );
    for (const c of j.claims) expect(lines.items.map((l) => l.claimId)).toContain(c.id);
    const batch = await city.call<{ items: number; totalFen: number }>('GET', `/payment-batches/${encodeURIComponent(batchId)}`);
    expect(await page.getByTestId('batch-total').textContent()).toBe(money(batch.totalFen));
    // The builder is offered no 确认 (the server's allowedActs), only 取消.
    await page.getByRole('button', { name: '取消批次' }).waitFor();
    expect(await page.getByRole('button', { name: '确认支付批次' }).count()).toBe(0);

    await signIn('city-fuhe');
    await page.goto(j.batchUrl);
    await page.getByRole('button', { name: '确认支付批次' }).click();
    expect(await page.getByTestId('confirm-text').textContent()).toContain(`本批次 ${batch.items} 笔，合计 ${money(batch.totalFen)}`);
    await page.getByRole('button', { name: '是，确认' }).click();
    // Confirming issues the batch's bank file (every line's payee account read): allow a busy machine a minute.
    await page.getByRole('heading', { name: /已确认/ }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('button', { name: /线下支付/ }).count()).toBe(0);

    await signIn('city-zhifu');
    await page.goto(j.batchUrl);
    // Paid without the bank file (线下支付): the bank's voucher number is asked for.
    await page.getByRole('button', { name: '线下支付（不经银行支付文件）' }).click();
    expect(await page.getByTestId('pay-text').textContent()).toContain(
      `将按银行凭证登记支付 ${batch.items} 笔，合计 ${money(batch.totalFen)}`,
    );
    await page.getByLabel('银行支付凭证号（银行流水号）').fill(`YH-JOURNEY-${unique}`);
    await page.getByRole('button', { name: '确认支付' }).click();
    await page.getByTestId('pay-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('pay-result').textContent()).toContain(`累计已支付 ${batch.items} / ${batch.items} 笔`);
    await page.getByRole('heading', { name: /已支付/ }).waitFor();
    expect(await page.getByTestId('batch-paid').textContent()).toBe(`${batch.items} 笔，${money(batch.totalFen)}`);
    expect(await page.getByTestId('offline-payment').textContent()).toContain(`YH-JOURNEY-${unique}`);
    await screenshot(page, '99-journey-10-paid');
    for (const c of j.claims) expect((await city.call<Claim>('GET', `/claims/${c.id}`)).status).toBe('paid');
  });

  it('8. the city creates a login for a trainee, who sees the payment on the claim in their name', async () => {
    const trainee = j.people[0]!;
    const claim = await city.call<Claim>('GET', `/claims/${j.claims[0]!.id}`);
    const username = `journey-${unique}`;
    await signIn('city');
    await page.goto('/admin/users');
    await page.getByRole('button', { name: /创建用户/ }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('用户名').fill(username);
    await d.getByLabel('名称').fill(trainee.name);
    await d.getByLabel('初始密码').fill('Renhe-trainee-21');
    await choose('角色', '劳动者', undefined, d);
    await d.getByLabel('劳动者身份证号').fill(trainee.residentId);
    await d.getByRole('button', { name: /创\s*建/ }).click();
    await d.waitFor({ state: 'detached' });

    await signIn(username, 'Renhe-trainee-21');
    await page.getByRole('link', { name: '支付记录' }).click();
    await page.getByRole('heading', { name: '支付记录' }).waitFor();
    const row = page.locator('.ant-table-tbody .ant-table-row', { hasText: claim.number });
    await row.waitFor();
    expect(await page.locator('.ant-table-tbody .ant-table-row').count()).toBe(1);
    const text = await row.textContent();
    expect(text).toContain(money(claim.amountFen!));
    expect(text).toContain('技能等级提升培训');
    expect(text).toContain('培训机构'); // a class claim is paid to the institution (R12), in the trainee's name
    expect(text).toContain('2021年12月1日—2021年12月10日');
    await screenshot(page, '99-journey-11-trainee-payment');
  });
});
