// The trainee chooses (§5.5): a provider opens an approved class to public enrolment; anyone reads the
// open classes without personal data; a registered person applies once; the provider accepts (the
// person joins the roster after the per-trainee checks, never beyond the seats) or declines with a
// reason the person reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPerson, insertProvider } from '../../src/store/seed/registries.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { businessDateIs, restoreBusinessDateAfterAll } from '../support/business-date.ts';
import { rid } from '../support/registry-fixtures.ts';

restoreBusinessDateAfterAll();
let t: TestApp;
let provider: string;
let otherProvider: string;
let dongqu: string;
const people = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => rid(700 + n));
const PENSIONER = rid(799);
const trainee: string[] = [];
let pensioner: string;

const call = (cookie: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: cookie ? { cookie } : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const application = (overrides: Record<string, unknown> = {}) => ({
  providerId: 'P-OC',
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
  ...overrides,
});

/** A class through the real lifecycle: drafted, optionally opened to the public, submitted, approved. */
async function approvedClass(opts: { seats: number | null; enrolBy?: string | null; approve?: boolean; trainees?: unknown[] }) {
  const made = await call(provider, 'POST', '/classes', application(opts.trainees ? { trainees: opts.trainees } : {}));
  expect(made.statusCode, made.body).toBe(201);
  const cls = made.json() as { id: string; number: string };
  if (opts.seats != null) {
    const set = await call(provider, 'PUT', `/classes/${cls.id}/enrolment`, {
      publicEnrolment: true,
      seats: opts.seats,
      enrolBy: opts.enrolBy ?? '2021-03-25',
    });
    expect(set.statusCode, set.body).toBe(200);
  }
  if (opts.approve !== false) {
    expect((await call(provider, 'POST', `/classes/${cls.id}/submit`)).statusCode).toBe(200);
    const ok = await call(dongqu, 'POST', `/classes/${cls.id}/approve`, { note: null });
    expect(ok.statusCode, ok.body).toBe(200);
  }
  return cls;
}
const openList = async () =>
  (await call(null, 'GET', '/public/open-classes')).json() as { items: { id: string; number: string; seatsLeft: number }[] };
const apply = (cookie: string, classId: string) => call(cookie, 'POST', `/classes/${classId}/applications`, { note: '希望参加' });

beforeAll(async () => {
  businessDateIs('2021-03-01');
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertProvider(tx, { id: 'P-OC', name: '东区焊接培训学校', scopes: [{ program: 'employment_skill' }] });
    await insertProvider(tx, { id: 'P-OC2', name: '别家学校', scopes: [{ program: 'employment_skill' }] });
    for (const [i, id] of people.entries())
      await insertPerson(tx, {
        residentId: id,
        name: `报名人${i + 1}`,
        facts: [{ fact: 'pensionEntitled', value: false, asOf: '2019-01-01' }],
      });
    await insertPerson(tx, {
      residentId: PENSIONER,
      name: '退休人员',
      facts: [{ fact: 'pensionEntitled', value: true, asOf: '2019-01-01' }],
    });
  });
  provider = await sessionFor(t, { username: 'oc-provider', displayName: '东区焊接培训学校', role: 'provider', providerId: 'P-OC' });
  otherProvider = await sessionFor(t, { username: 'oc-other', displayName: '别家学校', role: 'provider', providerId: 'P-OC2' });
  dongqu = await sessionFor(t, { username: 'oc-dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  for (const [i, id] of people.entries())
    trainee.push(await sessionFor(t, { username: `oc-trainee-${i}`, displayName: `报名人${i + 1}`, role: 'trainee', residentId: id }));
  pensioner = await sessionFor(t, { username: 'oc-pensioner', displayName: '退休人员', role: 'trainee', residentId: PENSIONER });
}, 60_000);
afterAll(() => t.close());

describe('Open classes on the public pages', () => {
  it('lists only approved, not-yet-started classes opened to the public with a seat left, and no personal data', async () => {
    const open = await approvedClass({ seats: 3, trainees: [{ residentId: people[4], name: '报名人5' }] });
    const closed = await approvedClass({ seats: null, trainees: [{ residentId: people[3], name: '报名人4' }] });
    const draft = await approvedClass({ seats: 5, approve: false });
    const res = await call(null, 'GET', '/public/open-classes');
    expect(res.statusCode).toBe(200);
    const numbers = (res.json() as { items: { number: string }[] }).items.map((i) => i.number);
    expect(numbers).toContain(open.number);
    expect(numbers).not.toContain(closed.number);
    expect(numbers).not.toContain(draft.number);
    const item = (res.json() as { items: Record<string, unknown>[] }).items.find((i) => i.number === open.number)!;
    expect(item).toMatchObject({ providerName: '东区焊接培训学校', seats: 3, seatsLeft: 2, occupationName: '焊工', enrolBy: '2021-03-25' });
    expect(item.freeFor).toMatch(/免费参训/);
    // Nobody on the roster is named or identified.
    expect(res.body).not.toMatch(/\d{17}[\dX]/);
    expect(res.body).not.toContain('报名人');
  });

  it('a class past its last day to apply is no longer listed', async () => {
    const cls = await approvedClass({ seats: 2, enrolBy: '2021-03-10' });
    expect((await openList()).items.map((i) => i.number)).toContain(cls.number);
    businessDateIs('2021-03-11');
    expect((await openList()).items.map((i) => i.number)).not.toContain(cls.number);
    businessDateIs('2021-03-01');
  });

  it('the list is paged with a limit', async () => {
    expect((await call(null, 'GET', '/public/open-classes?pageSize=500')).statusCode).toBe(400);
    const one = (await call(null, 'GET', '/public/open-classes?pageSize=1')).json() as { items: unknown[]; total: number };
    expect(one.items).toHaveLength(1);
    expect(one.total).toBeGreaterThan(1);
  });

  it('an enterprise-employee programme cannot be opened to the public', async () => {
    const made = await call(
      provider,
      'POST',
      '/classes',
      application({ program: 'skill_upgrade', occupationCode: '6-16-01-03', level: '4' }),
    );
    const res = await call(provider, 'PUT', `/classes/${(made.json() as { id: string }).id}/enrolment`, {
      publicEnrolment: true,
      seats: 10,
      enrolBy: null,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不面向社会公开报名');
  });

  it('a class not opened to the public still needs a roster to be submitted (the opening review as before)', async () => {
    const made = await call(provider, 'POST', '/classes', application());
    const res = await call(provider, 'POST', `/classes/${(made.json() as { id: string }).id}/submit`);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('花名册为空');
  });
});

describe('A registered person applies; the provider accepts or declines', () => {
  it('applying twice to the same class is refused', async () => {
    const cls = await approvedClass({ seats: 5 });
    expect((await apply(trainee[0]!, cls.id)).statusCode).toBe(201);
    const again = await apply(trainee[0]!, cls.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('不能重复报名');
  });

  it('declining needs a reason, and the person reads it', async () => {
    const cls = await approvedClass({ seats: 5 });
    const app = (await apply(trainee[1]!, cls.id)).json() as { id: string; number: string };
    expect(app.number).toMatch(/^BM-2021-510402-\d{6}$/);
    expect((await call(provider, 'POST', `/class-applications/${app.id}/decline`, {})).statusCode).toBe(400);
    const other = await call(provider, 'POST', `/class-applications/${app.id}/decline`, { reason: '其他', note: ' ' });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.message).toContain('具体原因');
    const ok = await call(provider, 'POST', `/class-applications/${app.id}/decline`, { reason: '培训时间冲突', note: '本期为白班' });
    expect(ok.statusCode, ok.body).toBe(200);
    const mine = (await call(trainee[1]!, 'GET', '/my/class-applications')).json() as { items: Record<string, unknown>[] };
    expect(mine.items.find((i) => i.id === app.id)).toMatchObject({
      status: 'declined',
      declineReason: '培训时间冲突：本期为白班',
      classNumber: cls.number,
    });
    // Declined, the person may apply again while the class is open.
    expect((await apply(trainee[1]!, cls.id)).statusCode).toBe(201);
  });

  it('accepting puts the person on the roster, and never beyond the seats', async () => {
    const cls = await approvedClass({ seats: 2 });
    const apps: { id: string }[] = [];
    for (const c of trainee.slice(5, 8)) apps.push((await apply(c, cls.id)).json() as { id: string });
    expect((await call(provider, 'POST', `/class-applications/${apps[0]!.id}/accept`)).statusCode).toBe(200);
    expect((await call(provider, 'POST', `/class-applications/${apps[1]!.id}/accept`)).statusCode).toBe(200);
    const full = await call(provider, 'POST', `/class-applications/${apps[2]!.id}/accept`);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toContain('名额已满');
    const detail = (await call(provider, 'GET', `/classes/${cls.id}`)).json() as { trainees: { residentId: string }[] };
    expect(detail.trainees.map((x) => x.residentId).sort()).toEqual([people[5], people[6]].sort());
    // Full: no longer on the public list.
    expect((await openList()).items.map((i) => i.number)).not.toContain(cls.number);
    const mine = (await call(trainee[5]!, 'GET', '/my/class-applications')).json() as { items: Record<string, unknown>[] };
    expect(mine.items.find((i) => i.id === apps[0]!.id)).toMatchObject({ status: 'accepted' });
    // The trainee now sees the class among their own.
    expect((await call(trainee[5]!, 'GET', `/classes/${cls.id}`)).statusCode).toBe(200);
  });

  it('a person the opening review would refuse (R5: entitled to a pension) is not accepted', async () => {
    const cls = await approvedClass({ seats: 5 });
    const app = (await apply(pensioner, cls.id)).json() as { id: string };
    const res = await call(provider, 'POST', `/class-applications/${app.id}/accept`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/不能录取：.*养老金/);
  });

  it('a provider sees and decides only applications to its own classes', async () => {
    const cls = await approvedClass({ seats: 5 });
    const app = (await apply(trainee[0]!, cls.id)).json() as { id: string };
    expect((await call(otherProvider, 'GET', `/classes/${cls.id}/applications`)).statusCode).toBe(404);
    expect((await call(otherProvider, 'POST', `/class-applications/${app.id}/accept`)).statusCode).toBe(404);
    expect((await call(otherProvider, 'POST', `/class-applications/${app.id}/decline`, { reason: '名额已满' })).statusCode).toBe(404);
    expect((await call(trainee[1]!, 'GET', `/classes/${cls.id}/applications`)).statusCode).toBe(403);
    const own = (await call(provider, 'GET', `/classes/${cls.id}/applications`)).json() as {
      items: { id: string; name: string }[];
      pending: number;
    };
    expect(own.items.map((i) => i.id)).toEqual([app.id]);
    expect(own.items[0]!.name).toBe('报名人1');
    expect(own.pending).toBe(1);
  });
});
