// The trainee answers the check question the study page was asked (§5.4: the time counted must be
// the person's own, attentive study). Right: counting resumes from this instant — the time since the
// question was asked never counts — and the next check is drawn at random. Wrong: the question
// stays open (another one of the lesson's, when it has another) and nothing counts meanwhile.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { now } from '../clock.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { drawQuestion, lockViewing, nextCheckAt, progressMs, questionView, type ViewingState } from './viewing-clock.ts';
import { ONLINE_TIMING } from './online-lesson.ts';

export async function answerOnlineCheck(
  tx: Tx,
  actor: Actor | null,
  viewingId: number,
  input: { questionId: number; choice: number },
): Promise<ViewingState & { correct: boolean }> {
  const a = requireRole(actor, 'trainee');
  const v = await lockViewing(tx, a, viewingId);
  if (v.closed_at) throw new AppError('invalid_transition', '本次学习已结束，请重新开始学习');
  if (v.check_question_id === null) throw new AppError('invalid_transition', '当前没有需要回答的检查题');
  if (v.check_question_id !== input.questionId)
    throw new AppError('invalid_input', 'questionId: 这不是当前的检查题，请刷新页面', 'questionId');
  const q = await tx
    .selectFrom('online_questions')
    .select(['answer', 'options'])
    .where('id', '=', input.questionId)
    .executeTakeFirstOrThrow();
  if (input.choice >= q.options.length) throw new AppError('invalid_input', 'choice: 没有这个选项', 'choice');
  const at = now();
  const correct = input.choice === q.answer;
  const waitedMs = v.check_asked_at ? at.getTime() - v.check_asked_at.getTime() : null;
  let next: number | null = null;
  if (correct) {
    await tx
      .updateTable('online_viewings')
      .set({
        check_question_id: null,
        check_asked_at: null,
        last_beat_at: at,
        span_id: null,
        next_check_at: nextCheckAt(at, v.duration_seconds),
      })
      .where('id', '=', v.id)
      .execute();
  } else {
    next = await drawQuestion(tx, v.lesson_id, v.check_question_id);
    await tx
      .updateTable('online_viewings')
      .set((eb) => ({ check_question_id: next, last_beat_at: at, wrong_answers: eb('wrong_answers', '+', 1) }))
      .where('id', '=', v.id)
      .execute();
  }
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'online.check.answer',
    entity: 'class',
    entityId: v.class_id,
    data: { lessonId: v.lesson_id, viewingId: v.id, questionId: input.questionId, choice: input.choice, correct, waitedMs },
  });
  const counted = await progressMs(tx, v.lesson_id, v.resident_id);
  const complete = counted >= v.duration_seconds * 1000;
  return {
    correct,
    viewingId: v.id,
    lessonId: v.lesson_id,
    state: correct ? (complete ? 'complete' : 'counting') : 'check',
    countedSeconds: Math.floor(counted / 1000),
    durationSeconds: v.duration_seconds,
    addedSeconds: 0,
    resumed: false,
    question: correct ? null : await questionView(tx, next!),
    beatSeconds: ONLINE_TIMING.beatSeconds,
    message: correct ? '回答正确，继续计时' : '回答不正确：请认真学习后再答，答对前不计学习时间',
  };
}
