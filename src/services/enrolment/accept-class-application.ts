// 录取 (§5.5): the provider accepts an application and the person joins the roster. The person passes
// the same checks a roster line passes (the form's per-trainee check, src/policy/class-application.ts)
// and the opening review's per-trainee checks (trainee-cross-checks.ts: R5, R3, R4, R11; overlapping
// classes): a known failure refuses the acceptance, an unknown fact is a warning kept in the audit.
// Seats: the class row is locked (classForChange … for update) before the roster is counted, so two
// acceptances for the last seat queue on that lock and the second finds the class full.
import { traineeProblems } from '../../policy/class-application.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import { classForChange } from '../classes/class-scope.ts';
import { assertClassStatus } from '../classes/class-status.ts';
import { overlappingClasses } from '../classes/opening-review.ts';
import { traineeCrossChecks, type Problem } from '../classes/trainee-cross-checks.ts';
import { APPLICATION_STATUS_NAMES } from './open-class-rules.ts';

export interface AcceptedApplication {
  id: string;
  number: string;
  status: 'accepted';
  rosterSize: number;
  seats: number;
  /** Facts not on record for the person (R10: the claim will be undecided on them, never paid on a guess). */
  warnings: Problem[];
}

export async function acceptClassApplication(tx: Tx, actor: Actor | null, id: string): Promise<AcceptedApplication> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const ref = await tx.selectFrom('class_applications').select(['class_id']).where('id', '=', id).executeTakeFirst();
  if (!ref) throw new AppError('not_found', '没有找到这份报名，或它不在您的办理范围内');
  // The class first (its lock serialises every acceptance into it), then the application.
  const cls = await classForChange(tx, a, ref.class_id);
  assertClassStatus(cls.status, ['approved'], '录取报名学员（录取须在开班前）');
  const app = await tx.selectFrom('class_applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  if (app.status !== 'applied')
    throw new AppError(
      'invalid_transition',
      `报名 ${app.number} 当前为“${APPLICATION_STATUS_NAMES[app.status ?? 'applied']}”，不能录取`,
      'status',
    );
  const roster = Number(
    (
      await tx
        .selectFrom('class_trainees')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('class_id', '=', cls.id)
        .executeTakeFirst()
    )?.n ?? 0,
  );
  if (cls.seats == null) throw new AppError('conflict', `培训班 ${cls.number} 未设置招生名额，不能录取`);
  if (roster >= cls.seats) throw new AppError('conflict', `培训班 ${cls.number} 名额已满（${cls.seats} 名），不能再录取`);

  const line = { resident_id: app.resident_id, employer_uscc: null, new_hire: null, contract_months: null };
  const form = traineeProblems({ residentId: app.resident_id, employerUscc: null, contractMonths: null })[0];
  if (form) throw new AppError('conflict', `不能录取：${form.message}`);
  const verdicts = await traineeCrossChecks(tx, cls, [line]);
  const problems = [
    ...(verdicts.notInForce ? [{ rule: '有效期', clause: '§end', severity: 'blocking' as const, message: verdicts.notInForce }] : []),
    ...(verdicts.problems.get(app.resident_id) ?? []),
    ...((await overlappingClasses(tx, cls, [app.resident_id])).get(app.resident_id) ?? []),
  ];
  const blocking = problems.filter((p) => p.severity === 'blocking');
  if (blocking.length > 0) throw new AppError('conflict', `不能录取：${blocking.map((p) => `${p.message}（${p.clause}）`).join('；')}`);

  await tx
    .insertInto('class_trainees')
    .values({ class_id: cls.id, ...line })
    .execute();
  await tx
    .updateTable('class_applications')
    .set({ status: 'accepted', decided_by: actorLabel(a), decided_at: new Date() })
    .where('id', '=', id)
    .execute();
  const warnings = problems.filter((p) => p.severity === 'warning');
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'class_application.accept',
    entity: 'class_application',
    entityId: id,
    data: {
      number: app.number,
      classNumber: cls.number,
      rosterSize: roster + 1,
      seats: cls.seats,
      warnings: warnings.map((w) => w.message),
    },
  });
  return { id, number: app.number, status: 'accepted', rosterSize: roster + 1, seats: cls.seats, warnings };
}
