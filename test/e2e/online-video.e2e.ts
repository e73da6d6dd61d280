// A video lesson played in a real browser on a phone-sized screen (390×844; §5.4, docs/online-learning.md):
// the provider publishes a 24-second webm (test/fixtures/lesson-video.webm, made by chromium itself, see
// make-lesson-video.mjs) as a two-minute lesson of a running class; a trainee on its roster opens /learn,
// plays it, and the time the server counted while it played appears — on the phone while it plays and in
// the lesson list after it ends — and on the office's per-trainee table of the class. The page's own timer
// sends the heartbeats (every 15 s); the video's end stops the viewing, which counts the last stretch.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DemoApi } from './api-client.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';

const { page, browser } = browserPerFile({ timeoutMs: 30_000 });

const VIDEO = readFileSync(new URL('../fixtures/lesson-video.webm', import.meta.url));
const VIDEO_SECONDS = 24;
const ONLINE_PROGRAMS = ['skill_upgrade', 'short_term', 'employment_skill'];
const PASSWORD = 'Video-lesson-2021!';

/** A running class online time counts for, and the first trainee of its roster (online.e2e.ts takes the last). */
async function runningClass(city: DemoApi) {
  const list = await city.call<{ items: { id: string; program: string }[] }>('GET', '/classes?status=running&pageSize=200');
  for (const c of list.items.filter((x) => ONLINE_PROGRAMS.includes(x.program))) {
    const detail = await city.call<{ providerId: string; trainees: { residentId: string; name: string }[] }>('GET', `/classes/${c.id}`);
    if (detail.trainees.length) return { classId: c.id, providerId: detail.providerId, trainee: detail.trainees[0]! };
  }
  throw new Error('the demo has no running class of §4.2/§4.3/§4.6 with a roster');
}

/** m:ss on the study page → seconds. */
const seconds = (clock: string) => {
  const [m, s] = clock.split(':').map(Number);
  return m! * 60 + s!;
};

describe('A video lesson on a phone', () => {
  it('a trainee plays a video lesson and the time counted while it played appears for them and on the office’s table', async () => {
    expect(VIDEO.length).toBeLessThan(200 * 1024);
    const origin = new URL((await page.goto('/'), page.url())).origin;
    const city = new DemoApi(origin, 'city');
    const target = await runningClass(city);
    const providerUser = `provider-${target.providerId.toLowerCase()}`;
    const provider = new DemoApi(origin, providerUser);
    const title = `焊接安全视频（${Date.now() % 100000}）`;
    // Two minutes: the lesson's cap is not reached by the 24-second video, and a check question (drawn
    // after a quarter of the lesson at the earliest) does not come while it plays.
    const lesson = await provider.call<{ id: number }>('POST', `/classes/${target.classId}/online-lessons`, {
      title,
      kind: 'video',
      durationSeconds: 120,
    });
    const login = await fetch(`${origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: providerUser, password: 'demo2020' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const up = await fetch(`${origin}/api/v1/online-lessons/${lesson.id}/content`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'video/webm', 'x-file-name': encodeURIComponent('焊接安全.webm') },
      body: VIDEO,
    });
    expect(up.status, await up.clone().text()).toBe(200);
    await provider.call('POST', `/online-lessons/${lesson.id}/questions`, {
      prompt: '焊接时必须佩戴什么？',
      options: ['面罩', '耳机'],
      answer: 0,
    });
    await provider.call('POST', `/online-lessons/${lesson.id}/publish`);

    const username = `e2e-viewer-${target.trainee.residentId.slice(-6)}`;
    await city
      .call('POST', '/users', {
        username,
        displayName: '视频学员',
        password: PASSWORD,
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
    // The phone page stays light: all the JavaScript it loads is under 300 KB.
    const scripts: Promise<number>[] = [];
    mobile.on('response', (r) => {
      if (/\.m?js(\?|$)/.test(new URL(r.url()).pathname)) scripts.push(r.body().then((b) => b.length));
    });
    await mobile.goto('/learn');
    await mobile.getByLabel('账号').waitFor();
    const jsBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    expect(jsBytes).toBeGreaterThan(0);
    expect(jsBytes).toBeLessThan(300 * 1024);
    await mobile.getByLabel('账号').fill(username);
    await mobile.getByLabel('密码').fill(PASSWORD);
    await mobile.getByRole('button', { name: '登录' }).click();
    await mobile.getByRole('link', { name: `学习「${title}」` }).click();
    const video = mobile.locator('video');
    // The browser reads the lesson through the server's range requests and can play it.
    await mobile.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2, undefined, { timeout: 20_000 });
    // The trainee presses play (muted, as a phone may autoplay only silently; the lesson has no sound).
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    const status = mobile.getByRole('status', { name: '已计学习时间' });
    await status.getByText('正在计时').waitFor();
    // The first heartbeat comes 15 s after the viewing starts, while the video is still playing.
    await mobile.waitForFunction(
      () => (document.querySelector('[aria-label="已计学习时间"] strong')?.textContent ?? '0:00') !== '0:00',
      undefined,
      { timeout: 25_000 },
    );
    const playing = await video.evaluate((v: HTMLVideoElement) => ({ paused: v.paused, at: v.currentTime }));
    expect(playing.paused).toBe(false);
    const whilePlaying = seconds((await status.locator('strong').textContent())!);
    expect(whilePlaying).toBeGreaterThanOrEqual(13);
    expect(whilePlaying).toBeLessThanOrEqual(VIDEO_SECONDS);
    await mobile.screenshot({ path: 'test-results/screenshots/47-learn-video-phone.png' });
    // The video ends; the stop counts the last stretch: about the video's length, never more than it played.
    await mobile.waitForFunction(() => document.querySelector('video')?.ended === true, undefined, { timeout: 20_000 });
    await mobile.goto('/learn');
    const listed = mobile
      .getByRole('listitem')
      .filter({ hasText: title })
      .getByText(/已学 \d:\d\d \/ 2:00/);
    await listed.waitFor();
    const after = seconds(/已学 (\d:\d\d)/.exec((await listed.textContent())!)![1]!);
    expect(after).toBeGreaterThanOrEqual(whilePlaying);
    expect(after).toBeLessThanOrEqual(VIDEO_SECONDS + 3);
    await phone.close();

    // The office's per-trainee table of the class shows the same counted time.
    const summary = await city.call<{ trainees: { residentId: string; onlineSeconds: number | null }[] }>(
      'GET',
      `/classes/${target.classId}/online-study`,
    );
    const mine = summary.trainees.find((t) => t.residentId === target.trainee.residentId)!;
    expect(mine.onlineSeconds).toBeGreaterThanOrEqual(after);
    await logIn(page, 'city');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`/review/classes/${target.classId}`);
    const table = page.locator('.ant-card').filter({ hasText: '学员的网络学习与出勤' });
    const row = table.getByRole('row').filter({ hasText: target.trainee.name });
    const minutes = Math.floor(mine.onlineSeconds! / 60);
    const rest = mine.onlineSeconds! % 60;
    await row.getByText(`${minutes} 分${rest ? ` ${rest} 秒` : ''}`, { exact: true }).waitFor();
    await screenshot(page, '48-office-online-video-time');
  }, 180_000);
});
