// The class lifecycle over HTTP: a provider applies, the county reviews, the class runs, is assessed,
// gets its certificates and is closed; every wrong move is refused and changes nothing; a county
// never sees another county's class.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise, insertPerson, insertProvider } from '../../src/store/seed/registries.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openTestApp, sessionFor, type TestApp } from '../support/api.ts';
import { rid, usccOf } from '../support/registry-fixtures.ts';

let t: TestApp;
let city: string;
let dongqu: string;
let xiqu: string;
let provider: string;
const employer = usccOf(1);

const application = (overrides: Record<string, unknown> = {}) => ({
  providerId: 'P-LC',
  program: 'skill_upgrade',
  areaCode: '510402',
  enterpriseUscc: null,
  occupationCode: '6-16-01-03',
  level: '4',
  startDate: '2020-03-02',
  endDate: '2020-06-30',
  hours: 180,
  venue: '东区职业技能培训基地',
  teachers: [{ name: '王老师', qualification: '高级技师' }],
  trainees: [
    { residentId: rid(1), name: '张一', employerUscc: employer, newHire: false },
    { residentId: rid(2), name: '李二', employerUscc: employer },
  ],
  sessions: [
    { day: '2020-03-02', startsAt: '09:00', endsAt: '12:00', hours: 3 },
    { day: '2020-03-03', startsAt: '09:00', endsAt: '12:00', hours: 3 },
  ],
  ...overrides,
});

beforeAll(async () => {
  t = await openTestApp();
  await inTransaction(t.store.db, async (tx) => {
    await insertEnterprise(tx, { uscc: employer, industry: 'vanadium_titanium' });
    await insertProvider(tx, { id: 'P-LC', scopes: [{ program: 'skill_upgrade', occupationCode: '6-16-01-03', level: '4' }] });
    await insertPerson(tx, { residentId: rid(1), name: '张一', facts: [{ fact: 'pensionEntitled', value: false }] });
    await insertPerson(tx, { residentId: rid(2), name: '李二', facts: [{ fact: 'pensionEntitled', value: false }] });
    for (let n = 3; n <= 12; n++)
      await insertPerson(tx, { residentId: rid(n), name: `学员${n}`, facts: [{ fact: 'pensionEntitled', value: false }] });
  });
  city = await sessionFor(t, { username: 'lc-city', displayName: '市人社局', role: 'city', areaCode: '510400' });
  dongqu = await sessionFor(t, { username: 'lc-dongqu', displayName: '东区人社局', role: 'county', areaCode: '510402' });
  xiqu = await sessionFor(t, { username: 'lc-xiqu', displayName: '西区人社局', role: 'county', areaCode: '510403' });
  provider = await sessionFor(t, { username: 'lc-provider', displayName: '培训学校', role: 'provider', providerId: 'P-LC' });
}, 60_000);
afterAll(() => t.close());

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });

