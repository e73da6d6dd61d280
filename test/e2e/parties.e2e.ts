// Issue #5 in a real browser: the enterprise's screens (a §4.3 filing, its apprenticeship plans, its
// R8 status), the trainee's (trainings, certificates, claims, payments; a claim disputed becomes a
// case the county office of the claim's area sees and takes) and a department's slice (a comment and a flag on a claim, the
// flag cleared by the city). Each acts on records no other e2e file touches: a filing it creates,
// trainee-0015's own claims, a safety claim of the emergency bureau's slice.
import type { Locator } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatYuan } from '../../src/policy/money.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';
import { COUNTY_NAMES } from '../../src/demo/seed-demo.ts';
import { DemoApi } from './api-client.ts';

const baseUrl = inject('baseUrl');

const { page, fresh } = browserPerFile();

const heading = (name: string) => page.getByRole('heading', { name }).waitFor();
const visible = (text: string | RegExp) => page.getByText(text).first().waitFor({ state: 'visible' });
const home = async (username: string) => {
  await logIn(page, username);
  await heading('我的待办');
};
/** An API call with a user's own session (to compare what the screen shows with what the server holds). */
const apiAs = <T>(username: string, path: string): Promise<T> => new DemoApi(baseUrl, username).call<T>('GET', path);
/** Submits, as the city, a §4.2 claim in the trainee's name with an employer of their area. */
async function submitClaimInTheNameOf(trainee: string): Promise<void> {
  const city = new DemoApi(baseUrl, 'city');
  const call = <T>(path: string, body?: unknown): Promise<T> => city.call<T>(body === undefined ? 'GET' : 'POST', path, body);
  const me = await apiAs<{ residentId: string }>(trainee, '/auth/me');
  const person = await call<{ areaCode: string }>(`/people/${me.residentId}`);
  const employer = (
    await call<{ items: { uscc: string; directlyManaged: boolean }[] }>(`/enterprises?areaCode=${person.areaCode}&pageSize=50`)
  ).items.find((e) => !e.directlyManaged)!;
  const entry = (await call<{ items: { code: string; level: string }[] }>('/catalog?section=upgrade&level=3&pageSize=1')).items[0]!;
  await call('/claims', {
    program: 'skill_upgrade',
    applicant: 'individual',
    residentId: me.residentId,
    enterpriseUscc: employer.uscc,
    occupationCode: entry.code,
    level: Number(entry.level),
    startDate: '2021-04-06',
    endDate: '2021-07-30',
    attendedHours: 160,
    qualified: true,
    certificate: { type: 'skill_level', number: `E2E-DISPUTE-${Date.now()}` },
  });
}
async function choose(scope: Locator, label: string, option: string) {
  await scope
    .locator('.ant-form-item', { has: page.getByLabel(label) })
    .locator('.ant-select')
    .first()
    .click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

describe('Enterprise (ent-10000h)', () => {
  it('files §4.3 training content, sees its apprenticeship plans and its R8 status per year', async () => {
    await home('ent-10000h');
    await page.getByRole('menuitem', { name: '培训内容备案' }).click();
    await heading('培训内容备案');
    const title = `E2E 岗位安全操作短期培训 ${Date.now()}`;
    await page.getByRole('button', { name: '报送备案' }).click();
    const dialog = page.getByRole('dialog', { name: '报送培训内容备案' });
    await dialog.getByRole('button', { name: '报送' }).click();
    // Nothing sent without the facts: Chinese messages next to the fields.
    await dialog.getByText('请选择培训项目').waitFor();
    await dialog.getByText('请填写培训内容名称').waitFor();
    await choose(dialog, '培训项目', '短期岗位技能培训');
    await dialog.getByLabel('培训内容名称').fill(title);
    await dialog.getByLabel(/培训内容（/).fill('安全操作规程 16 学时；岗位实操 16 学时；结业考核：实操考核。');
    await dialog.getByRole('button', { name: '报送' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: title }).waitFor();
    await screenshot(page, '40-enterprise-filings');

    await page.getByRole('menuitem', { name: '学徒培养计划' }).click();
    await heading('学徒培养计划');
    const plans = await apiAs<{ total: number; items: { occupationCode: string }[] }>('ent-10000h', '/plans');
    expect(plans.total).toBeGreaterThan(0);
    await visible(`共 ${plans.total} 条`);
    await page.getByRole('cell', { name: plans.items[0]!.occupationCode }).first().waitFor();
    await screenshot(page, '40-enterprise-plans');

    await page.getByRole('menuitem', { name: '80%补贴状态' }).click();
    await heading('80% 补贴状态（R8）');
    const me = await apiAs<{ enterpriseUscc: string }>('ent-10000h', '/auth/me');
    const r8 = await apiAs<{ years: { year: number; r8: string }[] }>('ent-10000h', `/enterprises/${me.enterpriseUscc}/r8-status`);
    expect(r8.years.length).toBeGreaterThan(0);
    const words: Record<string, string> = { applies: '适用 80% 规则', not_applies: '按标准全额补贴', unknown: '尚未登记，待补充' };
    for (const y of r8.years) expect(await page.getByTestId(`r8-${y.year}`).textContent()).toBe(words[y.r8]);
    await screenshot(page, '40-enterprise-r8');

    await page.getByRole('menuitem', { name: '提交申领' }).click();
    await heading('提交补贴申领（企业）');
    await choose(page.getByRole('main'), '补贴项目', '短期岗位技能培训');
    await page.getByLabel('实际参训学时').waitFor();
    await page.getByRole('button', { name: '提交申领' }).click();
    await page.getByText('请填写职工身份证号').waitFor();
    await page.getByText('请填写实际参训学时').waitFor();
    await screenshot(page, '40-enterprise-claim-form');
  });
});

describe('Trainee (trainee-0015)', () => {
  it("sees their trainings, certificates, claims and payments, and disputes a claim: the county office of the claim's area sees the case", async () => {
    await home('trainee-0015');
    await page.getByRole('menuitem', { name: '我的培训' }).click();
    await heading('我的培训');
    const classes = await apiAs<{ total: number }>('trainee-0015', '/classes');
    // Whether the demo put this person on a roster depends on the demo's draws: both states are shown right.
    if (classes.total > 0) {
      await visible(`共 ${classes.total} 条`);
      await page.getByRole('button', { name: '查看' }).first().click();
      await page.getByRole('dialog', { name: '培训详情' }).getByRole('columnheader', { name: '出勤学时' }).waitFor();
      await screenshot(page, '50-trainee-trainings');
      await page.keyboard.press('Escape');
    } else {
      await visible('暂无培训记录');
      await screenshot(page, '50-trainee-trainings');
    }

    await page.getByRole('menuitem', { name: '我的证书' }).click();
    await heading('我的证书');
    const certs = await apiAs<{ items: { number: string }[] }>('trainee-0015', '/my/certificates');
    if (certs.items[0]) await page.getByRole('cell', { name: certs.items[0].number }).waitFor();

    await page.getByRole('menuitem', { name: '支付记录' }).click();
    await heading('支付记录');
    const payments = await apiAs<{ total: number; items: { amountFen: number }[] }>('trainee-0015', '/my/payments');
    await visible(payments.total === 0 ? '暂无支付记录' : formatYuan(payments.items[0]!.amountFen));
    await screenshot(page, '50-trainee-payments');

    // A claim in their name that is still open and not already disputed. Whether the demo gave this
    // person one depends on its draws; if not, one is submitted in their name (as a provider might,
    // without their knowledge: the case a dispute is for).
    const openClaim = async () => {
      const mine = await apiAs<{ items: { id: string; number: string; status: string; areaCode: string }[] }>(
        'trainee-0015',
        '/claims?pageSize=200',
      );
      const pending = await apiAs<{ items: { claimId: string }[] }>('trainee-0015', '/disputes?pending=true&pageSize=200');
      return mine.items.find((c) => c.status !== 'rejected' && c.status !== 'withdrawn' && !pending.items.some((d) => d.claimId === c.id));
    };
    if (!(await openClaim())) await submitClaimInTheNameOf('trainee-0015');
    const target = (await openClaim())!;
    expect(target).toBeDefined();
    await page.getByRole('menuitem', { name: '我的申领' }).click();
    await heading('我的申领');
    await screenshot(page, '50-trainee-claims');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: target.number }) });
    await row.getByRole('button', { name: '提出异议' }).waitFor();
    // The "不是我本人？" link of the texts about this claim opens its dispute form directly.
    await page.goto(`/my-claims?dispute=${encodeURIComponent(target.number)}`);
    const dialog = page.getByRole('dialog', { name: '对申领提出异议' });
    await dialog.getByText(target.number).waitFor();
    await dialog.getByRole('button', { name: '提交异议' }).click();
    await dialog.getByText('请说明异议理由').waitFor();
    const reason = `本人从未参加过这次培训（E2E ${Date.now()}）`;
    await dialog.getByLabel('异议理由').fill(reason);
    await dialog.getByRole('button', { name: '提交异议' }).click();
    await heading('我的异议');
    await page.getByRole('cell', { name: reason }).waitFor();
    await page.getByText('待受理').first().waitFor();
    await screenshot(page, '50-trainee-dispute');

    // The office reviewing the claim (its area's county) sees the case and takes it.
    const office = COUNTY_NAMES[target.areaCode];
    expect(office).toBeDefined();
    await fresh();
    await home(office!);
    await page.getByTestId('todo-disputes-pending').getByText(/^\d+$/).waitFor();
    expect(
      Number(await page.getByTestId('todo-disputes-pending').locator('.ant-statistic-content-value').textContent()),
    ).toBeGreaterThanOrEqual(1);
    await page.getByRole('menuitem', { name: '异议案件' }).click();
    await heading('异议案件');
    const caseRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: reason }) });
    await caseRow.getByRole('button', { name: '受理' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '受理' }).click();
    await caseRow.getByRole('button', { name: '办结' }).waitFor();
    await screenshot(page, '50-county-dispute-cases');
    // Resolved as unfounded: the claim stays as it was, and the trainee reads the finding.
    await caseRow.getByRole('button', { name: '办结' }).click();
    const resolve = page.getByRole('dialog', { name: '办结异议案件' });
    await resolve.locator('label', { hasText: '异议不成立' }).click();
    await resolve.getByLabel('核查情况及处理说明').fill('经核对考勤签到和鉴定记录，本人参加了培训');
    await resolve.getByRole('button', { name: '办结' }).click();
    await caseRow.getByText('已办结').waitFor();
    const after = await apiAs<{ status: string }>('city', `/claims/${target.id}`);
    expect(after.status).toBe(target.status);
  });
});

