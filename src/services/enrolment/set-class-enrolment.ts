// The provider opens its class to public enrolment (§5.5), or closes it: the number of seats (the
// roster's size at most, counting those already on it) and the last day to apply, before the class
// starts. Allowed until the class starts; a change is audited.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import { limits } from '../limits.ts';
import { classForChange } from '../classes/class-scope.ts';
import { assertClassStatus } from '../classes/class-status.ts';
import { PROGRAM_NAMES, type ProgramCode } from '../../policy/codes.ts';
import { formatChineseDate } from '../../policy/dates.ts';
import { PUBLIC_ENROLMENT_PROGRAMS } from './open-class-rules.ts';

export interface ClassEnrolmentInput {
  publicEnrolment: boolean;
  seats: number | null;
  enrolBy: string | null;
}

export interface ClassEnrolmentView extends ClassEnrolmentInput {
  classId: string;
  number: string;
  rosterSize: number;
}

export async function setClassEnrolment(
  tx: Tx,
  actor: Actor | null,
  classId: string,
  input: ClassEnrolmentInput,
): Promise<ClassEnrolmentView> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const cls = await classForChange(tx, a, classId);
  assertClassStatus(cls.status, ['draft', 'returned', 'submitted', 'approved'], '设置公开报名');
  const roster = Number(
    (
      await tx
        .selectFrom('class_trainees')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('class_id', '=', classId)
        .executeTakeFirst()
    )?.n ?? 0,
  );
  if (input.publicEnrolment) {
    if (cls.enterprise_uscc != null || !PUBLIC_ENROLMENT_PROGRAMS.includes(cls.program))
      throw new AppError(
        'invalid_input',
        `publicEnrolment: ${PROGRAM_NAMES[cls.program as ProgramCode] ?? cls.program}${cls.enterprise_uscc ? '（企业职工培训）' : ''}由企业组织本单位职工参训，不面向社会公开报名`,
        'publicEnrolment',
      );
    if (input.seats == null) throw new AppError('invalid_input', 'seats: 公开报名须填写招生名额', 'seats');
  }
  if (input.seats != null) {
    const max = limits().classTrainees;
    if (input.seats > max) throw new AppError('invalid_input', `seats: 每班学员最多 ${max} 名`, 'seats');
    if (input.seats < roster) throw new AppError('invalid_input', `seats: 花名册已有 ${roster} 名学员，名额不能少于此数`, 'seats');
  }
  if (input.enrolBy != null && !(input.enrolBy < cls.start_date))
    throw new AppError('invalid_input', `enrolBy: 报名截止日期应早于开班日期 ${formatChineseDate(cls.start_date)}`, 'enrolBy');
  await tx
    .updateTable('classes')
    .set({
      public_enrolment: input.publicEnrolment,
      seats: input.seats,
      enrol_by: input.enrolBy,
      updated_by: actorLabel(a),
      updated_at: new Date(),
    })
    .where('id', '=', classId)
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'class.enrolment_set',
    entity: 'class',
    entityId: classId,
    data: { number: cls.number, ...input },
  });
  return { classId, number: cls.number, rosterSize: roster, ...input };
}
