// Attendance that proves presence (§5.3; docs/attendance.md), on a phone-sized screen (390×844): the
// provider opens today's classroom code on the class's attendance tab, a trainee opens the code's link
// on their phone, logs in as themselves and is signed in, and the provider's grid shows the real time
// of the scan. The class is one of the test's own, in session on the server's date; its trainee is given a
// login by the city.
import { describe, expect, it } from 'vitest';
import { DemoApi } from './api-client.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';

const { page, context, browser } = browserPerFile({ timeoutMs: 20_000 });

interface Mark {
  sessionId: number;
  residentId: string;
  present: boolean;
  manual: boolean;
  signedAt: string | null;
}

interface ClassDetail {
  id: string;
  providerId: string;
  program: string;
  areaCode: string;
  enterpriseUscc: string | null;
  occupationCode: string | null;
  level: string | null;
  entrepreneurshipType: string | null;
  projectId: string | null;
  filingId: string | null;
  venue: string;
  teachers: { name: string; qualification?: string }[];
  trainees: { residentId: string; name: string; employerUscc: string | null; newHire: boolean | null; contractMonths: number | null }[];
  sessions: { id: number; day: string; startsAt: string; endsAt: string }[];
}

/**
 * A class of its own with one session on the server's business date (other files move that date, and
 * the demo's classes may have no session left on it): a copy of a finished demo class's application
 * with its first trainee, applied for, approved by the county and started through the API.
 */
async function aClassInSessionToday(origin: string, city: DemoApi) {
  const { today } = await city.call<{ today: string }>('GET', '/business-date');
  // A trainee the opening review admits: one already on a class of the same program at the same time
  // is refused (§5.5), so the trainees of finished classes are tried in turn; a refused application
  // stays a draft.
  const models = await city.call<{ items: { id: string }[] }>('GET', '/classes?status=closed&pageSize=10');
  for (const { id } of models.items) {
    const model = await city.call<ClassDetail>('GET', `/classes/${id}`);
    const provider = new DemoApi(origin, `provider-${model.providerId.toLowerCase()}`);
    for (const trainee of model.trainees.slice(0, 6)) {
      const created = await provider
        .call<{ id: string }>('POST', '/classes', {
          providerId: model.providerId,
          program: model.program,
          areaCode: model.areaCode,
          enterpriseUscc: model.enterpriseUscc ?? undefined,
          occupationCode: model.occupationCode ?? undefined,
          level: model.level ?? undefined,
          entrepreneurshipType: model.entrepreneurshipType ?? undefined,
          projectId: model.projectId ?? undefined,
          filingId: model.filingId ?? undefined,
          startDate: today,
          endDate: today,
          hours: 3,
          venue: model.venue,
          teachers: model.teachers,
          trainees: [
            {
              residentId: trainee.residentId,
              name: trainee.name,
              employerUscc: trainee.employerUscc,
              newHire: trainee.newHire,
              contractMonths: trainee.contractMonths,
            },
          ],
          sessions: [{ day: today, startsAt: '09:00', endsAt: '12:00', hours: 3 }],
        })
        // a model the application form would not take as it is (a safety class's 作业类别) is passed over
        .catch(() => null);
      if (!created) continue;
      const submitted = await provider.call('POST', `/classes/${created.id}/submit`).then(
        () => true,
        () => false,
      );
      if (!submitted) continue;
      await new DemoApi(origin, COUNTY_LOGINS[model.areaCode]!).call('POST', `/classes/${created.id}/approve`, { note: '开班审查通过' });
      await provider.call('POST', `/classes/${created.id}/start`);
      const detail = await city.call<ClassDetail>('GET', `/classes/${created.id}`);
      return { classId: created.id, providerId: model.providerId, session: detail.sessions[0]!, residentId: trainee.residentId };
    }
  }
  throw new Error('no trainee of the finished demo classes passes the opening review of a new class');
}

const COUNTY_LOGINS: Record<string, string> = {
  '510402': 'dongqu',
  '510403': 'xiqu',
  '510411': 'renhe',
  '510421': 'miyi',
  '510422': 'yanbian',
};

describe('扫码签到 on a phone', () => {
  it('the provider shows the code, the trainee opens its link and signs in, the grid shows the real time', async () => {
    const origin = new URL(page.url() === 'about:blank' ? (await page.goto('/'), page.url()) : page.url()).origin;
    const city = new DemoApi(origin, 'city');
    const target = await aClassInSessionToday(origin, city);
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
