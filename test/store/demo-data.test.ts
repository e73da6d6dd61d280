// The demo data (`upskill demo`): seeded into a fresh store (the run's shared seeding,
// test/support/demo.ts; fewer people than the real demo, to keep the test short), it holds classes in
// every state for every class program, claims in every state, the §4.1 plans and §4.9 projects, an
// audit chain that verifies, the planted irregularities as described, and a login for every role that works.
import { ROLES } from '../../src/vocabulary/roles.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from '../../src/services/auth/sessions.ts';
import { CLASS_PROGRAMS } from '../../src/services/classes/class-application.ts';
import { reconcileMoney } from '../../src/services/audit/reconcile-money.ts';
import { verifyAuditChain } from '../../src/store/audit-log.ts';
import type { Store } from '../../src/store/database.ts';
import { DEMO_TODAY, PLANTED_IRREGULARITIES, type DemoActivity, type PlantedId } from '../../src/demo/seed-demo-activity.ts';
import { DEMO_PASSWORD, type DemoLogin } from '../../src/demo/seed-demo.ts';
import { openDemoStore } from '../support/demo.ts';

let store: Store;
let activity: DemoActivity;
let logins: DemoLogin[];
const day = (d: string | Date) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);
const planted = (id: PlantedId) => activity.planted.find((p) => p.id === id)!;

beforeAll(async () => {
  ({ store, activity, logins } = await openDemoStore());
}, 600_000); // it may wait for another file seeding the shared demo
afterAll(() => store?.close());

describe('Classes', () => {
  it('occur in every state, and every class program has classes', async () => {
    const rows = await store.db.selectFrom('classes').select(['program', 'status']).execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['draft', 'submitted', 'approved', 'returned', 'running', 'assessed', 'closed']),
    );
    expect(new Set(rows.map((r) => r.program))).toEqual(new Set(CLASS_PROGRAMS));
    expect(rows.length).toBeGreaterThanOrEqual(190);
  });

  it('§4.1 runs on apprenticeship plans (one advanced), §4.8 on claims, §4.9 on two projects', async () => {
    const plans = await store.db.selectFrom('apprenticeship_plans').select('status').execute();
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(['completed', 'listed', 'quit', 'submitted']));
    const advances = await store.db.selectFrom('advances').select(['kind', 'status']).execute();
    expect(advances.map((a) => a.kind).sort()).toEqual(['apprenticeship', 'project']);
    expect(await store.db.selectFrom('projects').select('id').execute()).toHaveLength(2);
    const programs = new Set((await store.db.selectFrom('claims').select('program').distinct().execute()).map((c) => c.program));
    for (const p of ['apprenticeship', 'work_for_training', 'living_allowance', 'appraisal', ...CLASS_PROGRAMS])
      expect(programs).toContain(p);
  });

  it('§4.3/§4.4 classes carry a content filing dated before their start', async () => {
    const rows = await store.db
      .selectFrom('classes')
      .innerJoin('content_filings as f', 'f.id', 'classes.filing_id')
      .select(['classes.start_date', 'f.filed_on', 'classes.program'])
      .where('classes.program', 'in', ['short_term', 'pre_job'])
      .execute();
    const all = await store.db.selectFrom('classes').select('id').where('program', 'in', ['short_term', 'pre_job']).execute();
    expect(rows).toHaveLength(all.length);
    for (const r of rows) expect(day(r.filed_on) < day(r.start_date)).toBe(true);
  });

  it('dates lie inside the plan (2020-01-14 … 2021-12-31); closed classes have attendance, results and certificates', async () => {
    const range = await sql<{ lo: string; hi: string }>`select min(start_date)::text as lo, max(end_date)::text as hi from classes`.execute(
      store.db,
    );
    expect(range.rows[0]!.lo >= '2020-01-14' && range.rows[0]!.hi <= '2021-12-31').toBe(true);
    const closed = await sql<{ n: number; missing: number }>`
      select count(*)::int as n,
        count(*) filter (where not exists (select 1 from certificates x where x.class_id = c.id)
          or not exists (select 1 from class_sessions s join attendance a on a.session_id = s.id where s.class_id = c.id))::int as missing
      from classes c where c.status = 'closed'`.execute(store.db);
    expect(closed.rows[0]!.n).toBeGreaterThan(100);
    expect(closed.rows[0]!.missing).toBe(0);
  });
});

