// The certificate registry (§4.0 certificates R1/R13, §5.6 skill evaluation, SPEC Supervision;
// docs/certificates.md): who may issue (evaluation bodies, enterprises approved for self-evaluation,
// each approval with its occupations, validity and whether it covers outsiders), the city's list of
// local 专项职业能力 specifications, the certificates issued (a number is unique per issuer), and for each
// claim the result of checking its certificate against the registry, with the office's 说明 where one
// was recorded. The check holds a claim out of payment from the date the city puts the registry in force.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table certificate_issuers (
      id text primary key, kind text not null check (kind in ('evaluation_body','enterprise')),
      name text not null, code text not null unique, area_code text not null references areas(code),
      enterprise_uscc text references enterprises(uscc) unique,
      created_by text not null, created_at timestamptz not null default now(),
      check ((kind = 'enterprise') = (enterprise_uscc is not null)))`,
    `create table issuer_approvals (
      id bigserial primary key, issuer_id text not null references certificate_issuers(id),
      document text not null, occupations text[] not null, valid_from date not null, valid_to date,
      outsiders boolean not null, recorded_by text not null, recorded_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from))`,
    `create index issuer_approvals_issuer on issuer_approvals (issuer_id, valid_from)`,
    `create table ability_specifications (
      code text primary key, name text not null, area_code text not null references areas(code),
      valid_from date not null, valid_to date, recorded_by text not null, recorded_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from))`,
    `create table registry_certificates (
      id bigserial primary key, issuer_id text not null references certificate_issuers(id), number text not null,
      type text not null check (type in ('vocational_qualification','skill_level','special_ability','training')),
      resident_id text not null references people(resident_id), occupation_code text, level text,
      specification_code text references ability_specifications(code), issued_on date not null,
      recorded_by text not null, recorded_at timestamptz not null default now())`,
    // A number is unique per issuer, compared as the check compares it (case-insensitively): two
    // concurrent issues of one number cannot both be written.
    `create unique index registry_certificates_issuer_number on registry_certificates (issuer_id, upper(number))`,
    `create index registry_certificates_number on registry_certificates (upper(number))`,
    `create index registry_certificates_person on registry_certificates (resident_id)`,
    `create table certificate_registry_settings (
      id boolean primary key default true check (id), in_force_from date not null,
      recorded_by text not null, recorded_at timestamptz not null default now())`,
    `create table claim_certificate_checks (
      claim_id text primary key references claims(id),
      status text not null check (status in ('verified','not_found','mismatch','outsider','not_applicable')),
      registry_certificate_id bigint references registry_certificates(id), reasons jsonb not null,
      checked_by text not null, checked_at timestamptz not null default now())`,
    `create table claim_certificate_explanations (
      claim_id text primary key references claims(id), reason text not null,
      explained_by text not null, explained_at timestamptz not null default now())`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
