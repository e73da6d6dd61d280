// 报名 (§5.5): a registered person applies, from their own login, to a class open for enrolment. One
// live application (待处理 or 已录取) per person per class: the check below gives the message, the
// unique index class_applications_live refuses a second one even when two requests race.
import { newUuid } from '../../store/ids.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import { businessToday } from '../business-date.ts';
import { openForEnrolment } from './open-class-rules.ts';
import { getMyClassApplication, type MyClassApplication } from './list-my-class-applications.ts';

export async function applyToClass(
  tx: Tx,
  actor: Actor | null,
  classId: string,
  input: { note: string | null },
): Promise<MyClassApplication> {
  const a = requireRole(actor, 'trainee');
  const residentId = a.residentId;
  if (!residentId) throw new AppError('forbidden', '本账号没有关联人员登记，不能报名');
  const cls = await tx
    .selectFrom('classes')
    .select(['id', 'number'])
    .where('id', '=', classId)
    .where(openForEnrolment(businessToday()))
    .executeTakeFirst();
  if (!cls) throw new AppError('not_found', '该培训班不在开放报名中（可能已截止、已满或已开班）');
  const onRoster = await tx
    .selectFrom('class_trainees')
    .select('resident_id')
    .where('class_id', '=', classId)
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
  if (onRoster) throw new AppError('conflict', `您已在培训班 ${cls.number} 的花名册中`);
  const live = await tx
    .selectFrom('class_applications')
    .select(['number', 'status'])
    .where('class_id', '=', classId)
    .where('resident_id', '=', residentId)
    .where('status', 'in', ['applied', 'accepted'])
    .executeTakeFirst();
  if (live) throw new AppError('conflict', `您已报名培训班 ${cls.number}（报名编号 ${live.number}），不能重复报名`);
  const id = newUuid();
  try {
    await tx
      .insertInto('class_applications')
      .values({ id, class_id: classId, resident_id: residentId, note: input.note?.trim() || null })
      .execute();
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('conflict', `您已报名培训班 ${cls.number}，不能重复报名`);
    throw e;
  }
  const made = await getMyClassApplication(tx, residentId, id);
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'class_application.apply',
    entity: 'class_application',
    entityId: id,
    data: { number: made.number, classNumber: cls.number },
  });
  return made;
}