async function createClass(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await call(provider, 'POST', '/classes', application(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const auditCount = async () =>
  Number(
    (
      await t.store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const classRow = (id: string) =>
  t.store.db.selectFrom('classes').select(['status', 'updated_at', 'review_note']).where('id', '=', id).executeTakeFirstOrThrow();

describe('A class from application to closing, over HTTP', () => {
  it('is applied for, reviewed, run, assessed, certified and closed, each step audited', async () => {
    const id = await createClass();
    const steps: [string, string, 'POST', string, unknown?][] = [
      [provider, 'submitted', 'POST', `/classes/${id}/submit`],
      [dongqu, 'approved', 'POST', `/classes/${id}/approve`, { note: '资料齐全' }],
      [provider, 'running', 'POST', `/classes/${id}/start`],
    ];
    for (const [who, status, method, url, body] of steps) {
      const res = await call(who, method, url, body ?? undefined);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe(status);
    }
    const detail = (await call(provider, 'GET', `/classes/${id}`)).json();
    const [first] = detail.sessions as { id: number }[];
    const att = await call(provider, 'POST', `/classes/${id}/attendance`, {
      sessionId: first!.id,
      marks: [
        { residentId: rid(1), present: true, method: '人脸识别', reason: '设备故障' },
        { residentId: rid(2), present: false },
      ],
    });
    expect(att.statusCode, att.body).toBe(200);
    const results = await call(provider, 'POST', `/classes/${id}/assessment`, {
      results: [
        { residentId: rid(1), qualified: true, assessedOn: '2020-06-30' },
        { residentId: rid(2), qualified: false, assessedOn: '2020-06-30' },
      ],
    });
    expect(results.statusCode, results.body).toBe(200);
    expect((await call(provider, 'POST', `/classes/${id}/assess`)).json().status).toBe('assessed');
    const cert = await call(provider, 'POST', `/classes/${id}/certificates`, {
      residentId: rid(1),
      type: 'skill_level',
      number: 'LC-2020-0001',
      issuedOn: '2020-07-05',
    });
    expect(cert.statusCode, cert.body).toBe(201);
    const failed = await call(provider, 'POST', `/classes/${id}/certificates`, {
      residentId: rid(2),
      type: 'skill_level',
      number: 'LC-2020-0002',
      issuedOn: '2020-07-05',
    });
    expect([failed.statusCode, failed.json().error.field]).toEqual([400, 'body.residentId']);
    const closed = await call(dongqu, 'POST', `/classes/${id}/close`, { note: '验收合格' });
    expect(closed.json().status).toBe('closed');

    const final = (await call(city, 'GET', `/classes/${id}`)).json();
    expect(
      final.trainees.map((x: { name: string; hoursPresent: number; qualified: boolean }) => [x.name, x.hoursPresent, x.qualified]),
    ).toEqual([
      ['张一', 3, true],
      ['李二', 0, false],
    ]);
    expect(final.certificates).toHaveLength(1);
    const actions = (await t.store.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('seq').execute()).map(
      (r) => r.action,
    );
    expect(actions).toEqual([
      'class.create',
      'class.submit',
      'class.approve',
      'class.start',
      'class.attendance',
      'class.assessment',
      'class.assess',
      'class.certificate',
      'class.close',
    ]);
  });

  it('refuses a certificate number already used for the same type, with a clear conflict', async () => {
    const id = await createClass({
      trainees: [{ residentId: rid(1), name: '张一', employerUscc: employer }],
      startDate: '2021-03-01',
      endDate: '2021-05-30',
      sessions: [],
      occupationCode: '6-16-01-03',
      level: '4',
    });
    await inTransaction(t.store.db, (tx) => tx.updateTable('classes').set({ status: 'assessed' }).where('id', '=', id).execute());
    await inTransaction(t.store.db, (tx) =>
      tx
        .insertInto('assessment_results')
        .values({ class_id: id, resident_id: rid(1), qualified: true, assessed_on: '2021-05-30', recorded_by: 'test' })
        .execute(),
    );
    const before = await t.store.db.selectFrom('certificates').select('id').execute();
    const res = await call(provider, 'POST', `/classes/${id}/certificates`, {
      residentId: rid(1),
      type: 'skill_level',
      number: 'LC-2020-0001',
      issuedOn: '2021-06-05',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', field: 'body.number' });
    expect(res.json().error.message).toContain('职业技能等级证书编号 LC-2020-0001 已被登记');
    expect(await t.store.db.selectFrom('certificates').select('id').execute()).toHaveLength(before.length);
    const otherType = await call(provider, 'POST', `/classes/${id}/certificates`, {
      residentId: rid(1),
      type: 'training',
      number: 'LC-2020-0001',
      issuedOn: '2021-06-05',
    });
    expect(otherType.statusCode).toBe(201);
  });
});

describe('Every wrong transition is refused and changes nothing', () => {
  const ACTIONS: [string, string, unknown?][] = [
    ['submit', provider],
    ['approve', 'dongqu', {}],
    ['return', 'dongqu', { note: '请补充材料' }],
    ['start', 'provider'],
    ['assess', 'provider'],
    ['close', 'dongqu', {}],
  ].map(([a, _who, body]) => [a as string, a as string, body]);
  const ALLOWED: Record<string, string[]> = {
    draft: ['submit'],
    submitted: ['approve', 'return'],
    returned: ['submit'],
    approved: ['start'],
    running: ['assess'],
    assessed: ['close'],
    closed: [],
  };
  const who = (action: string) => (['approve', 'return', 'close'].includes(action) ? dongqu : provider);

  it.each(Object.keys(ALLOWED))('from %s, every action the state machine does not allow is a 409 invalid_transition', async (status) => {
    const id = await createClass({ startDate: '2021-09-01', endDate: '2021-09-30', sessions: [] });
    await inTransaction(t.store.db, (tx) =>
      tx
        .updateTable('classes')
        .set({ status: status as never })
        .where('id', '=', id)
        .execute(),
    );
    for (const [action, , body] of ACTIONS) {
      if (ALLOWED[status]!.includes(action)) continue;
      const before = await classRow(id);
      const audits = await auditCount();
      const res = await call(
        who(action),
        'POST',
        `/classes/${id}/${action}`,
        body ?? (['approve', 'close'].includes(action) ? {} : undefined),
      );
      expect(res.statusCode, `${status} → ${action}: ${res.body}`).toBe(409);
      expect(res.json().error.code).toBe('invalid_transition');
      expect(res.json().error.message).toMatch(/^培训班当前状态为“.+”，不能/);
      expect(await classRow(id)).toEqual(before);
      expect(await auditCount()).toBe(audits);
    }
  });

  it('a submitted application cannot be edited, and a provider cannot approve its own class', async () => {
    const id = await createClass({
      startDate: '2021-10-08',
      endDate: '2021-10-30',
      sessions: [],
      trainees: [{ residentId: rid(3), name: '学员3', employerUscc: employer }],
    });
    expect((await call(provider, 'POST', `/classes/${id}/submit`)).statusCode).toBe(200);
    const edit = await call(provider, 'PUT', `/classes/${id}`, application({ venue: '别处' }));
    expect([edit.statusCode, edit.json().error.code]).toEqual([409, 'invalid_transition']);
    const self = await call(provider, 'POST', `/classes/${id}/approve`, {});
    expect([self.statusCode, self.json().error.code]).toEqual([403, 'forbidden']);
    expect((await classRow(id)).status).toBe('submitted');
  });

  it('a returned application is edited and resubmitted', async () => {
    const trainees = [{ residentId: rid(4), name: '学员4', employerUscc: employer }];
    const id = await createClass({ startDate: '2021-11-01', endDate: '2021-11-20', sessions: [], trainees });
    await call(provider, 'POST', `/classes/${id}/submit`);
    const back = await call(dongqu, 'POST', `/classes/${id}/return`, { note: '教师资质证明缺失' });
    expect(back.json()).toMatchObject({ status: 'returned', reviewNote: '教师资质证明缺失' });
    const edit = await call(
      provider,
      'PUT',
      `/classes/${id}`,
      application({
        startDate: '2021-11-01',
        endDate: '2021-11-20',
        sessions: [],
        trainees,
        teachers: [{ name: '赵老师', qualification: '技师' }],
      }),
    );
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await call(provider, 'POST', `/classes/${id}/submit`)).json().status).toBe('submitted');
  });
});

describe('A county sees and changes only classes held in its own area', () => {
  it('another county gets 404 for reading, editing, moving; the class is not in its list; the owner county sees it', async () => {
    const id = await createClass({
      startDate: '2021-12-01',
      endDate: '2021-12-20',
      sessions: [],
      trainees: [{ residentId: rid(5), name: '学员5', employerUscc: employer }],
    });
    expect((await call(provider, 'POST', `/classes/${id}/submit`)).statusCode).toBe(200);
    const before = await classRow(id);
    for (const [method, url, body] of [
      ['GET', `/classes/${id}`],
      ['PUT', `/classes/${id}`, application()],
      ['POST', `/classes/${id}/approve`, {}],
      ['POST', `/classes/${id}/return`, { note: 'x' }],
      ['GET', `/classes/${id}/review`],
    ] as const) {
      const res = await call(xiqu, method, url, body);
      expect([res.statusCode, res.json().error.code], `${method} ${url}`).toEqual([404, 'not_found']);
    }
    expect(await classRow(id)).toEqual(before);
    const list = (await call(xiqu, 'GET', '/classes?pageSize=200')).json();
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await call(dongqu, 'GET', `/classes/${id}`)).statusCode).toBe(200);
  });

  it('a county cannot open a class in another county’s area', async () => {
    const res = await call(xiqu, 'POST', '/classes', application());
    expect([res.statusCode, res.json().error.field]).toEqual([403, 'areaCode']);
  });
});