describe('Claims', () => {
  it('occur in every state, and the decided ones with every outcome', async () => {
    const rows = await store.db.selectFrom('claims').select(['status', 'outcome']).execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['submitted', 'decided', 'reviewed', 'publicity', 'approved', 'paid', 'rejected', 'withdrawn']),
    );
    expect(new Set(rows.filter((r) => r.status === 'decided').map((r) => r.outcome))).toEqual(
      new Set(['eligible', 'ineligible', 'undecided']),
    );
  });

  it('living allowances name their §4.6 training claim of the same person', async () => {
    const rows = await store.db
      .selectFrom('claims as a')
      .innerJoin('claims as t', 't.id', 'a.training_claim_id')
      .select(['a.resident_id as a', 't.resident_id as t', 't.program'])
      .where('a.program', '=', 'living_allowance')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r.a, r.program]).toEqual([r.t, 'employment_skill']);
  });

  it('publicity: an open notice, one paused by an objection, a closed one whose upheld objection rejected a claim; one batch paid', async () => {
    const notices = await store.db.selectFrom('publicity_notices').select(['status', 'ends_on']).execute();
    expect(notices.some((n) => n.status === 'open' && day(n.ends_on) > DEMO_TODAY)).toBe(true);
    expect(notices.some((n) => n.status === 'paused')).toBe(true);
    expect(notices.some((n) => n.status === 'closed')).toBe(true);
    const objections = await store.db.selectFrom('objections').select('status').execute();
    expect(objections.map((o) => o.status).sort()).toEqual(['open', 'upheld']);
    const batches = await store.db.selectFrom('payment_batches').select('status').execute();
    expect(batches.map((b) => b.status)).toContain('paid');
    const paid = await store.db.selectFrom('claims').select('id').where('status', '=', 'paid').execute();
    expect((await store.db.selectFrom('payments').select('claim_id').execute()).length).toBe(paid.length);
  });

  it('publicity runs under the business date: every notice started on or after the day it was published, closed after its last working day; objections are dated when received and resolved', async () => {
    const notices = await store.db
      .selectFrom('publicity_notices')
      .select(['status', 'starts_on', 'ends_on', 'published_on', 'closed_on'])
      .execute();
    for (const n of notices) {
      expect(day(n.starts_on) >= day(n.published_on!)).toBe(true);
      if (n.status === 'closed') expect(day(n.closed_on!) > day(n.ends_on)).toBe(true);
      else expect(n.closed_on).toBeNull();
    }
    const objections = await store.db
      .selectFrom('objections')
      .select(['status', 'received_on', 'resolved_on'])
      .orderBy('received_on')
      .execute();
    expect(objections.map((o) => [o.status, day(o.received_on!), o.resolved_on && day(o.resolved_on)])).toEqual([
      ['upheld', '2021-07-07', '2021-07-14'],
      ['open', DEMO_TODAY, null],
    ]);
  });

  it('one R3 exception, recorded by the city with its reason, on a claim that failed R3 alone', async () => {
    const rows = await store.db.selectFrom('claims').selectAll().where('r3_exception_reason', 'is not', null).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: activity.r3ExceptionClaimId,
      outcome: 'ineligible',
      r3_exception_by: 'city:city',
      program: 'work_for_training',
    });
    expect(rows[0]!.r3_exception_reason).toContain('原则上');
  });
});

