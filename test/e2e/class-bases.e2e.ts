// A class's public training bases and textbook (§5.4; docs/open-classes.md) at desktop size, the trainee's
// competition results among their own records, and 按编号查找 leading to the records of the trainee's choice.
// Works from the demo as seeded (P004's open class with its booking of 攀枝花市公共实训基地 and its textbook)
// and from the server's business date, whatever other files did before.
import { describe, expect, it } from 'vitest';
import { DemoApi } from './api-client.ts';
import { browserPerFile, logIn, screenshot } from './browser.ts';

const { page, fresh } = browserPerFile({ timeoutMs: 20_000 });

interface Booking {
  id: string;
  number: string;
  baseId: string;
  baseName: string;
  day: string;
  startsAt: string;
  status: string;
}

/** The provider's class that has a base booking (the demo's P004 open class), and the base. */
async function classWithBooking(provider: DemoApi) {
  const list = await provider.call<{ items: { id: string; number: string; status: string }[] }>('GET', '/classes?pageSize=200');
  for (const c of list.items.filter((x) => x.status !== 'closed')) {
    const b = await provider.call<{ items: Booking[] }>('GET', `/classes/${c.id}/base-bookings`);
    const live = b.items.find((x) => x.status === 'booked');
    if (live) return { cls: c, booking: live };
  }
  throw new Error('the demo has no class of P004 with a base booking');
}

