// The publicity period cannot be skipped (DESIGN.md "business date"): a notice starts no earlier than the
// business day it is published, closes only once its last working day has passed, and an objection is
// dated by the day it is received. The day is the product's one business date (UPSKILL_TODAY), which
// every "today" reads; days outside the working-day calendar the system holds (2020–2021) are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { businessDateIs, restoreBusinessDateAfterAll } from '../support/business-date.ts';
import { insertClaimRow, insertPeople, residentId } from '../support/claims-fixtures.ts';

restoreBusinessDateAfterAll();

let t: TestApp;
const cookies: Record<string, string> = {};
const people = Array.from({ length: 8 }, (_, i) => residentId(60 + i));
let next = 0;

const post = (url: string, who: string | null, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: who ? { cookie: cookies[who]! } : {}, payload: payload as object });
const get = (url: string, who?: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who ? { cookie: cookies[who]! } : {} });
const rows = async (table: 'publicity_notices' | 'objections' | 'audit_log') =>
  Number(
    (
      await t.store.db
        .selectFrom(table)
        .select(({ fn }) => fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A reviewed claim of 东区, ready to be published. */
async function reviewedClaim(): Promise<string> {
  const id = `C-BD-${++next}`;
  await inTransaction(t.store.db, (tx) =>
    insertClaimRow(tx, {
      id,
      residentId: people[next % people.length]!,
      status: 'reviewed',
      outcome: 'eligible',
      amountFen: 187000,
      payee: 'individual',
    }),
  );
  return id;
}

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, (tx) =>
    insertPeople(
      tx,
      people.map((residentId) => ({ residentId })),
    ),
  );
  cookies.dongqu = await sessionFor(t, { username: 'dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  cookies.city = await sessionFor(t, { username: 'city', displayName: '市人社局', role: 'city', areaCode: '510400' });
}, 180_000);
afterAll(() => t.close());

describe('A notice starts no earlier than the day it is published', () => {
  it('a notice backdated to a day before the business date is refused, naming startsOn, and nothing is written', async () => {
    businessDateIs('2021-11-15');
    const claimId = await reviewedClaim();
    const [notices, audit] = [await rows('publicity_notices'), await rows('audit_log')];
    // The defect: a 2021 notice of one working day, published, closed and approved at once.
    const res = await post('/publicity-notices', 'dongqu', {
      areaCode: '510402',
      title: '倒签的公示',
      startsOn: '2021-01-04',
      workingDays: 1,
      claimIds: [claimId],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field: 'body.startsOn' });
    expect(res.json().error.message).toContain('公示开始日期 2021年1月4日 早于发布当天（2021年11月15日）');
    expect([await rows('publicity_notices'), await rows('audit_log')]).toEqual([notices, audit]);
    expect((await get(`/claims/${claimId}`, 'dongqu')).json().status).toBe('reviewed');
  });

  it('without a start date it starts on the business date, which it records as its publishing day; a later start is allowed', async () => {
    businessDateIs('2021-11-15');
    const today = await post('/publicity-notices', 'dongqu', { areaCode: '510402', title: '当天开始', claimIds: [await reviewedClaim()] });
    expect(today.statusCode, today.body).toBe(201);
    // Monday 15 November + 5 working days: Friday the 19th.
    expect(today.json()).toMatchObject({ publishedOn: '2021-11-15', startsOn: '2021-11-15', endsOn: '2021-11-19' });
    const later = await post('/publicity-notices', 'dongqu', {
      areaCode: '510402',
      title: '下周开始',
      startsOn: '2021-11-22',
      claimIds: [await reviewedClaim()],
    });
    expect(later.json()).toMatchObject({ publishedOn: '2021-11-15', startsOn: '2021-11-22', endsOn: '2021-11-26' });
    const detail = (await get(`/review/publicity-notices/${today.json().id}`, 'dongqu')).json();
    expect(detail).toMatchObject({ publishedOn: '2021-11-15', today: '2021-11-15', closable: false, closedOn: null });
  });

  it('the database itself refuses a notice that starts before it was published', async () => {
    await expect(
      t.store.db
        .insertInto('publicity_notices')
        .values({
          id: 'PN-SQL',
          area_code: '510402',
          title: '绕过用例',
          starts_on: '2021-01-04',
          working_days: 1,
          ends_on: '2021-01-04',
          published_on: '2021-11-15',
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })
        .execute(),
    ).rejects.toThrow(/publicity_notices_starts_after_publishing/);
  });
});

describe('A notice closes only after its last working day has passed', () => {
  let noticeId = '';
  let noticeNumber = '';
  const claims: string[] = [];

  it('published on Friday 2021-11-12 for 5 working days, it ends on Thursday the 18th', async () => {
    businessDateIs('2021-11-12');
    claims.push(await reviewedClaim(), await reviewedClaim());
    const res = await post('/publicity-notices', 'dongqu', { areaCode: '510402', title: '第三批公示', claimIds: claims });
    expect(res.json()).toMatchObject({ startsOn: '2021-11-12', endsOn: '2021-11-18' });
    noticeId = res.json().id;
    noticeNumber = res.json().number;
    expect(noticeNumber).toMatch(/^GS-2021-510402-\d{6}$/);
  });

  it('on its first day, and on its last working day, closing is refused (409) and its claims cannot be approved', async () => {
    for (const [day, chinese] of [
      ['2021-11-12', '2021年11月12日'],
      ['2021-11-18', '2021年11月18日'],
    ] as const) {
      businessDateIs(day);
      const res = await post(`/publicity-notices/${noticeId}/close`, 'dongqu');
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toBe(
        `公示 ${noticeNumber} 的最后一个工作日是 2021年11月18日，今天（${chinese}）公示期未满，不能结束`,
      );
      expect((await get(`/review/publicity-notices/${noticeId}`, 'dongqu')).json()).toMatchObject({ status: 'open', closable: false });
    }
    expect((await post(`/claims/${claims[0]}/approve`, 'dongqu')).statusCode).toBe(409);
  });

  it('a day sent with the close is refused: the office cannot name a later day to end the period early', async () => {
    businessDateIs('2021-11-15');
    const res = await post(`/publicity-notices/${noticeId}/close`, 'dongqu', { on: '2021-11-19' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
    expect((await get(`/review/publicity-notices/${noticeId}`, 'dongqu')).json().status).toBe('open');
  });

  it('the day after, the office sees it among the notices to close, closes it, and the closing day is recorded', async () => {
    businessDateIs('2021-11-19');
    const due = (await get('/review/publicity-notices?closable=true', 'dongqu')).json();
    expect(due.items.map((n: { id: string }) => n.id)).toEqual([noticeId]);
    expect(due.items[0]).toMatchObject({ closable: true });
    const res = await post(`/publicity-notices/${noticeId}/close`, 'dongqu');
    expect(res.json()).toMatchObject({ status: 'closed', endsOn: '2021-11-18', closedOn: '2021-11-19' });
    expect((await get('/review/publicity-notices?closable=true', 'dongqu')).json().total).toBe(0);
    expect(
      (await t.store.db.selectFrom('publicity_notices').select('closed_on').where('id', '=', noticeId).executeTakeFirstOrThrow()).closed_on,
    ).toBe('2021-11-19');
  });

  it('the database itself refuses a closing day on or before the last working day', async () => {
    await expect(
      t.store.db.updateTable('publicity_notices').set({ closed_on: '2021-11-18' }).where('id', '=', noticeId).execute(),
    ).rejects.toThrow(/publicity_notices_closed_after_end/);
  });
});

describe('An objection is dated by the day it is received', () => {
  let noticeId = '';
  let claimId = '';

  it('the objection carries the business date it was lodged on; a date typed by the objector is refused', async () => {
    businessDateIs('2021-11-15');
    claimId = await reviewedClaim();
    noticeId = (await post('/publicity-notices', 'dongqu', { areaCode: '510402', title: '异议测试', claimIds: [claimId] })).json().id;
    const typed = await post(`/publicity-notices/${noticeId}/objections`, null, { claimId, text: '此人未参加培训', on: '2021-11-15' });
    expect(typed.statusCode).toBe(400);
    expect(await rows('objections')).toBe(0);
    businessDateIs('2021-11-17');
    const res = await post(`/publicity-notices/${noticeId}/objections`, null, { claimId, text: '此人未参加培训' });
    expect(res.statusCode).toBe(201);
    // 15th and 16th ran: 3 of 5 working days left.
    expect(res.json()).toMatchObject({ status: 'paused', daysLeft: 3, receivedOn: '2021-11-17' });
    const detail = (await get(`/review/publicity-notices/${noticeId}`, 'dongqu')).json();
    expect(detail).toMatchObject({ status: 'paused', pausedOn: '2021-11-17' });
    expect(detail.objections[0]).toMatchObject({ receivedOn: '2021-11-17', resolvedOn: null });
  });

  it('resolved on the business date, the notice resumes from that day for the days left', async () => {
    businessDateIs('2021-11-22');
    const objectionId = (await get(`/review/publicity-notices/${noticeId}`, 'dongqu')).json().objections[0].id;
    const typed = await post(`/objections/${objectionId}/resolve`, 'dongqu', {
      verdict: 'dismissed',
      resolution: '异议不成立',
      on: '2021-11-17',
    });
    expect(typed.statusCode).toBe(400);
    const res = await post(`/objections/${objectionId}/resolve`, 'dongqu', {
      verdict: 'dismissed',
      resolution: '核实签到记录，异议不成立',
    });
    // 22nd, 23rd, 24th: ends Wednesday the 24th.
    expect(res.json()).toMatchObject({ noticeStatus: 'open', endsOn: '2021-11-24', resolvedOn: '2021-11-22' });
    expect((await get(`/review/publicity-notices/${noticeId}`, 'dongqu')).json().objections[0]).toMatchObject({
      receivedOn: '2021-11-17',
      resolvedOn: '2021-11-22',
    });
  });

  it('an objection before the notice starts, or after it has run, is refused', async () => {
    businessDateIs('2021-11-25');
    const late = await post(`/publicity-notices/${noticeId}/objections`, null, { claimId, text: '迟到的异议' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'invalid_transition']);
    const early = await post('/publicity-notices', 'dongqu', {
      areaCode: '510402',
      title: '下月公示',
      startsOn: '2021-12-01',
      claimIds: [await reviewedClaim()],
    });
    const res = await post(`/publicity-notices/${early.json().id}/objections`, null, {
      claimId: (
        await t.store.db.selectFrom('publicity_items').select('claim_id').where('notice_id', '=', early.json().id).executeTakeFirstOrThrow()
      ).claim_id,
      text: '提前的异议',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('尚未开始公示');
  });
});

describe('Days outside the working-day calendar the system holds (2020–2021) are refused, not guessed', () => {
  it('a business date in 2022: publishing is refused with a Chinese message naming the calendar, and nothing is written', async () => {
    businessDateIs('2022-01-04');
    const before = await rows('publicity_notices');
    const res = await post('/publicity-notices', 'dongqu', { areaCode: '510402', title: '2022年公示', claimIds: [await reviewedClaim()] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field: 'body.startsOn' });
    expect(res.json().error.message).toBe(
      'body.startsOn: 公示期需按工作日计算，但 2022年1月4日 不在系统的工作日历（2020—2021 年法定节假日和调休安排）内',
    );
    expect(await rows('publicity_notices')).toBe(before);
  });

  it('a notice that would run past 2021 is refused too (its last days cannot be counted)', async () => {
    businessDateIs('2021-12-29');
    const res = await post('/publicity-notices', 'dongqu', { areaCode: '510402', title: '跨年公示', claimIds: [await reviewedClaim()] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('2022年1月1日 不在系统的工作日历');
  });
});

describe('The business date is the one "today" of the product', () => {
  it('GET /business-date answers the setting, for anyone (the web app reads it for default dates and date limits)', async () => {
    businessDateIs('2021-11-15');
    expect((await get('/business-date')).json()).toEqual({
      today: '2021-11-15',
      source: 'setting',
      calendar: { from: '2020-01-01', to: '2021-12-31' },
      inCalendar: true,
    });
    businessDateIs('2022-03-01');
    expect((await get('/business-date')).json()).toMatchObject({ today: '2022-03-01', inCalendar: false });
  });

  it("a person's facts are read as of the business date by default", async () => {
    const person = people[0]!;
    await inTransaction(t.store.db, (tx) =>
      tx
        .insertInto('person_facts')
        .values([
          { resident_id: person, fact: 'pensionEntitled', value: true, source: '社保系统', as_of: '2021-06-01', recorded_by: 'test' },
        ])
        .execute(),
    );
    const pension = (facts: { current: { fact: string; value: boolean | null }[] }) =>
      facts.current.find((f) => f.fact === 'pensionEntitled')!.value;
    businessDateIs('2021-05-31');
    const before = (await get(`/people/${person}/facts`, 'city')).json();
    expect([before.asOf, pension(before)]).toEqual(['2021-05-31', null]);
    businessDateIs('2021-06-01');
    const after = (await get(`/people/${person}/facts`, 'city')).json();
    expect([after.asOf, pension(after)]).toEqual(['2021-06-01', true]);
  });

  it('a bad setting stops the start with a clear message, and is refused (not read as another day) if changed while running', async () => {
    businessDateIs('2021/11/15');
    await expect(buildApp(t.store)).rejects.toThrow('UPSKILL_TODAY 设置有误：“2021/11/15”不是有效日期，应写作 YYYY-MM-DD');
    const res = await get('/business-date');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('UPSKILL_TODAY 设置有误');
  });
});
