// The trainee chooses (§5.5; docs/open-classes.md): a provider's class, opened to public enrolment and
// approved by the office, is on the public 报名培训 page; a registered person finds it on their phone
// (390×844), logs in as themselves and applies; the provider accepts on the class's 报名 tab and the
// roster shows the person. The class, the person and their login are made through the API on the
// server's business date (other files move it forward), by 东区示例职业培训学校 (P004), which no other
// e2e file uses.
import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../src/policy/identifiers.ts';
import { addDays } from '../../src/policy/dates.ts';
import { DemoApi } from './api-client.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';

const { page, browser } = browserPerFile({ timeoutMs: 20_000 });

interface Provider {
  scopes: { program: string; occupationCode: string | null; level: string | null; validFrom: string; validTo: string | null }[];
}

/** A resident ID nobody in the demo has (born 1994, a sequence from the clock), valid by GB 11643. */
function newResidentId(): string {
  const n = Date.now();
  const first17 = `510402199406${String(10 + (n % 18)).padStart(2, '0')}${String(Math.floor(n / 100) % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

describe('报名培训 on a phone, and the provider accepts', () => {
  it('a trainee applies to an open class and the provider accepts; the roster shows them', async () => {
    const origin = new URL((await page.goto('/'), page.url())).origin;
    const city = new DemoApi(origin, 'city');
    const provider = new DemoApi(origin, 'provider-p004');
    const { today } = await city.call<{ today: string }>('GET', '/business-date');
    const p004 = await city.call<Provider>('GET', '/providers/P004');
    const startDate = addDays(today, 10);
    const scope = p004.scopes.find(
      (s) => s.program === 'employment_skill' && s.occupationCode && s.validFrom <= startDate && (s.validTo ?? '9999') >= startDate,
    );
    expect(scope, 'P004 runs employment-skill training').toBeTruthy();

    // The class: drafted by the provider, opened to the public, submitted, approved by 东区.
    const cls = await provider.call<{ id: string; number: string }>('POST', '/classes', {
      providerId: 'P004',
      program: 'employment_skill',
      areaCode: '510402',
      enterpriseUscc: null,
      occupationCode: scope!.occupationCode,
      level: scope!.level,
      startDate,
      endDate: addDays(startDate, 14),
      hours: 90,
      venue: '东区示例实训室（e2e）',
      teachers: [{ name: '陈老师', qualification: '技师' }],
      trainees: [],
      sessions: [],
    });
    await provider.call('PUT', `/classes/${cls.id}/enrolment`, { publicEnrolment: true, seats: 20, enrolBy: addDays(startDate, -1) });
    await provider.call('POST', `/classes/${cls.id}/submit`);
    await city.call('POST', `/classes/${cls.id}/approve`, { note: '同意开班，面向社会招生' });

    // The person: registered by the city, with a login of their own.
    const residentId = newResidentId();
    const name = '报名学员';
    await city.call('POST', '/people', { residentId, name, areaCode: '510402', phone: '13800000000' });
    await city.call('POST', `/people/${residentId}/facts`, {
      fact: 'pensionEntitled',
      value: false,
      source: '社保查询',
      asOf: '2021-01-01',
    });
    const username = `e2e-enrol-${residentId.slice(-6)}`;
    await city.call('POST', '/users', { username, displayName: name, password: 'Enrol-2021-phone!', role: 'trainee', residentId });

    // The phone: the public list, the class, log in, apply (confirmed).
    const phone = await browser.newContext({
      baseURL: origin,
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const mobile = await phone.newPage();
    mobile.setDefaultTimeout(20_000);
    await mobile.goto('/enrol');
    await mobile.getByLabel('搜索工种或培训机构').fill('东区示例职业培训学校');
    await mobile.getByRole('button', { name: '搜索' }).click();
    const card = mobile.getByRole('article', { name: `培训班 ${cls.number}` });
    await card.getByRole('link').click();
    await mobile.getByText(`培训班 ${cls.number}`).waitFor();
    await mobile.getByText('东区 东区示例实训室（e2e）').waitFor();
    // Nothing on the page is wider than the phone.
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await mobile.getByLabel('账号').fill(username);
    await mobile.getByLabel('密码').fill('Enrol-2021-phone!');
    await mobile.getByRole('button', { name: '登录' }).click();
    await mobile.getByRole('button', { name: '我要报名' }).click();
    await mobile.getByRole('dialog', { name: '确认报名' }).getByRole('button', { name: '确认报名' }).click();
    await mobile.getByRole('status').getByText('报名已提交，等待培训机构处理').waitFor();
    await mobile.screenshot({ path: 'test-results/screenshots/60-enrol-phone.png' });

    // The provider accepts on the class's 报名 tab (confirmed), and the roster shows the person.
    await logIn(page, 'provider-p004');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto(`/provider/classes/${cls.id}`);
    await page.getByRole('tab', { name: '报名' }).click();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await row.getByRole('button', { name: /^录\s*取$/ }).click();
    await page.getByRole('button', { name: /确认录取/ }).click();
    await page.getByText(`已录取 ${name}，已加入花名册`).waitFor();
    await row.getByText('已录取').waitFor();
    await screenshot(page, '61-enrol-accepted');
    await page.getByRole('tab', { name: /花名册（1）/ }).click();
    await page.getByRole('tabpanel').getByText(name).first().waitFor();

    // The trainee's phone shows the outcome.
    await mobile.goto('/enrol/mine');
    await mobile
      .getByRole('article', { name: /^报名 BM-/ })
      .getByText('已录取')
      .waitFor();
    await phone.close();
    const roster = await city.call<{ trainees: { residentId: string }[] }>('GET', `/classes/${cls.id}`);
    expect(roster.trainees.map((t) => t.residentId)).toContain(residentId);
  }, 240_000);
});
