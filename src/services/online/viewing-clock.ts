// The study clock of a viewing (§5.4; docs/online-learning.md), shared by the heartbeat, the stop
// and the check answer. All times are the server's (clock.ts). A beat counts the wall-clock time
// since the previous beat — never more — provided that gap is at most ONLINE_TIMING.maxGapSeconds
// (a longer silence means the page was hidden, paused or asleep: nothing of it counts) and no check
// question is waiting for its answer; the lesson's total for the person never passes its duration.
// Callers hold the viewing's row lock (select … for update); the person's progress row is locked
// here, so two beats can never count the same interval twice.
import type { Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import type { Actor } from '../access.ts';
import { ONLINE_TIMING, checkDelayMs } from './online-lesson.ts';
import { randomBelow } from '../chance.ts';
import type { ViewingStateCode } from '../../vocabulary/online.ts';

export interface ViewingRow {
  id: number;
  lesson_id: number;
  class_id: string;
  resident_id: string;
  device_hash: string;
  last_beat_at: Date;
  closed_at: Date | null;
  counted_ms: number;
  next_check_at: Date | null;
  check_question_id: number | null;
  check_asked_at: Date | null;
  span_id: number | null;
  duration_seconds: number;
  title: string;
}

export interface CheckQuestion {
  id: number;
  prompt: string;
  options: string[];
}

export interface ViewingState {
  viewingId: number;
  lessonId: number;
  /** counting: time counts; check: a question waits (nothing counts until it is answered right);
   *  complete: the lesson's duration is reached; closed: this viewing ended (start a new one). */
  state: ViewingStateCode;
  /** This person's counted seconds of the lesson, all viewings together. */
  countedSeconds: number;
  durationSeconds: number;
  /** Seconds this call added. */
  addedSeconds: number;
  /** True when the gap since the last beat was too long to count (the clock had paused). */
  resumed: boolean;
  question: CheckQuestion | null;
  beatSeconds: number;
  message: string;
}

/** The caller's own viewing, locked; another person's is "not found". */
export async function lockViewing(tx: Tx, actor: Actor, viewingId: number): Promise<ViewingRow> {
  const v = await tx
    .selectFrom('online_viewings')
    .innerJoin('online_lessons', 'online_lessons.id', 'online_viewings.lesson_id')
    .select([
      'online_viewings.id',
      'online_viewings.lesson_id',
      'online_viewings.class_id',
      'online_viewings.resident_id',
      'online_viewings.device_hash',
      'online_viewings.last_beat_at',
      'online_viewings.closed_at',
      'online_viewings.counted_ms',
      'online_viewings.next_check_at',
      'online_viewings.check_question_id',
      'online_viewings.check_asked_at',
      'online_viewings.span_id',
      'online_lessons.duration_seconds',
      'online_lessons.title',
    ])
    .where('online_viewings.id', '=', viewingId)
    .where('online_viewings.resident_id', '=', actor.residentId ?? '')
    .forUpdate('online_viewings')
    .executeTakeFirst();
  if (!v) throw new AppError('not_found', '没有找到这次学习记录');
  return { ...v, counted_ms: Number(v.counted_ms) };
}

export async function questionView(tx: Tx, id: number): Promise<CheckQuestion> {
  const q = await tx.selectFrom('online_questions').select(['id', 'prompt', 'options']).where('id', '=', id).executeTakeFirstOrThrow();
  return { id: q.id, prompt: q.prompt, options: q.options };
}

/** One of the lesson's questions at random (another than `not` when there is another). */
export async function drawQuestion(tx: Tx, lessonId: number, not: number | null): Promise<number | null> {
  const ids = (await tx.selectFrom('online_questions').select('id').where('lesson_id', '=', lessonId).orderBy('id').execute()).map(
    (q) => q.id,
  );
  const pool = ids.length > 1 && not !== null ? ids.filter((i) => i !== not) : ids;
  return pool.length ? pool[randomBelow(pool.length)]! : null;
}

/**
 * Advances a locked, open viewing to instant `at`: counts what may be counted, and (when `ask`)
 * asks a check question once its random time has come. Returns the new state.
 */
export async function advanceViewing(tx: Tx, v: ViewingRow, at: Date, ask: boolean): Promise<ViewingState> {
  const limitMs = v.duration_seconds * 1000;
  const gapMs = at.getTime() - v.last_beat_at.getTime();
  const pending = v.check_question_id !== null;
  const progress = await tx
    .selectFrom('online_progress')
    .select('counted_ms')
    .where('lesson_id', '=', v.lesson_id)
    .where('resident_id', '=', v.resident_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const before = Number(progress.counted_ms);
  const countable = !pending && gapMs > 0 && gapMs <= ONLINE_TIMING.maxGapSeconds * 1000;
  const added = countable ? Math.max(0, Math.min(gapMs, limitMs - before)) : 0;
  let spanId = countable ? v.span_id : null;
  if (added > 0) {
    await tx
      .updateTable('online_progress')
      .set((eb) => ({ counted_ms: eb('counted_ms', '+', added), updated_at: at }))
      .where('lesson_id', '=', v.lesson_id)
      .where('resident_id', '=', v.resident_id)
      .execute();
    const to = new Date(v.last_beat_at.getTime() + added);
    // A beat continuing the last counted one extends its span; otherwise a new span begins.
    const extended = spanId
      ? await tx
          .updateTable('online_study_spans')
          .set((eb) => ({ to_at: to, counted_ms: eb('counted_ms', '+', added) }))
          .where('id', '=', spanId)
          .where('to_at', '=', v.last_beat_at)
          .returning('id')
          .executeTakeFirst()
      : undefined;
    if (!extended) {
      const span = await tx
        .insertInto('online_study_spans')
        .values({
          viewing_id: v.id,
          lesson_id: v.lesson_id,
          class_id: v.class_id,
          resident_id: v.resident_id,
          from_at: v.last_beat_at,
          to_at: to,
          counted_ms: added,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      spanId = span.id;
    }
  }
  const total = before + added;
  const complete = total >= limitMs;
  let questionId = v.check_question_id;
  let askedAt = v.check_asked_at;
  if (ask && !pending && !complete && v.next_check_at && at >= v.next_check_at) {
    questionId = await drawQuestion(tx, v.lesson_id, null);
    if (questionId !== null) {
      askedAt = at;
      spanId = null;
    }
  }
  await tx
    .updateTable('online_viewings')
    .set((eb) => ({
      last_beat_at: at > v.last_beat_at ? at : v.last_beat_at,
      counted_ms: eb('counted_ms', '+', added),
      span_id: spanId,
      check_question_id: questionId,
      check_asked_at: askedAt,
    }))
    .where('id', '=', v.id)
    .execute();
  const resumed = !pending && gapMs > ONLINE_TIMING.maxGapSeconds * 1000;
  const state = questionId !== null ? 'check' : complete ? 'complete' : 'counting';
  return {
    viewingId: v.id,
    lessonId: v.lesson_id,
    state,
    countedSeconds: Math.floor(total / 1000),
    durationSeconds: v.duration_seconds,
    addedSeconds: Math.floor(added / 1000),
    resumed,
    question: questionId !== null ? await questionView(tx, questionId) : null,
    beatSeconds: ONLINE_TIMING.beatSeconds,
    message:
      state === 'check'
        ? '请回答检查题：答对后继续计时（未答对前不计学习时间）'
        : state === 'complete'
          ? '本课学习时间已满，继续观看不再计时'
          : resumed
            ? `超过 ${ONLINE_TIMING.maxGapSeconds} 秒未收到学习心跳，中断的时间不计；已恢复计时`
            : '正在计时',
  };
}

/** A new random time for the next check, from `at`. */
export const nextCheckAt = (at: Date, durationSeconds: number): Date => new Date(at.getTime() + checkDelayMs(durationSeconds));

export function closedState(v: ViewingRow, countedMs: number): ViewingState {
  return {
    viewingId: v.id,
    lessonId: v.lesson_id,
    state: 'closed',
    countedSeconds: Math.floor(countedMs / 1000),
    durationSeconds: v.duration_seconds,
    addedSeconds: 0,
    resumed: false,
    question: null,
    beatSeconds: ONLINE_TIMING.beatSeconds,
    message: '本次学习已结束，请重新开始学习',
  };
}

export async function progressMs(tx: Tx, lessonId: number, residentId: string): Promise<number> {
  const p = await tx
    .selectFrom('online_progress')
    .select('counted_ms')
    .where('lesson_id', '=', lessonId)
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
  return Number(p?.counted_ms ?? 0);
}
