// Money that reaches a bank (docs/bank-payments.md) and the trainees told (docs/notifications.md):
// - payee_accounts: one receiving account per payee (a trainee's social-security card account, an
//   enterprise's or institution's bank account), the number AES-256-GCM encrypted with a key from
//   configuration and a keyed hash (HMAC) beside it; never the clear number.
// - funds carry the payer account the bank debits.
// - payment_batch_items get a stable line number, the bank file issue that carried them, and the bank's
//   outcome (paid with its reference / failed with its reason). A line's outcome, once set, never
//   changes (a trigger), and a failed line no longer holds its claim: the claim may go into a new batch.
// - bank_files: the issues of a confirmed batch's bank file, each downloadable once (an update that
//   sets downloaded_by only where it is still null: the row lock decides between two clicks).
// - bank_returns: every return file applied, by its SHA-256, so the same file twice changes nothing.
// - outbox: messages to trainees written in the business act's transaction, sent later by the sender loop.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table payee_accounts (
      payee text not null check (payee in ('individual','enterprise','institution')),
      payee_ref text not null,
      kind text not null check (kind in ('social_security_card','bank')),
      account_name text not null,
      bank_name text not null,
      account_cipher text not null,
      account_hmac text not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_by text,
      updated_at timestamptz,
      primary key (payee, payee_ref)
    )`,
    `create index payee_accounts_hmac on payee_accounts (account_hmac)`,
    `alter table funds add column payer_account_name text`,
    `alter table funds add column payer_account_no text`,
    `alter table funds add column payer_bank_name text`,
    `alter table payment_batch_items add column line_no integer`,
    `update payment_batch_items i set line_no = n.rn from (
       select batch_id, claim_id, row_number() over (partition by batch_id order by claim_id) as rn from payment_batch_items
     ) n where n.batch_id = i.batch_id and n.claim_id = i.claim_id`,
    `alter table payment_batch_items alter column line_no set not null`,
    `create unique index payment_batch_items_line on payment_batch_items (batch_id, line_no)`,
    `alter table payment_batch_items add column bank_issue integer`,
    `alter table payment_batch_items add column bank_account_hmac text`,
    `alter table payment_batch_items add column outcome text check (outcome in ('paid','failed'))`,
    `alter table payment_batch_items add column bank_ref text`,
    `alter table payment_batch_items add column failure_reason text`,
    `alter table payment_batch_items add column settled_at timestamptz`,
    `alter table payment_batch_items add constraint payment_batch_items_outcome_facts check (
       (outcome is null and bank_ref is null and failure_reason is null)
       or (outcome = 'paid' and bank_ref is not null and failure_reason is null)
       or (outcome = 'failed' and failure_reason is not null))`,
    // A failed line is history: the claim it held is payable again and may go into another batch.
    `drop index payment_batch_items_one_live_line`,
    `create unique index payment_batch_items_one_live_line on payment_batch_items (claim_id) where outcome is distinct from 'failed'`,
    // A line the bank paid or refused is settled for good: never paid again, never re-labelled.
    `create function payment_batch_items_settled_once() returns trigger language plpgsql as $$
     begin
       if old.outcome is not null and (new.outcome is distinct from old.outcome or new.bank_ref is distinct from old.bank_ref
           or new.failure_reason is distinct from old.failure_reason) then
         raise exception 'payment_batch_items: line % of batch % is already settled (%)', old.line_no, old.batch_id, old.outcome
           using errcode = '23514', constraint = 'payment_batch_items_settled_once';
       end if;
       return new;
     end $$`,
    `create trigger payment_batch_items_settled_once before update on payment_batch_items
       for each row execute function payment_batch_items_settled_once()`,
    `create table bank_files (
      batch_id text not null references payment_batches(id),
      issue integer not null check (issue >= 1),
      authorized_by text not null,
      reason text,
      created_at timestamptz not null default now(),
      downloaded_by text,
      downloaded_at timestamptz,
      lines integer,
      total_fen bigint,
      primary key (batch_id, issue)
    )`,
    // Batches confirmed before this change: their first bank file is authorized by that confirmation.
    `insert into bank_files (batch_id, issue, authorized_by)
       select id, 1, coalesce(confirmed_by, created_by) from payment_batches where status in ('confirmed','paying')`,
    `alter table payments add column bank_ref text`,
    `create table bank_returns (
      id bigint generated always as identity primary key,
      batch_id text not null references payment_batches(id),
      issue integer not null,
      file_sha256 text not null,
      file_name text,
      lines integer not null,
      paid integer not null,
      failed integer not null,
      paid_fen bigint not null,
      failed_fen bigint not null,
      imported_by text not null,
      imported_at timestamptz not null default now(),
      unique (batch_id, file_sha256)
    )`,
    `create table outbox (
      id bigint generated always as identity primary key,
      channel text not null default 'sms' check (channel in ('sms')),
      topic text not null,
      resident_id text,
      recipient text,
      body text not null,
      ref text,
      status text not null default 'pending' check (status in ('pending','sending','sent','failed','unaddressed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )`,
    `create index outbox_due on outbox (next_attempt_at) where status in ('pending','sending')`,
    `create index outbox_person on outbox (resident_id, id)`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
