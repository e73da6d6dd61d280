// A provider adds a lesson to its class's online course (§5.4): its title, whether it is a video or
// a document, and how long it takes (the most study time it can count). The file and the check
// questions follow; the lesson is offered to trainees only once published.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { limits } from '../limits.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { classForLessons, LESSON_SELECT, lessonViews, type LessonRow, type OnlineLessonView } from './online-lesson.ts';

export interface CreateLessonInput {
  title: string;
  kind: 'video' | 'document';
  /** How long the lesson takes, in seconds (1 minute to 8 hours). */
  durationSeconds: number;
}

export async function createOnlineLesson(
  tx: Tx,
  actor: Actor | null,
  classId: string,
  input: CreateLessonInput,
): Promise<OnlineLessonView> {
  const a = requireRole(actor, 'provider');
  const cls = await classForLessons(tx, a, classId);
  const title = input.title.trim();
  if (!title) throw new AppError('invalid_input', 'title: 请填写课程名称', 'title');
  const count = await tx
    .selectFrom('online_lessons')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('class_id', '=', classId)
    .executeTakeFirstOrThrow();
  const max = limits().classLessons;
  if (Number(count.n) >= max) throw new AppError('invalid_input', `本班已有 ${max} 节网络课程，已达上限`, 'title');
  const who = actorLabel(a);
  const { id } = await tx
    .insertInto('online_lessons')
    .values({ class_id: classId, title, kind: input.kind, duration_seconds: input.durationSeconds, created_by: who })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: who,
    action: 'online.lesson.create',
    entity: 'class',
    entityId: classId,
    data: { lessonId: id, title, kind: input.kind, durationSeconds: input.durationSeconds },
  });
  const row = await tx
    .selectFrom('online_lessons')
    .innerJoin('classes', 'classes.id', 'online_lessons.class_id')
    .select([...LESSON_SELECT])
    .where('online_lessons.id', '=', id)
    .executeTakeFirstOrThrow();
  void cls;
  return (await lessonViews(tx, a, [row as LessonRow]))[0]!;
}
