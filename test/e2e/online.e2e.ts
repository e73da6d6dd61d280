// Online learning (§5.4; docs/online-learning.md) on a phone-sized screen (390×844): a provider's
// running class gets a one-minute document lesson with a check question; a trainee on its roster,
// given a login by the city, opens /learn on their phone, studies the lesson, and the counted time
// appears — on the phone, and on the class's 网络课程 tab beside the classroom sign-ins. The page's own
// timers send the heartbeats; the test waits for the first one (15 s) and answers a check if it comes.
import { describe, expect, it } from 'vitest';
import { DemoApi } from './api-client.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';

const { page, browser } = browserPerFile({ timeoutMs: 30_000 });

const ONLINE_PROGRAMS = ['skill_upgrade', 'short_term', 'employment_skill'];
/** A one-page PDF (what the study page shows in its frame). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** A running class of a program online time counts for, with a trainee on its roster. */
async function runningClass(city: DemoApi) {
  const list = await city.call<{ items: { id: string; program: string }[] }>('GET', '/classes?status=running&pageSize=200');
  for (const c of list.items.filter((x) => ONLINE_PROGRAMS.includes(x.program))) {
    const detail = await city.call<{ providerId: string; trainees: { residentId: string; name: string }[] }>('GET', `/classes/${c.id}`);
    if (detail.trainees.length)
      return { classId: c.id, providerId: detail.providerId, trainee: detail.trainees[detail.trainees.length - 1]! };
  }
  throw new Error('the demo has no running class of §4.2/§4.3/§4.6 with a roster');
}

describe('网络学习 on a phone', () => {
  it('a trainee studies a lesson on their phone and the counted time appears there and on the class page', async () => {
    const origin = new URL((await page.goto('/'), page.url())).origin;
    const city = new DemoApi(origin, 'city');
    const target = await runningClass(city);
    const provider = new DemoApi(origin, `provider-${target.providerId.toLowerCase()}`);
    const title = `用电安全（${Date.now() % 100000}）`;
    const lesson = await provider.call<{ id: number }>('POST', `/classes/${target.classId}/online-lessons`, {
      title,
      kind: 'document',
      durationSeconds: 60,
    });
    // The file as the request body (the provider's screen does the same with its upload button).
    const login = await fetch(`${origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `provider-${target.providerId.toLowerCase()}`, password: 'demo2020' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const up = await fetch(`${origin}/api/v1/online-lessons/${lesson.id}/content`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('用电安全.pdf') },
      body: PDF,
    });
    expect(up.status).toBe(200);
    await provider.call('POST', `/online-lessons/${lesson.id}/questions`, {
      prompt: '湿手可以触碰开关吗？',
      options: ['可以', '不可以'],
      answer: 1,
    });
    await provider.call('POST', `/online-lessons/${lesson.id}/publish`);

    const username = `e2e-learner-${target.trainee.residentId.slice(-6)}`;
    await city
      .call('POST', '/users', {
        username,
        displayName: '网络学员',
        password: 'Online-study-2021!',
        role: 'trainee',
        residentId: target.trainee.residentId,
      })
      .catch((e: Error) => {
        if (!/已存在|exists/.test(e.message)) throw e;
      });

    const phone = await browser.newContext({
      baseURL: origin,
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const mobile = await phone.newPage();
    mobile.setDefaultTimeout(30_000);
    await mobile.goto('/learn');
    await mobile.getByLabel('账号').fill(username);
    await mobile.getByLabel('密码').fill('Online-study-2021!');
    await mobile.getByRole('button', { name: '登录' }).click();
    await mobile.getByRole('link', { name: `学习「${title}」` }).click();
    const status = mobile.getByRole('status', { name: '已计学习时间' });
    await status.getByText('开始计时').waitFor();
    // The first heartbeat comes after 15 s of the page on screen; a check question may come with it.
    await mobile.waitForFunction(
      () => {
        const s = document.querySelector('[aria-label="已计学习时间"] strong')?.textContent ?? '0:00';
        return s !== '0:00' || document.querySelector('[aria-label="检查题"]');
      },
      undefined,
      { timeout: 40_000 },
    );
    const check = mobile.getByRole('dialog', { name: '检查题' });
    if (await check.isVisible()) {
      await check.getByLabel('不可以').check();
      await check.getByRole('button', { name: '提交答案' }).click();
      await mobile.getByText('回答正确，继续计时').waitFor();
    }
    const shown = (await status.locator('strong').textContent())!;
    expect(shown).toMatch(/^0:(1[4-9]|[2-5]\d)$/);
    await mobile.screenshot({ path: 'test-results/screenshots/45-learn-phone.png' });
    // Leaving the page stops the viewing (the counted time stays).
    await mobile.goto('/learn');
    await mobile.getByText(new RegExp(`已学 0:\\d\\d / 1:00`)).first().waitFor();
    await phone.close();

    const summary = await city.call<{ trainees: { residentId: string; onlineSeconds: number | null }[] }>(
      'GET',
      `/classes/${target.classId}/online-study`,
    );
    const mine = summary.trainees.find((t) => t.residentId === target.trainee.residentId)!;
    expect(mine.onlineSeconds).toBeGreaterThanOrEqual(14);

    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, `provider-${target.providerId.toLowerCase()}`);
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto(`/provider/classes/${target.classId}`);
    await page.getByRole('tab', { name: '网络课程' }).click();
    await page.getByText(title).first().waitFor();
    const row = page.getByRole('row').filter({ hasText: target.trainee.name });
    await row.getByText(/^\d+ 分( \d+ 秒)?$/).waitFor();
    await screenshot(page, '46-online-course-tab');
  }, 180_000);
});
