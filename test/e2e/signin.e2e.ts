// Attendance that proves presence (§5.3; docs/attendance.md), on a phone-sized screen (390×844): the
// provider opens today's classroom code on the class's attendance tab, a trainee opens the code's link
// on their phone, logs in as themselves and is signed in, and the provider's grid shows the real time
// of the scan. The trainee is one marked absent today in a running demo class, given a login by the city.
import { describe, expect, inject, it } from 'vitest';
import { DemoApi } from './api-client.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';
import { advanceBusinessDate } from './server.ts';

const { page, context, browser } = browserPerFile({ timeoutMs: 20_000 });

interface Mark {
  sessionId: number;
  residentId: string;
  present: boolean;
  manual: boolean;
  signedAt: string | null;
}

/**
 * A running class with a session on the server's business date or the first later day that has one
 * (other files move the date forward; the server is then moved to that day), and a trainee on its
 * roster not marked present in that session.
 */
async function absentOnASessionDay(city: DemoApi) {
  const { today } = await city.call<{ today: string }>('GET', '/business-date');
  const list = await city.call<{ items: { id: string }[] }>('GET', '/classes?status=running&pageSize=200');
  const candidates: { classId: string; providerId: string; session: { id: number; day: string; startsAt: string }; residentId: string }[] =
    [];
  for (const c of list.items) {
    const detail = await city.call<{
      sessions: { id: number; day: string; startsAt: string }[];
      providerId: string;
      trainees: { residentId: string }[];
    }>('GET', `/classes/${c.id}`);
    const session = detail.sessions.filter((s) => s.day >= today).sort((a, b) => a.day.localeCompare(b.day))[0];
    if (!session) continue;
    const marks = await city.call<Mark[]>('GET', `/classes/${c.id}/attendance`);
    const present = new Set(marks.filter((m) => m.sessionId === session.id && m.present).map((m) => m.residentId));
    const absent = detail.trainees.find((t) => !present.has(t.residentId));
    if (absent) candidates.push({ classId: c.id, providerId: detail.providerId, session, residentId: absent.residentId });
  }
  const first = candidates.sort((a, b) => a.session.day.localeCompare(b.session.day))[0];
  if (!first) throw new Error(`the demo has no running class with a session on or after ${today}`);
  await advanceBusinessDate(inject('server'), first.session.day);
  return first;
}

describe('扫码签到 on a phone', () => {
  it('the provider shows the code, the trainee opens its link and signs in, the grid shows the real time', async () => {
    const origin = new URL(page.url() === 'about:blank' ? (await page.goto('/'), page.url()) : page.url()).origin;
    const city = new DemoApi(origin, 'city');
    const target = await absentOnASessionDay(city);
    const username = `e2e-trainee-${target.residentId.slice(-6)}`;
    await city.call('POST', '/users', {
      username,
      displayName: '扫码学员',
      password: 'Qr-signin-2021!',
      role: 'trainee',
      residentId: target.residentId,
    });

    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, `provider-${target.providerId.toLowerCase()}`);
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto(`/provider/classes/${target.classId}`);
    await page.getByRole('tab', { name: '考勤' }).click();
    await page.getByRole('button', { name: new RegExp(`课堂签到码（${target.session.startsAt}`) }).click();
    const qr = page.getByRole('img', { name: '签到二维码' });
    await qr.waitFor();
    const path = (await qr.getAttribute('data-signin-path'))!;
    expect(path).toMatch(new RegExp(`^/signin/${target.session.id}\\?t=`));
    await screenshot(page, '40-signin-code');

    // The trainee's phone: another browser, nobody signed in.
    const phone = await browser.newContext({
      baseURL: origin,
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const mobile = await phone.newPage();
    mobile.setDefaultTimeout(20_000);
    const before = Date.now();
    await mobile.goto(path);
    await mobile.getByLabel('账号').fill(username);
    await mobile.getByLabel('密码').fill('Qr-signin-2021!');
    await mobile.getByRole('button', { name: '登录并签到' }).click();
    await mobile.getByRole('status').getByText('签到成功').waitFor();
    await mobile.screenshot({ path: 'test-results/screenshots/41-signin-phone.png' });
    // Scanning again changes nothing.
    await mobile.reload();
    await mobile.getByRole('status').getByText('已签到，无需重复扫码').waitFor();
    await phone.close();

    const marks = await city.call<Mark[]>('GET', `/classes/${target.classId}/attendance`);
    const mark = marks.find((m) => m.sessionId === target.session.id && m.residentId === target.residentId)!;
    expect(mark).toMatchObject({ present: true, manual: false });
    expect(new Date(mark.signedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(mark.signedAt!).getTime()).toBeLessThanOrEqual(Date.now());

    await page.keyboard.press('Escape');
    await page.reload();
    await page.getByRole('tab', { name: '考勤' }).click();
    const shown = new Date(new Date(mark.signedAt!).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    await page.getByText(`扫码 ${shown}`).first().waitFor();
    void context;
  }, 180_000);
});
