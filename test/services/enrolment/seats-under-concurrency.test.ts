// Seats are never exceeded: ten acceptances into a class with three seats left, each in its own
// transaction and all at once (on PostgreSQL, truly concurrent: run with DATABASE_URL), accept exactly
// three; the rest are refused as full. Applying twice at once leaves one live application.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveClass } from '../../../src/services/classes/approve-class.ts';
import { createClass } from '../../../src/services/classes/create-class.ts';
import { submitClass } from '../../../src/services/classes/submit-class.ts';
import { acceptClassApplication } from '../../../src/services/enrolment/accept-class-application.ts';
import { applyToClass } from '../../../src/services/enrolment/apply-to-class.ts';
import { setClassEnrolment } from '../../../src/services/enrolment/set-class-enrolment.ts';
import type { Store } from '../../../src/store/database.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { insertPerson, insertProvider } from '../../../src/store/seed/registries.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { actor } from '../../support/actors.ts';
import { businessDateIs, restoreBusinessDateAfterAll } from '../../support/business-date.ts';
import { rid } from '../../support/registry-fixtures.ts';
import { openTestStore } from '../../support/store.ts';

restoreBusinessDateAfterAll();
const provider = actor({ role: 'provider', providerId: 'P-SEAT' });
const county = actor({ role: 'county', areaCode: '510402' });
const people = Array.from({ length: 12 }, (_, i) => rid(900 + i));
const as = (residentId: string) => actor({ role: 'trainee', residentId, username: `t-${residentId}` });
let store: Store;

async function openClass(seats: number): Promise<string> {
  return inTransaction(store.db, async (tx) => {
    const cls = await createClass(tx, provider, {
      providerId: 'P-SEAT',
      program: 'employment_skill',
      areaCode: '510402',
      enterpriseUscc: null,
      occupationCode: '6-18-02-04',
      level: '5',
      startDate: '2021-05-10',
      endDate: '2021-05-30',
      hours: 100,
      venue: '实训室',
      teachers: [{ name: '张老师' }],
      trainees: [],
      sessions: [],
    });
    await setClassEnrolment(tx, provider, cls.id, { publicEnrolment: true, seats, enrolBy: null });
    await submitClass(tx, provider, cls.id);
    await approveClass(tx, county, cls.id, { note: null });
    return cls.id;
  });
}

beforeAll(async () => {
  businessDateIs('2021-04-01');
  store = await openTestStore();
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx);
    await insertProvider(tx, { id: 'P-SEAT', scopes: [{ program: 'employment_skill' }] });
    for (const id of people)
      await insertPerson(tx, { residentId: id, facts: [{ fact: 'pensionEntitled', value: false, asOf: '2019-01-01' }] });
  });
}, 60_000);
afterAll(() => store.close());

describe('Seats under concurrent acceptances', () => {
  it('ten acceptances at once into three seats accept exactly three', async () => {
    const classId = await openClass(3);
    const apps: string[] = [];
    for (const id of people.slice(0, 10))
      apps.push((await inTransaction(store.db, (tx) => applyToClass(tx, as(id), classId, { note: null }))).id);
    const results = await Promise.allSettled(apps.map((id) => inTransaction(store.db, (tx) => acceptClassApplication(tx, provider, id))));
    const accepted = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(accepted).toHaveLength(3);
    expect(refused).toHaveLength(7);
    for (const r of refused) expect(String(r.reason.message)).toContain('名额已满');
    const roster = await store.db.selectFrom('class_trainees').select('resident_id').where('class_id', '=', classId).execute();
    expect(roster).toHaveLength(3);
  });

  it('the same person applying twice at once keeps one live application', async () => {
    const classId = await openClass(5);
    const who = as(people[11]!);
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => inTransaction(store.db, (tx) => applyToClass(tx, who, classId, { note: null }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const live = await store.db
      .selectFrom('class_applications')
      .select('id')
      .where('class_id', '=', classId)
      .where('status', 'in', ['applied', 'accepted'])
      .execute();
    expect(live).toHaveLength(1);
  });
});
