// The demo's content, table by table, as the database digests it: what two seedings must share (the
// determinism test), and what a change to the seeder must leave alone (bench/demo-digest.ts). Left out
// are the columns that record WHEN a row was written (the seeding's wall clock) or hold a secret that
// must be random.
import { sql } from 'kysely';
import type { Db } from '../../src/store/database.ts';

/**
 * The columns that may differ between two runs, each for a reason that has nothing to do with the demo's
 * content. Every other column of every table — ids, amounts, statuses, business dates, decisions and their
 * traces, risk findings, the audit entries' actor/action/entity/data — must be equal.
 */
export const PER_RUN: Record<string, string[]> = {
  // The seeding's wall clock: when a row was written or changed (the database's now(), or `new Date()` in
  // a use case). These are not dates of the demo's story, which are columns of their own and compared
  // (start_date, filed_on, issued_on, paid_on, starts_on, flagged_on, as_of…; attendance.signed_at, which
  // the seeder sets to the story's sign-in time, is compared too).
  advances: ['created_at', 'updated_at'],
  annual_tasks: ['created_at', 'updated_at'],
  apprenticeship_plans: ['created_at', 'updated_at'],
  catalog_entries: ['created_at', 'updated_at'],
  certificates: ['recorded_at'],
  // The certificate registry (seed-demo-certificates.ts): when each record was written or checked.
  certificate_issuers: ['created_at'],
  issuer_approvals: ['recorded_at'],
  ability_specifications: ['recorded_at'],
  registry_certificates: ['recorded_at'],
  certificate_registry_settings: ['recorded_at'],
  claim_certificate_checks: ['checked_at'],
  claim_certificate_explanations: ['explained_at'],
  claims: ['created_at', 'updated_at', 'decided_at', 'r3_exception_at'],
  classes: ['created_at', 'updated_at'],
  // Online learning: when a lesson and its questions were written (uploads, publishing and study carry the story's instants).
  online_lessons: ['created_at'],
  online_questions: ['created_at'],
  content_filings: ['created_at', 'updated_at'],
  // Open classes, bases, textbooks and competitions: when each application, booking and record was written.
  class_applications: ['applied_at', 'decided_at'],
  training_bases: ['created_at'],
  base_bookings: ['created_at', 'cancelled_at'],
  textbooks: ['created_at'],
  competitions: ['created_at'],
  competition_results: ['recorded_at'],
  employment_figures: ['recorded_at'],
  // Facts in time: a case a late fact raised (the demo's PLANT-PENSION-LATE), when it was raised.
  fact_cases: ['raised_at', 'closed_at'],
  enterprise_difficulty: ['recorded_at'],
  enterprise_education_fund: ['recorded_at'],
  enterprise_facts: ['recorded_at'],
  // The classes' documents (seed-demo-documents.ts): when each was uploaded (the file and its digest are compared).
  attachments: ['uploaded_at'],
  enterprise_headcounts: ['recorded_at'],
  enterprises: ['created_at', 'updated_at'],
  entrepreneurship_types: ['created_at', 'updated_at'],
  funds: ['created_at', 'updated_at'],
  major_matters: ['created_at', 'updated_at'],
  objections: ['raised_at', 'resolved_at'],
  // A batch paid without the bank file (线下支付): when its reference was recorded.
  payment_batches: ['created_at', 'updated_at', 'offline_at'],
  payments: ['paid_at'],
  people: ['created_at', 'updated_at'],
  person_facts: ['recorded_at'],
  policy_packages: ['created_at', 'updated_at'],
  projects: ['created_at', 'updated_at'],
  providers: ['created_at', 'updated_at'],
  publicity_notices: ['created_at', 'updated_at'],
  reservations: ['reserved_at'],
  reviews: ['reviewed_at'],
  // The audit log: `at` is the wall clock, and each entry's hash covers its `at`, so `hash` and `prev_hash`
  // differ with it. Everything else of an entry (seq, actor, action, entity, entity_id, data) is compared.
  audit_log: ['at', 'hash', 'prev_hash'],
  // Passwords are hashed with a random salt (as they must be); the same password verifies in both runs.
  users: ['created_at', 'updated_at', 'password_hash'],
  // The risk scan each run is given (below): when it ran.
  risk_scans: ['scanned_at'],
  // Money that reaches a bank: when an account was recorded, a bank file issued or downloaded, a return
  // imported, a line settled. The account's cipher text IS compared: under the demo's id source its IV
  // is derived, not random (payments/account-crypto.ts).
  payee_accounts: ['created_at', 'updated_at'],
  bank_files: ['created_at', 'downloaded_at'],
  bank_returns: ['imported_at'],
  payment_batch_items: ['settled_at'],
  // Texts to trainees: when each was queued and when it is next due (the database's now()).
  outbox: ['created_at', 'next_attempt_at', 'sent_at'],
};
/** Bookkeeping of the migrator, not demo content: applied migrations with the time they ran. */
export const NOT_CONTENT = new Set(['upskill_migrations', 'upskill_migrations_lock']);

const ignored = (table: string, column: string) => (PER_RUN[table] ?? []).includes(column);

/** A table's compared columns (those not in PER_RUN), in their order; bytea columns are compared by digest. */
export type Columns = Map<string, { name: string; bytea: boolean }[]>;

export async function comparedColumns(db: Db): Promise<Columns> {
  const all = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const out: Columns = new Map();
  for (const c of all.rows) {
    if (NOT_CONTENT.has(c.table_name)) continue;
    if (!out.has(c.table_name)) out.set(c.table_name, []);
    if (!ignored(c.table_name, c.column_name)) out.get(c.table_name)!.push({ name: c.column_name, bytea: c.data_type === 'bytea' });
  }
  return out;
}

/**
 * One row of `table` as PostgreSQL's text of a row value of its compared columns (jsonb prints its keys in
 * one canonical order; a file's bytes by their SHA-256). A risk scan's id is the time it ran plus a random
 * suffix (`RS-20261125143810-9f3a2c`), one per scan and not the demo's: it is replaced by a placeholder
 * wherever it appears (findings, subjects, scores, audit).
 */
export function rowText(columns: { name: string; bytea: boolean }[], scanId?: string) {
  const values = columns.map((c) => (c.bytea ? sql`sha256(${sql.ref(c.name)})` : sql.ref(c.name)));
  const text = sql<string>`row(${sql.join(values)})::text`;
  return scanId ? sql<string>`replace(${text}, ${scanId}, 'RS-(scan)')` : text;
}

/**
 * Every table's row count and a digest of its rows in any order (the rows' MD5s, sorted, hashed again),
 * computed by the database: reading every row into JavaScript cost ~40 s of CPU per demo.
 */
export async function contents(db: Db, columns: Columns, scanId?: string): Promise<Map<string, { digest: string; count: number }>> {
  const out = new Map<string, { digest: string; count: number }>();
  for (const [table, cols] of columns) {
    const { rows } = await sql<{ count: number; digest: string | null }>`
      select count(*)::int as count, md5(string_agg(h, '' order by h)) as digest
      from (select md5(${rowText(cols, scanId)}) as h from ${sql.table(table)}) r`.execute(db);
    out.set(table, { count: rows[0]!.count, digest: rows[0]!.digest ?? '' });
  }
  return out;
}
