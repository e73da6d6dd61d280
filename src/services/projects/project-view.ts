import { sql, type ExpressionBuilder, type Expression, type SqlBool, type Selectable } from 'kysely';
import type { Actor } from '../access.ts';
import type { Database, ProjectTable } from '../../store/schema.ts';

export interface ProjectView {
  id: string;
  number: string;
  name: string;
  providerId: string;
  providerName: string | null;
  areaCode: string;
  selection: string;
  perTraineeFen: number;
  traineeCount: number;
  totalFen: number;
  occupationCode: string | null;
  level: string | null;
  status: string;
  createdBy: string;
  createdAt: string;
}

export function projectView(r: Selectable<ProjectTable> & { provider_name?: string | null }): ProjectView {
  return {
    id: r.id,
    number: r.number,
    name: r.name,
    providerId: r.provider_id,
    providerName: r.provider_name ?? null,
    areaCode: r.area_code,
    selection: r.selection,
    perTraineeFen: r.per_trainee_fen,
    traineeCount: r.trainee_count,
    totalFen: r.total_fen,
    occupationCode: r.occupation_code,
    level: r.level,
    status: r.status,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}

/** The city all; a county its area; the contracted provider its own; the development and reform commission reads all (§5.7 capacity projects). */
export function projectInScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'projects'>): Expression<SqlBool> => {
    switch (actor.role) {
      case 'city':
        return sql<boolean>`true`;
      case 'county':
        return eb('projects.area_code', '=', actor.areaCode ?? '');
      case 'provider':
        return eb('projects.provider_id', '=', actor.providerId ?? '');
      case 'department':
        return actor.department === 'development_reform' || actor.department === 'finance' ? sql<boolean>`true` : sql<boolean>`false`;
      default:
        return sql<boolean>`false`;
    }
  };
}
