// Public training bases (§5.4): registered by the city with a consumables price list in fen; booked by
// providers, colleges and enterprises for a span of a day; the charge is consumables × quantity,
// exact; a second booking of the same time is refused by the database; bookings show on the class
// and on the base's calendar. Textbooks and competitions, kept simply, with the person's own results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise, insertPerson, insertProvider } from '../../src/store/seed/registries.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { businessDateIs, restoreBusinessDateAfterAll } from '../support/business-date.ts';
import { rid, usccOf } from '../support/registry-fixtures.ts';

let t: TestApp;
let city: string;
let provider: string;
let college: string;
let enterprise: string;
let trainee: string;
let baseId = '';
let consumables: { id: number; name: string; priceFen: number }[] = [];
const PERSON = rid(610);
const E = usccOf(61);

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
const booking = (overrides: Record<string, unknown> = {}) => ({
  baseId,
  classId: null,
  day: '2021-06-01',
  startsAt: '08:00',
  endsAt: '12:00',
  seats: 20,
  purpose: '焊接实操',
  items: [],
  ...overrides,
});

// The bookings below are for June 2021: the product runs as of the spring before.
restoreBusinessDateAfterAll();
beforeAll(async () => {
  businessDateIs('2021-05-20');
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertProvider(tx, { id: 'P-TB', name: '焊接学校', scopes: [{ program: 'employment_skill' }] });
    await insertProvider(tx, { id: 'P-TC', name: '示例职业学院', kind: 'college' as never, scopes: [] });
    await insertEnterprise(tx, { uscc: E, name: '示例钢铁公司' });
    await insertPerson(tx, { residentId: PERSON, name: '参赛选手' });
  });
  city = await sessionFor(t, { username: 'tb-city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  provider = await sessionFor(t, { username: 'tb-provider', displayName: '焊接学校', role: 'provider', providerId: 'P-TB' });
  college = await sessionFor(t, { username: 'tb-college', displayName: '示例职业学院', role: 'provider', providerId: 'P-TC' });
  enterprise = await sessionFor(t, { username: 'tb-enterprise', displayName: '示例钢铁公司', role: 'enterprise', enterpriseUscc: E });
  trainee = await sessionFor(t, { username: 'tb-trainee', displayName: '参赛选手', role: 'trainee', residentId: PERSON });
  const res = await call(city, 'POST', '/training-bases', {
    name: '攀枝花市公共实训基地（焊接）',
    address: '东区示例路 1 号',
    areaCode: '510402',
    equipment: '焊机 20 台、切割机 4 台',
    capacity: 30,
    consumables: [
      { name: '焊条', unit: '公斤', priceFen: 1835 },
      { name: '钢板', unit: '块', priceFen: 4999 },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  baseId = res.json().id;
  consumables = res.json().consumables;
}, 60_000);
afterAll(() => t.close());

describe('Public training bases', () => {
  it('only the city registers a base', async () => {
    const res = await call(provider, 'POST', '/training-bases', {
      name: 'x',
      address: 'y',
      areaCode: '510402',
      equipment: '',
      capacity: 1,
      consumables: [],
    });
    expect(res.statusCode).toBe(403);
  });

  it('the consumables total is exact: quantity × the price list, in fen', async () => {
    const res = await call(
      provider,
      'POST',
      '/base-bookings',
      booking({
        items: [
          { consumableId: consumables[0]!.id, quantity: 37 },
          { consumableId: consumables[1]!.id, quantity: 3 },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b.number).toMatch(/^YY-2021-510402-\d{6}$/);
    expect(b.items).toEqual([
      { name: '焊条', unit: '公斤', unitPriceFen: 1835, quantity: 37, lineFen: 67895 },
      { name: '钢板', unit: '块', unitPriceFen: 4999, quantity: 3, lineFen: 14997 },
    ]);
    expect(b.consumablesFen).toBe(82892);
    expect(b.bookerName).toBe('焊接学校');
  });

  it('a second booking of an overlapping time is refused; the next free span is accepted', async () => {
    const clash = await call(enterprise, 'POST', '/base-bookings', booking({ startsAt: '11:30', endsAt: '13:00' }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toContain('已有预约');
    const next = await call(college, 'POST', '/base-bookings', booking({ startsAt: '12:00', endsAt: '14:00' }));
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().bookerRole).toBe('college');
  });

  it('more seats than the base holds, or a time not on the half hour, is refused', async () => {
    expect((await call(enterprise, 'POST', '/base-bookings', booking({ day: '2021-06-02', seats: 31 }))).json().error.message).toContain(
      '容量 30',
    );
    expect((await call(enterprise, 'POST', '/base-bookings', booking({ day: '2021-06-02', startsAt: '08:15' }))).statusCode).toBe(400);
  });

  it('a day already past, or beyond the booking horizon, is refused naming the day; today itself may be booked', async () => {
    const past = await call(enterprise, 'POST', '/base-bookings', booking({ day: '2021-05-19' }));
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toBe('body.day: 预约日期 2021年5月19日 已过（今天是 2021年5月20日），只能预约今天或以后的日期');
    const far = await call(enterprise, 'POST', '/base-bookings', booking({ day: '2021-11-17' }));
    expect(far.statusCode).toBe(400);
    expect(far.json().error.message).toBe('body.day: 实训基地最多提前 180 天预约，最晚可约到 2021年11月16日');
    expect(
      (await call(enterprise, 'POST', '/base-bookings', booking({ day: '2021-11-16', startsAt: '08:00', endsAt: '08:30' }))).statusCode,
    ).toBe(201);
    const today = await call(enterprise, 'POST', '/base-bookings', booking({ day: '2021-05-20', startsAt: '08:00', endsAt: '08:30' }));
    expect(today.statusCode, today.body).toBe(201);
  });

  it('the calendar shows the day; a cancelled booking frees its time', async () => {
    const cal = (await call(enterprise, 'GET', `/training-bases/${baseId}/bookings?from=2021-06-01&to=2021-06-30`)).json();
    expect(cal.items.map((b: { startsAt: string; endsAt: string }) => `${b.startsAt}-${b.endsAt}`)).toEqual(['08:00-12:00', '12:00-14:00']);
    const own = cal.items[0];
    expect((await call(enterprise, 'POST', `/base-bookings/${own.id}/cancel`, { reason: '改期' })).statusCode).toBe(404);
    expect((await call(provider, 'POST', `/base-bookings/${own.id}/cancel`, { reason: '改期' })).statusCode).toBe(200);
    expect((await call(enterprise, 'POST', '/base-bookings', booking({ startsAt: '08:00', endsAt: '10:00' }))).statusCode).toBe(201);
  });

  it('a booking for a class shows on the class; only the class’s own provider may book for it', async () => {
    const cls = await call(provider, 'POST', '/classes', {
      providerId: 'P-TB',
      program: 'employment_skill',
      areaCode: '510402',
      enterpriseUscc: null,
      occupationCode: '6-18-02-04',
      level: '5',
      startDate: '2021-06-01',
      endDate: '2021-06-30',
      hours: 90,
      venue: '公共实训基地',
      teachers: [{ name: '李老师' }],
      trainees: [],
      sessions: [],
    });
    const classId = cls.json().id;
    expect((await call(college, 'POST', '/base-bookings', booking({ day: '2021-06-03', classId }))).statusCode).toBe(400);
    const made = await call(provider, 'POST', '/base-bookings', booking({ day: '2021-06-03', classId }));
    expect(made.statusCode, made.body).toBe(201);
    const onClass = (await call(provider, 'GET', `/classes/${classId}/base-bookings`)).json();
    expect(onClass.items.map((b: { number: string }) => b.number)).toEqual([made.json().number]);
  });
});

describe('An office’s own booking', () => {
  it('is marked as its own on the calendar, so the county that made it may cancel it there', async () => {
    const county = await sessionFor(t, { username: 'tb-county', displayName: '东区人社局', role: 'county', areaCode: '510402' });
    const made = await call(county, 'POST', '/base-bookings', booking({ day: '2021-06-04', startsAt: '09:00', endsAt: '10:00' }));
    expect(made.statusCode, made.body).toBe(201);
    const cal = (await call(county, 'GET', `/training-bases/${baseId}/bookings?from=2021-06-04&to=2021-06-04`)).json();
    expect(cal.items.map((b: { number: string; mine: boolean }) => [b.number, b.mine])).toEqual([[made.json().number, true]]);
    // Another booker sees it as not theirs.
    expect((await call(enterprise, 'GET', `/training-bases/${baseId}/bookings?from=2021-06-04&to=2021-06-04`)).json().items[0].mine).toBe(
      false,
    );
    expect((await call(county, 'POST', `/base-bookings/${made.json().id}/cancel`, { reason: '改期' })).statusCode).toBe(200);
  });
});

describe('Textbooks and competitions (§5.4)', () => {
  it('the city lists textbooks per occupation; a class states one of its occupation', async () => {
    const book = await call(city, 'POST', '/textbooks', {
      occupationCode: '6-18-02-04',
      title: '焊工（初级）',
      kind: 'standard',
      publisher: '中国劳动社会保障出版社',
      edition: '2019',
    });
    expect(book.statusCode, book.body).toBe(201);
    const local = await call(city, 'POST', '/textbooks', {
      occupationCode: '6-16-02-01',
      title: '钒钛选矿工实务',
      kind: 'local',
      publisher: null,
      edition: null,
    });
    expect(local.statusCode).toBe(201);
    const list = (await call(provider, 'GET', '/textbooks?occupationCode=6-18-02-04')).json();
    expect(list.items.map((b: { title: string }) => b.title)).toEqual(['焊工（初级）']);
    const cls = (await call(provider, 'GET', '/classes')).json().items[0];
    expect((await call(provider, 'PUT', `/classes/${cls.id}/textbook`, { textbookId: local.json().id })).statusCode).toBe(400);
    expect((await call(provider, 'PUT', `/classes/${cls.id}/textbook`, { textbookId: book.json().id })).json().title).toBe('焊工（初级）');
  });

  it('the class page reads the textbook the class states, with its kind, and whether the reader may change it', async () => {
    const cls = (await call(provider, 'GET', '/classes')).json().items[0];
    const read = await call(provider, 'GET', `/classes/${cls.id}/textbook`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({
      classId: cls.id,
      occupationCode: '6-18-02-04',
      textbook: expect.objectContaining({ title: '焊工（初级）', kind: 'standard', occupationName: '焊工', edition: '2019' }),
      changeable: true,
    });
    // An office over the class may change it too; another provider does not see the class at all.
    expect((await call(city, 'GET', `/classes/${cls.id}/textbook`)).json().changeable).toBe(true);
    expect((await call(college, 'GET', `/classes/${cls.id}/textbook`)).statusCode).toBe(404);
    expect((await call(provider, 'PUT', `/classes/${cls.id}/textbook`, { textbookId: null })).json()).toEqual({
      classId: cls.id,
      textbookId: null,
      title: null,
    });
    expect((await call(provider, 'GET', `/classes/${cls.id}/textbook`)).json().textbook).toBeNull();
  });

  it('a competition result is recorded per person and the person sees it in their own records', async () => {
    const comp = await call(city, 'POST', '/competitions', {
      name: '攀枝花市焊工技能竞赛',
      heldOn: '2021-09-18',
      occupationCode: '6-18-02-04',
      organiser: '市人社局',
      areaCode: '510400',
    });
    expect(comp.statusCode, comp.body).toBe(201);
    const id = comp.json().id;
    expect((await call(city, 'PUT', `/competitions/${id}/results`, { residentId: PERSON, rank: 1, award: '一等奖' })).statusCode).toBe(200);
    expect((await call(provider, 'PUT', `/competitions/${id}/results`, { residentId: PERSON, rank: 1, award: '一等奖' })).statusCode).toBe(
      403,
    );
    expect((await call(city, 'GET', `/competitions/${id}/results`)).json().items).toEqual([
      { residentId: PERSON, name: '参赛选手', rank: 1, award: '一等奖' },
    ]);
    expect((await call(trainee, 'GET', '/my/competition-results')).json().items).toEqual([
      expect.objectContaining({
        competition: '攀枝花市焊工技能竞赛',
        heldOn: '2021-09-18',
        rank: 1,
        award: '一等奖',
        occupationName: '焊工',
      }),
    ]);
  });
});
