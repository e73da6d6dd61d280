// Each fraud-risk rule (§5.2/§5.3) finds its planted case, with the right evidence rows and
// clause, and stays silent on a clean near-miss planted beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RISK_PARAMETERS } from '../../../src/services/risk/risk-parameters.ts';
import { certificateReuse } from '../../../src/services/risk/rules/certificate-reuse.ts';
import { copiedRoster } from '../../../src/services/risk/rules/copied-roster.ts';
import { excessDailyHours } from '../../../src/services/risk/rules/excess-daily-hours.ts';
import { overlappingAttendance } from '../../../src/services/risk/rules/overlapping-attendance.ts';
import { overlappingClaims } from '../../../src/services/risk/rules/overlapping-claims.ts';
import { pensionTrainee } from '../../../src/services/risk/rules/pension-trainee.ts';
import { preJobLongEmployed } from '../../../src/services/risk/rules/pre-job-long-employed.ts';
import type { RawFinding, RiskRule } from '../../../src/services/risk/rules/rule-kit.ts';
import { sameMinuteSignin } from '../../../src/services/risk/rules/same-minute-signin.ts';
import { shortCourse } from '../../../src/services/risk/rules/short-course.ts';
import { manualMarksShare } from '../../../src/services/risk/rules/manual-marks-share.ts';
import { sharedSigninDevice } from '../../../src/services/risk/rules/shared-signin-device.ts';
import { signinOutsideWindow } from '../../../src/services/risk/rules/signin-outside-window.ts';
import { signinTwoClasses } from '../../../src/services/risk/rules/signin-two-classes.ts';
import { studentInTerm } from '../../../src/services/risk/rules/student-in-term.ts';
import { teacherDoubleBooked } from '../../../src/services/risk/rules/teacher-double-booked.ts';
import { venueDoubleBooked } from '../../../src/services/risk/rules/venue-double-booked.ts';
import type { Store } from '../../../src/store/database.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { inTransaction, type Tx } from '../../../src/store/transaction.ts';
import { insertEnterprise, insertProvider, uscc } from '../../support/claims-fixtures.ts';
import { openTestStore } from '../../support/store.ts';
import { insertCertificate, insertClaim, insertClass, manualMarks, people, signIns } from './risk-fixtures.ts';

let store: Store;
const plant = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(store.db, work);
const run = (rule: RiskRule) => inTransaction(store.db, (tx) => rule.run(tx, RISK_PARAMETERS));
/** The findings of a rule that name a class (as a subject). */
const naming = (findings: RawFinding[], classId: string) => findings.filter((f) => f.subjects.classes?.some((c) => c.id === classId));
const namingClaim = (findings: RawFinding[], claimId: string) => findings.filter((f) => f.subjects.claims?.includes(claimId));

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx);
    for (const p of ['RP-1', 'RP-2', 'RP-3']) await insertProvider(tx, p);
    await insertEnterprise(tx, { uscc: uscc(501) });
    await insertEnterprise(tx, { uscc: uscc(502) });
  });
}, 60_000);
afterAll(() => store?.close());

