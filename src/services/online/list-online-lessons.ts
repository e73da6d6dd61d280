// The online course of one class (§5.4): its provider and the offices see every lesson with its
// file and check questions (and answers); a trainee on the roster sees the published lessons with
// their own counted time, never the answers.
import { requireRole, type Actor } from '../access.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classInScope } from '../classes/class-scope.ts';
import { notFound } from '../record-scope.ts';
import { LESSON_SELECT, lessonViews, type LessonRow, type OnlineLessonView } from './online-lesson.ts';

export async function listOnlineLessons(tx: Tx, actor: Actor | null, classId: string): Promise<OnlineLessonView[]> {
  const a = requireRole(actor, 'provider', 'county', 'city', 'trainee');
  const cls = await tx.selectFrom('classes').select('id').where('id', '=', classId).where(classInScope(a)).executeTakeFirst();
  if (!cls) throw notFound('培训班', classId);
  let q = tx
    .selectFrom('online_lessons')
    .innerJoin('classes', 'classes.id', 'online_lessons.class_id')
    .select([...LESSON_SELECT])
    .where('online_lessons.class_id', '=', classId)
    .orderBy('online_lessons.id');
  if (a.role === 'trainee') q = q.where('online_lessons.published_at', 'is not', null);
  return lessonViews(tx, a, (await q.execute()) as LessonRow[]);
}
