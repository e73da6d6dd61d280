// Online learning (§5.4; docs/online-learning.md): the server counts a trainee's study time from the
// page's heartbeats, on its own clock — only the time between beats close enough together, never
// more than the wall clock, never past the lesson's duration, never two lessons at once, and not
// while a check question waits for its right answer. The time counts toward attended hours of
// §4.2, §4.3 and §4.6 classes only, up to the dated share of the class's hours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendedWithOnline, onlineHoursCap } from '../../../src/policy/online-learning.ts';
import { shippedPolicies } from '../../../src/policy/shipped.ts';
import { claimClassSubsidies } from '../../../src/services/classes/claim-class-subsidies.ts';
import { listMyOnlineLessons } from '../../../src/services/online/list-my-online-lessons.ts';
import { listOnlineLessons } from '../../../src/services/online/list-online-lessons.ts';
import { createOnlineLesson } from '../../../src/services/online/create-online-lesson.ts';
import { addLessonQuestion } from '../../../src/services/online/add-lesson-question.ts';
import { readLessonContent } from '../../../src/services/online/read-lesson-content.ts';
import { summarizeOnlineStudy } from '../../../src/services/online/summarize-online-study.ts';
import { uploadLessonContent } from '../../../src/services/online/upload-lesson-content.ts';
import type { Store } from '../../../src/store/database.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { seedReferenceData } from '../../../src/store/seed/reference-data.ts';
import { insertProvider } from '../../support/claims-fixtures.ts';
import { openTestStore } from '../../support/store.ts';
import { CITY, insertClass, manualMarks, people, signIns } from '../risk/risk-fixtures.ts';
import { mp4Bytes, provider, publishedLesson, studyPage, trainee } from './online-fixtures.ts';

let store: Store;
let roster: string[];
let stranger: string;
let lessonLong: number; // 1 hour
let lessonShort: number; // 2 minutes
let lessonOther: number;
const DAY = '2021-05-10';
const at = (hhmmss: string) => new Date(`${DAY}T${hhmmss}+08:00`);
const plus = (d: Date, s: number) => new Date(d.getTime() + s * 1000);
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: Error) => e.message,
  );
const progress = async (lessonId: number, residentId: string) =>
  Number(
    (
      await store.db
        .selectFrom('online_progress')
        .select('counted_ms')
        .where('lesson_id', '=', lessonId)
        .where('resident_id', '=', residentId)
        .executeTakeFirst()
    )?.counted_ms ?? NaN,
  ) / 1000;

beforeAll(async () => {
  store = await openTestStore();
  await inTransaction(store.db, (tx) => seedReferenceData(tx));
  const ps = await inTransaction(store.db, (tx) => people(tx, 9));
  roster = ps.slice(0, 8);
  stranger = ps[8]!;
  await inTransaction(store.db, async (tx) => {
    await insertProvider(tx, 'OL-P');
    await insertProvider(tx, 'OL-Q');
    await insertClass(tx, { id: 'OL-1', providerId: 'OL-P', start: DAY, end: '2021-06-30', hours: 40, trainees: roster });
    await insertClass(tx, { id: 'OL-SAFE', providerId: 'OL-P', program: 'safety', start: DAY, end: '2021-06-30', trainees: roster });
    await insertClass(tx, { id: 'OL-PRE', providerId: 'OL-P', program: 'pre_job', start: DAY, end: '2021-06-30', trainees: roster });
    await insertClass(tx, { id: 'OL-SHORT', providerId: 'OL-P', program: 'short_term', start: DAY, end: '2021-06-30', trainees: roster });
    await insertClass(tx, {
      id: 'OL-Q1',
      providerId: 'OL-Q',
      program: 'employment_skill',
      start: DAY,
      end: '2021-06-30',
      trainees: [stranger],
    });
  });
  lessonLong = await publishedLesson(store, 'OL-P', 'OL-1', 3600);
  lessonShort = await publishedLesson(store, 'OL-P', 'OL-1', 120, [
    { prompt: '电焊作业前应检查什么？', options: ['绝缘是否完好', '天气'] },
    { prompt: '灭火器的压力表指针应在？', options: ['红区', '绿区'], answer: 1 },
  ]);
  lessonOther = await publishedLesson(store, 'OL-P', 'OL-1', 3600);
}, 60_000);
afterAll(() => store?.close());

