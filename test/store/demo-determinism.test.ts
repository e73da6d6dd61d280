// The demo is the same on every fresh run: the README's worked examples, the e2e tests and the risk
// scan that finds exactly the planted irregularities all rely on it. Two seedings of the same demo are
// compared table by table, row by row: one done here on a fresh store, and the run's shared one that the
// other demo tests read (test/support/demo.ts: seeded by the same code in this run, in another file or
// in this one, then copied: a PGlite dump, or on PostgreSQL a database created from it as a template); the only columns left out are those
// that record WHEN a row was written (the seeding's wall clock) or hold a secret that must be random.
// Then each trainee login of the demo logs in and finds something on every one of its screens.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, SESSION_COOKIE } from '../../src/api/app.ts';
import { scanRisks } from '../../src/services/risk/scan-risks.ts';
import { canonicalJson } from '../../src/store/audit-log.ts';
import type { Db, Store } from '../../src/store/database.ts';
import { DEMO_PASSWORD, type DemoLogin } from '../../src/demo/seed-demo.ts';
import { openDemoStore, seedFreshDemo } from '../support/demo.ts';

/**
 * The columns that may differ between two runs, each for a reason that has nothing to do with the demo's
 * content. Every other column of every table — ids, amounts, statuses, business dates, decisions and their
 * traces, risk findings, the audit entries' actor/action/entity/data — must be equal.
 */
const PER_RUN: Record<string, string[]> = {
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
const NOT_CONTENT = new Set(['upskill_migrations', 'upskill_migrations_lock']);

const ignored = (table: string, column: string) => (PER_RUN[table] ?? []).includes(column);

/**
 * Every table's rows as canonical JSON (ignored columns dropped), sorted, with a digest of them. A risk
 * scan's id is the time it ran plus a random suffix (`RS-20261125143810-9f3a2c`), one per scan and not
 * the demo's: it is replaced by a placeholder wherever it appears (findings, subjects, scores, audit).
 */
async function contents(db: Db, scanId: string): Promise<Map<string, { digest: string; rows: string[] }>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const out = new Map<string, { digest: string; rows: string[] }>();
  for (const { name } of tables.rows) {
    if (NOT_CONTENT.has(name)) continue;
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    const rows = result.rows
      .map((row) =>
        canonicalJson(Object.fromEntries(Object.entries(row).filter(([column]) => !ignored(name, column)))).replaceAll(scanId, 'RS-(scan)'),
      )
      .sort();
    out.set(name, { digest: createHash('sha256').update(rows.join('\n')).digest('hex'), rows });
  }
  return out;
}

/** For a failure message: per differing table, its row counts and a few rows found in only one run. */
function differences(a: Map<string, { digest: string; rows: string[] }>, b: Map<string, { digest: string; rows: string[] }>) {
  const out: Record<string, { rows: [number, number]; onlyInFirst: string[]; onlyInSecond: string[] }> = {};
  for (const table of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(table)?.rows ?? [];
    const y = b.get(table)?.rows ?? [];
    if (a.get(table)?.digest === b.get(table)?.digest) continue;
    const inY = new Set(y);
    const inX = new Set(x);
    out[table] = {
      rows: [x.length, y.length],
      onlyInFirst: x
        .filter((r) => !inY.has(r))
        .slice(0, 3)
        .map((r) => r.slice(0, 600)),
      onlyInSecond: y
        .filter((r) => !inX.has(r))
        .slice(0, 3)
        .map((r) => r.slice(0, 600)),
    };
  }
  return out;
}

let first: Store;
let second: Store;
let logins: DemoLogin[];
let firstContents: Map<string, { digest: string; rows: string[] }>;
let secondContents: Map<string, { digest: string; rows: string[] }>;

beforeAll(async () => {
  // Fewer people than the real demo (5,000), as in the other demo tests: the same seeder, the same use
  // cases. The fresh seeding first, then the shared one (waiting for it if another file is seeding it).
  // Then a full risk scan of each, so that the findings (what test/services/risk/demo-scan.test.ts
  // checks) are compared too.
  ({ store: first, logins } = await seedFreshDemo());
  ({ store: second } = await openDemoStore());
  firstContents = await contents(first.db, (await scanRisks(first.db, 'city:test')).scanId);
  secondContents = await contents(second.db, (await scanRisks(second.db, 'city:test')).scanId);
}, 600_000);
afterAll(async () => {
  await first?.close();
  await second?.close();
});

describe('The demo is deterministic', () => {
  it('two fresh runs write the same content into every table', () => {
    expect([...firstContents.keys()]).toEqual([...secondContents.keys()]);
    expect(firstContents.get('claims')!.rows.length).toBeGreaterThan(500);
    expect(firstContents.get('risk_findings')!.rows.length).toBeGreaterThan(0);
    expect(differences(firstContents, secondContents)).toEqual({});
  });
});

describe('Every trainee login of the demo has something to see', () => {
  it('我的培训, 证书, 申领 and 支付记录 each list at least one record of the person', async () => {
    const trainees = logins.filter((l) => l.role === 'trainee');
    expect(trainees.length).toBeGreaterThanOrEqual(3);
    const app = await buildApp(first);
    try {
      for (const t of trainees) {
        const login = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: t.username, password: DEMO_PASSWORD },
        });
        expect(login.statusCode, t.username).toBe(200);
        const cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
        const totals: Record<string, number> = {};
        for (const [screen, url] of [
          ['我的培训', '/api/v1/classes'],
          ['我的证书', '/api/v1/my/certificates'],
          ['我的申领', '/api/v1/claims'],
          ['支付记录', '/api/v1/my/payments'],
        ]) {
          const res = await app.inject({ method: 'GET', url, headers: { cookie } });
          expect(res.statusCode, `${t.username} ${url}`).toBe(200);
          totals[screen!] = (res.json() as { total: number }).total;
        }
        expect(
          Object.entries(totals)
            .filter(([, n]) => n === 0)
            .map(([screen]) => `${t.username}：${screen}为空`),
        ).toEqual([]);
      }
    } finally {
      await app.close();
    }
  }, 60_000);
});