describe('overlapping_attendance: one person in two classes at once', () => {
  it('finds trainees on two classes whose sessions overlap on the same day, naming both classes, the sessions and the people', async () => {
    const [p1, p2, p3] = await plant((tx) => people(tx, 3));
    await plant(async (tx) => {
      await insertClass(tx, {
        id: 'OA-1',
        providerId: 'RP-1',
        start: '2020-05-04',
        end: '2020-05-08',
        trainees: [p1!, p2!],
        sessions: [{ day: '2020-05-06', from: '09:00', to: '12:00' }],
      });
      await insertClass(tx, {
        id: 'OA-2',
        providerId: 'RP-2',
        start: '2020-05-06',
        end: '2020-05-10',
        trainees: [p1!, p2!, p3!],
        sessions: [{ day: '2020-05-06', from: '11:00', to: '14:00' }],
      });
    });
    const found = naming((await run(overlappingAttendance)).findings, 'OA-1');
    expect(found).toHaveLength(1);
    const f = found[0]!;
    expect(f.explanation).toContain('2 名学员同时在培训班 OA-1 和 OA-2 上课');
    expect(f.evidence.overlappingSessions).toEqual([{ day: '2020-05-06', a: '09:00–12:00', b: '11:00–14:00' }]);
    expect((f.evidence.trainees as { residentId: string }[]).map((t) => t.residentId)).toEqual([p1, p2].sort());
    expect(f.subjects.classes).toContainEqual({ id: 'OA-2', residentId: p1 });
    expect(f.subjects.classes?.some((c) => c.residentId === p3)).toBe(false);
  });

  it('uses date ranges when a class has no sessions on record', async () => {
    const [p] = await plant((tx) => people(tx, 1));
    await plant(async (tx) => {
      await insertClass(tx, {
        id: 'OA-3',
        providerId: 'RP-1',
        start: '2020-06-01',
        end: '2020-06-10',
        trainees: [p!],
        sessions: [{ day: '2020-06-02', from: '09:00', to: '12:00' }],
      });
      await insertClass(tx, { id: 'OA-4', providerId: 'RP-2', start: '2020-06-10', end: '2020-06-20', trainees: [p!] });
    });
    const f = naming((await run(overlappingAttendance)).findings, 'OA-4');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence.byDateRangeOnly).toBe(true);
    expect(f[0]!.explanation).toContain('没有课次安排');
  });

  it('does not flag sessions that touch but do not overlap, nor a class still in draft', async () => {
    const [p] = await plant((tx) => people(tx, 1));
    await plant(async (tx) => {
      await insertClass(tx, {
        id: 'OA-5',
        providerId: 'RP-1',
        start: '2020-07-01',
        end: '2020-07-03',
        trainees: [p!],
        sessions: [{ day: '2020-07-01', from: '09:00', to: '12:00' }],
      });
      await insertClass(tx, {
        id: 'OA-6',
        providerId: 'RP-2',
        start: '2020-07-01',
        end: '2020-07-03',
        trainees: [p!],
        sessions: [{ day: '2020-07-01', from: '12:00', to: '15:00' }],
      });
      await insertClass(tx, {
        id: 'OA-7',
        providerId: 'RP-2',
        status: 'draft',
        start: '2020-07-01',
        end: '2020-07-03',
        trainees: [p!],
        sessions: [{ day: '2020-07-01', from: '10:00', to: '11:00' }],
      });
    });
    const all = (await run(overlappingAttendance)).findings;
    expect(naming(all, 'OA-5')).toEqual([]);
    expect(naming(all, 'OA-7')).toEqual([]);
  });
});

describe('overlapping_claims: two providers claiming one person for the same period', () => {
  it('finds the two claims, their providers and the person; not one of the same provider, a later period or a withdrawn claim', async () => {
    const [p, q] = await plant((tx) => people(tx, 2));
    await plant(async (tx) => {
      await insertClaim(tx, { id: 'OC-1', residentId: p!, providerId: 'RP-1', start: '2020-03-01', end: '2020-03-31' });
      await insertClaim(tx, { id: 'OC-2', residentId: p!, providerId: 'RP-2', start: '2020-03-31', end: '2020-04-20', status: 'paid' });
      await insertClaim(tx, { id: 'OC-3', residentId: p!, providerId: 'RP-3', start: '2020-04-21', end: '2020-05-20' }); // touches none (starts the day after OC-2 ends)
      await insertClaim(tx, { id: 'OC-4', residentId: q!, providerId: 'RP-1', start: '2020-03-01', end: '2020-03-31' });
      await insertClaim(tx, { id: 'OC-5', residentId: q!, providerId: 'RP-1', start: '2020-03-10', end: '2020-03-20' }); // same provider
      await insertClaim(tx, {
        id: 'OC-6',
        residentId: q!,
        providerId: 'RP-2',
        start: '2020-03-10',
        end: '2020-03-20',
        status: 'withdrawn',
      });
    });
    const all = (await run(overlappingClaims)).findings;
    const f = namingClaim(all, 'OC-1');
    expect(f).toHaveLength(1);
    expect(f[0]!.subjects.claims).toEqual(['OC-1', 'OC-2']);
    expect(f[0]!.subjects.providers).toEqual(['RP-1', 'RP-2']);
    expect(f[0]!.evidence.residentId).toBe(p);
    expect(f[0]!.explanation).toContain('培训期重叠');
    expect(namingClaim(all, 'OC-3')).toEqual([]);
    expect(namingClaim(all, 'OC-4')).toEqual([]);
  });
});

