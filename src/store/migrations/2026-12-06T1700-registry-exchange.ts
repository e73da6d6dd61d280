// Registry exchange (§5.2 实名制 and data sharing; docs/registry-exchange.md): extracts of the other
// departments' registers (social insurance, poverty, 城市低保, disabled persons, veterans, employment
// services) imported as files. Each import is kept with its file's digest (the same file twice is
// recognised) and its reconciliation report; every fact it adds names the import and the row it came
// from (person_facts gains two nullable columns: a hand-recorded fact has neither). Insured spells by
// employer (social insurance) are kept as they came; conflicts between sources wait for the office.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `create table registry_imports (
      id bigserial primary key, source text not null, extract_date date not null,
      file_name text, file_format text not null check (file_format in ('xlsx', 'csv')), file_sha256 text not null,
      rows int not null, facts_added int not null default 0, conflicts int not null default 0,
      redecided int not null default 0, cases int not null default 0,
      report jsonb not null, imported_by text not null, imported_at timestamptz not null default now(),
      unique (source, file_sha256))`,
    `create index registry_imports_recent on registry_imports (imported_at)`,
    `alter table person_facts add column registry_import_id bigint references registry_imports(id)`,
    `alter table person_facts add column registry_row int`,
    `create table registry_insured_spells (
      id bigserial primary key, resident_id text not null references people(resident_id), uscc text not null,
      employer_name text not null, from_month text not null, to_month text,
      import_id bigint not null references registry_imports(id), registry_row int not null,
      check (to_month is null or to_month >= from_month))`,
    `create unique index registry_insured_spells_once on registry_insured_spells (resident_id, uscc, from_month, coalesce(to_month, ''))`,
    `create table registry_conflicts (
      id bigserial primary key, import_id bigint not null references registry_imports(id),
      resident_id text not null references people(resident_id), fact text not null, source text not null,
      on_date date not null, value boolean not null, registry_row int not null,
      other_source text not null, other_value boolean not null, other_detail text not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      closed_by text, closed_at timestamptz, resolution text)`,
    `create index registry_conflicts_open on registry_conflicts (status, resident_id, fact)`,
  ])
    await sql.raw(statement).execute(db);
}
