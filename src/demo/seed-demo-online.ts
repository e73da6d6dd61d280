// The demo's online course (§5.4; docs/online-learning.md), done through the real use cases: the
// provider of one running §4.2/§4.3/§4.6 class publishes two document lessons with a check question
// each, and a handful of its trainees study them at moments of the story (`withInstant`), the page's
// heartbeats every 30 s, each check answered as it comes. The draws of the check questions come from
// a generator of this stage's own (`withChance`), so the demo is the same every time and the rest of
// the story's draws are untouched. Three planted cases for the online risk rules:
// - PLANT-ONLINE-IN-CLASS   a trainee's online study counted while signed in to a classroom session;
// - PLANT-ONLINE-LONG-DAY   a full classroom day plus two and a half hours online in the evening;
// - PLANT-ONLINE-ONE-DEVICE three trainees studying on one computer (a 网吧 PC).
import { traineeActor } from './demo-actors.ts';
import type { Actor } from '../services/access.ts';
import { withBusinessClock } from '../services/business-date.ts';
import { withChance } from '../services/chance.ts';
import { withInstant } from '../services/clock.ts';
import { sessionInstants } from '../services/attendance/session-moment.ts';
import { addLessonQuestion } from '../services/online/add-lesson-question.ts';
import { answerOnlineCheck } from '../services/online/answer-online-check.ts';
import { beatOnlineViewing } from '../services/online/beat-online-viewing.ts';
import { createOnlineLesson } from '../services/online/create-online-lesson.ts';
import { publishOnlineLesson } from '../services/online/publish-online-lesson.ts';
import { startOnlineViewing } from '../services/online/start-online-viewing.ts';
import { stopOnlineViewing } from '../services/online/stop-online-viewing.ts';
import { uploadLessonContent } from '../services/online/upload-lesson-content.ts';
import { onlineCounts } from '../policy/online-learning.ts';
import type { Tx } from '../store/transaction.ts';

export const ONLINE_PLANTS = [
  {
    id: 'PLANT-ONLINE-IN-CLASS',
    rule: '§5.4 网络学习',
    riskRules: ['online_during_session'],
    what: '学员扫码签到上课的同时，手机上的网络课程也在计时',
  },
  {
    id: 'PLANT-ONLINE-LONG-DAY',
    rule: '§5.4 网络学习',
    riskRules: ['excess_daily_study'],
    what: '学员上完一天的课后，当晚又网络学习数小时，一天学习超过 10 小时',
  },
  {
    id: 'PLANT-ONLINE-ONE-DEVICE',
    rule: '§5.4 网络学习',
    riskRules: ['shared_online_device'],
    what: '三名学员先后在同一台电脑上网络学习',
  },
] as const;

export interface OnlinePlant {
  id: (typeof ONLINE_PLANTS)[number]['id'];
  classIds: string[];
  residentIds: string[];
  claimIds: string[];
  note: string;
}

