// The system of record's first schema: every record the plan needs. Money is bigint
// fen; dates are `date` (ISO calendar days, Asia/Shanghai); who created/changed a record and when is
// kept on the record, and every change is also in the hash-chained audit log.
import { sql, type Kysely } from 'kysely';

const WHO = `created_by text not null, created_at timestamptz not null default now(),
  updated_by text, updated_at timestamptz`;

const statements = [
  `create table areas (code text primary key, name text not null, level text not null check (level in ('city','county')))`,

  // People and the facts the rules read, each with its source and the date it was true.
  `create table people (
    resident_id text primary key, name text not null, area_code text not null references areas(code),
    phone text, ${WHO})`,
  `create table person_facts (
    id bigserial primary key, resident_id text not null references people(resident_id),
    fact text not null, value boolean not null, source text not null, as_of date not null,
    recorded_by text not null, recorded_at timestamptz not null default now())`,
  `create index person_facts_person on person_facts (resident_id, fact, as_of)`,

  `create table enterprises (
    uscc text primary key, name text not null, area_code text not null references areas(code),
    industry text not null, insured boolean, directly_managed boolean not null default false,
    dispatching_agency_uscc text, ${WHO})`,
  `create table enterprise_education_fund (
    uscc text not null references enterprises(uscc), year int not null, fully_used boolean not null,
    source text not null, recorded_by text not null, recorded_at timestamptz not null default now(),
    primary key (uscc, year))`,
  `create table enterprise_difficulty (
    id bigserial primary key, uscc text not null references enterprises(uscc), valid_from date not null,
    valid_to date, source text not null, recorded_by text not null, recorded_at timestamptz not null default now())`,
  `create table enterprise_headcounts (
    uscc text not null references enterprises(uscc), year int not null, main_post_employees int not null,
    primary key (uscc, year))`,

  `create table providers (
    id text primary key, name text not null, kind text not null, uscc text, area_code text not null references areas(code),
    status text not null default 'listed' check (status in ('listed','suspended','delisted')),
    entrepreneurship_qualified boolean not null default false, ${WHO})`,
  `create table provider_scopes (
    id bigserial primary key, provider_id text not null references providers(id), program text not null,
    occupation_code text, level text, valid_from date not null, valid_to date)`,

  // Reference data, versioned with effective dates.
  `create table catalog_entries (
    id bigserial primary key, section text not null, code text not null, name text not null, level text not null,
    base_standard_fen bigint not null, industry text not null, uplift_rate text not null,
    appraisal_standard_fen bigint, hours numeric, effective_from date, effective_to date, ${WHO})`,
  `create index catalog_entries_key on catalog_entries (section, code, level)`,
  `create table entrepreneurship_types (
    code text primary key, name text not null, amount_fen bigint not null, ${WHO})`,
  `create table policy_packages (
    id text primary key, title text not null, precedence int not null, data jsonb not null, ${WHO})`,

  // Training: filings, plans, projects, classes and what happens in them.
  `create table content_filings (
    id text primary key, enterprise_uscc text not null references enterprises(uscc), program text not null,
    title text not null, content text not null, filed_on date not null,
    status text not null default 'filed' check (status in ('filed','accepted','returned')), ${WHO})`,
  `create table apprenticeship_plans (
    id text primary key, enterprise_uscc text not null references enterprises(uscc), provider_id text references providers(id),
    resident_id text not null references people(resident_id), occupation_code text not null, level text not null,
    start_date date not null, end_date date not null, contract_months int not null,
    status text not null default 'submitted' check (status in ('submitted','listed','returned','completed','failed','quit')), ${WHO})`,
  `create table projects (
    id text primary key, name text not null, provider_id text not null references providers(id), area_code text not null references areas(code),
    selection text not null, per_trainee_fen bigint not null, trainee_count int not null, total_fen bigint not null,
    occupation_code text, level text, status text not null default 'contracted', ${WHO})`,
  `create table classes (
    id text primary key, provider_id text not null references providers(id), program text not null,
    area_code text not null references areas(code), enterprise_uscc text references enterprises(uscc),
    occupation_code text, level text, entrepreneurship_type text, project_id text references projects(id),
    filing_id text references content_filings(id), start_date date not null, end_date date not null,
    hours numeric not null, venue text not null, teachers jsonb not null default '[]',
    status text not null default 'draft' check (status in ('draft','submitted','approved','returned','running','assessed','closed')),
    review_note text, ${WHO})`,
  `create table class_trainees (
    class_id text not null references classes(id), resident_id text not null references people(resident_id),
    employer_uscc text references enterprises(uscc), new_hire boolean, contract_months int,
    primary key (class_id, resident_id))`,
  `create index class_trainees_person on class_trainees (resident_id)`,
  `create table class_sessions (
    id bigserial primary key, class_id text not null references classes(id), day date not null,
    starts_at time not null, ends_at time not null, hours numeric not null)`,
  `create table attendance (
    session_id bigint not null references class_sessions(id), resident_id text not null references people(resident_id),
    present boolean not null, signed_at timestamptz, method text, recorded_by text not null,
    primary key (session_id, resident_id))`,
  `create table assessment_results (
    class_id text not null references classes(id), resident_id text not null references people(resident_id),
    qualified boolean not null, assessed_on date not null, recorded_by text not null,
    primary key (class_id, resident_id))`,
  `create table certificates (
    id bigserial primary key, type text not null, number text not null, resident_id text not null references people(resident_id),
    class_id text references classes(id), occupation_code text, level text, issued_on date not null, issuer text,
    recorded_by text not null, recorded_at timestamptz not null default now(), unique (type, number))`,

  // Claims with their frozen decision, reviews, publicity.
  `create table claims (
    id text primary key, program text not null, applicant text not null, applicant_ref text,
    resident_id text not null references people(resident_id), enterprise_uscc text references enterprises(uscc),
    class_id text references classes(id), provider_id text references providers(id), area_code text not null references areas(code),
    occupation_code text, level text, entrepreneurship_type text, start_date date not null, end_date date not null,
    attended_hours numeric, attended_days int, qualified boolean, certificate_type text, certificate_number text,
    new_hire boolean, contract_months numeric, plan_approved boolean, insured_months int,
    training_claim_id text references claims(id), project_id text references projects(id),
    status text not null check (status in ('submitted','decided','reviewed','publicity','approved','paid','rejected','withdrawn')),
    outcome text, amount_fen bigint, payee text, citations jsonb, reasons jsonb, missing jsonb, trace jsonb,
    policy_package_id text, decided_at timestamptz, r3_exception_reason text, ${WHO})`,
  `create index claims_person on claims (resident_id, end_date)`,
  `create index claims_status on claims (status, area_code, program)`,
  `create table reviews (
    id bigserial primary key, claim_id text not null references claims(id), verdict text not null,
    note text, reviewer text not null, reviewed_at timestamptz not null default now())`,
  `create table publicity_notices (
    id text primary key, area_code text not null references areas(code), title text not null,
    starts_on date not null, working_days int not null, ends_on date not null,
    status text not null default 'open' check (status in ('open','paused','closed')), ${WHO})`,
  `create table publicity_items (
    notice_id text not null references publicity_notices(id), claim_id text not null references claims(id),
    primary key (notice_id, claim_id))`,
  `create table objections (
    id text primary key, notice_id text not null references publicity_notices(id), claim_id text references claims(id),
    text text not null, raised_by text not null, raised_at timestamptz not null default now(),
    status text not null default 'open' check (status in ('open','upheld','dismissed')), resolution text,
    resolved_by text, resolved_at timestamptz)`,

  // Money: funds by source and year, reservations, batches, payments, advances, recoveries.
  `create table funds (
    id text primary key, source text not null check (source in ('special_action','employment_fund')),
    year int not null, budget_fen bigint not null, ${WHO}, unique (source, year))`,
  `create table reservations (
    claim_id text primary key references claims(id), fund_id text not null references funds(id),
    amount_fen bigint not null, status text not null default 'reserved' check (status in ('reserved','paid','released')),
    reserved_by text not null, reserved_at timestamptz not null default now())`,
  `create table payment_batches (
    id text primary key, fund_id text not null references funds(id), area_code text not null references areas(code),
    status text not null default 'draft' check (status in ('draft','confirmed','paying','paid')),
    total_fen bigint not null default 0, ${WHO})`,
  `create table payment_batch_items (
    batch_id text not null references payment_batches(id), claim_id text not null references claims(id),
    amount_fen bigint not null, primary key (batch_id, claim_id))`,
  `create table payments (
    id bigserial primary key, claim_id text not null unique references claims(id), batch_id text not null references payment_batches(id),
    payee text not null, payee_ref text, amount_fen bigint not null, paid_at timestamptz not null default now())`,
  `create table advances (
    id text primary key, kind text not null check (kind in ('apprenticeship','project')), subject_id text not null,
    fund_id text not null references funds(id), amount_fen bigint not null,
    status text not null default 'paid' check (status in ('paid','settled','recovering','recovered')), ${WHO})`,
  `create table recoveries (
    id bigserial primary key, advance_id text references advances(id), claim_id text references claims(id),
    amount_fen bigint not null, reason text not null, recorded_by text not null, recorded_at timestamptz not null default now())`,

  // Users, sessions, login attempts.
  `create table users (
    id text primary key, username text not null unique, password_hash text not null, display_name text not null,
    role text not null, area_code text references areas(code), department text, enterprise_uscc text references enterprises(uscc),
    provider_id text references providers(id), resident_id text references people(resident_id),
    active boolean not null default true, ${WHO})`,
  `create table sessions (
    token_hash text primary key, user_id text not null references users(id),
    created_at timestamptz not null default now(), expires_at timestamptz not null)`,
  `create table login_attempts (
    id bigserial primary key, username text not null, ip text not null, ok boolean not null,
    at timestamptz not null default now())`,
  `create index login_attempts_recent on login_attempts (username, at)`,

  // The audit log: append-only, each entry chained to the previous by hash.
  `create table audit_log (
    seq bigint primary key, at timestamptz not null, actor text not null, action text not null,
    entity text not null, entity_id text not null, data jsonb not null, prev_hash text not null, hash text not null)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
