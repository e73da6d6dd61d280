// 按编号查找 for the records of the trainee's choice (§5.5 applications BM-…, §5.4 base bookings YY-…):
// found by those who may read them, on the page that shows them to that reader; for anyone else the
// very answer a number never issued gets (docs/record-numbers.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise, insertPerson, insertProvider } from '../../src/store/seed/registries.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { businessDateIs, restoreBusinessDateAfterAll } from '../support/business-date.ts';
import { rid, usccOf } from '../support/registry-fixtures.ts';

restoreBusinessDateAfterAll();
let t: TestApp;
const who: Record<string, string> = {};
const ANN = rid(871);
const BOB = rid(872);
const E1 = usccOf(87);
const E2 = usccOf(88);
let classId = '';
let application = '';
let classBooking = '';
let enterpriseBooking = '';

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
const lookup = (number: string, reader: string) => call(who[reader]!, 'GET', `/records/${encodeURIComponent(number)}`);
const never = (number: string) => number.replace(/\d{6}$/, '999999');

/** The reader gets 404, byte for byte the answer to a number never issued. */
async function hiddenFrom(number: string, reader: string) {
  const outside = await lookup(number, reader);
  const missing = await lookup(never(number), reader);
  expect(outside.statusCode, `${reader} ${number}`).toBe(404);
  expect(outside.body.replace(number, 'N')).toBe(missing.body.replace(never(number), 'N'));
}

beforeAll(async () => {
  businessDateIs('2021-03-01');
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertProvider(tx, { id: 'P-RL1', name: '东区焊接培训学校', scopes: [{ program: 'employment_skill' }] });
    await insertProvider(tx, { id: 'P-RL2', name: '别家学校', scopes: [{ program: 'employment_skill' }] });
    await insertEnterprise(tx, { uscc: E1, name: '示例钢铁公司' });
    await insertEnterprise(tx, { uscc: E2, name: '别家公司' });
    for (const [residentId, name] of [
      [ANN, '安报名'],
      [BOB, '柏旁人'],
    ] as const)
      await insertPerson(tx, { residentId, name, facts: [{ fact: 'pensionEntitled', value: false, asOf: '2019-01-01' }] });
  });
  who.city = await sessionFor(t, { username: 'rlc-city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  who.dongqu = await sessionFor(t, { username: 'rlc-dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  who.xiqu = await sessionFor(t, { username: 'rlc-xiqu', displayName: '西区人社局', role: 'county', areaCode: '510403' });
  who.provider = await sessionFor(t, { username: 'rlc-p1', displayName: '东区焊接培训学校', role: 'provider', providerId: 'P-RL1' });
  who.other = await sessionFor(t, { username: 'rlc-p2', displayName: '别家学校', role: 'provider', providerId: 'P-RL2' });
  who.enterprise = await sessionFor(t, { username: 'rlc-e1', displayName: '示例钢铁公司', role: 'enterprise', enterpriseUscc: E1 });
  who.otherEnterprise = await sessionFor(t, { username: 'rlc-e2', displayName: '别家公司', role: 'enterprise', enterpriseUscc: E2 });
  who.ann = await sessionFor(t, { username: 'rlc-ann', displayName: '安报名', role: 'trainee', residentId: ANN });
  who.bob = await sessionFor(t, { username: 'rlc-bob', displayName: '柏旁人', role: 'trainee', residentId: BOB });

  const made = await call(who.provider!, 'POST', '/classes', {
    providerId: 'P-RL1',
    program: 'employment_skill',
    areaCode: '510402',
    enterpriseUscc: null,
    occupationCode: '6-18-02-04',
    level: '5',
    startDate: '2021-04-01',
    endDate: '2021-04-30',
    hours: 120,
    venue: '东区焊接实训室',
    teachers: [{ name: '李老师', qualification: '高级技师' }],
    trainees: [],
    sessions: [{ day: '2021-04-01', startsAt: '09:00', endsAt: '12:00', hours: 3 }],
  });
  expect(made.statusCode, made.body).toBe(201);
  classId = made.json().id;
  const open = await call(who.provider!, 'PUT', `/classes/${classId}/enrolment`, {
    publicEnrolment: true,
    seats: 5,
    enrolBy: '2021-03-25',
  });
  expect(open.statusCode, open.body).toBe(200);
  expect((await call(who.provider!, 'POST', `/classes/${classId}/submit`)).statusCode).toBe(200);
  expect((await call(who.dongqu!, 'POST', `/classes/${classId}/approve`, { note: null })).statusCode).toBe(200);
  const applied = await call(who.ann!, 'POST', `/classes/${classId}/applications`, { note: '希望参加' });
  expect(applied.statusCode, applied.body).toBe(201);
  application = applied.json().number;

  const base = await call(who.city!, 'POST', '/training-bases', {
    name: '东区公共实训基地',
    address: '东区示例路 1 号',
    areaCode: '510402',
    equipment: '焊机 20 台',
    capacity: 30,
    consumables: [{ name: '焊条', unit: '公斤', priceFen: 1835 }],
  });
  expect(base.statusCode, base.body).toBe(201);
  const book = (cookie: string, body: Record<string, unknown>) =>
    call(cookie, 'POST', '/base-bookings', { baseId: base.json().id, seats: 10, purpose: '实操', items: [], ...body });
  const forClass = await book(who.provider!, { classId, day: '2021-04-02', startsAt: '08:00', endsAt: '12:00' });
  expect(forClass.statusCode, forClass.body).toBe(201);
  classBooking = forClass.json().number;
  const own = await book(who.enterprise!, { classId: null, day: '2021-04-02', startsAt: '13:00', endsAt: '15:00' });
  expect(own.statusCode, own.body).toBe(201);
  enterpriseBooking = own.json().number;
}, 60_000);
afterAll(() => t.close());

