// Evidence from its source, continued (docs/registry-exchange.md, docs/bank-payments.md):
// - an enterprise's 参保 (§4.8) can now come from the social-insurance extract: enterprise_facts gains
//   the import and row a fact came from (null when recorded by hand), as person_facts did;
// - a conflict between sources may be about an enterprise: registry_conflicts names either a person or
//   an enterprise (exactly one);
// - a batch paid outside the bank-file exchange (线下支付) carries the bank's reference for the whole
//   batch, who recorded it and when; once recorded, the bank file is no longer offered.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `alter table enterprise_facts add column registry_import_id bigint references registry_imports(id)`,
    `alter table enterprise_facts add column registry_row int`,
    `alter table registry_conflicts alter column resident_id drop not null`,
    `alter table registry_conflicts add column uscc text references enterprises(uscc)`,
    `alter table registry_conflicts add constraint registry_conflicts_one_subject check ((resident_id is null) <> (uscc is null))`,
    `create index registry_conflicts_open_enterprise on registry_conflicts (status, uscc, fact) where uscc is not null`,
    `alter table payment_batches add column offline_ref text`,
    `alter table payment_batches add column offline_by text`,
    `alter table payment_batches add column offline_at timestamptz`,
    `alter table payment_batches add constraint payment_batches_offline_whole check (
       (offline_ref is null and offline_by is null and offline_at is null)
       or (offline_ref is not null and offline_by is not null and offline_at is not null))`,
  ])
    await sql.raw(statement).execute(db);
}
