// Content filings belong to an enterprise: it sees its own; the county of the enterprise's area
// reviews them (the city for the enterprises it runs directly, §5.7); nobody else.
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../access.ts';
import type { Database } from '../../store/schema.ts';

type WithEnterprise = 'enterprises';

/** For queries joining enterprises on the record's enterprise_uscc. */
export function enterpriseRecordInScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, WithEnterprise>): Expression<SqlBool> => {
    switch (actor.role) {
      case 'city':
        return sql<boolean>`true`;
      case 'county':
        return eb.and([eb('enterprises.area_code', '=', actor.areaCode ?? ''), eb('enterprises.directly_managed', '=', false)]);
      case 'enterprise':
        return eb('enterprises.uscc', '=', actor.enterpriseUscc ?? '');
      default:
        return sql<boolean>`false`;
    }
  };
}
