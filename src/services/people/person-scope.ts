// Which people an actor sees (DESIGN.md roles): the city all; a county those living in its area or
// trained in a class held in it; an enterprise and a provider the people related to them by an act of
// the office (below); a trainee only themself; the veterans bureau and the disabled
// persons' federation the people recorded in their group (§5.7), read-only.
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../access.ts';
import type { ClassStatus, Database } from '../../store/schema.ts';

/**
 * A party (enterprise, provider) sees a person only through a relationship the office accepted: a
 * roster it approved (a draft or submitted roster is only the party's word), a plan it listed, or a
 * claim the person filed themself naming the party. Writing an ID into one's own draft shows nothing.
 */
export const ACCEPTED_CLASS: ClassStatus[] = ['approved', 'running', 'assessed', 'closed'];
export const ACCEPTED_PLAN = ['listed', 'completed', 'failed', 'quit'] as const;

const ownClaim = (
  eb: ExpressionBuilder<Database, 'people'>,
  id: Expression<string>,
  column: 'claims.enterprise_uscc' | 'claims.provider_id',
  value: string,
) =>
  eb.exists(
    eb
      .selectFrom('claims')
      .whereRef('claims.resident_id', '=', id)
      .where('claims.applicant', '=', 'individual')
      .where(column, '=', value)
      .select(sql`1`.as('x')),
  );

const DEPARTMENT_GROUP: Partial<Record<string, string>> = { veterans: 'veteran', disabled_federation: 'disabled' };

export function personInScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'people'>): Expression<SqlBool> => {
    const id = eb.ref('people.resident_id');
    switch (actor.role) {
      case 'city':
        return sql<boolean>`true`;
      case 'county':
        return eb.or([
          eb('people.area_code', '=', actor.areaCode ?? ''),
          eb.exists(
            eb
              .selectFrom('class_trainees')
              .innerJoin('classes', 'classes.id', 'class_trainees.class_id')
              .whereRef('class_trainees.resident_id', '=', id)
              .where('classes.area_code', '=', actor.areaCode ?? '')
              .select(sql`1`.as('x')),
          ),
        ]);
      case 'enterprise': {
        const uscc = actor.enterpriseUscc ?? '';
        return eb.or([
          // Its own employees on a roster the office approved (or, with no employer named, on a class it runs).
          eb.exists(
            eb
              .selectFrom('class_trainees')
              .innerJoin('classes', 'classes.id', 'class_trainees.class_id')
              .whereRef('class_trainees.resident_id', '=', id)
              .where('classes.status', 'in', ACCEPTED_CLASS)
              .where((w) =>
                w.or([
                  w('class_trainees.employer_uscc', '=', uscc),
                  w.and([w('class_trainees.employer_uscc', 'is', null), w('classes.enterprise_uscc', '=', uscc)]),
                ]),
              )
              .select(sql`1`.as('x')),
          ),
          eb.exists(
            eb
              .selectFrom('apprenticeship_plans')
              .whereRef('apprenticeship_plans.resident_id', '=', id)
              .where('apprenticeship_plans.enterprise_uscc', '=', uscc)
              .where('apprenticeship_plans.status', 'in', ACCEPTED_PLAN)
              .select(sql`1`.as('x')),
          ),
          ownClaim(eb, id, 'claims.enterprise_uscc', uscc),
        ]);
      }
      case 'provider':
        return eb.or([
          eb.exists(
            eb
              .selectFrom('class_trainees')
              .innerJoin('classes', 'classes.id', 'class_trainees.class_id')
              .whereRef('class_trainees.resident_id', '=', id)
              .where('classes.provider_id', '=', actor.providerId ?? '')
              .where('classes.status', 'in', ACCEPTED_CLASS)
              .select(sql`1`.as('x')),
          ),
          ownClaim(eb, id, 'claims.provider_id', actor.providerId ?? ''),
        ]);
      case 'trainee':
        return eb('people.resident_id', '=', actor.residentId ?? '');
      case 'evaluator':
        // An evaluation body sees the holders of its own certificates on the registry's list, no one here.
        return sql<boolean>`false`;
      case 'department': {
        const group = actor.department ? DEPARTMENT_GROUP[actor.department] : undefined;
        if (!group) return sql<boolean>`false`;
        return eb.exists(
          eb
            .selectFrom('person_facts')
            .whereRef('person_facts.resident_id', '=', id)
            .where('person_facts.fact', '=', group)
            .where('person_facts.value', '=', true)
            .select(sql`1`.as('x')),
        );
      }
    }
  };
}
