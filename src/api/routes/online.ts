// Online learning (§5.4 网络和移动学习平台; docs/online-learning.md): the provider publishes a class's
// lessons (a file and check questions); a trainee on the roster studies them, the study page sending
// heartbeats the server counts; the class's provider and the offices read each trainee's summary.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bytesText, limits } from '../../services/limits.ts';
import { addLessonQuestion } from '../../services/online/add-lesson-question.ts';
import { answerOnlineCheck } from '../../services/online/answer-online-check.ts';
import { beatOnlineViewing } from '../../services/online/beat-online-viewing.ts';
import { createOnlineLesson } from '../../services/online/create-online-lesson.ts';
import { listMyOnlineLessons } from '../../services/online/list-my-online-lessons.ts';
import { listOnlineLessons } from '../../services/online/list-online-lessons.ts';
import { ONLINE_TIMING, QUESTION_LIMITS } from '../../services/online/online-lesson.ts';
import { publishOnlineLesson } from '../../services/online/publish-online-lesson.ts';
import { readLessonContent } from '../../services/online/read-lesson-content.ts';
import { removeLessonQuestion } from '../../services/online/remove-lesson-question.ts';
import { removeOnlineLesson } from '../../services/online/remove-online-lesson.ts';
import { startOnlineViewing } from '../../services/online/start-online-viewing.ts';
import { stopOnlineViewing } from '../../services/online/stop-online-viewing.ts';
import { summarizeOnlineStudy } from '../../services/online/summarize-online-study.ts';
import { LESSON_TYPES, uploadLessonContent } from '../../services/online/upload-lesson-content.ts';
import { idParam, text, ZFile } from './fields.types.ts';
import { allow, run, who } from './route-access.ts';
import {
  ZListOnlineLessonsResult,
  ZOnlineLessonView,
  ZLessonQuestionView,
  ZRemoveLessonQuestionResult,
  ZListMyOnlineLessonsResult,
  ZViewingState,
  ZAnswerOnlineCheckResult,
  ZOnlineStudySummary,
} from './online.types.ts';
import type { Assert, Conforms } from './conforms.ts';

const tags = ['online'];
const serial = z.coerce.number().int().positive().max(2_000_000_000);
const lessonParams = z.object({ lessonId: serial });
const viewingParams = z.object({ viewingId: serial });
const OFFICES_AND_PROVIDER = ['provider', 'county', 'city'] as const;

