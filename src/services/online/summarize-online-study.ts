// A class's attendance with online study (§5.3 过程监督, §5.4): per trainee, the online time counted
// (all lessons, and lesson by lesson), the hours it is credited (capped; none for programs online
// time does not count for), the classroom sign-ins by QR code, the provider's manual marks, and the
// attended hours the class's claims would carry. For the class's provider and the offices.
import { attendedWithOnline } from '../../policy/online-learning.ts';
import { requireRole, type Actor } from '../access.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classInScope } from '../classes/class-scope.ts';
import { notFound } from '../record-scope.ts';
import { onlineCreditRule, type OnlineCreditRule } from './online-hours.ts';

export interface TraineeOnlineSummary {
  residentId: string;
  name: string;
  /** Counted online seconds (null: never opened a lesson). */
  onlineSeconds: number | null;
  lessons: { lessonId: number; seconds: number }[];
  /** Online hours credited toward attended hours (null: none on record, or the program does not count them). */
  onlineCreditedHours: number | null;
  qrSignins: number;
  manualMarks: number;
  /** Hours of the present classroom marks (null: no mark on record). */
  classroomHours: number | null;
  /** What a claim from this class carries as attended hours (null: nothing on record). */
  attendedHours: number | null;
}

export interface OnlineStudySummary {
  classId: string;
  rule: OnlineCreditRule;
  lessons: { id: number; title: string; durationSeconds: number; published: boolean }[];
  trainees: TraineeOnlineSummary[];
}

export async function summarizeOnlineStudy(tx: Tx, actor: Actor | null, classId: string): Promise<OnlineStudySummary> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const cls = await tx
    .selectFrom('classes')
    .select(['id', 'program', 'start_date', 'hours'])
    .where('id', '=', classId)
    .where(classInScope(a))
    .executeTakeFirst();
  if (!cls) throw notFound('培训班', classId);
  const rule = await onlineCreditRule(tx, cls);
  const lessons = await tx
    .selectFrom('online_lessons')
    .select(['id', 'title', 'duration_seconds', 'published_at'])
    .where('class_id', '=', classId)
    .orderBy('id')
    .execute();
  const roster = await tx
    .selectFrom('class_trainees')
    .innerJoin('people', 'people.resident_id', 'class_trainees.resident_id')
    .select(['class_trainees.resident_id', 'people.name'])
    .where('class_trainees.class_id', '=', classId)
    .orderBy('class_trainees.resident_id')
    .execute();
  const progress = await tx
    .selectFrom('online_progress')
    .innerJoin('online_lessons', 'online_lessons.id', 'online_progress.lesson_id')
    .select(['online_progress.resident_id', 'online_progress.lesson_id', 'online_progress.counted_ms'])
    .where('online_lessons.class_id', '=', classId)
    .execute();
  const marks = await tx
    .selectFrom('attendance')
    .innerJoin('class_sessions', 'class_sessions.id', 'attendance.session_id')
    .select((eb) => [
      'attendance.resident_id',
      'attendance.present',
      'attendance.manual',
      eb.fn.coalesce('attendance.hours', 'class_sessions.hours').as('hours'),
    ])
    .where('class_sessions.class_id', '=', classId)
    .execute();
  return {
    classId,
    rule,
    lessons: lessons.map((l) => ({ id: l.id, title: l.title, durationSeconds: l.duration_seconds, published: l.published_at !== null })),
    trainees: roster.map((t) => {
      const mine = progress.filter((p) => p.resident_id === t.resident_id);
      const onlineSeconds = mine.length ? Math.floor(mine.reduce((s, p) => s + Number(p.counted_ms), 0) / 1000) : null;
      const myMarks = marks.filter((m) => m.resident_id === t.resident_id);
      const present = myMarks.filter((m) => m.present);
      const classroomHours = myMarks.length ? Math.round(present.reduce((s, m) => s + Number(m.hours), 0) * 100) / 100 : null;
      const credit = attendedWithOnline(
        classroomHours,
        onlineSeconds === null ? null : onlineSeconds / 3600,
        cls.program,
        rule.capHours ?? 0,
      );
      return {
        residentId: t.resident_id,
        name: t.name,
        onlineSeconds,
        lessons: mine.map((p) => ({ lessonId: p.lesson_id, seconds: Math.floor(Number(p.counted_ms) / 1000) })),
        onlineCreditedHours: rule.counts ? credit.onlineCredited : null,
        qrSignins: present.filter((m) => !m.manual).length,
        manualMarks: present.filter((m) => m.manual).length,
        classroomHours,
        attendedHours: credit.attendedHours,
      };
    }),
  };
}
