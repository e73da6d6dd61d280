// Fraud-risk work in a real browser: the city runs a scan and reads a planted finding with
// its evidence rows in Chinese, looks at the scores, samples inspections with a seed (each drawn class
// with its probability), records what an inspection found, imposes a sanction on a claim and records a
// failing third-party evaluation that suspends a provider. The records it changes are its own: a claim
// and a provider it creates through the API first (the demo's are shared with the other e2e files).
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { browserPerFile, logIn, screenshot } from './browser.ts';

const baseUrl = inject('baseUrl');

const { page } = browserPerFile();
/** This file's own records. */
const own = { claimId: '', providerId: 'E2ERISK', providerName: '风险测试职业培训学校（e2e）' };

async function cityApi() {
  let cookie = '';
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie();
    if (set.length) cookie = set.map((c) => c.split(';')[0]).join('; ');
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  await call('POST', '/auth/login', { username: 'city', password: 'demo2020' });
  return call;
}

beforeAll(async () => {
  const call = await cityApi();
  await call('POST', '/providers', { id: own.providerId, name: own.providerName, kind: 'social_institution', areaCode: '510421' });
  // A claim of a 米易县 person, entered by the city and left submitted: the sanction rejects it.
  const person = (await call<{ items: { residentId: string }[] }>('GET', '/people?areaCode=510421&pageSize=50&page=3')).items.at(
    -1,
  )!.residentId;
  const entry = (await call<{ items: { code: string; level: string }[] }>('GET', '/catalog?section=upgrade&level=4&pageSize=1')).items[0]!;
  own.claimId = (
    await call<{ id: string }>('POST', '/claims', {
      program: 'skill_upgrade',
      applicant: 'individual',
      residentId: person,
      providerId: own.providerId,
      occupationCode: entry.code,
      level: Number(entry.level),
      startDate: '2021-06-01',
      endDate: '2021-08-31',
      attendedHours: 160,
      qualified: true,
      certificate: { type: 'skill_level', number: 'E2E-RISK-1' },
    })
  ).id;
}, 60_000);

const visible = (text: string | RegExp) => page.getByText(text).first().waitFor({ state: 'visible' });

