// Which enterprises an actor sees. SPEC §5.7: the city bureau runs 攀钢, 攀煤, 十九冶, 钢城 and the
// housekeeping firms directly, so a county does not manage those even when they sit in its area;
// an enterprise sees itself; finance reads all (it audits the funds), civil affairs the health-care
// (康养) enterprises; other roles none.
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../access.ts';
import type { Database } from '../../store/schema.ts';

export function enterpriseInScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'enterprises'>): Expression<SqlBool> => {
    switch (actor.role) {
      case 'city':
        return sql<boolean>`true`;
      case 'county':
        return eb.and([eb('enterprises.area_code', '=', actor.areaCode ?? ''), eb('enterprises.directly_managed', '=', false)]);
      case 'enterprise':
        return eb('enterprises.uscc', '=', actor.enterpriseUscc ?? '');
      case 'department':
        if (actor.department === 'finance') return sql<boolean>`true`;
        if (actor.department === 'civil_affairs') return eb('enterprises.industry', '=', 'health_care');
        return sql<boolean>`false`;
      default:
        return sql<boolean>`false`;
    }
  };
}

/** May the actor change this enterprise's records (writes: the city, or the county that manages it)? */
export function managesEnterprise(actor: Actor, e: { area_code: string; directly_managed: boolean }): boolean {
  if (actor.role === 'city') return true;
  return actor.role === 'county' && actor.areaCode === e.area_code && !e.directly_managed;
}
