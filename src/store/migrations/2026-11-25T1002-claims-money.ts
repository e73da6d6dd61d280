// Claims lifecycle and money: the R3 exception's reviewer and amount, the fund a decision
// draws on, the apprenticeship plan a §4.1 claim settles, publicity pauses, and advance deductions.
import { sql, type Kysely } from 'kysely';

const statements = [
  // §4.0 "原则上": the city bureau's R3 exception, who recorded it, and the amount without the cap.
  `alter table claims add column r3_exception_by text`,
  `alter table claims add column r3_exception_at timestamptz`,
  `alter table claims add column r3_exception_amount_fen bigint`,
  `alter table claims add column r3_exception_payee text`,
  // §5.2: the fund source the frozen decision draws on (就业创业补助资金 or the special-action account).
  `alter table claims add column fund_source text check (fund_source in ('special_action','employment_fund'))`,
  // §4.1: the listed apprenticeship plan a claim settles (its advance is deducted from the final amount).
  `alter table claims add column apprenticeship_plan_id text references apprenticeship_plans(id)`,
  `create index claims_project on claims (project_id) where project_id is not null`,
  // Publicity: objections pause the notice; the days left are kept while paused (working days only).
  `alter table publicity_notices add column paused_on date`,
  `alter table publicity_notices add column days_left int`,
  `alter table publicity_notices add column segment_start date`,
  `create index publicity_items_claim on publicity_items (claim_id)`,
  // §4.1/§4.9: the part of an advance settled against a final claim, once per claim.
  `create table advance_deductions (
    claim_id text primary key references claims(id), advance_id text not null references advances(id),
    amount_fen bigint not null check (amount_fen > 0))`,
  `create unique index advances_subject on advances (kind, subject_id)`,
  `create index payment_batch_items_claim on payment_batch_items (claim_id)`,
  `create index reservations_fund on reservations (fund_id, status)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
