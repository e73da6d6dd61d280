// Money controls (§5.7 the finance side; §5.2 no subsidy paid on a false claim):
// - a claim is on at most one live payment-batch line: a line withdrawn (sanction, upheld dispute) or
//   a cancelled draft batch deletes its lines, so every row of payment_batch_items is live and the
//   claim id is unique there. Concurrent builds on PostgreSQL can no longer list one claim twice.
// - a draft batch may be cancelled, with a reason; who confirmed a batch is kept (maker–checker:
//   the builder may not confirm it, the confirmer may not pay it).
// - the payment duties a login holds (经办 build / 复核 confirm / 支付 pay) are data set by the city.
//   Logins on record before this change keep the duties their role could exercise until now.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const dup = await sql<{
    n: string;
  }>`select count(*) as n from (select claim_id from payment_batch_items group by claim_id having count(*) > 1) d`.execute(db);
  if (Number(dup.rows[0]!.n) > 0) {
    // Never resolved silently: which of the batches keeps the claim is the finance office's decision.
    throw new Error(
      `payment_batch_items: ${dup.rows[0]!.n} claim(s) are listed in more than one payment batch; withdraw the duplicate lines before upgrading`,
    );
  }
  const statements = [
    `drop index if exists payment_batch_items_claim`,
    `create unique index payment_batch_items_one_live_line on payment_batch_items (claim_id)`,
    `alter table payment_batches drop constraint if exists payment_batches_status_check`,
    `alter table payment_batches add constraint payment_batches_status_check check (status in ('draft','confirmed','paying','paid','cancelled'))`,
    `alter table payment_batches add column confirmed_by text`,
    `alter table payment_batches add column cancel_reason text`,
    `alter table users add column payment_duties text[] not null default '{}'`,
    `alter table users add constraint users_payment_duties_known check (payment_duties <@ array['build','confirm','pay']::text[])`,
    `update users set payment_duties = array['build','confirm','pay'] where role = 'city'`,
    `update users set payment_duties = array['build','pay'] where role = 'county'`,
    `update users set payment_duties = array['confirm'] where role = 'department' and department = 'finance'`,
    // Batches confirmed before: the confirmer is the one the audit log records.
    `update payment_batches b set confirmed_by = (select a.actor from audit_log a where a.action = 'payment_batch.confirm' and a.entity_id = b.id order by a.seq desc limit 1) where b.status <> 'draft'`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