/** A day `n` days after `iso` (YYYY-MM-DD). */
const plusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Picks the option of the open antd select whose text contains `text`. */
async function option(text: string) {
  await page.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

async function pickDay(day: string) {
  const input = page.locator('#booking-day');
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

describe('The class page: public training bases and the textbook (desktop)', () => {
  it('a provider books free half-hour slots with the consumables total in yuan, is told of a clash, and cancels with a reason', async () => {
    const origin = new URL((await page.goto('/'), page.url())).origin;
    const provider = new DemoApi(origin, 'provider-p004');
    const { cls, booking } = await classWithBooking(provider);
    const { today } = await provider.call<{ today: string }>('GET', '/business-date');
    const day = plusDays(today, 40);
    const clashDay = plusDays(today, 41);

    await logIn(page, 'provider-p004');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto(`/provider/classes/${cls.id}?tab=bases`);
    await expect.poll(() => page.getByRole('tab', { name: '实训基地与教材' }).getAttribute('aria-selected')).toBe('true');
    // The textbook the class states, with its kind; the demo's booking listed with its number.
    await page.getByTestId('class-textbook').getByText('职业技能培训教程（初级）').waitFor();
    await page.getByTestId('class-textbook').getByText('标准教材').waitFor();
    const bookings = page.getByRole('table', { name: '本班的实训基地预约' });
    await bookings.getByText(booking.number).waitFor();

    // A booking: a base, a day, two half-hour slots, three kilograms of 焊条 at ¥18.50 = ¥55.50.
    await page.getByRole('button', { name: /预约实训基地/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '实训基地', exact: true }).click();
    await option(booking.baseName);
    await dialog.getByRole('table', { name: '耗材价格表' }).getByText('¥18.50/公斤').waitFor();
    await pickDay(day);
    await dialog.getByRole('button', { name: '09:00–09:30' }).click();
    await dialog.getByRole('button', { name: '09:30–10:00' }).click();
    await dialog.getByText('已选 09:00–10:00').waitFor();
    await dialog.getByLabel('焊条数量').fill('3');
    await expect.poll(() => dialog.getByTestId('booking-total').textContent()).toBe('耗材费合计 ¥55.50');
    await screenshot(page, '60-class-base-booking-form');
    await dialog.getByRole('button', { name: /确认预约/ }).click();
    await page.getByText(/已预约 YY-\d{4}-\d{6}-\d+，耗材费 ¥55\.50/).waitFor();
    const mine = (await provider.call<{ items: Booking[] }>('GET', `/classes/${cls.id}/base-bookings`)).items.find((b) => b.day === day)!;
    expect(mine.startsAt).toBe('09:00');
    const row = bookings.getByRole('row').filter({ hasText: mine.number });
    await row.getByText('¥55.50').first().waitFor();

    // The same slots are now greyed out for that day.
    await page.getByRole('button', { name: /预约实训基地/ }).click();
    await dialog.getByRole('combobox', { name: '实训基地', exact: true }).click();
    await option(booking.baseName);
    await pickDay(day);
    await expect(dialog.getByRole('button', { name: '09:00–09:30 已被预约' }).isDisabled()).resolves.toBe(true);
    // Someone else books 14:00–15:00 of another day while the form is open: the server refuses ours, clearly.
    await pickDay(clashDay);
    await dialog.getByRole('button', { name: '14:00–14:30' }).click();
    await new DemoApi(origin, 'city').call('POST', '/base-bookings', {
      baseId: mine.baseId,
      classId: null,
      day: clashDay,
      startsAt: '14:00',
      endsAt: '15:00',
      seats: 5,
      purpose: '市局检查',
      items: [],
    });
    await dialog.getByRole('button', { name: /确认预约/ }).click();
    await dialog
      .getByRole('alert')
      .getByText(/已有预约（时段重叠），请另选时间/)
      .waitFor();
    await expect(dialog.getByRole('button', { name: '14:00–14:30 已被预约' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, '61-class-base-booking-clash');
    await dialog
      .getByRole('button', { name: /取\s*消/ })
      .last()
      .click();
    await page
      .getByRole('dialog')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);

    // Cancelling asks for a reason, then frees the slots.
    await row.getByRole('button', { name: /取消预约/ }).click();
    const cancel = page.getByRole('dialog', { name: new RegExp(`取消预约 ${mine.number}`) });
    await cancel.getByRole('button', { name: /确认取消预约/ }).click();
    await cancel.getByText('请填写取消原因').waitFor();
    await cancel.getByLabel('取消原因').fill('培训计划调整');
    await cancel.getByRole('button', { name: /确认取消预约/ }).click();
    await row.getByText('已取消').waitFor();
    await row.getByText('原因：培训计划调整').waitFor();
  });

  it('the class states its textbook from those of its occupation; the office sees the bookings and the textbook on its view', async () => {
    const origin = new URL((await page.goto('/'), page.url())).origin;
    const provider = new DemoApi(origin, 'provider-p004');
    const { cls, booking } = await classWithBooking(provider);
    await logIn(page, 'provider-p004');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto(`/provider/classes/${cls.id}`);
    await page.getByRole('tab', { name: '实训基地与教材' }).click();
    const shown = page.getByTestId('class-textbook');
    await shown.getByText('职业技能培训教程（初级）').waitFor();
    // With none stated, the provider picks one from the occupation's list.
    await provider.call('PUT', `/classes/${cls.id}/textbook`, { textbookId: null });
    await page.reload();
    await page.getByRole('tab', { name: '实训基地与教材' }).click();
    await shown.getByText('本班尚未指定教材').waitFor();
    await page.getByRole('combobox', { name: '选择教材' }).click();
    await option('职业技能培训教程（初级）');
    await page.getByRole('button', { name: /保存教材/ }).click();
    await shown.getByText('职业技能培训教程（初级）').waitFor();
    await page.getByText('已设置本班教材：职业技能培训教程（初级）').waitFor();

    await fresh();
    await logIn(page, 'city');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`/review/classes/${cls.id}`);
    await page.getByRole('table', { name: '本班的实训基地预约' }).getByText(booking.number).waitFor();
    await page.getByTestId('class-textbook').getByText('职业技能培训教程（初级）').waitFor();
    await screenshot(page, '62-office-class-bases');
  });
});

describe('按编号查找 the records of the trainee’s choice', () => {
  it("a provider types a booking's number and an application's number and lands on the class's tab that shows it", async () => {
    const origin = new URL((await page.goto('/'), page.url())).origin;
    const provider = new DemoApi(origin, 'provider-p004');
    const { cls, booking } = await classWithBooking(provider);
    const apps = await provider.call<{ items: { number: string }[] }>('GET', `/classes/${cls.id}/applications`);
    expect(apps.items.length).toBeGreaterThan(0);
    await logIn(page, 'provider-p004');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    const search = page.getByRole('searchbox', { name: '按编号查找' });
    await search.fill(booking.number.toLowerCase());
    await search.press('Enter');
    await page.waitForURL(new RegExp(`/provider/classes/${cls.id}\\?tab=bases$`));
    await expect.poll(() => page.getByRole('tab', { name: '实训基地与教材' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('table', { name: '本班的实训基地预约' }).getByText(booking.number).waitFor();
    await search.fill(apps.items[0]!.number);
    await search.press('Enter');
    await page.waitForURL(new RegExp(`/provider/classes/${cls.id}\\?tab=enrolment$`));
    await expect.poll(() => page.getByRole('tab', { name: '报名' }).getAttribute('aria-selected')).toBe('true');
    await page.getByText(apps.items[0]!.number).first().waitFor();
  });
});

describe('The trainee’s own records', () => {
  it('a competition result recorded by the city appears under 竞赛成绩', async () => {
    const origin = new URL((await page.goto('/'), page.url())).origin;
    const me = await new DemoApi(origin, 'trainee-0015').call<{ residentId: string }>('GET', '/auth/me');
    const city = new DemoApi(origin, 'city');
    const name = `攀枝花市电工技能竞赛（${Date.now() % 100000}）`;
    const comp = await city.call<{ id: number }>('POST', '/competitions', {
      name,
      heldOn: '2021-10-20',
      occupationCode: '6-18-02-04',
      organiser: '攀枝花市总工会',
      areaCode: '510400',
    });
    await city.call('PUT', `/competitions/${comp.id}/results`, { residentId: me.residentId, rank: 3, award: '三等奖' });
    await logIn(page, 'trainee-0015');
    await page.getByRole('menuitem', { name: '竞赛成绩' }).click();
    await page.getByRole('heading', { name: '我的竞赛成绩' }).waitFor();
    const row = page.getByRole('table', { name: '我的竞赛成绩' }).getByRole('row').filter({ hasText: name });
    await row.getByText('第 3 名').waitFor();
    await row.getByText('三等奖').waitFor();
    await row.getByText('2021年10月20日').waitFor();
    await screenshot(page, '63-trainee-competitions');
  });
});
