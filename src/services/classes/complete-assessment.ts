// A running class becomes assessed once every trainee on the roster has a result: a trainee without
// one would reach the claim as an unknown `qualified`, so the gap is closed here.
import { requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classForChange } from './class-scope.ts';
import { assertClassTransition } from './class-status.ts';
import { getClass, type ClassView } from './get-class.ts';
import { moveClass } from './move-class.ts';

export async function completeAssessment(tx: Tx, actor: Actor | null, id: string): Promise<ClassView> {
  await completeAssessmentOnly(tx, actor, id);
  return getClass(tx, actor, id);
}

/** completeAssessment without reading the class's view back: for a load that shows nothing (the demo). */
export async function completeAssessmentOnly(tx: Tx, actor: Actor | null, id: string): Promise<void> {
  const a = requireRole(actor, 'provider', 'county', 'city');
  const cls = await classForChange(tx, a, id);
  assertClassTransition(cls.status, 'assess');
  const missing = await tx
    .selectFrom('class_trainees')
    .innerJoin('people', 'people.resident_id', 'class_trainees.resident_id')
    .select('people.name')
    .where('class_trainees.class_id', '=', id)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('assessment_results')
            .whereRef('assessment_results.class_id', '=', 'class_trainees.class_id')
            .whereRef('assessment_results.resident_id', '=', 'class_trainees.resident_id')
            .select('assessment_results.qualified'),
        ),
      ),
    )
    .execute();
  if (missing.length > 0) {
    throw new AppError(
      'invalid_transition',
      `还有 ${missing.length} 名学员没有考核结果（${missing
        .slice(0, 3)
        .map((m) => m.name)
        .join('、')}${missing.length > 3 ? '等' : ''}），不能完成结业考核`,
      'results',
    );
  }
  await moveClass(tx, a, cls, 'assess');
}
