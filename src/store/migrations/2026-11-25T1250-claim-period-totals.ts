// The period reports' figures kept as they change (the quarterly report over 1M claims in
// < 0.5 s). Every statement that inserts, updates or deletes claims appends its net effect, grouped by
// program × area × year × quarter (of the training end date) × status, to claim_period_deltas — an
// append-only table, so concurrent transactions never wait on one another for a shared counter row.
// foldClaimPeriodDeltas (src/store/claim-period-totals.ts) moves the deltas into claim_period_totals
// now and then; a report reads totals + deltas in one statement, so it always matches the claims.
// The triggers fire ALWAYS, also in session_replication_role = replica (the bulk load path), and a
// TRUNCATE of claims empties both tables: no write path can leave the figures behind.
import { sql, type Kysely } from 'kysely';

// The figure a report sums for a claim: its decided amount when eligible, else an R3 exception amount.
const keyed = (rows: string, sign: '' | '-') => `
  select program, area_code, extract(year from end_date)::int as year, (extract(month from end_date)::int + 2) / 3 as quarter,
    status, ${sign}1 as claims, ${sign}coalesce(case when outcome = 'eligible' then amount_fen end, r3_exception_amount_fen, 0) as amount_fen
  from ${rows}`;
const grouped = (source: string) => `
  insert into claim_period_deltas (program, area_code, year, quarter, status, claims, amount_fen)
  select program, area_code, year, quarter, status, sum(claims), sum(amount_fen) from (${source}) d
  group by program, area_code, year, quarter, status having sum(claims) <> 0 or sum(amount_fen) <> 0`;

const statements = [
  `create table claim_period_totals (
    year int not null, quarter int not null check (quarter between 1 and 4), program text not null, area_code text not null,
    status text not null, claims bigint not null, amount_fen bigint not null,
    primary key (year, quarter, program, area_code, status))`,
  `create table claim_period_deltas (
    year int not null, quarter int not null, program text not null, area_code text not null,
    status text not null, claims bigint not null, amount_fen bigint not null)`,
  `create function claim_period_record() returns trigger language plpgsql as $$
  begin
    if TG_OP = 'INSERT' then
      ${grouped(keyed('new_rows', ''))};
    elsif TG_OP = 'DELETE' then
      ${grouped(keyed('old_rows', '-'))};
    else
      ${grouped(`${keyed('new_rows', '')} union all ${keyed('old_rows', '-')}`)};
    end if;
    return null;
  end $$`,
  `create function claim_period_clear() returns trigger language plpgsql as $$
  begin
    delete from claim_period_deltas;
    delete from claim_period_totals;
    return null;
  end $$`,
  // Transition tables allow one event per trigger: three triggers share the function.
  `create trigger claims_period_insert after insert on claims referencing new table as new_rows
    for each statement execute function claim_period_record()`,
  `create trigger claims_period_update after update on claims referencing old table as old_rows new table as new_rows
    for each statement execute function claim_period_record()`,
  `create trigger claims_period_delete after delete on claims referencing old table as old_rows
    for each statement execute function claim_period_record()`,
  `create trigger claims_period_truncate after truncate on claims for each statement execute function claim_period_clear()`,
  `alter table claims enable always trigger claims_period_insert`,
  `alter table claims enable always trigger claims_period_update`,
  `alter table claims enable always trigger claims_period_delete`,
  `alter table claims enable always trigger claims_period_truncate`,
  // The claims already stored (a data folder created before this migration).
  `insert into claim_period_totals (year, quarter, program, area_code, status, claims, amount_fen)
    select year, quarter, program, area_code, status, sum(claims), sum(amount_fen) from (${keyed('claims', '')}) c
    group by year, quarter, program, area_code, status`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
