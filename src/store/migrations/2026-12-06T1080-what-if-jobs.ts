// What-if runs (services/what-if) kept in the database rather than in one process's memory: a restart,
// or a second API instance behind the same load balancer, sees every run, its progress and its
// changed claims. The instance that started a run computes it and writes its progress; a run whose
// heartbeat stops (that instance died) is shown as interrupted, never as running forever.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create table what_if_jobs (
    id uuid primary key,
    status text not null check (status in ('running', 'done', 'failed')),
    input jsonb not null,
    started_by text not null,
    started_at timestamptz not null default now(),
    finished_at timestamptz,
    heartbeat_at timestamptz not null default now(),
    progress_done int not null default 0 check (progress_done >= 0),
    progress_total int not null default 0 check (progress_total >= 0),
    error text,
    result jsonb)`,
    )
    .execute(db);
  await sql.raw(`create index what_if_jobs_started on what_if_jobs (started_at desc)`).execute(db);
  await sql
    .raw(
      `create table what_if_job_claims (
    job_id uuid not null references what_if_jobs(id) on delete cascade,
    claim_id text not null,
    program text not null,
    area_code text not null,
    resident_id text not null,
    status text not null,
    start_date date not null,
    frozen_outcome text,
    frozen_amount_fen bigint,
    before_outcome text not null,
    before_amount_fen bigint not null,
    after_outcome text not null,
    after_amount_fen bigint not null,
    delta_fen bigint not null,
    primary key (job_id, claim_id))`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table what_if_job_claims').execute(db);
  await sql.raw('drop table what_if_jobs').execute(db);
}
