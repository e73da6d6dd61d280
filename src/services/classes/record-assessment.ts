// 结业考核: the result per trainee (qualified or not) with the assessment date, while the class runs.
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertDate } from '../identifiers.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { classForChange } from './class-scope.ts';
import { assertClassStatus } from './class-status.ts';

export interface AssessmentInput {
  results: { residentId: string; qualified: boolean; assessedOn: string }[];
}

export async function recordAssessment(
  tx: Tx,
  actor: Actor | null,
  classId: string,
  input: AssessmentInput,
): Promise<{ recorded: number }> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const cls = await classForChange(tx, a, classId);
  assertClassStatus(cls.status, ['running'], '登记考核结果');
  const roster = new Set(
    (await tx.selectFrom('class_trainees').select('resident_id').where('class_id', '=', classId).execute()).map((r) => r.resident_id),
  );
  input.results.forEach((r, i) => {
    const at = `results[${i}]`;
    if (!roster.has(r.residentId)) throw new AppError('invalid_input', `${at}.residentId: 该人员不在本班花名册中`, `${at}.residentId`);
    assertDate(r.assessedOn, `${at}.assessedOn`);
    if (r.assessedOn < cls.start_date) throw new AppError('invalid_input', `${at}.assessedOn: 考核日期早于开班日期`, `${at}.assessedOn`);
  });
  // One statement per trainee (a trainee listed twice keeps the later result, as before).
  const latest = new Map(input.results.map((r) => [r.residentId, r]));
  if (latest.size > 0) {
    await tx
      .insertInto('assessment_results')
      .values(
        [...latest.values()].map((r) => ({
          class_id: classId,
          resident_id: r.residentId,
          qualified: r.qualified,
          assessed_on: r.assessedOn,
          recorded_by: actorLabel(a),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['class_id', 'resident_id']).doUpdateSet((eb) => ({
          qualified: eb.ref('excluded.qualified'),
          assessed_on: eb.ref('excluded.assessed_on'),
          recorded_by: eb.ref('excluded.recorded_by'),
        })),
      )
      .execute();
  }
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'class.assessment',
    entity: 'class',
    entityId: classId,
    data: { results: input.results.map((r) => ({ residentId: r.residentId, qualified: r.qualified })) },
  });
  return { recorded: input.results.length };
}
