// The web application in a real browser against a real server: public pages without login, the
// city bureau's review path from the to-do list to a decision read as steps, a county kept out of
// another county's claim, and logging out.
import { describe, expect, inject, it } from 'vitest';
import { CLAUSE_HEADINGS } from '../../src/policy/clauses.ts';
import { formatChineseDate } from '../../src/policy/dates.ts';
import { formatYuan } from '../../src/policy/money.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';

const baseUrl = inject('baseUrl');
const claims = inject('claims');

const { page, allowErrors } = browserPerFile();

const visible = (text: string | RegExp) => page.getByText(text).first().waitFor({ state: 'visible' });

describe('Public pages, without login', () => {
  it('the subsidy catalog renders in Chinese, with standards in yuan, from the API', async () => {
    const api = (await (await fetch(`${baseUrl}/api/v1/catalog?pageSize=20`)).json()) as {
      items: { name: string; effectiveStandardFen: number }[];
      total: number;
    };
    await page.goto('/catalog');
    await page.getByRole('heading', { name: '职业技能培训补贴目录' }).waitFor();
    await visible(`共 ${api.total} 条`);
    const first = api.items[0]!;
    await visible(first.name);
    await visible(formatYuan(first.effectiveStandardFen));
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // Chinese glyphs come from a real CJK font (fonts-noto-cjk), not boxes.
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans CJK SC"', '补贴目录'))).toBe(true);
    await screenshot(page, '01-public-catalog');
  });

  it('the catalog filters are kept in the URL and survive a reload', async () => {
    await page.goto('/catalog?level=4&section=upgrade');
    await page.getByRole('heading', { name: '职业技能培训补贴目录' }).waitFor();
    await page.waitForSelector('.ant-table-row');
    const levels = await page.locator('.ant-table-row td:nth-child(4)').allTextContents();
    expect(levels.length).toBeGreaterThan(0);
    expect(new Set(levels)).toEqual(new Set(['四级/中级工']));
  });

  it('the list of listed providers shows each one and the programs it may run', async () => {
    const api = (await (await fetch(`${baseUrl}/api/v1/providers?pageSize=20`)).json()) as { items: { name: string }[] };
    await page.goto('/providers');
    await page.getByRole('heading', { name: '培训机构目录' }).waitFor();
    for (const p of api.items.slice(0, 3)) await visible(p.name);
    await screenshot(page, '02-public-providers');
  });

  it('a review screen asks for a login first', async () => {
    await page.goto('/claims');
    await page.waitForURL(/\/login\?next=%2Fclaims/);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await screenshot(page, '03-login');
  });

  it('a wrong password is refused with a Chinese message', async () => {
    await logIn(page, 'city', 'wrong-password');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/[\u4e00-\u9fa5]/);
    expect(page.url()).toContain('/login');
  });
});

describe('The city bureau reviews claims', () => {
  it('logs in, sees its to-dos with counts, opens the claims waiting for review and reads a decision as steps', async () => {
    await logIn(page, 'city');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    const decided = page.getByTestId('todo-claims-decided');
    await decided.getByText(/^\d+$/).waitFor();
    expect(Number(await decided.locator('.ant-statistic-content-value').textContent())).toBeGreaterThanOrEqual(3);
    expect(
      Number(await page.getByTestId('todo-claims-submitted').locator('.ant-statistic-content-value').textContent()),
    ).toBeGreaterThanOrEqual(1);
    await screenshot(page, '04-home-city');

    await decided.click();
    await page.waitForURL(/\/claims\?status=decided/);
    await page.getByRole('heading', { name: '补贴申领' }).waitFor();
    // The demo data holds many decided claims (oldest first): the newest first shows this run's.
    // The list shows a claim by its number (SQ-…), not its internal id.
    const api = (await (await page.request.get(`/api/v1/claims/${claims.dongquEligible}`)).json()) as {
      number: string;
      amountFen: number;
      startDate: string;
      citations: string[];
    };
    await page.goto('/claims?status=decided&sort=submittedAt&order=desc');
    await page.getByRole('link', { name: api.number }).waitFor();
    await screenshot(page, '05-claims-list');

    // Sorting by amount goes to the server and into the URL, next to the filter.
    await page.getByRole('columnheader', { name: /核定金额/ }).click();
    await page.waitForURL(/sort=amount/);
    expect(page.url()).toContain('status=decided');

    await page.goto('/claims?status=decided&sort=submittedAt&order=desc');
    await page.getByRole('link', { name: api.number }).click();
    await page.waitForURL(new RegExp(`/claims/${claims.dongquEligible}$`));
    await page.getByRole('heading', { name: '判定过程' }).waitFor();
    expect(await page.getByTestId('claim-amount').textContent()).toBe(formatYuan(api.amountFen));
    await visible(formatChineseDate(api.startDate));
    const steps = page.getByTestId('decision-step');
    expect(await steps.count()).toBeGreaterThan(3);
    // Every step cites its clause with the plan's Chinese heading.
    const texts = await steps.allTextContents();
    for (const t of texts) expect(Object.values(CLAUSE_HEADINGS).some((h) => t.includes(h))).toBe(true);
    await visible(CLAUSE_HEADINGS['§4.2']);
    await screenshot(page, '06-claim-detail');
  });

  it('a list link with filters and paging opens the same list after a reload', async () => {
    await logIn(page, 'city');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    const numberOf = async (id: string) => ((await (await page.request.get(`/api/v1/claims/${id}`)).json()) as { number: string }).number;
    const [submitted, eligible] = [await numberOf(claims.dongquSubmitted), await numberOf(claims.dongquEligible)];
    await page.goto('/claims?status=submitted&sort=submittedAt&order=desc&pageSize=20');
    await page.getByRole('link', { name: submitted }).waitFor();
    expect(await page.getByRole('link', { name: eligible }).count()).toBe(0);
    await page.reload();
    await page.getByRole('link', { name: submitted }).waitFor();
  });
});

describe('A county office sees only its own area', () => {
  it('西区 cannot open a 东区 claim by its URL: a Chinese "无权查看或不存在" page, no data', async () => {
    await logIn(page, 'xiqu');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    allowErrors(/status of 40[34]/, 'the claim of another county is asked for on purpose; the API refuses it');
    await page.goto(`/claims/${claims.dongquEligible}`);
    await visible('无权查看或申领不存在');
    expect(await page.getByTestId('claim-amount').count()).toBe(0);
    expect(await page.getByRole('heading', { name: '判定过程' }).count()).toBe(0);
    await screenshot(page, '07-claim-other-county');
  });

  it('西区 opens its own claim', async () => {
    await logIn(page, 'xiqu');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto(`/claims/${claims.xiquDecided}`);
    await page.getByRole('heading', { name: '判定过程' }).waitFor();
  });
});

describe('Logging out', () => {
  it('ends the session: the login page says so, and the claims need a login again', async () => {
    await logIn(page, 'dongqu');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);
    await visible('您已退出登录');
    expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
    await page.goto('/claims');
    await page.waitForURL(/\/login\?next=/);
  });
});
