// A provider removes a check question from a lesson not yet published (§5.4).
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { draftLessonForChange } from './online-lesson.ts';

export async function removeLessonQuestion(tx: Tx, actor: Actor | null, lessonId: number, questionId: number): Promise<{ removed: true }> {
  const a = requireRole(actor, 'provider');
  const lesson = await draftLessonForChange(tx, a, lessonId);
  const gone = await tx
    .deleteFrom('online_questions')
    .where('id', '=', questionId)
    .where('lesson_id', '=', lessonId)
    .returning(['prompt'])
    .executeTakeFirst();
  if (!gone) throw new AppError('not_found', '这节课没有这道检查题');
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'online.question.remove',
    entity: 'class',
    entityId: lesson.class_id,
    data: { lessonId, questionId, prompt: gone.prompt },
  });
  return { removed: true };
}
