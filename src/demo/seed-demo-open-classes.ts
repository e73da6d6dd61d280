// The demo's open enrolment and shared capacity (§5.5, §5.4; docs/open-classes.md), through the use
// cases as of DEMO_TODAY: two employment-skill classes opened to the public and approved, five
// applications (one accepted, one declined with its reason, the rest waiting), one public training
// base with two bookings priced from its consumables list, two textbooks, one competition with two
// results. Applicants are people on no class at all (so no roster clash), with no pension.
import { sql } from 'kysely';
import type { Actor } from '../services/access.ts';
import type { Tx } from '../store/audit-log.ts';
import { approveClass } from '../services/classes/approve-class.ts';
import { createClass } from '../services/classes/create-class.ts';
import { submitClass } from '../services/classes/submit-class.ts';
import { acceptClassApplication } from '../services/enrolment/accept-class-application.ts';
import { applyToClass } from '../services/enrolment/apply-to-class.ts';
import { declineClassApplication } from '../services/enrolment/decline-class-application.ts';
import { setClassEnrolment } from '../services/enrolment/set-class-enrolment.ts';
import { bookTrainingBase } from '../services/bases/book-training-base.ts';
import { createTrainingBase } from '../services/bases/create-training-base.ts';
import { createCompetition } from '../services/skills/create-competition.ts';
import { createTextbook } from '../services/skills/create-textbook.ts';
import { recordCompetitionResult } from '../services/skills/record-competition-result.ts';
import { setClassTextbook } from '../services/skills/set-class-textbook.ts';

const who = (a: Partial<Actor> & Pick<Actor, 'role' | 'username'>): Actor => ({
  userId: 'demo',
  displayName: a.username,
  areaCode: null,
  department: null,
  enterpriseUscc: null,
  providerId: null,
  residentId: null,
  ...a,
});

