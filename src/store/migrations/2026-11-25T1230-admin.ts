// The city's administration: each dated change of a policy parameter the city records.
// The change itself becomes a local policy package of higher precedence (policy_packages); this
// table keeps what was changed, from when, why and by whom, and which package carries it.
import { sql, type Kysely } from 'kysely';

const statements = [
  `create table policy_changes (
    id text primary key, package_id text not null references policy_packages(id), base_package_id text not null,
    parameter text not null, value jsonb not null, valid_from date not null, valid_to date, reason text not null,
    created_by text not null, created_at timestamptz not null default now())`,
  `create index policy_changes_parameter on policy_changes (parameter, valid_from)`,
  `create index users_role on users (role, username)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
