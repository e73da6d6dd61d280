// Facts in time (SPEC v2.2): an enterprise's social-insurance status (参保, §4.8) becomes a dated, sourced
// fact like a person's (the undated `enterprises.insured` stays as the value registered at creation,
// read on every date until a dated record exists). A changed fact that would change a decision already
// approved or paid (or published) never changes it silently: a case is raised for the office, with
// the claim, the fact and both outcomes.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `create table enterprise_facts (
      id bigserial primary key, uscc text not null references enterprises(uscc),
      fact text not null check (fact in ('insured')), value boolean not null, source text not null, as_of date not null,
      recorded_by text not null, recorded_at timestamptz not null default now())`,
    `create index enterprise_facts_enterprise on enterprise_facts (uscc, fact, as_of)`,
    `create table fact_cases (
      id bigserial primary key, claim_id text not null references claims(id), area_code text not null,
      subject_kind text not null check (subject_kind in ('person', 'enterprise')), subject_id text not null,
      fact text not null, change jsonb not null, claim_status text not null,
      before_outcome text not null, before_amount_fen bigint not null, after_outcome text not null, after_amount_fen bigint not null,
      after_reasons jsonb not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      raised_by text not null, raised_at timestamptz not null default now(),
      closed_by text, closed_at timestamptz, resolution text)`,
    `create index fact_cases_open on fact_cases (status, area_code, raised_at)`,
    `create index fact_cases_claim on fact_cases (claim_id)`,
  ])
    await sql.raw(statement).execute(db);
}
