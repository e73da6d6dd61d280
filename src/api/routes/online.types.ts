// Response schemas of the routes in online.ts (the web imports their types).
import { z } from 'zod';
import { LESSON_KIND_NAMES, VIEWING_STATES } from '../../vocabulary/online.ts';
import { sortKeys } from './fields.types.ts';

// Responses.
export const ZLessonQuestionView = z.object({
  id: z.number(),
  prompt: z.string(),
  options: z.array(z.string()),
  answer: z.number().optional(),
});
export const ZOnlineLessonView = z.object({
  id: z.number(),
  classId: z.string(),
  classNumber: z.string(),
  title: z.string(),
  kind: z.enum(sortKeys(LESSON_KIND_NAMES)),
  durationSeconds: z.number(),
  file: z
    .object({
      name: z.string(),
      contentType: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
      uploadedBy: z.string(),
      uploadedAt: z.string(),
    })
    .nullable(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  questions: z.array(ZLessonQuestionView),
  countedSeconds: z.number().optional(),
});
export const ZListOnlineLessonsResult = z.array(ZOnlineLessonView);
export const ZRemoveLessonQuestionResult = z.object({ removed: z.boolean() });
export const ZListMyOnlineLessonsResult = z.object({ items: z.array(ZOnlineLessonView), beatSeconds: z.number() });
export const ZCheckQuestion = z.object({ id: z.number(), prompt: z.string(), options: z.array(z.string()) });
export const ZViewingState = z.object({
  viewingId: z.number(),
  lessonId: z.number(),
  state: z.enum(VIEWING_STATES),
  countedSeconds: z.number(),
  durationSeconds: z.number(),
  addedSeconds: z.number(),
  resumed: z.boolean(),
  question: ZCheckQuestion.nullable(),
  beatSeconds: z.number(),
  message: z.string(),
});
export const ZAnswerOnlineCheckResult = z.object({
  viewingId: z.number(),
  lessonId: z.number(),
  state: z.enum(VIEWING_STATES),
  countedSeconds: z.number(),
  durationSeconds: z.number(),
  addedSeconds: z.number(),
  resumed: z.boolean(),
  question: ZCheckQuestion.nullable(),
  beatSeconds: z.number(),
  message: z.string(),
  correct: z.boolean(),
});
export const ZOnlineCreditRule = z.object({
  counts: z.boolean(),
  maxSharePercent: z.number().nullable(),
  capHours: z.number().nullable(),
  clause: z.string(),
  parameter: z.string(),
});
export const ZTraineeOnlineSummary = z.object({
  residentId: z.string(),
  name: z.string(),
  onlineSeconds: z.number().nullable(),
  lessons: z.array(z.object({ lessonId: z.number(), seconds: z.number() })),
  onlineCreditedHours: z.number().nullable(),
  qrSignins: z.number(),
  manualMarks: z.number(),
  classroomHours: z.number().nullable(),
  attendedHours: z.number().nullable(),
});
export const ZOnlineStudySummary = z.object({
  classId: z.string(),
  rule: ZOnlineCreditRule,
  lessons: z.array(z.object({ id: z.number(), title: z.string(), durationSeconds: z.number(), published: z.boolean() })),
  trainees: z.array(ZTraineeOnlineSummary),
});

// The shapes the web reads (type-only imports there: erased from the bundle).
export type TOnlineLesson = z.infer<typeof ZOnlineLessonView>;
export type TMyOnlineLessons = z.infer<typeof ZListMyOnlineLessonsResult>;
export type TViewingState = z.infer<typeof ZViewingState>;
export type TAnswerOnlineCheckResult = z.infer<typeof ZAnswerOnlineCheckResult>;
export type TOnlineStudySummary = z.infer<typeof ZOnlineStudySummary>;