describe('Heartbeats count verified study time', () => {
  it("counts the wall-clock time between two beats on the server's clock, never more", async () => {
    const page = studyPage(store, roster[0]!);
    const v = await page.start(lessonLong, at('09:00:00'));
    expect(v).toMatchObject({ state: 'counting', countedSeconds: 0, beatSeconds: 15 });
    expect((await page.beat(v.viewingId, at('09:00:15'))).addedSeconds).toBe(15);
    expect((await page.beat(v.viewingId, at('09:00:35'))).countedSeconds).toBe(35);
    // Two beats in the same second add nothing more than the wall clock allows.
    expect((await page.beat(v.viewingId, at('09:00:35'))).addedSeconds).toBe(0);
    await page.stop(v.viewingId, at('09:00:50'));
    expect(await progress(lessonLong, roster[0]!)).toBe(50);
  });

  it('pauses when the beats stop (page hidden, phone asleep): a silence over 40 s counts nothing, counting resumes from the next beat', async () => {
    const page = studyPage(store, roster[1]!);
    const v = await page.start(lessonLong, at('10:00:00'));
    await page.beat(v.viewingId, at('10:00:20'));
    const back = await page.beat(v.viewingId, at('10:05:20'));
    expect(back).toMatchObject({ addedSeconds: 0, resumed: true, countedSeconds: 20 });
    expect((await page.beat(v.viewingId, at('10:05:40'))).countedSeconds).toBe(40);
    // The counted spans are what the risk rules read: two, with the five-minute silence between them.
    const spans = await store.db
      .selectFrom('online_study_spans')
      .select(['from_at', 'to_at'])
      .where('viewing_id', '=', v.viewingId)
      .orderBy('id')
      .execute();
    expect(spans.map((s) => [s.from_at.toISOString(), s.to_at.toISOString()])).toEqual([
      [at('10:00:00').toISOString(), at('10:00:20').toISOString()],
      [at('10:05:20').toISOString(), at('10:05:40').toISOString()],
    ]);
    await page.stop(v.viewingId, at('10:05:45'));
  });

  it("never counts past the lesson's duration, however long the page stays open", async () => {
    const page = studyPage(store, roster[2]!);
    // A 2-minute lesson; its check question is answered as soon as it comes.
    let v = await page.start(lessonShort, at('11:00:00'));
    let t = at('11:00:00');
    for (let i = 0; i < 20; i++) {
      t = plus(t, 15);
      const s = await page.beat(v.viewingId, t);
      if (s.question) {
        const q = s.question;
        const right = q.prompt.startsWith('灭火器') ? 1 : 0;
        v = { ...v, ...(await page.answer(v.viewingId, q.id, right, t)) };
      }
    }
    expect(await progress(lessonShort, roster[2]!)).toBe(120);
    const last = await page.beat(v.viewingId, plus(t, 15));
    expect(last).toMatchObject({ state: 'complete', addedSeconds: 0, countedSeconds: 120, message: '本课学习时间已满，继续观看不再计时' });
    await page.stop(v.viewingId, plus(t, 20));
  });
});

describe('One lesson at a time', () => {
  it('refuses a second lesson while the first is live, and a second device on the same lesson', async () => {
    const page = studyPage(store, roster[3]!);
    const v = await page.start(lessonLong, at('13:00:00'));
    await page.beat(v.viewingId, at('13:00:15'));
    expect(await refusal(page.start(lessonOther, at('13:00:20')))).toMatch(/^您正在学习「第3600秒课」，同一时间只计一节课的学习时间/);
    expect(await refusal(page.start(lessonLong, at('13:00:20'), 'another-phone-0000001'))).toMatch(/^本课正在另一台设备或另一个页面上学习/);
    // The same page reloaded on the same device takes over: the old viewing closes without counting more.
    const again = await page.start(lessonLong, at('13:00:25'));
    expect(again.countedSeconds).toBe(15);
    expect((await page.beat(v.viewingId, at('13:00:30'))).state).toBe('closed');
    await page.stop(again.viewingId, at('13:00:40'));
    expect(await progress(lessonLong, roster[3]!)).toBe(30);
  });

  it('a viewing gone silent does not block another lesson; it is closed, and nothing of its silence counts', async () => {
    const page = studyPage(store, roster[4]!);
    const a = await page.start(lessonLong, at('14:00:00'));
    await page.beat(a.viewingId, at('14:00:15'));
    const b = await page.start(lessonOther, at('14:01:00'));
    expect(b.state).toBe('counting');
    expect((await page.beat(a.viewingId, at('14:01:05'))).state).toBe('closed');
    expect(await progress(lessonLong, roster[4]!)).toBe(15);
    await page.stop(b.viewingId, at('14:01:10'));
  });

  it('at most one open viewing per person is a constraint of the store, not a check before the write', async () => {
    const row = (lesson: number) => ({
      lesson_id: lesson,
      class_id: 'OL-1',
      resident_id: roster[5]!,
      device_hash: 'x',
      started_at: at('15:00:00'),
      last_beat_at: at('15:00:00'),
    });
    await store.db.insertInto('online_viewings').values(row(lessonLong)).execute();
    await expect(store.db.insertInto('online_viewings').values(row(lessonOther)).execute()).rejects.toThrow(/online_viewings_one_open/);
    await store.db.deleteFrom('online_viewings').where('resident_id', '=', roster[5]!).execute();
  });
});

