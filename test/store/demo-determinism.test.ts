// The demo is the same on every fresh run: the README's worked examples, the e2e tests and the risk
// scan that finds exactly the planted irregularities all rely on it. Two seedings of the same demo are
// compared table by table, row by row: one done here on a fresh store, and the run's shared one that the
// other demo tests read (test/support/demo.ts: seeded by the same code in this run, in another file or
// in this one, then copied: a PGlite dump, or on PostgreSQL a database created from it as a template),
// digested by the database (test/support/demo-content.ts, which lists the columns left out and why).
// Then each trainee login of the demo logs in and finds something on every one of its screens.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, SESSION_COOKIE } from '../../src/api/app.ts';
import { scanRisks } from '../../src/services/risk/scan-risks.ts';
import type { Db, Store } from '../../src/store/database.ts';
import { DEMO_PASSWORD, type DemoLogin } from '../../src/demo/seed-demo.ts';
import { comparedColumns, contents, rowText, type Columns } from '../support/demo-content.ts';
import { openDemoStore, seedFreshDemo } from '../support/demo.ts';

/** For a failure message: per table whose digests differ, its row counts and a few rows found in only one run. */
async function differences(tables: string[]) {
  const out: Record<string, { rows: [number, number]; onlyInFirst: string[]; onlyInSecond: string[] }> = {};
  const rowsOf = async (db: Db, table: string, scanId: string) =>
    (await sql<{ r: string }>`select ${rowText(columns.get(table)!, scanId)} as r from ${sql.table(table)}`.execute(db)).rows.map(
      (x) => x.r,
    );
  for (const table of tables) {
    const x = await rowsOf(first.db, table, firstScan);
    const y = await rowsOf(second.db, table, secondScan);
    const inX = new Set(x);
    const inY = new Set(y);
    const onlyIn = (rows: string[], other: Set<string>) =>
      rows
        .filter((r) => !other.has(r))
        .slice(0, 3)
        .map((r) => r.slice(0, 600));
    out[table] = { rows: [x.length, y.length], onlyInFirst: onlyIn(x, inY), onlyInSecond: onlyIn(y, inX) };
  }
  return out;
}

let first: Store;
let second: Store;
let logins: DemoLogin[];
let columns: Columns;
let firstScan: string;
let secondScan: string;
let firstContents: Map<string, { digest: string; count: number }>;
let secondContents: Map<string, { digest: string; count: number }>;

beforeAll(async () => {
  // Fewer people than the real demo (5,000), as in the other demo tests: the same seeder, the same use
  // cases. The fresh seeding first, then the shared one (waiting for it if another file is seeding it).
  // Then a full risk scan of each, so that the findings (what test/services/risk/demo-scan.test.ts
  // checks) are compared too.
  ({ store: first, logins } = await seedFreshDemo());
  ({ store: second } = await openDemoStore());
  columns = await comparedColumns(first.db);
  firstScan = (await scanRisks(first.db, 'city:test')).scanId;
  secondScan = (await scanRisks(second.db, 'city:test')).scanId;
  firstContents = await contents(first.db, columns, firstScan);
  secondContents = await contents(second.db, columns, secondScan);
}, 600_000);
afterAll(async () => {
  await first?.close();
  await second?.close();
});

describe('The demo is deterministic', () => {
  it('two fresh runs write the same content into every table', async () => {
    expect([...firstContents.keys()]).toEqual([...secondContents.keys()]);
    expect(await comparedColumns(second.db)).toEqual(columns);
    expect(firstContents.get('claims')!.count).toBeGreaterThan(500);
    expect(firstContents.get('risk_findings')!.count).toBeGreaterThan(0);
    const differing = [...firstContents.keys()].filter((t) => firstContents.get(t)!.digest !== secondContents.get(t)!.digest);
    expect(await differences(differing)).toEqual({});
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
