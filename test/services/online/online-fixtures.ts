// Online-learning records made through the use cases (a class and its roster come from the risk
// fixtures, inserted directly: the class lifecycle is tested elsewhere).
import type { Actor } from '../../../src/services/access.ts';
import { withInstant } from '../../../src/services/clock.ts';
import { addLessonQuestion } from '../../../src/services/online/add-lesson-question.ts';
import { answerOnlineCheck } from '../../../src/services/online/answer-online-check.ts';
import { beatOnlineViewing } from '../../../src/services/online/beat-online-viewing.ts';
import { createOnlineLesson } from '../../../src/services/online/create-online-lesson.ts';
import { publishOnlineLesson } from '../../../src/services/online/publish-online-lesson.ts';
import { startOnlineViewing } from '../../../src/services/online/start-online-viewing.ts';
import { stopOnlineViewing } from '../../../src/services/online/stop-online-viewing.ts';
import { uploadLessonContent } from '../../../src/services/online/upload-lesson-content.ts';
import type { Store } from '../../../src/store/database.ts';
import { inTransaction } from '../../../src/store/transaction.ts';
import { actor } from '../../support/actors.ts';

export const provider = (providerId: string): Actor => actor({ role: 'provider', providerId, username: `p-${providerId}` });
export const trainee = (residentId: string): Actor => actor({ role: 'trainee', residentId, username: `t-${residentId}` });

/** A few bytes an MP4 starts with (an ISO-BMFF `ftyp` box), then filler: enough for the type check. */
export const mp4Bytes = (n = 3000): Buffer => {
  const b = Buffer.alloc(n, 7);
  b.write('\u0000\u0000\u0000\u0018ftypisom', 0, 'latin1');
  return b;
};

/** A published video lesson of `durationSeconds` with the given questions (answer: index 0 unless said). */
export async function publishedLesson(
  store: Store,
  providerId: string,
  classId: string,
  durationSeconds: number,
  questions: { prompt: string; options: string[]; answer?: number }[] = [
    { prompt: '安全帽应当怎样佩戴？', options: ['系紧下颏带', '随意戴'] },
  ],
): Promise<number> {
  const p = provider(providerId);
  const lesson = await inTransaction(store.db, (tx) =>
    createOnlineLesson(tx, p, classId, { title: `第${durationSeconds}秒课`, kind: 'video', durationSeconds }),
  );
  await uploadLessonContent(store.db, p, lesson.id, mp4Bytes(), 'lesson.mp4');
  for (const q of questions) await inTransaction(store.db, (tx) => addLessonQuestion(tx, p, lesson.id, { ...q, answer: q.answer ?? 0 }));
  await inTransaction(store.db, (tx) => publishOnlineLesson(tx, p, lesson.id));
  return lesson.id;
}

/** A study page as the server sees it, every call at a given instant. */
export function studyPage(store: Store, residentId: string, device = `device-of-${residentId}-000`) {
  const who = trainee(residentId);
  const at = <T>(when: Date, work: () => Promise<T>) => withInstant(when, work);
  return {
    start: (lessonId: number, when: Date, deviceId = device) =>
      at(when, () => inTransaction(store.db, (tx) => startOnlineViewing(tx, who, lessonId, { deviceId }))),
    beat: (viewingId: number, when: Date) => at(when, () => inTransaction(store.db, (tx) => beatOnlineViewing(tx, who, viewingId))),
    stop: (viewingId: number, when: Date) => at(when, () => inTransaction(store.db, (tx) => stopOnlineViewing(tx, who, viewingId))),
    answer: (viewingId: number, questionId: number, choice: number, when: Date) =>
      at(when, () => inTransaction(store.db, (tx) => answerOnlineCheck(tx, who, viewingId, { questionId, choice }))),
  };
}