describe('Department (dept-emergency)', () => {
  it('reads its slice (safety claims only), comments on and flags a claim; the city sees the flag and clears it', async () => {
    await home('dept-emergency');
    await page.getByRole('menuitem', { name: '本领域申领' }).click();
    await heading('本领域申领');
    const slice = await apiAs<{ total: number; items: { id: string; number: string; program: string }[] }>(
      'dept-emergency',
      '/claims?pageSize=200&status=publicity',
    );
    expect(slice.items.every((c) => c.program === 'safety')).toBe(true);
    await page.waitForSelector('.ant-table-row');
    const programs = await page.locator('.ant-table-row td:nth-child(2)').allTextContents();
    expect(new Set(programs)).toEqual(new Set(['高危行业安全技能培训']));
    await screenshot(page, '60-department-claims');

    const claimNumber = slice.items[0]!.number;
    await page.goto(`/dept-claims?status=publicity`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: claimNumber }) });
    await row.getByRole('button', { name: '意见/标记' }).click();
    const panel = page.getByTestId('oversight-notes');
    const comment = `请核实该班学员的特种作业证书（E2E ${Date.now()}）`;
    await panel.getByLabel('意见内容').fill(comment);
    await panel.getByRole('button', { name: '提交意见' }).click();
    await panel.getByText(comment).waitFor();
    // The list above reloads after the comment: choose the kind once the form has settled.
    const flagButton = panel.getByRole('button', { name: '提出标记' });
    for (let i = 0; i < 5 && !(await flagButton.isVisible()); i++) {
      await panel.locator('label.ant-radio-button-wrapper', { hasText: '标记（需受理部门处理）' }).click();
      await page.waitForTimeout(200);
    }
    await flagButton.click();
    await panel.getByText('请填写标记理由').waitFor();
    const flag = `考勤签到时间高度集中，疑似代签（E2E ${Date.now()}）`;
    await panel.getByLabel('标记理由').fill(flag);
    await panel.getByRole('button', { name: '提出标记' }).click();
    await panel.getByText(flag).waitFor();
    await screenshot(page, '60-department-comment-flag');

    await page.goto('/dept-notes');
    await heading('我的意见和标记');
    await page.getByRole('cell', { name: flag }).waitFor();

    await fresh();
    await home('city');
    await page.getByRole('menuitem', { name: '部门标记' }).click();
    await heading('部门标记');
    const flagRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: flag }) });
    await flagRow.getByRole('button', { name: '解除标记' }).click();
    const dialog = page.getByRole('dialog', { name: '解除部门标记' });
    await dialog.getByLabel('核查情况说明').fill('已调取签到视频，系现场集中签到，无代签');
    await dialog.getByRole('button', { name: '解除标记' }).click();
    await flagRow.getByText('已调取签到视频，系现场集中签到，无代签').waitFor();
    await screenshot(page, '60-department-flag-cleared');
  });

  it('dept-veterans reads the people of its slice with resident IDs masked', async () => {
    await home('dept-veterans');
    await page.getByRole('menuitem', { name: '本领域人员' }).click();
    await heading('本领域人员');
    const people = await apiAs<{ total: number; items: { residentId: string }[] }>('dept-veterans', '/people?pageSize=20');
    expect(people.total).toBeGreaterThan(0);
    await visible(`共 ${people.total} 条`);
    const ids = await page.locator('.ant-table-row td:nth-child(2)').allTextContents();
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    await screenshot(page, '60-department-people');
  });
});
