// A trainee on the class's roster opens a published lesson to study it (§5.4): a viewing begins on
// the server's clock. A person counts one lesson at a time: at most one viewing of theirs is open
// (a unique index, so two starts at the same instant cannot both succeed). Starting closes their
// viewings that have gone silent (no beat for maxGapSeconds: nothing of them counts any more) and
// one of the same lesson on the same device (the page reloaded); a live viewing of another lesson,
// or on another device, is refused until it stops.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { now } from '../clock.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { deviceHash } from '../attendance/signin-token.ts';
import { assertOnlineProgram, lessonInScope, ONLINE_TIMING } from './online-lesson.ts';
import { nextCheckAt, progressMs, questionView, type ViewingState } from './viewing-clock.ts';

export async function startOnlineViewing(
  tx: Tx,
  actor: Actor | null,
  lessonId: number,
  input: { deviceId: string },
): Promise<ViewingState> {
  const a = requireRole(actor, 'trainee');
  if (!a.residentId) throw new AppError('forbidden', '该账号未关联本人身份证号，不能参加网络学习');
  const me = a.residentId;
  const lesson = await lessonInScope(tx, a, lessonId);
  assertOnlineProgram(lesson.class_program);
  if (lesson.class_status !== 'running') throw new AppError('invalid_transition', '培训班不在培训中，网络学习暂不计时', 'status');
  const at = now();
  const device = deviceHash(input.deviceId);
  const stale = new Date(at.getTime() - ONLINE_TIMING.maxGapSeconds * 1000);
  const closed = await tx
    .updateTable('online_viewings')
    .set((eb) => ({ closed_at: eb.ref('last_beat_at') }))
    .where('resident_id', '=', me)
    .where('closed_at', 'is', null)
    .where((eb) => eb.or([eb('last_beat_at', '<', stale), eb.and([eb('lesson_id', '=', lessonId), eb('device_hash', '=', device)])]))
    .returning('id')
    .execute();
  const opened = await tx
    .insertInto('online_viewings')
    .values({
      lesson_id: lessonId,
      class_id: lesson.class_id,
      resident_id: me,
      device_hash: device,
      started_at: at,
      last_beat_at: at,
      next_check_at: nextCheckAt(at, lesson.duration_seconds),
    })
    .onConflict((oc) => oc.column('resident_id').where('closed_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!opened) {
    const live = await tx
      .selectFrom('online_viewings')
      .innerJoin('online_lessons', 'online_lessons.id', 'online_viewings.lesson_id')
      .select(['online_lessons.title', 'online_viewings.lesson_id'])
      .where('online_viewings.resident_id', '=', me)
      .where('online_viewings.closed_at', 'is', null)
      .executeTakeFirst();
    throw new AppError(
      'conflict',
      live && live.lesson_id !== lessonId
        ? `您正在学习「${live.title}」，同一时间只计一节课的学习时间。请先在那个页面暂停或关闭，约 ${ONLINE_TIMING.maxGapSeconds} 秒后再开始本课`
        : `本课正在另一台设备或另一个页面上学习，同一时间只计一处。请先关闭那个页面，约 ${ONLINE_TIMING.maxGapSeconds} 秒后再试`,
    );
  }
  // A check question left unanswered (the page closed, the video stopped) waits in the new viewing:
  // stopping and starting again never skips a check, and nothing counts until it is answered right.
  const unanswered = await tx
    .selectFrom('online_viewings')
    .select(['id', 'check_question_id', 'check_asked_at'])
    .where('resident_id', '=', me)
    .where('lesson_id', '=', lessonId)
    .where('closed_at', 'is not', null)
    .where('check_question_id', 'is not', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (unanswered) {
    await tx
      .updateTable('online_viewings')
      .set({ check_question_id: null })
      .where('resident_id', '=', me)
      .where('lesson_id', '=', lessonId)
      .where('closed_at', 'is not', null)
      .execute();
    await tx
      .updateTable('online_viewings')
      .set({ check_question_id: unanswered.check_question_id, check_asked_at: unanswered.check_asked_at })
      .where('id', '=', opened.id)
      .execute();
  }
  await tx
    .insertInto('online_progress')
    .values({ lesson_id: lessonId, resident_id: me })
    .onConflict((oc) => oc.columns(['lesson_id', 'resident_id']).doNothing())
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'online.viewing.start',
    entity: 'class',
    entityId: lesson.class_id,
    data: { lessonId, viewingId: opened.id, residentId: me, startedAt: at.toISOString(), device, closedViewings: closed.map((c) => c.id) },
  });
  const counted = await progressMs(tx, lessonId, me);
  const complete = counted >= lesson.duration_seconds * 1000;
  const question = unanswered ? await questionView(tx, unanswered.check_question_id!) : null;
  return {
    viewingId: opened.id,
    lessonId,
    state: question ? 'check' : complete ? 'complete' : 'counting',
    countedSeconds: Math.floor(counted / 1000),
    durationSeconds: lesson.duration_seconds,
    addedSeconds: 0,
    resumed: false,
    question,
    beatSeconds: ONLINE_TIMING.beatSeconds,
    message: question
      ? '请先回答上次未答的检查题：答对后继续计时'
      : complete
        ? '本课学习时间已满，可以继续观看复习，不再计时'
        : '开始计时：请保持本页面在前台播放',
  };
}