describe('pension_trainee: trainees entitled to a pension on the start date (R5)', () => {
  it('flags a pensioner, not someone entitled only after the start, and counts the unknown without flagging them', async () => {
    const [pensioner] = await plant((tx) => people(tx, 1, [{ fact: 'pensionEntitled', value: true, asOf: '2019-06-01' }]));
    const [later] = await plant((tx) =>
      people(tx, 1, [
        { fact: 'pensionEntitled', value: false, asOf: '2019-01-01' },
        { fact: 'pensionEntitled', value: true, asOf: '2020-09-02' },
      ]),
    );
    const [unknown] = await plant((tx) => people(tx, 1));
    await plant((tx) =>
      insertClass(tx, { id: 'PT-1', providerId: 'RP-1', start: '2020-09-01', end: '2020-10-30', trainees: [pensioner!, later!, unknown!] }),
    );
    const result = await run(pensionTrainee);
    const f = naming(result.findings, 'PT-1');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence).toMatchObject({
      residentId: pensioner,
      classId: 'PT-1',
      fact: { fact: 'pensionEntitled', value: true, asOf: '2019-06-01' },
    });
    expect(f[0]!.explanation).toContain('已具有按月领取养老金资格');
    expect(result.unknown?.count).toBeGreaterThanOrEqual(1);
    expect(result.unknown?.note).toContain('不视为非养老金领取者');
  });
});

describe('student_in_term: in-school students trained as employees in term time', () => {
  it('flags a student on an employee class with sessions in term, not the same student in the summer holiday, nor a non-student', async () => {
    const [student] = await plant((tx) => people(tx, 1, [{ fact: 'in_school_student', value: true, asOf: '2019-09-01' }]));
    const [worker] = await plant((tx) => people(tx, 1, [{ fact: 'in_school_student', value: false, asOf: '2019-09-01' }]));
    await plant(async (tx) => {
      await insertClass(tx, {
        id: 'ST-1',
        providerId: 'RP-1',
        program: 'short_term',
        start: '2020-05-11',
        end: '2020-05-15',
        trainees: [student!, worker!],
        sessions: [{ day: '2020-05-12', from: '09:00', to: '12:00' }],
      });
      await insertClass(tx, {
        id: 'ST-2',
        providerId: 'RP-1',
        program: 'short_term',
        start: '2020-07-13',
        end: '2020-07-17',
        trainees: [student!],
        sessions: [{ day: '2020-07-14', from: '09:00', to: '12:00' }],
      });
      await insertClass(tx, {
        id: 'ST-3',
        providerId: 'RP-1',
        program: 'employment_skill',
        start: '2020-05-11',
        end: '2020-05-15',
        trainees: [student!],
        sessions: [{ day: '2020-05-12', from: '14:00', to: '17:00' }],
      });
    });
    const all = (await run(studentInTerm)).findings;
    const f = naming(all, 'ST-1');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence.termDays).toEqual(['2020-05-12']);
    expect((f[0]!.evidence.trainees as { residentId: string }[]).map((t) => t.residentId)).toEqual([student]);
    expect(naming(all, 'ST-2')).toEqual([]); // 7/14: summer holiday
    expect(naming(all, 'ST-3')).toEqual([]); // §4.6 trains students as students
  });
});

describe('copied_roster: a roster largely copied from another class', () => {
  it('flags 9 of 10 shared (Jaccard 0.82), not 7 of 10 shared (Jaccard 0.54)', async () => {
    const base = await plant((tx) => people(tx, 12));
    const other = await plant((tx) => people(tx, 12));
    await plant(async (tx) => {
      await insertClass(tx, { id: 'CR-1', providerId: 'RP-1', start: '2020-04-01', end: '2020-04-30', trainees: base.slice(0, 10) });
      await insertClass(tx, {
        id: 'CR-2',
        providerId: 'RP-2',
        start: '2020-08-01',
        end: '2020-08-30',
        trainees: [...base.slice(0, 9), other[0]!],
      });
      await insertClass(tx, { id: 'CR-3', providerId: 'RP-1', start: '2020-04-01', end: '2020-04-30', trainees: other.slice(2, 12) });
      await insertClass(tx, {
        id: 'CR-4',
        providerId: 'RP-2',
        start: '2020-09-01',
        end: '2020-09-30',
        trainees: [...other.slice(2, 9), ...base.slice(10, 12), other[1]!],
      });
    });
    const all = (await run(copiedRoster)).findings;
    const f = naming(all, 'CR-2');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence).toMatchObject({ shared: 9, likelyCopy: 'CR-2' });
    expect(f[0]!.evidence.jaccard).toBeCloseTo(9 / 11, 3);
    expect((f[0]!.evidence.sharedTrainees as unknown[]).length).toBe(9);
    expect(f[0]!.explanation).toContain('培训班 CR-2 的花名册与培训班 CR-1 高度重合');
    expect(naming(all, 'CR-4')).toEqual([]);
  });
});

