// A provider removes a lesson not yet published (§5.4), with its file and questions; a published
// lesson stays (trainees' counted time refers to it).
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { draftLessonForChange } from './online-lesson.ts';

export async function removeOnlineLesson(tx: Tx, actor: Actor | null, lessonId: number): Promise<{ removed: true }> {
  const a = requireRole(actor, 'provider');
  const lesson = await draftLessonForChange(tx, a, lessonId);
  await tx.deleteFrom('online_lessons').where('id', '=', lessonId).execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'online.lesson.remove',
    entity: 'class',
    entityId: lesson.class_id,
    data: { lessonId, title: lesson.title },
  });
  return { removed: true };
}
