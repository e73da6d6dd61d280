// A provider adds a multiple-choice check question to a lesson not yet published (§5.4): while a
// trainee studies, the server asks one of them at random now and then, and stops counting until it
// is answered right (docs/online-learning.md).
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { draftLessonForChange, QUESTION_LIMITS, type LessonQuestionView } from './online-lesson.ts';

export interface QuestionInput {
  prompt: string;
  options: string[];
  /** The right option (0-based). */
  answer: number;
}

export async function addLessonQuestion(tx: Tx, actor: Actor | null, lessonId: number, input: QuestionInput): Promise<LessonQuestionView> {
  const a = requireRole(actor, 'provider');
  const lesson = await draftLessonForChange(tx, a, lessonId);
  const prompt = input.prompt.trim();
  const options = input.options.map((o) => o.trim());
  if (!prompt) throw new AppError('invalid_input', 'prompt: 请填写题目', 'prompt');
  options.forEach((o, i) => {
    if (!o) throw new AppError('invalid_input', `options[${i}]: 选项不能为空`, `options[${i}]`);
  });
  if (new Set(options).size !== options.length) throw new AppError('invalid_input', 'options: 选项不能重复', 'options');
  if (input.answer >= options.length) throw new AppError('invalid_input', 'answer: 正确答案须为其中一个选项', 'answer');
  const n = await tx
    .selectFrom('online_questions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('lesson_id', '=', lessonId)
    .executeTakeFirstOrThrow();
  if (Number(n.n) >= QUESTION_LIMITS.perLesson)
    throw new AppError('invalid_input', `prompt: 每节课最多 ${QUESTION_LIMITS.perLesson} 道检查题`, 'prompt');
  const { id } = await tx
    .insertInto('online_questions')
    .values({ lesson_id: lessonId, prompt, options: JSON.stringify(options), answer: input.answer })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'online.question.add',
    entity: 'class',
    entityId: lesson.class_id,
    data: { lessonId, questionId: id, prompt, options, answer: input.answer },
  });
  return { id, prompt, options, answer: input.answer };
}