describe('teacher_double_booked and venue_double_booked: two places at once', () => {
  it('flags a teacher teaching at two venues at overlapping times; not when the sessions only touch', async () => {
    const [p, q] = await plant((tx) => people(tx, 2));
    await plant(async (tx) => {
      await insertClass(tx, {
        id: 'TD-1',
        providerId: 'RP-1',
        venue: '仁和区职教中心',
        teachers: ['李明'],
        start: '2020-10-12',
        end: '2020-10-16',
        trainees: [p!],
        sessions: [{ day: '2020-10-13', from: '09:00', to: '12:00' }],
      });
      await insertClass(tx, {
        id: 'TD-2',
        providerId: 'RP-2',
        venue: '米易县培训基地',
        teachers: ['李明', '张华'],
        start: '2020-10-12',
        end: '2020-10-16',
        trainees: [q!],
        sessions: [{ day: '2020-10-13', from: '10:00', to: '11:30', hours: 1.5 }],
      });
      await insertClass(tx, {
        id: 'TD-3',
        providerId: 'RP-2',
        venue: '盐边县培训基地',
        teachers: ['张华'],
        start: '2020-10-12',
        end: '2020-10-16',
        trainees: [q!],
        sessions: [{ day: '2020-10-13', from: '11:30', to: '13:30' }],
      });
    });
    const all = (await run(teacherDoubleBooked)).findings;
    const f = naming(all, 'TD-1');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence).toMatchObject({
      teacher: '李明',
      overlappingSessions: [{ day: '2020-10-13', a: '09:00–12:00', b: '10:00–11:30' }],
    });
    expect(f[0]!.explanation).toContain('教师“李明”同一时间出现在两个地点');
    expect(naming(all, 'TD-3')).toEqual([]); // 张华: 10:00–11:30 then 11:30–13:30, touching
  });

  it('flags a venue used by two classes at overlapping times (spaces and case ignored); not on different days', async () => {
    const [p] = await plant((tx) => people(tx, 1));
    await plant(async (tx) => {
      await insertClass(tx, {
        id: 'VD-1',
        providerId: 'RP-1',
        venue: '东区 实训楼A201',
        start: '2020-11-02',
        end: '2020-11-06',
        trainees: [p!],
        sessions: [{ day: '2020-11-03', from: '14:00', to: '17:00' }],
      });
      await insertClass(tx, {
        id: 'VD-2',
        providerId: 'RP-3',
        venue: '东区实训楼a201',
        start: '2020-11-02',
        end: '2020-11-06',
        trainees: [],
        sessions: [{ day: '2020-11-03', from: '16:00', to: '18:00' }],
      });
      await insertClass(tx, {
        id: 'VD-3',
        providerId: 'RP-3',
        venue: '东区实训楼A201',
        start: '2020-11-02',
        end: '2020-11-06',
        trainees: [],
        sessions: [{ day: '2020-11-04', from: '14:00', to: '17:00' }],
      });
    });
    const all = (await run(venueDoubleBooked)).findings;
    const f = naming(all, 'VD-1');
    expect(f).toHaveLength(1);
    expect(f[0]!.subjects.classes).toEqual([{ id: 'VD-1' }, { id: 'VD-2' }]);
    expect(f[0]!.evidence.overlappingSessions).toEqual([{ day: '2020-11-03', a: '14:00–17:00', b: '16:00–18:00' }]);
    expect(naming(all, 'VD-3')).toEqual([]);
  });
});