describe('Check questions', () => {
  it('asks one at a random moment; until it is answered right nothing counts, and the time since it was asked never counts', async () => {
    const page = studyPage(store, roster[6]!);
    const v = await page.start(lessonShort, at('16:00:00'));
    let t = at('16:00:00');
    let asked = null as Awaited<ReturnType<typeof page.beat>> | null;
    for (let i = 0; i < 6 && !asked?.question; i++) {
      t = plus(t, 15);
      asked = await page.beat(v.viewingId, t);
    }
    // A 2-minute lesson asks between 30 s and 72 s after the start.
    expect(asked!.state).toBe('check');
    expect(asked!.message).toBe('请回答检查题：答对后继续计时（未答对前不计学习时间）');
    expect(asked!.question).not.toHaveProperty('answer');
    const countedWhenAsked = asked!.countedSeconds;
    const b1 = await page.beat(v.viewingId, plus(t, 15));
    expect(b1).toMatchObject({ state: 'check', addedSeconds: 0, countedSeconds: countedWhenAsked });
    const q = asked!.question!;
    const rightChoice = q.prompt.startsWith('灭火器') ? 1 : 0;
    const wrong = await page.answer(v.viewingId, q.id, 1 - rightChoice, plus(t, 20));
    expect(wrong).toMatchObject({ correct: false, state: 'check', message: '回答不正确：请认真学习后再答，答对前不计学习时间' });
    // A wrong answer brings the lesson's other question.
    expect(wrong.question!.id).not.toBe(q.id);
    const q2 = wrong.question!;
    const right = await page.answer(v.viewingId, q2.id, q2.prompt.startsWith('灭火器') ? 1 : 0, plus(t, 40));
    expect(right).toMatchObject({ correct: true, state: 'counting', countedSeconds: countedWhenAsked });
    // Counting resumes from the right answer: the 40 s waiting are not counted.
    expect((await page.beat(v.viewingId, plus(t, 50))).countedSeconds).toBe(countedWhenAsked + 10);
    await page.stop(v.viewingId, plus(t, 50));
  });

  it('stopping or reloading the page never skips a check: the next start of the lesson asks the same question, and nothing counts until it is answered', async () => {
    const page = studyPage(store, roster[5]!);
    let v = await page.start(lessonShort, at('18:00:00'));
    let t = at('18:00:00');
    let asked = null as Awaited<ReturnType<typeof page.beat>> | null;
    for (let i = 0; i < 6 && !asked?.question; i++) {
      t = plus(t, 15);
      asked = await page.beat(v.viewingId, t);
    }
    const q = asked!.question!;
    await page.stop(v.viewingId, plus(t, 5));
    v = await page.start(lessonShort, plus(t, 10));
    expect(v).toMatchObject({
      state: 'check',
      question: { id: q.id },
      countedSeconds: asked!.countedSeconds,
      message: '请先回答上次未答的检查题：答对后继续计时',
    });
    expect((await page.beat(v.viewingId, plus(t, 25))).addedSeconds).toBe(0);
    const right = await page.answer(v.viewingId, q.id, q.prompt.startsWith('灭火器') ? 1 : 0, plus(t, 30));
    expect(right.correct).toBe(true);
    await page.stop(v.viewingId, plus(t, 40));
    expect(await progress(lessonShort, roster[5]!)).toBe(asked!.countedSeconds + 10);
  });

  it('refuses an answer when no question waits, or to another question than the one asked', async () => {
    const page = studyPage(store, roster[7]!);
    const v = await page.start(lessonLong, at('17:00:00'));
    expect(await refusal(page.answer(v.viewingId, 1, 0, at('17:00:05')))).toBe('当前没有需要回答的检查题');
    await page.stop(v.viewingId, at('17:00:10'));
  });
});

