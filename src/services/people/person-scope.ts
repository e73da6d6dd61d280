// Which people an actor sees (DESIGN.md roles): the city all; a county those living in its area or
// trained in a class held in it; an enterprise and a provider the people on their own classes'
// rosters and apprenticeship plans; a trainee only themself; the veterans bureau and the disabled
// persons' federation the people recorded in their group (§5.7), read-only.
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../access.ts';
import type { Database } from '../../store/schema.ts';

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
          eb.exists(eb.selectFrom('class_trainees').innerJoin('classes', 'classes.id', 'class_trainees.class_id')
            .whereRef('class_trainees.resident_id', '=', id).where('classes.area_code', '=', actor.areaCode ?? '').select(sql`1`.as('x'))),
        ]);
      case 'enterprise':
        return eb.or([
          eb.exists(eb.selectFrom('class_trainees').innerJoin('classes', 'classes.id', 'class_trainees.class_id')
            .whereRef('class_trainees.resident_id', '=', id)
            .where((w) => w.or([w('class_trainees.employer_uscc', '=', actor.enterpriseUscc ?? ''), w('classes.enterprise_uscc', '=', actor.enterpriseUscc ?? '')]))
            .select(sql`1`.as('x'))),
          eb.exists(eb.selectFrom('apprenticeship_plans').whereRef('apprenticeship_plans.resident_id', '=', id)
            .where('apprenticeship_plans.enterprise_uscc', '=', actor.enterpriseUscc ?? '').select(sql`1`.as('x'))),
        ]);
      case 'provider':
        return eb.exists(eb.selectFrom('class_trainees').innerJoin('classes', 'classes.id', 'class_trainees.class_id')
          .whereRef('class_trainees.resident_id', '=', id).where('classes.provider_id', '=', actor.providerId ?? '').select(sql`1`.as('x')));
      case 'trainee':
        return eb('people.resident_id', '=', actor.residentId ?? '');
      case 'department': {
        const group = actor.department ? DEPARTMENT_GROUP[actor.department] : undefined;
        if (!group) return sql<boolean>`false`;
        return eb.exists(eb.selectFrom('person_facts').whereRef('person_facts.resident_id', '=', id)
          .where('person_facts.fact', '=', group).where('person_facts.value', '=', true).select(sql`1`.as('x')));
      }
    }
  };
}