export async function seedDemoOpenClasses(tx: Tx): Promise<void> {
  const city = who({ role: 'city', username: 'city', displayName: '攀枝花市人力资源和社会保障局', areaCode: '510400' });
  // Two providers running employment-skill training, each with an occupation of its scope in force in December 2021.
  const scopes = await tx
    .selectFrom('provider_scopes')
    .innerJoin('providers', 'providers.id', 'provider_scopes.provider_id')
    .select(['providers.id', 'providers.area_code', 'provider_scopes.occupation_code', 'provider_scopes.level'])
    .where('provider_scopes.program', '=', 'employment_skill')
    .where('providers.id', 'in', ['P004', 'P008'])
    .where('provider_scopes.occupation_code', 'is not', null)
    .where('provider_scopes.valid_to', '>=', '2021-12-31')
    .orderBy('providers.id')
    .orderBy('provider_scopes.id')
    .execute();
  const picks = ['P004', 'P008'].map((id) => scopes.find((s) => s.id === id)).filter((s) => s !== undefined);
  const applicants = (
    await tx
      .selectFrom('people')
      .select('people.resident_id')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('class_trainees')
              .whereRef('class_trainees.resident_id', '=', 'people.resident_id')
              .select(sql`1`.as('x')),
          ),
        ),
      )
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('person_facts')
            .whereRef('person_facts.resident_id', '=', 'people.resident_id')
            .where('person_facts.fact', '=', 'pensionEntitled')
            .where('person_facts.value', '=', false)
            .select(sql`1`.as('y')),
        ),
      )
      .orderBy('people.resident_id')
      .limit(5)
      .execute()
  ).map((p) => p.resident_id);

  const textbook = await createTextbook(tx, city, {
    occupationCode: picks[0]?.occupation_code ?? '6-18-02-04',
    title: '职业技能培训教程（初级）',
    kind: 'standard',
    publisher: '中国劳动社会保障出版社',
    edition: '2020',
  });
  await createTextbook(tx, city, {
    occupationCode: '6-16-02-01',
    title: '钒钛磁铁矿选矿实务（攀枝花地方教材）',
    kind: 'local',
    publisher: '攀枝花市人社局组织编写',
    edition: null,
  });

  const classes: string[] = [];
  for (const [i, s] of picks.entries()) {
    const provider = who({ role: 'provider', username: `provider-${s.id.toLowerCase()}`, providerId: s.id });
    const cls = await createClass(tx, provider, {
      providerId: s.id,
      program: 'employment_skill',
      areaCode: s.area_code,
      enterpriseUscc: null,
      occupationCode: s.occupation_code,
      level: s.level,
      startDate: i === 0 ? '2021-12-06' : '2021-12-13',
      endDate: i === 0 ? '2021-12-24' : '2021-12-30',
      hours: 100,
      venue: i === 0 ? '攀枝花市公共实训基地' : '本校实训楼',
      teachers: [{ name: i === 0 ? '陈老师' : '刘老师', qualification: '高级技师' }],
      trainees: [],
      sessions: [],
    });
    await setClassEnrolment(tx, provider, cls.id, {
      publicEnrolment: true,
      seats: i === 0 ? 30 : 20,
      enrolBy: i === 0 ? '2021-12-01' : null,
    });
    if (i === 0 && textbook.occupationCode === s.occupation_code) await setClassTextbook(tx, provider, cls.id, { textbookId: textbook.id });
    await submitClass(tx, provider, cls.id);
    await approveClass(tx, city, cls.id, { note: '同意开班，面向社会公开招生（§5.5）' });
    classes.push(cls.id);
  }
  if (classes.length > 0) {
    const provider = who({ role: 'provider', username: 'provider-p004', providerId: picks[0]!.id });
    const apps = [];
    for (const [k, residentId] of applicants.entries()) {
      const trainee = who({ role: 'trainee', username: `applicant-${k}`, residentId });
      apps.push(await applyToClass(tx, trainee, classes[k % classes.length]!, { note: k === 0 ? '希望周末上课' : null }));
    }
    if (apps[0]) await acceptClassApplication(tx, provider, apps[0].id);
    if (apps[2]) await declineClassApplication(tx, provider, apps[2].id, { reason: '培训时间冲突', note: '本期为白班，可报下一期' });
  }

  const base = await createTrainingBase(tx, city, {
    name: '攀枝花市公共实训基地',
    address: '东区示例大道 88 号',
    areaCode: '510402',
    equipment: '焊接工位 24 个、数控车床 6 台、电工实训台 12 套',
    capacity: 40,
    consumables: [
      { name: '焊条', unit: '公斤', priceFen: 1850 },
      { name: '钢板', unit: '块', priceFen: 4500 },
      { name: '电工耗材包', unit: '套', priceFen: 3200 },
    ],
  });
  const [rod, plate, kit] = base.consumables;
  if (classes[0]) {
    const provider = who({ role: 'provider', username: 'provider-p004', providerId: picks[0]!.id });
    await bookTrainingBase(tx, provider, {
      baseId: base.id,
      classId: classes[0],
      day: '2021-12-07',
      startsAt: '08:30',
      endsAt: '11:30',
      seats: 30,
      purpose: '焊接实操',
      items: [
        { consumableId: rod!.id, quantity: 45 },
        { consumableId: plate!.id, quantity: 30 },
      ],
    });
  }
  const enterprise = await tx.selectFrom('enterprises').select(['uscc']).orderBy('uscc').limit(1).executeTakeFirstOrThrow();
  await bookTrainingBase(tx, who({ role: 'enterprise', username: 'ent-demo', enterpriseUscc: enterprise.uscc }), {
    baseId: base.id,
    classId: null,
    day: '2021-12-07',
    startsAt: '14:00',
    endsAt: '17:00',
    seats: 12,
    purpose: '电工岗位练兵',
    items: [{ consumableId: kit!.id, quantity: 12 }],
  });

  const competition = await createCompetition(tx, city, {
    name: '2021 年攀枝花市焊工职业技能竞赛',
    heldOn: '2021-10-16',
    occupationCode: '6-18-02-04',
    organiser: '攀枝花市人力资源和社会保障局',
    areaCode: '510400',
  });
  const winners = await tx.selectFrom('people').select('resident_id').orderBy('resident_id').limit(2).execute();
  for (const [k, w] of winners.entries())
    await recordCompetitionResult(tx, city, competition.id, {
      residentId: w.resident_id,
      rank: k + 1,
      award: k === 0 ? '一等奖' : '二等奖',
    });
}