/** A one-page PDF naming the lesson (ASCII: the demo ships no CJK font for PDFs). */
function lessonPdf(title: string): Buffer {
  const text = `BT /F1 14 Tf 40 160 Td (${title}) Tj ET`;
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 420 200]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>',
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
    `<</Length ${text.length}>>stream\n${text}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj${o}endobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A small deterministic generator (mulberry32) for this stage's draws. */
function generator(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const beijing = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

export async function seedDemoOnline(
  tx: Tx,
  options: { classes: { id: string; status: string; program: string; provider: Actor }[]; today: string },
): Promise<OnlinePlant[]> {
  // The first running class of a program online time counts for, whose provider has a login, with a
  // roster large enough for the cases below and two sessions held.
  for (const c of options.classes.filter((x) => x.status === 'running' && onlineCounts(x.program) && x.provider.role === 'provider')) {
    const plants = await courseFor(tx, c, options.today);
    if (plants) return plants;
  }
  throw new Error('演示数据：没有可开设网络课程的培训中培训班（技能等级提升、短期岗位技能或就业技能培训，至少 3 名学员、已上过两次课）');
}

async function courseFor(
  tx: Tx,
  cls: { id: string; status: string; program: string; provider: Actor },
  today: string,
): Promise<OnlinePlant[] | null> {
  const options = { today };
  // The class's past sessions and who scanned in to them.
  const sessions = (
    await tx
      .selectFrom('class_sessions')
      .select(['id', 'day', 'starts_at', 'ends_at', 'hours'])
      .where('class_id', '=', cls.id)
      .orderBy('day')
      .orderBy('starts_at')
      .execute()
  ).filter((s) => s.day < options.today);
  const scans = await tx
    .selectFrom('attendance')
    .innerJoin('class_sessions', 'class_sessions.id', 'attendance.session_id')
    .select(['attendance.resident_id', 'attendance.session_id', 'class_sessions.day'])
    .where('class_sessions.class_id', '=', cls.id)
    .where('attendance.present', '=', true)
    .where('attendance.manual', '=', false)
    .orderBy('attendance.resident_id')
    .execute();
  const roster = (
    await tx.selectFrom('class_trainees').select('resident_id').where('class_id', '=', cls.id).orderBy('resident_id').execute()
  ).map((t) => t.resident_id);
  if (sessions.length < 2 || roster.length < 3) return null;
  const first = sessions[0]!;
  const second = sessions[1]!;
  const scannedAt = (sessionId: number) => new Set(scans.filter((s) => Number(s.session_id) === sessionId).map((s) => s.resident_id));
  const inFirst = roster.filter((r) => scannedAt(Number(first.id)).has(r));
  const inSecond = roster.filter((r) => scannedAt(Number(second.id)).has(r));
  const duringClass = inFirst[0];
  const longDay = inSecond.find((r) => r !== duringClass);
  if (!duringClass || !longDay) return null;
  // Three trainees on one computer late in the evening (any three of the roster); the others, if any,
  // study on their own phones.
  const oneDevice = roster.slice(0, 3);
  const clean = roster.filter((r) => r !== duringClass && r !== longDay && !oneDevice.includes(r)).slice(0, 2);

  // The long day: that day's classroom hours, then enough online study to pass 10 hours by half an hour.
  const present = await tx
    .selectFrom('attendance')
    .innerJoin('class_sessions', 'class_sessions.id', 'attendance.session_id')
    .select((eb) => eb.fn.coalesce('attendance.hours', 'class_sessions.hours').as('hours'))
    .where('attendance.resident_id', '=', longDay)
    .where('attendance.present', '=', true)
    .where('class_sessions.day', '=', second.day)
    .execute();
  const dayHours = present.reduce((h, p) => h + Number(p.hours), 0);
  const longMinutes = Math.min(480, Math.max(30, Math.ceil((10.5 - dayHours) * 60)));
  return withChance(generator(20200114), () =>
    withBusinessClock({ today: first.day }, async () => {
      const provider = cls.provider;
      const publishAt = new Date(sessionInstants(first).start.getTime() - 2 * 3_600_000);
      const lessons: { id: number; answer: number }[] = [];
      for (const l of [
        {
          title: '第一课 安全生产基础',
          file: 'Lesson 1: Work safety basics (demo)',
          minutes: 45,
          q: { prompt: '进入作业现场前必须做什么？', options: ['正确佩戴劳动防护用品', '先开始作业'], answer: 0 },
        },
        {
          title: '第二课 岗位操作规范',
          file: 'Lesson 2: Operating rules (demo)',
          minutes: longMinutes,
          q: { prompt: '设备异常时应当？', options: ['继续操作', '立即停机并报告'], answer: 1 },
        },
      ]) {
        const id = await withInstant(publishAt, async () => {
          const made = await createOnlineLesson(tx, provider, cls.id, {
            title: l.title,
            kind: 'document',
            durationSeconds: l.minutes * 60,
          });
          await uploadLessonContent(tx, provider, made.id, lessonPdf(l.file), `${l.title}.pdf`);
          await addLessonQuestion(tx, provider, made.id, l.q);
          await publishOnlineLesson(tx, provider, made.id);
          return made.id;
        });
        lessons.push({ id, answer: l.q.answer });
      }
      /** One viewing: start, a beat every 30 s for `seconds`, each check answered right at once, stop. */
      const study = async (residentId: string, lesson: { id: number; answer: number }, from: Date, seconds: number, device: string) => {
        const who = traineeActor(residentId);
        const v = await withInstant(from, () => startOnlineViewing(tx, who, lesson.id, { deviceId: device }));
        for (let t = 30; t <= seconds; t += 30) {
          const at = new Date(from.getTime() + t * 1000);
          const s = await withInstant(at, () => beatOnlineViewing(tx, who, v.viewingId));
          if (s.question)
            await withInstant(at, () => answerOnlineCheck(tx, who, v.viewingId, { questionId: s.question!.id, choice: lesson.answer }));
        }
        await withInstant(new Date(from.getTime() + seconds * 1000), () => stopOnlineViewing(tx, who, v.viewingId));
      };
      const [l1, l2] = lessons as [{ id: number; answer: number }, { id: number; answer: number }];
      // Clean study: evenings, each on their own phone.
      for (const [i, r] of clean.entries())
        await study(r, l1, beijing(first.day, `20:${String(i * 20).padStart(2, '0')}`), 10 * 60, `demo-phone-${r}`);
      // PLANT-ONLINE-IN-CLASS: ten minutes of the lesson on the phone during the first session.
      const inClassFrom = new Date(sessionInstants(first).start.getTime() + 40 * 60_000);
      await study(duringClass, l1, inClassFrom, 10 * 60, `demo-phone-${duringClass}`);
      // PLANT-ONLINE-LONG-DAY: the second session's full day, then two and a half hours online.
      const longFrom = beijing(second.day, longMinutes > 300 ? '17:50' : '19:00');
      await study(longDay, l2, longFrom, longMinutes * 60, `demo-phone-${longDay}`);
      // PLANT-ONLINE-ONE-DEVICE: three trainees, one after another, on one computer, late in the evening.
      for (const [i, r] of oneDevice.entries())
        await study(r, l1, beijing(first.day, `22:${String(i * 10).padStart(2, '0')}`), 5 * 60, 'demo-netbar-pc-0001');
      const time = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
      return [
        {
          id: 'PLANT-ONLINE-IN-CLASS',
          classIds: [cls.id],
          residentIds: [duringClass],
          claimIds: [],
          note: `培训班 ${cls.id}：${first.day} 的课次扫码签到后，${time(inClassFrom)} 起在手机上网络学习 10 分钟`,
        },
        {
          id: 'PLANT-ONLINE-LONG-DAY',
          classIds: [cls.id],
          residentIds: [longDay],
          claimIds: [],
          note: `培训班 ${cls.id}：${second.day} 上课 ${dayHours} 学时后，${time(longFrom)} 起又网络学习 ${longMinutes} 分钟`,
        },
        {
          id: 'PLANT-ONLINE-ONE-DEVICE',
          classIds: [cls.id],
          residentIds: oneDevice,
          claimIds: [],
          note: `培训班 ${cls.id}：${first.day} 晚上三名学员先后在同一台电脑上网络学习`,
        },
      ];
    }),
  );
}
