// Registries and the class lifecycle: entrepreneurship types become versioned like the
// catalog (§4.7 amounts may change between editions), catalog entries carry the edition of the
// occupation classification they cite (SPEC §4.0), and a class keeps the problems its last opening
// review (开班审查, §5.3) found, so a returned class shows the provider what to fix.
import { sql, type Kysely } from 'kysely';

const statements = [
  `alter table entrepreneurship_types drop constraint entrepreneurship_types_pkey`,
  `alter table entrepreneurship_types add column id bigserial primary key`,
  `alter table entrepreneurship_types add column effective_from date`,
  `alter table entrepreneurship_types add column effective_to date`,
  `create index entrepreneurship_types_code on entrepreneurship_types (code, effective_from)`,
  `alter table catalog_entries add column edition text`,
  `alter table classes add column review_problems jsonb`,
  `create index classes_provider on classes (provider_id, status)`,
  `create index classes_area on classes (area_code, status, start_date)`,
  `create index class_sessions_class on class_sessions (class_id, day)`,
  `create index provider_scopes_provider on provider_scopes (provider_id, program)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
