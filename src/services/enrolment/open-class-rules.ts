// Which classes are open for enrolment (§5.5: people choose their programme and provider), in one
// place for the public list, the application and the acceptance: a class the office has approved
// (开班审查通过) and that has not started, whose provider opted in with a number of seats, before its
// last day to apply, with a seat left, run by a listed provider. Only programmes a person takes on
// their own may open to the public: an enterprise's own classes (its employees, §4.1–§4.4, safety)
// are filled by the enterprise.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { CLASS_PROGRAMS, EMPLOYEE_PROGRAMS } from '../../policy/class-application.ts';
import type { Database } from '../../store/schema.ts';

export const PUBLIC_ENROLMENT_PROGRAMS: readonly string[] = CLASS_PROGRAMS.filter((p) => !EMPLOYEE_PROGRAMS.includes(p) && p !== 'pre_job');

/** The roster's size, as SQL over `classes`. */
export const rosterSize = sql<number>`(select count(*) from class_trainees ct where ct.class_id = classes.id)`;

/** Open for enrolment on `today` (the business date). */
export function openForEnrolment(today: string) {
  return (eb: ExpressionBuilder<Database, 'classes'>): Expression<SqlBool> =>
    eb.and([
      eb('classes.status', '=', 'approved'),
      eb('classes.public_enrolment', '=', true),
      eb('classes.start_date', '>', today),
      eb.or([eb('classes.enrol_by', 'is', null), eb('classes.enrol_by', '>=', today)]),
      eb('classes.seats', '>', rosterSize),
      eb('classes.enterprise_uscc', 'is', null),
      eb('classes.program', 'in', [...PUBLIC_ENROLMENT_PROGRAMS]),
      eb.exists(
        eb
          .selectFrom('providers')
          .whereRef('providers.id', '=', 'classes.provider_id')
          .where('providers.status', '=', 'listed')
          .select(sql`1`.as('x')),
      ),
    ]);
}

export { APPLICATION_STATUS_NAMES, DECLINE_REASONS } from '../../vocabulary/enrolment.ts';
