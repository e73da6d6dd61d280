// What every online-learning use case shares (§5.4 网络和移动学习平台; docs/online-learning.md): the
// platform's timing settings, the lesson as the actor may read or change it, and its view.
import { PROGRAM_NAMES, type ProgramCode } from '../../policy/codes.ts';
import { onlineCounts } from '../../policy/online-learning.ts';
import type { Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classInScope } from '../classes/class-scope.ts';
import { notFound } from '../record-scope.ts';
import { randomBelow } from '../chance.ts';

/**
 * The platform's timing (working settings of the city bureau, not the plan's figures): the page sends
 * a heartbeat every BEAT_SECONDS while the lesson is visible and playing; a gap longer than
 * MAX_GAP_SECONDS between two beats (the page hidden, the phone asleep, the network gone) counts
 * nothing — counting resumes from the next beat. A check question comes after a random stretch of
 * CHECK_MIN..CHECK_MAX seconds (shorter for a short lesson: a quarter to three fifths of it).
 */
export const ONLINE_TIMING = {
  beatSeconds: 15,
  maxGapSeconds: 40,
  checkMinSeconds: 300,
  checkMaxSeconds: 900,
} as const;

export const QUESTION_LIMITS = { perLesson: 10, minOptions: 2, maxOptions: 6, promptChars: 200, optionChars: 100 } as const;

/** The next check question's delay, drawn at random (unpredictable to the page) for a lesson's duration. */
export function checkDelayMs(durationSeconds: number): number {
  const lo = Math.min(ONLINE_TIMING.checkMinSeconds, Math.max(15, Math.round(durationSeconds * 0.25)));
  const hi = Math.max(lo, Math.min(ONLINE_TIMING.checkMaxSeconds, Math.max(30, Math.round(durationSeconds * 0.6))));
  return lo * 1000 + randomBelow((hi - lo) * 1000 + 1);
}

export type LessonRow = {
  id: number;
  class_id: string;
  title: string;
  kind: 'video' | 'document';
  duration_seconds: number;
  content_type: string | null;
  file_name: string | null;
  size_bytes: number | null;
  sha256: string | null;
  uploaded_by: string | null;
  uploaded_at: Date | null;
  published_at: Date | null;
  class_status: string;
  class_program: string;
  class_number: string;
};

const LESSON_COLUMNS = [
  'online_lessons.id',
  'online_lessons.class_id',
  'online_lessons.title',
  'online_lessons.kind',
  'online_lessons.duration_seconds',
  'online_lessons.content_type',
  'online_lessons.file_name',
  'online_lessons.size_bytes',
  'online_lessons.sha256',
  'online_lessons.uploaded_by',
  'online_lessons.uploaded_at',
  'online_lessons.published_at',
  'classes.status as class_status',
  'classes.program as class_program',
  'classes.number as class_number',
] as const;

/** A lesson of a class the actor sees (class-scope.ts: a trainee only on the roster); else "not found". */
export async function lessonInScope(tx: Tx, actor: Actor, lessonId: number, lock = false): Promise<LessonRow> {
  let q = tx
    .selectFrom('online_lessons')
    .innerJoin('classes', 'classes.id', 'online_lessons.class_id')
    .select([...LESSON_COLUMNS])
    .where('online_lessons.id', '=', lessonId)
    .where(classInScope(actor));
  if (actor.role === 'trainee') q = q.where('online_lessons.published_at', 'is not', null);
  const row = await (lock ? q.forUpdate('online_lessons') : q).executeTakeFirst();
  if (!row) throw new AppError('not_found', '没有找到这一课，或您不在该班花名册中');
  return row as LessonRow;
}

/** A lesson its class's provider may still change: its own class, the lesson not yet published. */
export async function draftLessonForChange(tx: Tx, actor: Actor, lessonId: number): Promise<LessonRow> {
  if (actor.role !== 'provider') throw new AppError('forbidden', '只有本班的培训机构可以修改网络课程');
  const lesson = await lessonInScope(tx, actor, lessonId, true);
  if (lesson.published_at)
    throw new AppError('invalid_transition', `「${lesson.title}」已发布，不能再修改（学员的学时以发布时的内容为准）`);
  return lesson;
}

