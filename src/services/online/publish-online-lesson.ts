// A provider publishes a lesson (§5.4): from then on the class's trainees may study it and its
// content, duration and questions are fixed (the study time counted refers to them). It needs its
// file and at least one check question.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { now } from '../clock.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { assertOnlineProgram, draftLessonForChange, lessonInScope, lessonViews, type OnlineLessonView } from './online-lesson.ts';

export async function publishOnlineLesson(tx: Tx, actor: Actor | null, lessonId: number): Promise<OnlineLessonView> {
  const a = requireRole(actor, 'provider');
  const lesson = await draftLessonForChange(tx, a, lessonId);
  assertOnlineProgram(lesson.class_program);
  if (lesson.class_status !== 'approved' && lesson.class_status !== 'running')
    throw new AppError('invalid_transition', '培训班开班审查通过后、结业考核前才能发布网络课程', 'status');
  if (!lesson.sha256)
    throw new AppError('invalid_transition', `「${lesson.title}」还没有上传${lesson.kind === 'video' ? '视频' : '文档'}，不能发布`);
  const q = await tx
    .selectFrom('online_questions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('lesson_id', '=', lessonId)
    .executeTakeFirstOrThrow();
  if (Number(q.n) === 0)
    throw new AppError('invalid_transition', `「${lesson.title}」至少要有一道检查题才能发布（学习中随机提问，确认本人在学）`);
  const at = now();
  const who = actorLabel(a);
  await tx.updateTable('online_lessons').set({ published_at: at, published_by: who }).where('id', '=', lessonId).execute();
  await appendAudit(tx, {
    actor: who,
    action: 'online.lesson.publish',
    entity: 'class',
    entityId: lesson.class_id,
    data: { lessonId, title: lesson.title, sha256: lesson.sha256, durationSeconds: lesson.duration_seconds, questions: Number(q.n) },
  });
  return (await lessonViews(tx, a, [await lessonInScope(tx, a, lessonId)]))[0]!;
}
