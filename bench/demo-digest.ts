// Proof that a change to the demo seeder leaves the demo's content alone: seeds a demo on a fresh
// in-memory store and prints, per table, an md5 digest of its rows without the columns that record when
// a row was written or hold a random secret (the PER_RUN columns of test/store/demo-determinism.test.ts).
//   node --import tsx bench/demo-digest.ts [--people 1200] > before.txt   (then diff two outputs)
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { seedDemoRegistries } from '../src/demo/seed-demo.ts';
import { migrate, openStore } from '../src/store/database.ts';

const { values } = parseArgs({ options: { people: { type: 'string', default: '1200' } } });
const PER_RUN: Record<string, string[]> = {
  advances: ['created_at', 'updated_at'],
  annual_tasks: ['created_at', 'updated_at'],
  apprenticeship_plans: ['created_at', 'updated_at'],
  catalog_entries: ['created_at', 'updated_at'],
  certificates: ['recorded_at'],
  certificate_issuers: ['created_at'],
  issuer_approvals: ['recorded_at'],
  ability_specifications: ['recorded_at'],
  registry_certificates: ['recorded_at'],
  certificate_registry_settings: ['recorded_at'],
  claim_certificate_checks: ['checked_at'],
  claim_certificate_explanations: ['explained_at'],
  claims: ['created_at', 'updated_at', 'decided_at', 'r3_exception_at'],
  classes: ['created_at', 'updated_at'],
  online_lessons: ['created_at'],
  online_questions: ['created_at'],
  content_filings: ['created_at', 'updated_at'],
  class_applications: ['applied_at', 'decided_at'],
  training_bases: ['created_at'],
  base_bookings: ['created_at', 'cancelled_at'],
  textbooks: ['created_at'],
  competitions: ['created_at'],
  competition_results: ['recorded_at'],
  employment_figures: ['recorded_at'],
  fact_cases: ['raised_at', 'closed_at'],
  enterprise_difficulty: ['recorded_at'],
  enterprise_education_fund: ['recorded_at'],
  enterprise_facts: ['recorded_at'],
  attachments: ['uploaded_at'],
  enterprise_headcounts: ['recorded_at'],
  enterprises: ['created_at', 'updated_at'],
  entrepreneurship_types: ['created_at', 'updated_at'],
  funds: ['created_at', 'updated_at'],
  major_matters: ['created_at', 'updated_at'],
  objections: ['raised_at', 'resolved_at'],
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
  audit_log: ['at', 'hash', 'prev_hash'],
  users: ['created_at', 'updated_at', 'password_hash'],
  risk_scans: ['scanned_at'],
  payee_accounts: ['created_at', 'updated_at'],
  bank_files: ['created_at', 'downloaded_at'],
  bank_returns: ['imported_at'],
  payment_batch_items: ['settled_at'],
  outbox: ['created_at', 'next_attempt_at', 'sent_at'],
};

const store = await openStore({ inThread: true });
await migrate(store.db);
const started = performance.now();
await seedDemoRegistries(store.db, { people: Number(values.people) });
console.error(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const tables = await sql<{ name: string }>`
  select table_name as name from information_schema.tables
  where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(store.db);
for (const { name } of tables.rows) {
  if (name.startsWith('upskill_migrations')) continue;
  const columns = await sql<{ column: string }>`
    select column_name as column from information_schema.columns
    where table_schema = current_schema() and table_name = ${name} order by ordinal_position`.execute(store.db);
  const kept = columns.rows.map((c) => c.column).filter((c) => !(PER_RUN[name] ?? []).includes(c));
  const row = sql.raw(`md5(row(${kept.map((c) => `"${c}"`).join(', ')})::text)`);
  const result = await sql<{ n: string; digest: string | null }>`
    select count(*) as n, md5(string_agg(${row}, '' order by ${row})) as digest from ${sql.table(name)}`.execute(store.db);
  console.log(`${name}\t${result.rows[0]!.n}\t${result.rows[0]!.digest ?? '-'}`);
}
// claim_period_deltas is a log of each statement's net effect on the period figures (one row per
// statement and key): a batch that updates many claims in one statement writes fewer, larger rows. What
// the reports read is its sum per key, printed here.
const folded = await sql<{ n: string; digest: string | null }>`
  select count(*) as n, md5(string_agg(f::text, '' order by f::text)) as digest from (
    select year, quarter, program, area_code, status, sum(claims) as claims, sum(amount_fen) as amount_fen
    from claim_period_deltas group by year, quarter, program, area_code, status
    having sum(claims) <> 0 or sum(amount_fen) <> 0) f`.execute(store.db);
console.log(`claim_period_deltas (summed per key)\t${folded.rows[0]!.n}\t${folded.rows[0]!.digest ?? '-'}`);
await store.close();
