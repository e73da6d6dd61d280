// `npm run bench` (store part): the system of record under load, on the store DATABASE_URL names, or
// on PGlite in a temporary folder when it is unset. Prints:
//  1. claim submissions per second over HTTP (autocannon on loopback), with p50 / p99 latency;
//  2. deciding the claims of N people (default 100,000) with their history, from the database.
// Targets (issue #4, on PostgreSQL): ≥ 1,000 submissions/s with p99 < 100 ms; 100,000 people < 20 s.
//   node --import tsx bench/store-bench.ts [--people 100000] [--seconds 15] [--connections 20]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { residentIdCheckChar, usccCheckChar } from '../src/policy/identifiers.ts';
import { decideClaims } from '../src/services/claims/decide-claims.ts';
import type { Actor } from '../src/services/access.ts';
import { migrate, openStore, type Store } from '../src/store/database.ts';
import { seedReferenceData } from '../src/store/seed/reference-data.ts';
import { seedUser } from '../src/demo/seed-users.ts';
import { inTransaction } from '../src/store/transaction.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const PEOPLE = Number(args.get('people') ?? 100_000);
const SECONDS = Number(args.get('seconds') ?? 15);
const CONNECTIONS = Number(args.get('connections') ?? 20);
const PORT = 43_000 + (process.pid % 1000);
const AREAS = ['510402', '510403', '510411', '510421', '510422'];
const PASSWORD = 'bench-password';

function personId(i: number): string {
  const first17 = `${AREAS[i % 5]}19${String(70 + (i % 30))}0101${String(i % 1000).padStart(3, '0')}`;
  // Unique per i: vary the birth month/day with i / 1000.
  const k = Math.floor(i / 1000);
  const body = `${first17.slice(0, 10)}${String((k % 12) + 1).padStart(2, '0')}${String((Math.floor(k / 12) % 28) + 1).padStart(2, '0')}${first17.slice(14)}`;
  return body + residentIdCheckChar(body);
}
function enterpriseId(i: number): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let s = '';
  for (let n = i + 1000, k = 0; k < 9; k++, n = Math.floor(n / 31)) s += charset[n % 31];
  const first17 = `91510400${s}`;
  return first17 + usccCheckChar(first17);
}

/** Bulk data: N people with facts, 50 enterprises, and per person one paid and one submitted claim. */
async function seedBulk(store: Store, people: number): Promise<void> {
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx, 'bench');
    await seedUser(
      tx,
      { username: 'bench-city', password: PASSWORD, displayName: '压测（市人社局）', role: 'city', areaCode: '510400' },
      'bench',
    );
    const enterprises = Array.from({ length: 50 }, (_, i) => ({
      uscc: enterpriseId(i),
      name: `压测企业${i}（虚构）`,
      area_code: AREAS[i % 5]!,
      industry: 'other',
      insured: true,
      created_by: 'bench',
    }));
    await tx.insertInto('enterprises').values(enterprises).execute();
    await tx
      .insertInto('enterprise_education_fund')
      .values(
        enterprises.flatMap((e) =>
          [2020, 2021].map((year) => ({ uscc: e.uscc, year, fully_used: true, source: 'bench', recorded_by: 'bench' })),
        ),
      )
      .execute();
    for (let start = 0; start < people; start += 1000) {
      const ids = Array.from({ length: Math.min(1000, people - start) }, (_, k) => start + k);
      await tx
        .insertInto('people')
        .values(ids.map((i) => ({ resident_id: personId(i), name: `压测人员${i}`, area_code: AREAS[i % 5]!, created_by: 'bench' })))
        .execute();
      await tx
        .insertInto('person_facts')
        .values(
          ids.flatMap((i) => [
            { resident_id: personId(i), fact: 'pensionEntitled', value: false, source: 'bench', as_of: '2020-01-02', recorded_by: 'bench' },
            {
              resident_id: personId(i),
              fact: i % 3 === 0 ? 'rural_migrant' : 'registered_unemployed',
              value: true,
              source: 'bench',
              as_of: '2020-01-02',
              recorded_by: 'bench',
            },
          ]),
        )
        .execute();
      const claim = (i: number, n: number, status: 'paid' | 'submitted') => ({
        id: `B${i}-${n}`,
        program: n === 0 ? 'short_term' : 'employment_skill',
        applicant: n === 0 ? 'enterprise' : 'institution',
        resident_id: personId(i),
        enterprise_uscc: n === 0 ? enterpriseId(i % 50) : null,
        area_code: AREAS[i % 5]!,
        occupation_code: n === 0 ? null : '4-10-01-06',
        level: n === 0 ? null : '5',
        start_date: n === 0 ? '2020-05-11' : '2021-03-01',
        end_date: n === 0 ? '2020-05-15' : '2021-04-15',
        attended_hours: n === 0 ? 32 : null,
        qualified: true,
        certificate_type: 'training',
        certificate_number: `BC${i}-${n}`,
        status,
        created_by: 'bench',
      });
      await tx
        .insertInto('claims')
        .values(ids.flatMap((i) => [claim(i, 0, 'paid'), claim(i, 1, 'submitted')]))
        .execute();
    }
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function submissions(dataDir: string | undefined): Promise<void> {
  const env = { ...process.env, PORT: String(PORT) };
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean),
      'bin/upskill.js',
      'serve',
      ...(dataDir ? ['--data', dataDir] : []),
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${PORT}`;
  try {
    await waitForHealth(url, child);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-city', password: PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    let n = 0;
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/claims',
          headers: { 'content-type': 'application/json', cookie },
          setupRequest: (req) => {
            const i = n++ % PEOPLE;
            return {
              ...req,
              body: JSON.stringify({
                program: 'short_term',
                applicant: 'enterprise',
                residentId: personId(i),
                enterpriseUscc: enterpriseId(i % 50),
                startDate: '2021-06-07',
                endDate: '2021-06-11',
                attendedHours: 30,
                qualified: true,
                certificate: { type: 'training', number: `H${n}` },
              }),
            };
          },
        },
      ],
    });
    const ok = result['2xx'];
    console.log(
      `  submissions over HTTP: ${(ok / SECONDS).toFixed(0)}/s (${ok} accepted, ${result.non2xx} refused, ${result.errors} errors), ` +
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (${CONNECTIONS} connections, ${SECONDS} s)`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const dir = url ? undefined : mkdtempSync(join(tmpdir(), 'upskill-store-bench-'));
  console.log(`store benchmark on ${url ? 'PostgreSQL' : 'PGlite'}: ${PEOPLE.toLocaleString('en-US')} people`);
  try {
    let store = await openStore({ databaseUrl: url, dataDir: dir });
    await migrate(store.db);
    let t = performance.now();
    await seedBulk(store, PEOPLE);
    console.log(
      `  seeded ${PEOPLE.toLocaleString('en-US')} people with ${(PEOPLE * 2).toLocaleString('en-US')} claims in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const city: Actor = {
      userId: 'bench',
      username: 'bench',
      displayName: 'bench',
      role: 'city',
      areaCode: '510400',
      department: null,
      enterpriseUscc: null,
      providerId: null,
      residentId: null,
    };
    t = performance.now();
    const decided = await decideClaims(store.db, city, { chunkSize: 2000 });
    const s = (performance.now() - t) / 1000;
    console.log(
      `  decided the claims of ${decided.people.toLocaleString('en-US')} people (with history) from the database in ${s.toFixed(1)} s: ` +
        `${Object.entries(decided.byOutcome)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
    );
    await store.close();
    await submissions(dir);
    store = await openStore({ databaseUrl: url, dataDir: dir });
    await store.close();
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