describe('An application number (BM-…) is found by the person and by those who decide it', () => {
  it('the person who applied is led to 我的报名', async () => {
    expect(application).toMatch(/^BM-2021-510402-\d{6}$/);
    const res = await lookup(application.toLowerCase(), 'ann');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ kind: 'application', kindName: '培训报名', number: application, path: '/enrol/mine' });
  });

  it("the class's provider and the offices over the class are led to the class's 报名 tab", async () => {
    const path = `/provider/classes/${classId}?tab=enrolment`;
    for (const reader of ['provider', 'dongqu', 'city']) expect((await lookup(application, reader)).json().path, reader).toBe(path);
  });

  it('another person, another provider, another county and an enterprise get the answer of a number never issued', async () => {
    for (const reader of ['bob', 'other', 'xiqu', 'enterprise']) await hiddenFrom(application, reader);
  });
});

describe('A base booking number (YY-…) is found by the booker and the offices over it', () => {
  it("a class's booking leads its provider to the class's 实训基地 tab and the offices to their view of the class", async () => {
    expect(classBooking).toMatch(/^YY-2021-510402-\d{6}$/);
    expect((await lookup(classBooking, 'provider')).json()).toEqual({
      kind: 'booking',
      kindName: '实训基地预约',
      number: classBooking,
      path: `/provider/classes/${classId}?tab=bases`,
    });
    for (const reader of ['dongqu', 'city']) expect((await lookup(classBooking, reader)).json().path).toBe(`/review/classes/${classId}`);
  });

  it("an enterprise's own booking leads it, and the county where the base is, to the bases' calendar", async () => {
    for (const reader of ['enterprise', 'dongqu', 'city'])
      expect((await lookup(enterpriseBooking, reader)).json().path, reader).toBe('/capacity');
  });

  it('anyone else gets the answer of a number never issued', async () => {
    for (const reader of ['other', 'otherEnterprise', 'xiqu', 'ann']) await hiddenFrom(classBooking, reader);
    for (const reader of ['provider', 'otherEnterprise', 'xiqu', 'ann']) await hiddenFrom(enterpriseBooking, reader);
  });
});