/** The provider's own class, for adding lessons: running or about to start, and a program online time counts for. */
export async function classForLessons(tx: Tx, actor: Actor, classId: string) {
  if (actor.role !== 'provider') throw new AppError('forbidden', '只有本班的培训机构可以发布网络课程');
  const cls = await tx
    .selectFrom('classes')
    .select(['id', 'number', 'status', 'program'])
    .where('id', '=', classId)
    .where(classInScope(actor))
    .forUpdate()
    .executeTakeFirst();
  if (!cls) throw notFound('培训班', classId);
  assertOnlineProgram(cls.program);
  if (cls.status !== 'approved' && cls.status !== 'running')
    throw new AppError('invalid_transition', '培训班开班审查通过后、结业考核前才能发布网络课程', 'status');
  return cls;
}

export function assertOnlineProgram(program: string): void {
  if (!onlineCounts(program))
    throw new AppError(
      'invalid_transition',
      `本班为${PROGRAM_NAMES[program as ProgramCode] ?? program}，网络学习时间不计入学时（仅技能等级提升培训、短期岗位技能培训、就业技能培训可计，§5.4）`,
    );
}

export interface LessonQuestionView {
  id: number;
  prompt: string;
  options: string[];
  /** The right choice (0-based): shown to the class's provider and the offices, never to a trainee. */
  answer?: number;
}

export interface OnlineLessonView {
  id: number;
  classId: string;
  classNumber: string;
  title: string;
  kind: 'video' | 'document';
  durationSeconds: number;
  file: { name: string; contentType: string; sizeBytes: number; sha256: string; uploadedBy: string; uploadedAt: string } | null;
  published: boolean;
  publishedAt: string | null;
  questions: LessonQuestionView[];
  /** A trainee's own counted seconds of this lesson (trainee views only). */
  countedSeconds?: number;
}

export async function lessonViews(tx: Tx, actor: Actor, lessons: LessonRow[]): Promise<OnlineLessonView[]> {
  if (lessons.length === 0) return [];
  const ids = lessons.map((l) => l.id);
  const questions = await tx
    .selectFrom('online_questions')
    .select(['id', 'lesson_id', 'prompt', 'options', 'answer'])
    .where('lesson_id', 'in', ids)
    .orderBy('id')
    .execute();
  const trainee = actor.role === 'trainee';
  const progress = trainee
    ? new Map(
        (
          await tx
            .selectFrom('online_progress')
            .select(['lesson_id', 'counted_ms'])
            .where('lesson_id', 'in', ids)
            .where('resident_id', '=', actor.residentId ?? '')
            .execute()
        ).map((p) => [p.lesson_id, Number(p.counted_ms)]),
      )
    : null;
  return lessons.map((l) => ({
    id: l.id,
    classId: l.class_id,
    classNumber: l.class_number,
    title: l.title,
    kind: l.kind,
    durationSeconds: l.duration_seconds,
    file:
      l.sha256 && l.uploaded_at
        ? {
            name: l.file_name ?? '',
            contentType: l.content_type ?? '',
            sizeBytes: Number(l.size_bytes),
            sha256: l.sha256,
            uploadedBy: l.uploaded_by ?? '',
            uploadedAt: l.uploaded_at.toISOString(),
          }
        : null,
    published: l.published_at !== null,
    publishedAt: l.published_at?.toISOString() ?? null,
    // A trainee meets the questions one at a time, as checks while studying: the list shows none.
    questions: trainee
      ? []
      : questions.filter((q) => q.lesson_id === l.id).map((q) => ({ id: q.id, prompt: q.prompt, options: q.options, answer: q.answer })),
    ...(progress ? { countedSeconds: Math.floor((progress.get(l.id) ?? 0) / 1000) } : {}),
  }));
}

export const LESSON_SELECT = LESSON_COLUMNS;