describe('Which programs online time counts for, and how much', () => {
  it('§4.2, §4.3 and §4.6 classes take online lessons; a §4.10 safety or a §4.4 pre-job class does not', async () => {
    const p = provider('OL-P');
    const make = (classId: string) =>
      refusal(
        inTransaction(store.db, (tx) => createOnlineLesson(tx, p, classId, { title: '第一课', kind: 'video', durationSeconds: 600 })),
      );
    expect(await make('OL-SAFE')).toBe(
      '本班为高危行业安全技能培训，网络学习时间不计入学时（仅技能等级提升培训、短期岗位技能培训、就业技能培训可计，§5.4）',
    );
    expect(await make('OL-PRE')).toMatch(/^本班为岗前技能培训，网络学习时间不计入学时/);
    expect(await make('OL-SHORT')).toBe('accepted');
  });

  it("credits online hours up to the dated share of the class's hours (50% on the plan's dates, the city's setting under §5.4)", () => {
    const read = shippedPolicies().governing('skill_upgrade', DAY)!.read('online.maxSharePercent', DAY);
    expect(read).toMatchObject({ clause: '§5.4', value: 50 });
    expect(onlineHoursCap(40, 50)).toBe(20);
    expect(attendedWithOnline(30, 25, 'skill_upgrade', 20)).toEqual({ attendedHours: 50, onlineCredited: 20 });
    expect(attendedWithOnline(30, 2.5, 'short_term', 20)).toEqual({ attendedHours: 32.5, onlineCredited: 2.5 });
    expect(attendedWithOnline(30, 25, 'safety', 20)).toEqual({ attendedHours: 30, onlineCredited: null });
  });

  it('a trainee with neither marks nor online study has unknown attended hours, never zero', () => {
    expect(attendedWithOnline(null, null, 'skill_upgrade', 20)).toEqual({ attendedHours: null, onlineCredited: null });
    expect(attendedWithOnline(null, 0.5, 'skill_upgrade', 20)).toEqual({ attendedHours: 0.5, onlineCredited: 0.5 });
  });

  it("shows each trainee's online time, QR sign-ins and manual marks on the class's attendance, and claims carry the credited hours", async () => {
    const sessions = await inTransaction(store.db, async (tx) => {
      const ids = await insertClass(tx, {
        id: 'OL-CLAIM',
        providerId: 'OL-P',
        start: DAY,
        end: '2021-06-30',
        hours: 1,
        trainees: roster.slice(0, 2),
        sessions: [
          { day: DAY, from: '08:00', to: '08:30', hours: 0.5 },
          { day: '2021-05-11', from: '08:00', to: '08:30', hours: 0.5 },
        ],
      });
      await signIns(tx, ids[0]!, [{ residentId: roster[0]!, at: `${DAY} 07:55:00` }]);
      await manualMarks(tx, ids[1]!, [roster[0]!]);
      return ids;
    });
    void sessions;
    const lesson = await publishedLesson(store, 'OL-P', 'OL-CLAIM', 3600);
    const page = studyPage(store, roster[0]!);
    const v = await page.start(lesson, at('19:00:00'));
    let t = at('19:00:00');
    for (let i = 0; i < 16; i++) {
      t = plus(t, 15);
      await page.beat(v.viewingId, t); // 4 minutes, before any check can come (5 minutes at the earliest)
    }
    await page.stop(v.viewingId, t);
    const summary = await inTransaction(store.db, (tx) => summarizeOnlineStudy(tx, CITY, 'OL-CLAIM'));
    expect(summary.rule).toMatchObject({ counts: true, maxSharePercent: 50, capHours: 0.5, clause: '§5.4' });
    const [first, second] = summary.trainees;
    expect(first).toMatchObject({
      residentId: roster[0],
      onlineSeconds: 240,
      onlineCreditedHours: 0.06,
      qrSignins: 1,
      manualMarks: 1,
      classroomHours: 1,
      attendedHours: 1.06,
    });
    expect(second).toMatchObject({
      onlineSeconds: null,
      onlineCreditedHours: null,
      qrSignins: 0,
      manualMarks: 0,
      classroomHours: null,
      attendedHours: null,
    });

    await store.db.updateTable('classes').set({ status: 'closed' }).where('id', '=', 'OL-CLAIM').execute();
    await inTransaction(store.db, (tx) => claimClassSubsidies(tx, provider('OL-P'), 'OL-CLAIM', {}));
    const claims = await store.db
      .selectFrom('claims')
      .select(['resident_id', 'attended_hours'])
      .where('class_id', '=', 'OL-CLAIM')
      .orderBy('resident_id')
      .execute();
    expect(claims.map((c) => [c.resident_id, c.attended_hours])).toEqual([
      [roster[0], 1.06],
      [roster[1], null],
    ]);
  });
});