describe('implausible attendance', () => {
  it('same_minute_signin: everyone of a session within 60 seconds is flagged; spread over 10 minutes is not', async () => {
    const ps = await plant((tx) => people(tx, 6));
    const [s1, s2] = await plant((tx) =>
      insertClass(tx, {
        id: 'SM-1',
        providerId: 'RP-1',
        start: '2020-05-18',
        end: '2020-05-22',
        trainees: ps,
        sessions: [
          { day: '2020-05-18', from: '09:00', to: '12:00' },
          { day: '2020-05-19', from: '09:00', to: '12:00' },
        ],
      }),
    );
    await plant(async (tx) => {
      await signIns(
        tx,
        s1!,
        ps.map((r, i) => ({ residentId: r, at: `2020-05-18 08:55:${String(10 + i * 8).padStart(2, '0')}` })),
      );
      await signIns(
        tx,
        s2!,
        ps.map((r, i) => ({ residentId: r, at: `2020-05-19 08:${String(48 + i * 2)}:00` })),
      );
    });
    const f = naming((await run(sameMinuteSignin)).findings, 'SM-1');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence.sessions).toEqual([
      {
        sessionId: s1,
        day: '2020-05-18',
        signers: 6,
        firstSignIn: '2020-05-18 08:55:10',
        lastSignIn: '2020-05-18 08:55:50',
        spreadSeconds: 40,
      },
    ]);
    expect(f[0]!.explanation).toContain('全体学员在 60 秒内完成扫码签到');
  });

  it('same_minute_signin reads only QR sign-ins: presences the provider entered by hand are not sign-in times', async () => {
    const ps = await plant((tx) => people(tx, 6));
    const [s1] = await plant((tx) =>
      insertClass(tx, {
        id: 'SM-2',
        providerId: 'RP-3',
        start: '2020-05-25',
        end: '2020-05-29',
        trainees: ps,
        sessions: [{ day: '2020-05-25', from: '09:00', to: '12:00' }],
      }),
    );
    await plant((tx) => manualMarks(tx, s1!, ps));
    expect(naming((await run(sameMinuteSignin)).findings, 'SM-2')).toEqual([]);
  });

  it('signin_outside_window: a QR sign-in two days later or two hours early is flagged; 50 minutes early and during the session are not', async () => {
    const [p, q, r, t] = await plant((tx) => people(tx, 4));
    const [s] = await plant((tx) =>
      insertClass(tx, {
        id: 'SW-1',
        providerId: 'RP-1',
        start: '2020-06-08',
        end: '2020-06-12',
        trainees: [p!, q!, r!, t!],
        sessions: [{ day: '2020-06-08', from: '19:00', to: '21:00' }],
      }),
    );
    await plant((tx) =>
      signIns(tx, s!, [
        { residentId: p!, at: '2020-06-10 10:00:00' },
        { residentId: q!, at: '2020-06-08 18:10:00' },
        { residentId: r!, at: '2020-06-08 20:30:00' },
        { residentId: t!, at: '2020-06-08 16:59:00' },
      ]),
    );
    const f = naming((await run(signinOutsideWindow)).findings, 'SW-1');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence.signIns).toEqual(
      [
        {
          sessionId: s,
          day: '2020-06-08',
          session: '19:00–21:00',
          residentId: p,
          personName: expect.any(String),
          signedAt: '2020-06-10 10:00:00',
        },
        {
          sessionId: s,
          day: '2020-06-08',
          session: '19:00–21:00',
          residentId: t,
          personName: expect.any(String),
          signedAt: '2020-06-08 16:59:00',
        },
      ].sort((x, y) => (x.residentId! < y.residentId! ? -1 : 1)),
    );
    expect(f[0]!.explanation).toContain('开课前 60 分钟');
  });

  it('shared_signin_device: one phone signing in two people to a session is flagged; each on their own phone is not', async () => {
    const [p, q, r] = await plant((tx) => people(tx, 3));
    const [s1, s2] = await plant((tx) =>
      insertClass(tx, {
        id: 'SD-1',
        providerId: 'RP-1',
        start: '2020-06-15',
        end: '2020-06-19',
        trainees: [p!, q!, r!],
        sessions: [
          { day: '2020-06-15', from: '09:00', to: '12:00' },
          { day: '2020-06-16', from: '09:00', to: '12:00' },
        ],
      }),
    );
    await plant(async (tx) => {
      await signIns(tx, s1!, [
        { residentId: p!, at: '2020-06-15 08:50:00', device: 'one-phone' },
        { residentId: q!, at: '2020-06-15 08:51:30', device: 'one-phone' },
        { residentId: r!, at: '2020-06-15 08:52:00' },
      ]);
      await signIns(tx, s2!, [
        { residentId: p!, at: '2020-06-16 08:50:00' },
        { residentId: q!, at: '2020-06-16 08:51:30' },
      ]);
    });
    const f = naming((await run(sharedSigninDevice)).findings, 'SD-1');
    expect(f).toHaveLength(1);
    expect((f[0]!.evidence.sessions as { sessionId: number }[]).map((x) => x.sessionId)).toEqual([s1]);
    expect(f[0]!.subjects.classes!.map((c) => c.residentId).sort()).toEqual([p, q].sort());
    expect(f[0]!.explanation).toContain('同一设备');
  });

  it('signin_two_classes: one person signed in to two overlapping sessions of two classes is flagged; touching sessions are not', async () => {
    const [p, q] = await plant((tx) => people(tx, 2));
    const [a] = await plant((tx) =>
      insertClass(tx, {
        id: 'TC-1',
        providerId: 'RP-1',
        start: '2020-06-22',
        end: '2020-06-26',
        trainees: [p!, q!],
        sessions: [{ day: '2020-06-22', from: '09:00', to: '12:00' }],
      }),
    );
    const [b, c] = await plant((tx) =>
      insertClass(tx, {
        id: 'TC-2',
        providerId: 'RP-2',
        start: '2020-06-22',
        end: '2020-06-26',
        trainees: [p!, q!],
        sessions: [
          { day: '2020-06-22', from: '10:00', to: '12:00' },
          { day: '2020-06-22', from: '12:00', to: '14:00' },
        ],
      }),
    );
    await plant(async (tx) => {
      await signIns(tx, a!, [
        { residentId: p!, at: '2020-06-22 08:55:00' },
        { residentId: q!, at: '2020-06-22 08:56:00' },
      ]);
      await signIns(tx, b!, [{ residentId: p!, at: '2020-06-22 09:58:00' }]);
      await signIns(tx, c!, [{ residentId: q!, at: '2020-06-22 11:58:00' }]);
    });
    const f = (await run(signinTwoClasses)).findings.filter((x) => x.subjects.classes?.some((s) => s.id === 'TC-1'));
    expect(f).toHaveLength(1);
    expect(f[0]!.subjects.classes).toEqual([
      { id: 'TC-1', residentId: p },
      { id: 'TC-2', residentId: p },
    ]);
    expect(f[0]!.explanation).toContain('一人不可能同时在两处上课');
  });

  it('manual_marks_share: a class with 8 of 20 presences entered by hand is flagged with its reasons, its provider too; 6 of 20 and migrated marks are not', async () => {
    const ps = await plant((tx) => people(tx, 10));
    await plant(async (tx) => {
      await insertProvider(tx, 'RP-M');
      await insertProvider(tx, 'RP-N');
    });
    const [m1, m2] = await plant((tx) =>
      insertClass(tx, {
        id: 'MS-1',
        providerId: 'RP-M',
        start: '2020-07-06',
        end: '2020-07-10',
        trainees: ps,
        sessions: [
          { day: '2020-07-06', from: '09:00', to: '12:00' },
          { day: '2020-07-07', from: '09:00', to: '12:00' },
        ],
      }),
    );
    const [n1, n2, n3] = await plant((tx) =>
      insertClass(tx, {
        id: 'MS-2',
        providerId: 'RP-N',
        start: '2020-07-06',
        end: '2020-07-10',
        trainees: ps,
        sessions: [
          { day: '2020-07-08', from: '14:00', to: '17:00' },
          { day: '2020-07-09', from: '14:00', to: '17:00' },
          { day: '2020-07-10', from: '14:00', to: '17:00' },
        ],
      }),
    );
    await plant(async (tx) => {
      await signIns(
        tx,
        m1!,
        ps.map((r, i) => ({ residentId: r, at: `2020-07-06 08:${String(40 + i).padStart(2, '0')}:00` })),
      );
      await signIns(
        tx,
        m2!,
        ps.slice(0, 2).map((r, i) => ({ residentId: r, at: `2020-07-07 08:${String(40 + i).padStart(2, '0')}:00` })),
      );
      await manualMarks(tx, m2!, ps.slice(2, 7), '设备故障');
      await manualMarks(tx, m2!, ps.slice(7), '忘带手机');
      // MS-2: 6 of 20 by hand (30%, not above), and 10 migrated marks that count neither way.
      await signIns(
        tx,
        n1!,
        ps.map((r, i) => ({ residentId: r, at: `2020-07-08 13:${String(40 + i).padStart(2, '0')}:00` })),
      );
      await signIns(
        tx,
        n2!,
        ps.slice(0, 4).map((r, i) => ({ residentId: r, at: `2020-07-09 13:${String(40 + i).padStart(2, '0')}:00` })),
      );
      await manualMarks(tx, n2!, ps.slice(4), '网络故障');
      await manualMarks(tx, n3!, ps, '历史数据');
    });
    const findings = (await run(manualMarksShare)).findings;
    const f = naming(findings, 'MS-1');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence).toMatchObject({ presences: 20, manual: 8, share: 0.4, reasons: { 设备故障: 5, 忘带手机: 3 } });
    expect(f[0]!.explanation).toContain('40%');
    expect(naming(findings, 'MS-2')).toEqual([]);
    expect(findings.filter((x) => x.subjects.providers?.includes('RP-M'))).toHaveLength(1);
    expect(findings.filter((x) => x.subjects.providers?.includes('RP-N'))).toEqual([]);
  });

  it('excess_daily_hours: 11 hours on one day is flagged; exactly 10 is not', async () => {
    await plant(async (tx) => {
      await insertClass(tx, {
        id: 'EH-1',
        providerId: 'RP-1',
        start: '2020-06-15',
        end: '2020-06-16',
        trainees: [],
        sessions: [
          { day: '2020-06-15', from: '07:00', to: '12:00' },
          { day: '2020-06-15', from: '13:00', to: '19:00' },
          { day: '2020-06-16', from: '08:00', to: '12:00' },
        ],
      });
      await insertClass(tx, {
        id: 'EH-2',
        providerId: 'RP-1',
        start: '2020-06-15',
        end: '2020-06-15',
        trainees: [],
        sessions: [
          { day: '2020-06-15', from: '08:00', to: '12:00' },
          { day: '2020-06-15', from: '13:00', to: '19:00' },
        ],
      });
    });
    const all = (await run(excessDailyHours)).findings;
    const f = naming(all, 'EH-1');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence.days).toEqual([
      {
        day: '2020-06-15',
        hours: 11,
        sessions: [
          { sessionId: expect.any(Number), time: '07:00–12:00', hours: 5 },
          { sessionId: expect.any(Number), time: '13:00–19:00', hours: 6 },
        ],
      },
    ]);
    expect(naming(all, 'EH-2')).toEqual([]);
  });

  it('short_course: hours below 50% of the catalog entry in force on the start date are flagged; 50% exactly is not; no entry hours is unknown', async () => {
    // 露天采矿工 四级 (6-16-01-03, level 4): 180 catalog hours in the shipped sample catalog.
    await plant(async (tx) => {
      await insertClass(tx, {
        id: 'SC-1',
        providerId: 'RP-1',
        start: '2020-08-03',
        end: '2020-08-07',
        hours: 180,
        trainees: [],
        sessions: [{ day: '2020-08-03', from: '08:00', to: '12:00' }],
      });
      await insertClass(tx, { id: 'SC-2', providerId: 'RP-1', start: '2020-08-03', end: '2020-08-30', hours: 90, trainees: [] });
      await insertClass(tx, { id: 'SC-3', providerId: 'RP-1', start: '2020-08-03', end: '2020-08-30', hours: 89, trainees: [] });
      await tx
        .insertInto('catalog_entries')
        .values({
          section: 'upgrade',
          code: 'X-NOHOURS',
          name: '无课时工种',
          level: '4',
          base_standard_fen: 100000,
          industry: 'other',
          uplift_rate: '0',
          appraisal_standard_fen: null,
          hours: null,
          effective_from: '2020-01-14',
          effective_to: null,
          created_by: 'test',
          updated_by: null,
          updated_at: null,
        })
        .execute();
      await insertClass(tx, {
        id: 'SC-4',
        providerId: 'RP-1',
        occupationCode: 'X-NOHOURS',
        start: '2020-08-03',
        end: '2020-08-30',
        hours: 1,
        trainees: [],
      });
    });
    const result = await run(shortCourse);
    const f = naming(result.findings, 'SC-1');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence).toMatchObject({ declaredHours: 180, scheduledHours: 4, catalogEntry: { section: 'upgrade', hours: 180 } });
    expect(f[0]!.explanation).toContain('排课合计 4 学时');
    expect(naming(result.findings, 'SC-2')).toEqual([]);
    expect(naming(result.findings, 'SC-3')).toHaveLength(1);
    expect(naming(result.findings, 'SC-4')).toEqual([]);
    expect(result.unknown?.count).toBeGreaterThanOrEqual(1);
  });
});