describe('The city bureau works on fraud risk', () => {
  it('runs a scan (with its progress and the count per rule), then reads a planted finding with its evidence in Chinese', async () => {
    await logIn(page, 'city');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByRole('link', { name: '风险线索' }).click();
    await page.getByRole('heading', { name: '风险线索' }).waitFor();
    await page.getByRole('button', { name: '运行风险扫描' }).click();
    const done = page.getByRole('dialog', { name: '风险扫描完成' });
    await done.waitFor({ timeout: 60_000 });
    await done.getByText('全体学员在同一分钟内签到').waitFor();
    await done.getByText(/共发现 \d+ 条风险线索/).waitFor();
    await done.getByRole('button', { name: '查看线索' }).click();
    await visible(/最近一次扫描/);

    // The planted class whose every trainee signed in within one minute (PLANT-SAME-MINUTE), by the rule filter kept in the URL.
    await page.goto('/risk-findings?rule=same_minute_signin');
    const row = page.locator('.ant-table-row').filter({ hasText: '全体学员在' }).first();
    await row.waitFor();
    expect(await row.textContent()).toMatch(/秒内完成扫码签到/);
    await row.locator('.ant-table-row-expand-icon').click();
    await visible('签到人数');
    await visible('最早签到');
    await screenshot(page, '95-risk-findings');

    // Another planted case: the same person on two classes at once, with the people and the sessions.
    await page.goto('/risk-findings?rule=overlapping_attendance');
    const overlap = page.locator('.ant-table-row').filter({ hasText: '同时在培训班' }).first();
    await overlap.waitFor();
    await overlap.locator('.ant-table-row-expand-icon').click();
    await visible('时间重叠的课次');
    await visible('姓名');
  });

  it('sees the scores of classes, claims and providers, highest first', async () => {
    await logIn(page, 'city');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto('/risk-scores?kind=provider');
    await page.getByRole('heading', { name: '风险评分' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    const scores = (await page.locator('.ant-table-row td:nth-child(3) b').allTextContents()).map(Number);
    expect(scores.length).toBeGreaterThan(0);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    await page.getByRole('tab', { name: '培训班' }).click();
    await page.waitForURL(/kind=class/);
    await page.locator('.ant-table-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, '95-risk-scores');
  });

  it('samples inspections with a seed, sees each drawn class with its probability, and records what an inspection found', async () => {
    await logIn(page, 'city');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto('/risk-inspections');
    await page.getByRole('heading', { name: '过程监督抽查' }).waitFor();
    // A seed that draws at least one class (each class has at least a 5% chance).
    let drawn = 0;
    for (let n = 1; n <= 5 && drawn === 0; n++) {
      await page.getByLabel('抽样种子').fill(`e2e-风险抽查-${n}`);
      await page.getByRole('button', { name: '抽样' }).click();
      const alert = page.getByRole('alert').filter({ hasText: `种子“e2e-风险抽查-${n}”` });
      await alert.waitFor();
      drawn = Number(/抽中 (\d+) 个/.exec((await alert.textContent()) ?? '')?.[1] ?? 0);
    }
    expect(drawn).toBeGreaterThan(0);
    await page.waitForURL(/sampleId=SMP-/);
    const first = page.locator('.ant-table-row').first();
    await first.waitFor();
    expect(await first.textContent()).toMatch(/\d+\.\d%/);
    await screenshot(page, '95-risk-inspections');

    await first.getByRole('button', { name: '登记结果' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('请选择检查结果').waitFor();
    await dialog.getByLabel('发现违规').check();
    await dialog.getByLabel('检查发现').fill('现场实到 3 人，花名册 12 人；签到表为同一笔迹（e2e）');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-row').filter({ hasText: '现场实到 3 人' }).getByText('发现违规').waitFor();
    await screenshot(page, '95-risk-inspection-recorded');
  });

  it('imposes a sanction on a claim: it is rejected and appears on the public list', async () => {
    await logIn(page, 'city');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByRole('link', { name: '查处记录' }).click();
    await page.getByRole('heading', { name: '查处记录' }).waitFor();
    await page.getByRole('button', { name: '实施查处' }).click();
    const dialog = page.getByRole('dialog', { name: '实施查处' });
    await dialog.getByLabel('申领编号').fill('CL-不存在的申领');
    await dialog.getByLabel('查处理由').fill('经过程监督检查，学员未实际参训（e2e）');
    await dialog.getByRole('button', { name: '确认查处' }).click();
    // The server's Chinese message, next to the field it names.
    await dialog
      .getByText(/没有找到|不存在/)
      .first()
      .waitFor();
    await dialog.getByLabel('申领编号').fill(own.claimId);
    await dialog.getByRole('button', { name: '确认查处' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-row').filter({ hasText: '学员未实际参训（e2e）' }).getByText('驳回补贴申领').waitFor();
    await screenshot(page, '95-risk-sanctions');
    const claim = (await (await page.request.get(`/api/v1/claims/${own.claimId}`)).json()) as { status: string };
    expect(claim.status).toBe('rejected');
    // The public list (no login) names the individual by surname only.
    const pub = (await (await fetch(`${baseUrl}/api/v1/risk/sanctions?pageSize=200`)).json()) as {
      items: { reason: string; party: string }[];
    };
    const mine = pub.items.find((s) => s.reason.includes('（e2e）'))!;
    expect(mine.party).toMatch(/^个人 .\*+$/);
  });

  it('records a failing third-party evaluation: the provider is suspended at once, visibly', async () => {
    await logIn(page, 'city');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto('/risk-evaluations');
    await page.getByRole('heading', { name: '第三方评估' }).waitFor();
    await page.getByRole('button', { name: '登记评估结果' }).click();
    const dialog = page.getByRole('dialog', { name: '登记第三方评估结果' });
    await dialog.getByLabel('培训机构').click();
    await page.keyboard.type(own.providerId);
    await page.locator('.ant-select-item-option').filter({ hasText: own.providerId }).click();
    await dialog.getByLabel('评估机构').fill('四川省职业培训质量评估中心（e2e）');
    await dialog.getByLabel(/评估得分/).fill('45');
    await dialog.getByRole('button', { name: '保存' }).click();
    const result = page.getByRole('dialog').filter({ hasText: '评估不合格' });
    await result.getByText(/已自动暂停该机构的补贴性培训资格/).waitFor();
    await result.getByRole('button', { name: /知道了|OK|确定/ }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: own.providerName });
    await row.getByText('不合格').waitFor();
    await row.getByText('暂停', { exact: true }).waitFor();
    await screenshot(page, '95-risk-evaluations');
  });
});

describe('A county office', () => {
  it('sees the findings of its own area, and cannot run a scan', async () => {
    await logIn(page, 'miyi');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByRole('link', { name: '风险线索' }).click();
    await page.getByRole('heading', { name: '风险线索' }).waitFor();
    await visible(/最近一次扫描/);
    expect(await page.getByRole('button', { name: '运行风险扫描' }).count()).toBe(0);
    expect(await page.getByLabel('地区').count()).toBe(0);
  });
});