describe('Lesson files and who may read them', () => {
  it('keeps the file with its type read from its bytes, size, SHA-256 and uploader, and reads any byte range of it', async () => {
    const p = provider('OL-P');
    const l = await inTransaction(store.db, (tx) =>
      createOnlineLesson(tx, p, 'OL-1', { title: '文件课', kind: 'video', durationSeconds: 600 }),
    );
    expect(await refusal(uploadLessonContent(store.db, p, l.id, Buffer.from('<html>not a video</html>'), 'x.mp4'))).toBe(
      'file: 文件不是 MP4、WebM 视频或 PDF 文档（按文件内容判断，与扩展名无关）',
    );
    expect(await refusal(uploadLessonContent(store.db, p, l.id, Buffer.from('%PDF-1.7 ...'), 'x.pdf'))).toBe(
      'file: 这节课是视频课，请上传 MP4 或 WebM 视频',
    );
    const bytes = Buffer.concat([mp4Bytes(1024 * 1024 + 10), Buffer.from('tail-bytes')]);
    const view = await uploadLessonContent(store.db, p, l.id, bytes, '第一课.mp4');
    expect(view.file).toMatchObject({
      name: '第一课.mp4',
      contentType: 'video/mp4',
      sizeBytes: bytes.length,
      uploadedBy: 'provider:p-OL-P',
    });
    expect(view.file!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const read = async (range?: string) => {
      const c = await readLessonContent(store.db, p, l.id, range);
      const parts: Buffer[] = [];
      for await (const x of c.body) parts.push(x as Buffer);
      return { c, body: Buffer.concat(parts) };
    };
    const whole = await read();
    expect(whole.c.status).toBe(200);
    expect(whole.body.equals(bytes)).toBe(true);
    // A range across the 1 MiB chunk boundary, and the last bytes.
    const mid = await read(`bytes=${1024 * 1024 - 5}-${1024 * 1024 + 4}`);
    expect(mid.c).toMatchObject({ status: 206, start: 1024 * 1024 - 5, end: 1024 * 1024 + 4 });
    expect(mid.body.equals(bytes.subarray(1024 * 1024 - 5, 1024 * 1024 + 5))).toBe(true);
    expect((await read('bytes=-10')).body.toString()).toBe('tail-bytes');
    expect(await refusal(read(`bytes=${bytes.length}-`))).toMatch(/^range: 请求的范围超出文件大小/);
  });

  it('a published lesson is fixed: no new question, no new file', async () => {
    const p = provider('OL-P');
    expect(
      await refusal(
        inTransaction(store.db, (tx) => addLessonQuestion(tx, p, lessonLong, { prompt: '再加一题', options: ['甲', '乙'], answer: 0 })),
      ),
    ).toMatch(/已发布，不能再修改/);
    expect(await refusal(uploadLessonContent(store.db, p, lessonLong, mp4Bytes(), 'new.mp4'))).toMatch(/已发布，不能再修改/);
  });

  it("a trainee reads only the lessons of classes whose roster they are on, without the answers; a provider only its own classes'", async () => {
    const mine = await inTransaction(store.db, (tx) => listMyOnlineLessons(tx, trainee(roster[0]!)));
    expect(mine.map((l) => l.classId)).toContain('OL-1');
    expect(mine.every((l) => l.questions.length === 0)).toBe(true);
    expect(mine.find((l) => l.id === lessonLong)!.countedSeconds).toBe(50);
    const stranger1 = trainee(stranger);
    expect(await refusal(inTransaction(store.db, (tx) => listOnlineLessons(tx, stranger1, 'OL-1')))).toBe('没有找到培训班：OL-1');
    expect(await refusal(readLessonContent(store.db, stranger1, lessonLong, undefined))).toBe('没有找到这一课，或您不在该班花名册中');
    expect(await refusal(studyPage(store, stranger).start(lessonLong, at('20:00:00')))).toBe('没有找到这一课，或您不在该班花名册中');
    const other = provider('OL-Q');
    expect(await refusal(inTransaction(store.db, (tx) => listOnlineLessons(tx, other, 'OL-1')))).toBe('没有找到培训班：OL-1');
    expect(
      await refusal(
        inTransaction(store.db, (tx) => addLessonQuestion(tx, other, lessonLong, { prompt: '题', options: ['甲', '乙'], answer: 0 })),
      ),
    ).toBe('没有找到这一课，或您不在该班花名册中');
    expect(await refusal(inTransaction(store.db, (tx) => summarizeOnlineStudy(tx, other, 'OL-1')))).toBe('没有找到培训班：OL-1');
    // The provider sees the answers.
    const theirs = await inTransaction(store.db, (tx) => listOnlineLessons(tx, provider('OL-P'), 'OL-1'));
    expect(theirs.find((l) => l.id === lessonLong)!.questions[0]).toMatchObject({ answer: 0 });
  });
});