describe('certificate_reuse: one certificate number used twice', () => {
  it('flags a number reused for another person and a number under two types; not one person citing one certificate on two claims', async () => {
    const [a, b, c] = await plant((tx) => people(tx, 3));
    await plant(async (tx) => {
      await insertCertificate(tx, { type: 'skill_level', number: 'CR-2020-001', residentId: a! });
      await insertClaim(tx, {
        id: 'CU-1',
        residentId: b!,
        providerId: 'RP-1',
        start: '2020-03-01',
        end: '2020-04-30',
        certificate: { type: 'skill_level', number: ' cr-2020-001 ' },
      });
      await insertCertificate(tx, { type: 'safety', number: 'CR-2020-002', residentId: c! });
      await insertCertificate(tx, { type: 'special_operation', number: 'CR-2020-002', residentId: c! });
      await insertCertificate(tx, { type: 'skill_level', number: 'CR-2020-003', residentId: c! });
      await insertClaim(tx, {
        id: 'CU-2',
        residentId: c!,
        providerId: 'RP-1',
        start: '2020-03-01',
        end: '2020-04-30',
        certificate: { type: 'skill_level', number: 'CR-2020-003' },
      });
      await insertClaim(tx, {
        id: 'CU-3',
        residentId: c!,
        program: 'appraisal',
        start: '2020-03-01',
        end: '2020-04-30',
        certificate: { type: 'skill_level', number: 'CR-2020-003' },
      });
    });
    const all = (await run(certificateReuse)).findings;
    const reused = all.find((f) => f.evidence.number === 'CR-2020-001')!;
    expect(reused.explanation).toContain('用于 2 个不同的人');
    expect((reused.evidence.uses as { source: string; residentId: string }[]).map((u) => [u.source, u.residentId])).toEqual([
      ['certificate', a],
      ['claim', b],
    ]);
    expect(reused.subjects.claims).toEqual(['CU-1']);
    const twoTypes = all.find((f) => f.evidence.number === 'CR-2020-002')!;
    expect(twoTypes.explanation).toContain('出现在 2 种证书类型下');
    expect(all.find((f) => f.evidence.number === 'CR-2020-003')).toBeUndefined();
  });
});

