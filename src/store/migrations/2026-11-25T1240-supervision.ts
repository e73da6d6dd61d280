// Supervision (§1, §5.2, §5.3): annual training tasks per county/district and department
// (entered by the city at the start of the year), employment figures per area for the §1 skill goals,
// and flagged major matters (重大事项) reported ad hoc. Enterprise headcounts already exist
// (enterprise_headcounts). Covering indexes let the period reports and the goals read claims aggregate-first.
import { sql, type Kysely } from 'kysely';

const statements = [
  `create table annual_tasks (
    id bigserial primary key, year int not null, unit_kind text not null check (unit_kind in ('area','department')),
    unit text not null, program text not null, target int not null check (target > 0), note text,
    created_by text not null, created_at timestamptz not null default now(), updated_by text, updated_at timestamptz,
    unique (year, unit_kind, unit, program))`,
  `create table employment_figures (
    area_code text not null references areas(code), year int not null,
    employed int not null check (employed >= 0), skilled int not null check (skilled >= 0 and skilled <= employed),
    high_skilled int not null check (high_skilled >= 0 and high_skilled <= skilled), source text not null,
    recorded_by text not null, recorded_at timestamptz not null default now(), primary key (area_code, year))`,
  `create table major_matters (
    id text primary key, title text not null, area_code text not null references areas(code), flagged_on date not null,
    summary text not null, claim_ids jsonb not null, class_ids jsonb not null, provider_ids jsonb not null,
    created_by text not null, created_at timestamptz not null default now(), updated_by text, updated_at timestamptz)`,
  `create index major_matters_flagged on major_matters (flagged_on)`,
  `create index claims_period_report on claims (end_date) include (program, area_code, status, outcome, amount_fen, r3_exception_amount_fen)`,
  // The §1 rotation: distinct people trained for an industry's enterprises, read from the index alone.
  `create index claims_enterprise_person on claims (enterprise_uscc, resident_id) include (program, status, end_date) where enterprise_uscc is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