export const onlineRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db;
  const bodyLimit = Math.max(limits().lessonVideoBytes, limits().lessonDocumentBytes);
  for (const type of Object.keys(LESSON_TYPES))
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));

  app.get(
    '/classes/:id/online-lessons',
    {
      schema: {
        tags,
        summary: '本班的网络课程（培训机构、人社部门看全部课程及检查题；学员看已发布的课程及本人已计时间）',
        description: who(...OFFICES_AND_PROVIDER, 'trainee'),
        params: idParam,
        response: { 200: ZListOnlineLessonsResult },
      },
      ...allow(...OFFICES_AND_PROVIDER, 'trainee'),
    },
    (req) => run(db, (tx) => listOnlineLessons(tx, req.actor, req.params.id)),
  );
  app.post(
    '/classes/:id/online-lessons',
    {
      schema: {
        tags,
        summary: '新增一节网络课程（仅技能等级提升、短期岗位技能、就业技能培训班；开班审查通过后、结业考核前）',
        description: who('provider'),
        params: idParam,
        body: z.strictObject({
          title: text(100),
          kind: z.enum(['video', 'document']).describe('video 视频课；document 文档课'),
          durationSeconds: z
            .number()
            .int()
            .min(60, '时长不少于 1 分钟')
            .max(28_800, '时长不超过 8 小时')
            .describe('本课学习时长（秒）：计时的上限'),
        }),
        response: { 200: ZOnlineLessonView },
      },
      ...allow('provider'),
    },
    (req) => run(db, (tx) => createOnlineLesson(tx, req.actor, req.params.id, req.body)),
  );
  app.put(
    '/online-lessons/:lessonId/content',
    {
      schema: {
        tags,
        summary: '上传或更换课程文件（未发布的课程；视频 MP4/WebM，文档 PDF）',
        description: `${who('provider')}。请求体为文件本身（Content-Type: video/mp4、video/webm 或 application/pdf；视频不超过 ${bytesText(limits().lessonVideoBytes)}，文档不超过 ${bytesText(limits().lessonDocumentBytes)}）；文件名放在 X-File-Name 头（URL 编码）。`,
        params: lessonParams,
        response: { 200: ZOnlineLessonView },
      },
      ...allow('provider'),
    },
    (req) => {
      const raw = req.headers['x-file-name'];
      let name: string | null;
      try {
        name = typeof raw === 'string' ? decodeURIComponent(raw) : null;
      } catch {
        name = null;
      }
      return uploadLessonContent(db, req.actor, req.params.lessonId, req.body, name);
    },
  );
  app.post(
    '/online-lessons/:lessonId/questions',
    {
      schema: {
        tags,
        summary: '为未发布的课程增加一道检查题（单选）',
        description: who('provider'),
        params: lessonParams,
        body: z.strictObject({
          prompt: text(QUESTION_LIMITS.promptChars),
          options: z
            .array(text(QUESTION_LIMITS.optionChars))
            .min(QUESTION_LIMITS.minOptions, '至少 2 个选项')
            .max(QUESTION_LIMITS.maxOptions, '最多 6 个选项'),
          answer: z
            .number()
            .int()
            .min(0)
            .max(QUESTION_LIMITS.maxOptions - 1)
            .describe('正确选项的序号（从 0 起）'),
        }),
        response: { 200: ZLessonQuestionView },
      },
      ...allow('provider'),
    },
    (req) => run(db, (tx) => addLessonQuestion(tx, req.actor, req.params.lessonId, req.body)),
  );
  app.delete(
    '/online-lessons/:lessonId/questions/:questionId',
    {
      schema: {
        tags,
        summary: '删除未发布课程的一道检查题',
        description: who('provider'),
        params: lessonParams.extend({ questionId: serial }),
        response: { 200: ZRemoveLessonQuestionResult },
      },
      ...allow('provider'),
    },
    (req) => run(db, (tx) => removeLessonQuestion(tx, req.actor, req.params.lessonId, req.params.questionId)),
  );
  app.post(
    '/online-lessons/:lessonId/publish',
    {
      schema: {
        tags,
        summary: '发布课程（须已上传文件并至少有一道检查题；发布后不能修改）',
        description: who('provider'),
        params: lessonParams,
        response: { 200: ZOnlineLessonView },
      },
      ...allow('provider'),
    },
    (req) => run(db, (tx) => publishOnlineLesson(tx, req.actor, req.params.lessonId)),
  );
  app.delete(
    '/online-lessons/:lessonId',
    {
      schema: {
        tags,
        summary: '删除未发布的课程',
        description: who('provider'),
        params: lessonParams,
        response: { 200: ZRemoveLessonQuestionResult },
      },
      ...allow('provider'),
    },
    (req) => run(db, (tx) => removeOnlineLesson(tx, req.actor, req.params.lessonId)),
  );
  app.get(
    '/online-lessons/:lessonId/content',
    {
      schema: {
        tags,
        summary: '课程文件（支持 Range 分段读取，视频可拖动播放）',
        description: `${who(...OFFICES_AND_PROVIDER, 'trainee')}。学员仅限本人在花名册中的班级的已发布课程。`,
        params: lessonParams,
        response: { 200: ZFile, 206: ZFile },
      },
      ...allow(...OFFICES_AND_PROVIDER, 'trainee'),
    },
    async (req, reply) => {
      const c = await readLessonContent(db, req.actor, req.params.lessonId, req.headers.range);
      reply
        .status(c.status)
        .type(c.contentType)
        .header('accept-ranges', 'bytes')
        .header('content-length', String(c.end - c.start + 1))
        .header('etag', `"${c.sha256}"`)
        .header('cache-control', 'private, no-transform')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(c.fileName)}`)
        // A document is shown inside the study page (same origin); nothing else may frame it or run in it.
        .header('x-frame-options', 'SAMEORIGIN')
        .header('content-security-policy', "default-src 'none'; frame-ancestors 'self'");
      if (c.status === 206) reply.header('content-range', `bytes ${c.start}-${c.end}/${c.size}`);
      return reply.send(c.body);
    },
  );
  app.get(
    '/my/online-lessons',
    {
      schema: {
        tags,
        summary: '本人可学习的网络课程（本人在花名册中、培训中的班级）',
        description: who('trainee'),
        response: { 200: ZListMyOnlineLessonsResult },
      },
      ...allow('trainee'),
    },
    (req) => run(db, async (tx) => ({ items: await listMyOnlineLessons(tx, req.actor), beatSeconds: ONLINE_TIMING.beatSeconds })),
  );
  app.post(
    '/online-lessons/:lessonId/viewings',
    {
      schema: {
        tags,
        summary: '开始学习一节课（同一人同一时间只计一节课）',
        description: `${who('trainee')}。之后学习页面在前台播放时每 ${ONLINE_TIMING.beatSeconds} 秒发送一次心跳。`,
        params: lessonParams,
        body: z.strictObject({
          deviceId: z
            .string()
            .regex(/^[A-Za-z0-9-]{16,64}$/, '设备标识格式不对')
            .describe('浏览器中保存的随机设备标识；服务器只保存其摘要'),
        }),
        response: { 200: ZViewingState },
      },
      ...allow('trainee'),
    },
    (req) => run(db, (tx) => startOnlineViewing(tx, req.actor, req.params.lessonId, req.body)),
  );
  app.post(
    '/online-viewings/:viewingId/beat',
    {
      schema: {
        tags,
        summary: '学习心跳：计入距上次心跳的时间（间隔过长不计；有待答检查题时不计）',
        description: who('trainee'),
        params: viewingParams,
        response: { 200: ZViewingState },
      },
      ...allow('trainee'),
    },
    (req) => run(db, (tx) => beatOnlineViewing(tx, req.actor, req.params.viewingId)),
  );
  app.post(
    '/online-viewings/:viewingId/answer',
    {
      schema: {
        tags,
        summary: '回答检查题（答对后继续计时；提问后到答对前的时间不计）',
        description: who('trainee'),
        params: viewingParams,
        body: z.strictObject({
          questionId: serial,
          choice: z
            .number()
            .int()
            .min(0)
            .max(QUESTION_LIMITS.maxOptions - 1),
        }),
        response: { 200: ZAnswerOnlineCheckResult },
      },
      ...allow('trainee'),
    },
    (req) => run(db, (tx) => answerOnlineCheck(tx, req.actor, req.params.viewingId, req.body)),
  );
  app.post(
    '/online-viewings/:viewingId/stop',
    {
      schema: {
        tags,
        summary: '暂停或结束学习（计入到此刻为止的时间）',
        description: who('trainee'),
        params: viewingParams,
        response: { 200: ZViewingState },
      },
      ...allow('trainee'),
    },
    (req) => run(db, (tx) => stopOnlineViewing(tx, req.actor, req.params.viewingId)),
  );
  app.get(
    '/classes/:id/online-study',
    {
      schema: {
        tags,
        summary: '本班学员的网络学习时间、扫码签到和手工补录（及计入实到学时的网络学时）',
        description: who(...OFFICES_AND_PROVIDER),
        params: idParam,
        response: { 200: ZOnlineStudySummary },
      },
      ...allow(...OFFICES_AND_PROVIDER),
    },
    (req) => run(db, (tx) => summarizeOnlineStudy(tx, req.actor, req.params.id)),
  );
};

// Each response schema carries what its use case returns (conforms.ts; `npm run typecheck`).
// ZFile is not tied: a lesson's content (or the range asked) is streamed as it is, without the serializer.
export type ResponsesConform = [
  Assert<Conforms<typeof listOnlineLessons, typeof ZListOnlineLessonsResult>>, // GET /classes/:id/online-lessons
  Assert<Conforms<typeof createOnlineLesson, typeof ZOnlineLessonView>>, // POST /classes/:id/online-lessons
  Assert<Conforms<typeof uploadLessonContent, typeof ZOnlineLessonView>>, // PUT /online-lessons/:lessonId/content
  Assert<Conforms<typeof addLessonQuestion, typeof ZLessonQuestionView>>, // POST /online-lessons/:lessonId/questions
  Assert<Conforms<typeof removeLessonQuestion, typeof ZRemoveLessonQuestionResult>>, // DELETE /online-lessons/:lessonId/questions/:questionId
  Assert<Conforms<typeof publishOnlineLesson, typeof ZOnlineLessonView>>, // POST /online-lessons/:lessonId/publish
  Assert<Conforms<typeof removeOnlineLesson, typeof ZRemoveLessonQuestionResult>>, // DELETE /online-lessons/:lessonId
  Assert<Conforms<{ items: Awaited<ReturnType<typeof listMyOnlineLessons>>; beatSeconds: number }, typeof ZListMyOnlineLessonsResult>>, // GET /my/online-lessons
  Assert<Conforms<typeof startOnlineViewing, typeof ZViewingState>>, // POST /online-lessons/:lessonId/viewings
  Assert<Conforms<typeof beatOnlineViewing, typeof ZViewingState>>, // POST /online-viewings/:viewingId/beat
  Assert<Conforms<typeof answerOnlineCheck, typeof ZAnswerOnlineCheckResult>>, // POST /online-viewings/:viewingId/answer
  Assert<Conforms<typeof stopOnlineViewing, typeof ZViewingState>>, // POST /online-viewings/:viewingId/stop
  Assert<Conforms<typeof summarizeOnlineStudy, typeof ZOnlineStudySummary>>, // GET /classes/:id/online-study
];
