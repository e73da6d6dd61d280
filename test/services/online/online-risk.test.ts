// The fraud-risk rules that read online study (§5.2, §5.4): each finds its case planted through the
// real study page's use cases, and stays silent on the near miss beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RISK_PARAMETERS } from '../../../src/services/risk/risk-parameters.ts';
import { excessDailyStudy } from '../../../src/services/risk/rules/excess-daily-study.ts';
import { onlineDuringSession } from '../../../src/services/risk/rules/online-during-session.ts';
import type { RiskRule } from '../../../src/services/risk/rules/rule-kit.ts';
import { sharedOnlineDevice } from '../../../src/services/risk/rules/shared-online-device.ts';
import type { Store } from '../../../src/store/database.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { insertProvider } from '../../support/claims-fixtures.ts';
import { openTestStore } from '../../support/store.ts';
import { insertClass, manualMarks, people, signIns } from '../risk/risk-fixtures.ts';
import { publishedLesson, studyPage } from './online-fixtures.ts';

let store: Store;
let ps: string[];
let sessions: number[];
let lesson: number;
const DAY = '2021-05-10';
const at = (hhmmss: string, day = DAY) => new Date(`${day}T${hhmmss}+08:00`);
const run = (rule: RiskRule) => inTransaction(store.db, (tx) => rule.run(tx, RISK_PARAMETERS));

/** Studies `lesson` as `residentId` from `from` for `seconds`, beating every 30 s and answering every check right. */
async function study(residentId: string, from: Date, seconds: number, device?: string) {
  const page = studyPage(store, residentId, device);
  const v = await page.start(lesson, from);
  for (let t = 30; t <= seconds; t += 30) {
    const s = await page.beat(v.viewingId, new Date(from.getTime() + t * 1000));
    if (s.question) await page.answer(v.viewingId, s.question.id, 0, new Date(from.getTime() + t * 1000));
  }
  await page.stop(v.viewingId, new Date(from.getTime() + seconds * 1000));
}

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, (tx) => seedReferenceData(tx));
  ps = await inTransaction(store.db, (tx) => people(tx, 8));
  await inTransaction(store.db, (tx) => insertProvider(tx, 'OR-P'));
  sessions = await inTransaction(store.db, (tx) =>
    insertClass(tx, {
      id: 'OR-1',
      providerId: 'OR-P',
      start: DAY,
      end: '2021-06-30',
      hours: 80,
      trainees: ps,
      sessions: [
        { day: DAY, from: '08:00', to: '12:00' },
        { day: DAY, from: '13:00', to: '17:00' },
      ],
    }),
  );
  lesson = await publishedLesson(store, 'OR-P', 'OR-1', 8 * 3600);
}, 60_000);
afterAll(() => store?.close());

describe('online_during_session: studying online while present in a classroom', () => {
  it('flags online time counted inside a session the person signed in to; study after the session is not flagged', async () => {
    await inTransaction(store.db, (tx) =>
      signIns(tx, sessions[0]!, [
        { residentId: ps[0]!, at: `${DAY} 07:55:00` },
        { residentId: ps[1]!, at: `${DAY} 07:56:00` },
      ]),
    );
    await study(ps[0]!, at('10:00:00'), 300);
    await study(ps[1]!, at('12:10:00'), 300);
    const { findings } = await run(onlineDuringSession);
    const flagged = findings.map((f) => f.evidence.residentId);
    expect(flagged).toContain(ps[0]);
    expect(flagged).not.toContain(ps[1]);
    const f = findings.find((x) => x.evidence.residentId === ps[0])!;
    expect(f.explanation).toMatch(/08:00–12:00 的课次扫码签到，同时在培训班 OR-1 网络学习 10:00:00–10:05:00/);
    expect(f.subjects.classes).toEqual([{ id: 'OR-1', residentId: ps[0] }]);
  });
});

describe('excess_daily_study: more study in a day than a person can do', () => {
  it('flags 8 classroom hours plus 2.5 online hours on one day (over 10); exactly 10 is not flagged', async () => {
    await inTransaction(store.db, async (tx) => {
      await manualMarks(tx, sessions[0]!, [ps[2]!, ps[3]!]);
      await manualMarks(tx, sessions[1]!, [ps[2]!, ps[3]!]);
    });
    await study(ps[2]!, at('18:00:00'), 2.5 * 3600);
    await study(ps[3]!, at('18:00:00'), 2 * 3600);
    const { findings } = await run(excessDailyStudy);
    const f = findings.filter((x) => x.evidence.residentId === ps[2]);
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence.days).toEqual([{ day: DAY, onlineHours: 2.5, classroomHours: 8, classes: ['OR-1'] }]);
    expect(findings.some((x) => x.evidence.residentId === ps[3])).toBe(false);
  }, 60_000);
});

describe('shared_online_device: one device studying as many people', () => {
  it('flags a device that studied as three people; two people sharing a home computer are not flagged', async () => {
    for (const p of ps.slice(4, 7)) await study(p, at('09:00:00', '2021-05-12'), 60, 'cafe-computer-00001');
    await study(ps[0]!, at('20:00:00', '2021-05-12'), 60, 'home-computer-00001');
    await study(ps[7]!, at('21:00:00', '2021-05-12'), 60, 'home-computer-00001');
    const { findings } = await run(sharedOnlineDevice);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.subjects.classes!.map((c) => c.residentId).sort()).toEqual(ps.slice(4, 7).sort());
    expect(findings[0]!.explanation).toMatch(/^同一台设备先后为 3 人计网络学习时间/);
  });
});
