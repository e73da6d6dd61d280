// A trainee's own online lessons (§5.4): the published lessons of every running class whose roster
// they are on, each with the time counted so far.
import { requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { Tx } from '../../store/audit-log.ts';
import { limits } from '../limits.ts';
import { LESSON_SELECT, lessonViews, type LessonRow, type OnlineLessonView } from './online-lesson.ts';

export async function listMyOnlineLessons(tx: Tx, actor: Actor | null): Promise<OnlineLessonView[]> {
  const a = requireRole(actor, 'trainee');
  if (!a.residentId) throw new AppError('forbidden', '该账号未关联本人身份证号，不能参加网络学习');
  const rows = await tx
    .selectFrom('online_lessons')
    .innerJoin('classes', 'classes.id', 'online_lessons.class_id')
    .innerJoin('class_trainees', (j) =>
      j.onRef('class_trainees.class_id', '=', 'online_lessons.class_id').on('class_trainees.resident_id', '=', a.residentId!),
    )
    .select([...LESSON_SELECT])
    .where('online_lessons.published_at', 'is not', null)
    .where('classes.status', '=', 'running')
    .orderBy('classes.number')
    .orderBy('online_lessons.id')
    .limit(limits().classLessons * 10)
    .execute();
  return lessonViews(tx, a, rows as LessonRow[]);
}
