// A provider as shown: public readers see listed providers and what they may train (§5.5 the public
// list); the city, the provider's county and the provider itself see the rest.
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../access.ts';
import type { Tx } from '../../store/audit-log.ts';
import type { Database } from '../../store/schema.ts';

export function providerInScope(actor: Actor | null) {
  return (eb: ExpressionBuilder<Database, 'providers'>): Expression<SqlBool> => {
    const listed = eb('providers.status', '=', 'listed');
    if (!actor) return listed;
    switch (actor.role) {
      case 'city':
        return sql<boolean>`true`;
      case 'county':
        return eb.or([listed, eb('providers.area_code', '=', actor.areaCode ?? '')]);
      case 'provider':
        return eb.or([listed, eb('providers.id', '=', actor.providerId ?? '')]);
      case 'department':
        // The education bureau oversees vocational colleges (§5.7), listed or not.
        return actor.department === 'education' ? eb.or([listed, eb('providers.kind', '=', 'college')]) : listed;
      default:
        return listed;
    }
  };
}

/** Writes on a provider: the city, or the county of the provider's area. */
export function managesProvider(actor: Actor, p: { area_code: string }): boolean {
  return actor.role === 'city' || (actor.role === 'county' && actor.areaCode === p.area_code);
}

export interface ProviderScopeView {
  id: number;
  program: string;
  occupationCode: string | null;
  level: string | null;
  validFrom: string;
  validTo: string | null;
}
export interface ProviderView {
  id: string;
  name: string;
  kind: string;
  uscc: string | null;
  areaCode: string;
  status: string;
  entrepreneurshipQualified: boolean;
  scopes: ProviderScopeView[];
  createdBy: string;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

export async function providerView(
  tx: Tx,
  row: {
    id: string;
    name: string;
    kind: string;
    uscc: string | null;
    area_code: string;
    status: string;
    entrepreneurship_qualified: boolean;
    created_by: string;
    created_at: Date;
    updated_by: string | null;
    updated_at: Date | null;
  },
): Promise<ProviderView> {
  const scopes = await tx
    .selectFrom('provider_scopes')
    .selectAll()
    .where('provider_id', '=', row.id)
    .orderBy('program')
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    uscc: row.uscc,
    areaCode: row.area_code,
    status: row.status,
    entrepreneurshipQualified: row.entrepreneurship_qualified,
    scopes: scopes.map((s) => ({
      id: Number(s.id),
      program: s.program,
      occupationCode: s.occupation_code,
      level: s.level,
      validFrom: s.valid_from,
      validTo: s.valid_to,
    })),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at?.toISOString() ?? null,
  };
}
