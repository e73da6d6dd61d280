// Which classes an actor sees (DESIGN.md roles; SPEC §5.7): the city all; a county those held in its
// area; a provider its own; an enterprise those it runs or its employees attend; a trainee those they
// are on; departments their slice, read-only. Outside the slice a class is "not found".
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { Database } from '../../store/schema.ts';
import type { Tx } from '../../store/audit-log.ts';
import { notFound } from '../record-scope.ts';

const DEPARTMENT_GROUP: Partial<Record<string, string>> = { veterans: 'veteran', disabled_federation: 'disabled' };

export function classInScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'classes'>): Expression<SqlBool> => {
    const onRoster = (where: (q: ExpressionBuilder<Database, 'class_trainees'>) => Expression<SqlBool>) =>
      eb.exists(
        eb
          .selectFrom('class_trainees')
          .whereRef('class_trainees.class_id', '=', 'classes.id')
          .where(where)
          .select(sql`1`.as('x')),
      );
    switch (actor.role) {
      case 'city':
        return sql<boolean>`true`;
      case 'county':
        return eb('classes.area_code', '=', actor.areaCode ?? '');
      case 'provider':
        return eb('classes.provider_id', '=', actor.providerId ?? '');
      case 'enterprise':
        return eb.or([
          eb('classes.enterprise_uscc', '=', actor.enterpriseUscc ?? ''),
          onRoster((q) => q('class_trainees.employer_uscc', '=', actor.enterpriseUscc ?? '')),
        ]);
      case 'trainee':
        return onRoster((q) => q('class_trainees.resident_id', '=', actor.residentId ?? ''));
      case 'evaluator':
        // An evaluation body works on the certificate registry only.
        return sql<boolean>`false`;
      case 'department':
        switch (actor.department) {
          case 'finance':
            return sql<boolean>`true`;
          case 'emergency':
            return eb('classes.program', '=', 'safety');
          case 'development_reform':
            return eb('classes.program', '=', 'project_based');
          case 'education':
            return eb.exists(
              eb
                .selectFrom('providers')
                .whereRef('providers.id', '=', 'classes.provider_id')
                .where('providers.kind', '=', 'college')
                .select(sql`1`.as('x')),
            );
          case 'civil_affairs':
            return eb.exists(
              eb
                .selectFrom('enterprises')
                .whereRef('enterprises.uscc', '=', 'classes.enterprise_uscc')
                .where('enterprises.industry', '=', 'health_care')
                .select(sql`1`.as('x')),
            );
          default: {
            const group = actor.department ? DEPARTMENT_GROUP[actor.department] : undefined;
            if (!group) return sql<boolean>`false`;
            return onRoster((q) =>
              q.exists(
                q
                  .selectFrom('person_facts')
                  .whereRef('person_facts.resident_id', '=', 'class_trainees.resident_id')
                  .where('person_facts.fact', '=', group)
                  .where('person_facts.value', '=', true)
                  .select(sql`1`.as('y')),
              ),
            );
          }
        }
    }
  };
}

/**
 * Loads a class the actor may act on, locked for the change. Providers act on their own classes;
 * counties on classes in their area, except those of enterprises the city runs directly (§5.7).
 */
export async function classForChange(tx: Tx, actor: Actor, id: string) {
  const row = await tx.selectFrom('classes').selectAll().where('id', '=', id).where(classInScope(actor)).forUpdate().executeTakeFirst();
  if (!row) throw notFound('培训班', id);
  if (actor.role === 'department' || actor.role === 'trainee' || actor.role === 'enterprise') {
    throw new AppError('forbidden', '只能查看，无权修改培训班');
  }
  if (actor.role === 'county' && row.enterprise_uscc) {
    const e = await tx.selectFrom('enterprises').select('directly_managed').where('uscc', '=', row.enterprise_uscc).executeTakeFirst();
    if (e?.directly_managed) throw new AppError('forbidden', '该企业由市人社局直接管理，培训班由市人社局审查（§5.7）');
  }
  return row;
}