describe('pre_job_long_employed: pre-job training for someone employed there for years', () => {
  it('flags a §4.4 trainee with an earlier claim of the same employer more than 12 months before; not 11 months, not another employer', async () => {
    const [old, recent, moved] = await plant((tx) => people(tx, 3));
    const E = uscc(501);
    const F = uscc(502);
    await plant(async (tx) => {
      await insertClaim(tx, {
        id: 'PJ-H1',
        residentId: old!,
        program: 'safety',
        enterpriseUscc: E,
        applicant: 'enterprise',
        start: '2019-03-01',
        end: '2019-03-10',
        status: 'paid',
      });
      await insertClaim(tx, {
        id: 'PJ-H2',
        residentId: recent!,
        program: 'safety',
        enterpriseUscc: E,
        applicant: 'enterprise',
        start: '2019-10-01',
        end: '2019-10-10',
        status: 'paid',
      });
      await insertClaim(tx, {
        id: 'PJ-H3',
        residentId: moved!,
        program: 'safety',
        enterpriseUscc: F,
        applicant: 'enterprise',
        start: '2018-01-01',
        end: '2018-01-10',
        status: 'paid',
      });
      await insertClass(tx, {
        id: 'PJ-1',
        providerId: 'RP-1',
        program: 'pre_job',
        employer: E,
        start: '2020-09-01',
        end: '2020-09-10',
        trainees: [old!, recent!, moved!],
      });
    });
    const f = naming((await run(preJobLongEmployed)).findings, 'PJ-1');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence).toMatchObject({
      residentId: old,
      enterpriseUscc: E,
      classId: 'PJ-1',
      earlierEmployment: [{ source: 'claim', ref: 'PJ-H1', program: 'safety', startDate: '2019-03-01' }],
    });
    expect(f[0]!.explanation).toContain('不是新录用人员');
  });

  it('flags a §4.4 claim (no class) by the same reading', async () => {
    const [p] = await plant((tx) => people(tx, 1));
    const E = uscc(501);
    await plant(async (tx) => {
      await insertClass(tx, {
        id: 'PJ-2',
        providerId: 'RP-2',
        program: 'safety',
        employer: E,
        start: '2018-05-01',
        end: '2018-05-05',
        trainees: [p!],
      });
      await insertClaim(tx, {
        id: 'PJ-C1',
        residentId: p!,
        program: 'pre_job',
        enterpriseUscc: E,
        applicant: 'enterprise',
        start: '2020-09-01',
        end: '2020-09-10',
      });
    });
    const f = namingClaim((await run(preJobLongEmployed)).findings, 'PJ-C1');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence.earlierEmployment).toEqual([{ source: 'class', ref: 'PJ-2', program: 'safety', startDate: '2018-05-01' }]);
  });
});