describe('The audit log', () => {
  it('verifies, and labels every planted case', async () => {
    const verdict = await verifyAuditChain(store.db);
    expect(verdict.ok).toBe(true);
    const labels = await store.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'demo.planted').execute();
    expect(labels.map((l) => l.entity_id).sort()).toEqual(PLANTED_IRREGULARITIES.map((p) => p.id).sort());
  });

  it('every payment, reservation, batch line, advance and fund budget of the demo agrees with the amount its audit entry recorded', async () => {
    expect(
      Number(
        (
          await store.db
            .selectFrom('payments')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(0);
    expect(await reconcileMoney(store.db)).toEqual([]);
  });
});

describe('The planted irregularities', () => {
  it('PLANT-PENSIONER: the class was returned at review for the person entitled to a pension', async () => {
    const p = planted('PLANT-PENSIONER');
    const cls = await store.db.selectFrom('classes').selectAll().where('id', '=', p.classIds[0]!).executeTakeFirstOrThrow();
    expect(cls.status).toBe('returned');
    expect(cls.review_note).toContain('养老金');
    expect(p.note).toContain('R5');
    const onRoster = await store.db
      .selectFrom('class_trainees')
      .select('resident_id')
      .where('class_id', '=', cls.id)
      .where('resident_id', '=', p.residentIds[0]!)
      .execute();
    expect(onRoster).toHaveLength(1);
    const fact = await store.db
      .selectFrom('person_facts')
      .select(['value', 'as_of'])
      .where('resident_id', '=', p.residentIds[0]!)
      .where('fact', '=', 'pensionEntitled')
      .orderBy('as_of', 'desc')
      .executeTakeFirstOrThrow();
    expect(fact.value).toBe(true);
    expect(day(fact.as_of) <= day(cls.start_date)).toBe(true);
  });

  it('PLANT-PENSION-LATE: the late pension record leaves the paid claim as it was and raises an open case for its office', async () => {
    const p = planted('PLANT-PENSION-LATE');
    const claim = await store.db
      .selectFrom('claims')
      .select(['status', 'outcome'])
      .where('id', '=', p.claimIds[0]!)
      .executeTakeFirstOrThrow();
    expect(claim).toEqual({ status: 'paid', outcome: 'eligible' });
    const cases = await store.db.selectFrom('fact_cases').selectAll().where('claim_id', '=', p.claimIds[0]!).execute();
    expect(cases).toMatchObject([
      {
        status: 'open',
        claim_status: 'paid',
        fact: 'pensionEntitled',
        before_outcome: 'eligible',
        after_outcome: 'ineligible',
        after_amount_fen: 0,
      },
    ]);
  });

  it('PLANT-OVERLAP: one person on a running and a submitted class whose sessions overlap', async () => {
    const p = planted('PLANT-OVERLAP');
    const classes = await store.db
      .selectFrom('classes')
      .select(['id', 'status', 'review_problems'])
      .where('id', 'in', p.classIds)
      .execute();
    expect(classes.map((c) => c.status).sort()).toEqual(['running', 'submitted']);
    const rosters = await store.db
      .selectFrom('class_trainees')
      .select('class_id')
      .where('resident_id', '=', p.residentIds[0]!)
      .where('class_id', 'in', p.classIds)
      .execute();
    expect(rosters).toHaveLength(2);
    const clash = await sql<{ n: number }>`
      select count(*)::int as n from class_sessions a join class_sessions b on a.day = b.day and a.starts_at < b.ends_at and b.starts_at < a.ends_at
      where a.class_id = ${p.classIds[0]!} and b.class_id = ${p.classIds[1]!}`.execute(store.db);
    expect(clash.rows[0]!.n).toBeGreaterThan(0);
    const submitted = classes.find((c) => c.status === 'submitted')!;
    expect(JSON.stringify(submitted.review_problems)).toContain('培训时间冲突');
  });

  it('PLANT-SAME-MINUTE: every sign-in of each session of the class falls in one minute; elsewhere they spread', async () => {
    const spread = await sql<{ class_id: string; minutes: number }>`
      select s.class_id, max(m)::int as minutes from (
        select s.class_id, s.id, count(distinct date_trunc('minute', a.signed_at)) as m
        from class_sessions s join attendance a on a.session_id = s.id and a.present group by s.class_id, s.id) x
      join class_sessions s on s.id = x.id group by s.class_id`.execute(store.db);
    const byClass = new Map(spread.rows.map((r) => [r.class_id, r.minutes]));
    expect(byClass.get(planted('PLANT-SAME-MINUTE').classIds[0]!)).toBe(1);
    expect([...byClass.values()].filter((m) => m > 1).length).toBeGreaterThan(byClass.size * 0.8);
    const stamps = await sql<{
      lo: string;
      hi: string;
    }>`select min(signed_at)::text as lo, max(signed_at)::text as hi from attendance`.execute(store.db);
    expect(stamps.rows[0]!.lo >= '2020' && stamps.rows[0]!.hi < '2022').toBe(true);
  });

  it('PLANT-SHORT-HOURS: a closed §4.2 class far below its catalog hours', async () => {
    const cls = await store.db
      .selectFrom('classes')
      .selectAll()
      .where('id', '=', planted('PLANT-SHORT-HOURS').classIds[0]!)
      .executeTakeFirstOrThrow();
    const entry = await store.db
      .selectFrom('catalog_entries')
      .select('hours')
      .where('section', '=', 'upgrade')
      .where('code', '=', cls.occupation_code!)
      .where('level', '=', cls.level!)
      .executeTakeFirstOrThrow();
    expect([cls.program, cls.status]).toEqual(['skill_upgrade', 'closed']);
    expect(Number(cls.hours) * 4).toBeLessThanOrEqual(Number(entry.hours));
  });

  it('PLANT-CERT-REUSE: one certificate number under two types, for two people', async () => {
    const p = planted('PLANT-CERT-REUSE');
    const number = /证书编号 (\S+) /.exec(p.note)![1]!;
    const certs = await store.db
      .selectFrom('certificates')
      .select(['type', 'resident_id', 'class_id'])
      .where('number', '=', number)
      .execute();
    expect(certs.map((c) => c.type).sort()).toEqual(['skill_level', 'training']);
    expect(new Set(certs.map((c) => c.resident_id)).size).toBe(2);
  });

  it('the evaluation body has its own login, and that login issued the body’s certificates into the registry', async () => {
    expect(logins.find((l) => l.username === 'pingjia')).toMatchObject({ role: 'evaluator' });
    const byLogin = await store.db
      .selectFrom('registry_certificates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('recorded_by', '=', 'evaluator:pingjia')
      .executeTakeFirstOrThrow();
    expect(Number(byLogin.n)).toBeGreaterThan(0);
  });

  it('PLANT-PREJOB-VETERAN: a §4.4 claim as a new hire by an enterprise that trained the person as its employee in 2020', async () => {
    const p = planted('PLANT-PREJOB-VETERAN');
    const claim = await store.db.selectFrom('claims').selectAll().where('id', '=', p.claimIds[0]!).executeTakeFirstOrThrow();
    expect([claim.program, claim.new_hire, claim.resident_id]).toEqual(['pre_job', true, p.residentIds[0]]);
    const earlier = await store.db
      .selectFrom('class_trainees')
      .innerJoin('classes', 'classes.id', 'class_trainees.class_id')
      .select(['classes.start_date', 'class_trainees.employer_uscc'])
      .where('class_trainees.resident_id', '=', claim.resident_id)
      .where('classes.id', '=', p.classIds[0]!)
      .executeTakeFirstOrThrow();
    expect(earlier.employer_uscc).toBe(claim.enterprise_uscc);
    expect(day(earlier.start_date) < '2021-01-01').toBe(true);
  });
});

describe('Logins', () => {
  it('every demo login logs in with the demo password, one for every role', async () => {
    expect(new Set(logins.map((l) => l.role))).toEqual(new Set(ROLES));
    for (const l of logins) {
      const { actor } = await logIn(store.db, l.username, DEMO_PASSWORD, '127.0.0.1');
      expect(actor.username).toBe(l.username);
    }
  }, 60_000);
});
