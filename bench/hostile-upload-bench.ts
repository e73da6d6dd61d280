// `npm run bench` (hostile uploads): a server (`upskill serve`, embedded PGlite — the store with one
// connection, where a slow transaction stalls everyone) on 127.0.0.1, and a hostile provider that, for
// a bounded time, uploads zip bombs (declared 1 GiB; declared 4 KB but inflating to 1 GiB), a large
// roster worth parsing, and downloads the largest attendance sheet a class may have, as fast as it
// can, from several connections. Meanwhile a well-behaved client asks GET /api/v1/health and the
// public catalog (GET /api/v1/catalog) every 50 ms; their p50/p99 latency is printed against 200 ms.
//   node --import tsx bench/hostile-upload-bench.ts [--seconds 20] [--attackers 4]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { residentIdCheckChar, usccCheckChar } from '../src/policy/identifiers.ts';
import { limits } from '../src/services/limits.ts';
import { XLSX_MIME } from '../src/services/classes/sheet-file.ts';
import { rosterTemplate } from '../src/services/classes/import-roster.ts';
import { migrate, openStore } from '../src/store/database.ts';
import { seedReferenceData } from '../src/store/seed/reference-data.ts';
import { insertEnterprise, insertPerson, insertProvider } from '../src/store/seed/registries.ts';
import { seedUser } from '../src/demo/seed-users.ts';
import { inTransaction } from '../src/store/transaction.ts';
import { sheetBomb } from '../test/support/xlsx-bombs.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const SECONDS = Number(args.get('seconds') ?? 20);
const ATTACKERS = Number(args.get('attackers') ?? 4);
const PORT = 45_000 + (process.pid % 1000);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'bench-password';
const GiB = 1024 * 1024 * 1024;
const lim = limits();
// The largest class whose attendance sheet may be downloaded: the session limit, and as many trainees as the cell limit allows.
const SESSIONS = lim.classSessions;
const TRAINEES = Math.min(lim.classTrainees, Math.floor(lim.attendanceSheetCells / SESSIONS));

/** A well-formed resident ID for the i-th bench trainee (i < 1000). */
const personAt = (i: number) => {
  const body =
    `510402199${String(Math.floor(i / 1000) % 10)}0${1 + (Math.floor(i / 100) % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`.slice(
      0,
      17,
    );
  return body + residentIdCheckChar(body);
};
const EMPLOYER = '91510402MA6299999' + usccCheckChar('91510402MA6299999');

async function waitForHealth(child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${BASE}/api/v1/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function call(cookie: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
async function ok(res: Promise<Response>, what: string): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${(await r.text()).slice(0, 300)}`);
  return r.json();
}
async function login(username: string): Promise<string> {
  const res = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'upskill-hostile-bench-'));
  let child: ChildProcess | undefined;
  try {
    // The registries: a provider, an enterprise and the people of the largest class.
    const store = await openStore({ dataDir: dir });
    await migrate(store.db);
    await inTransaction(store.db, async (tx) => {
      await seedReferenceData(tx, 'bench');
      await insertEnterprise(tx, { uscc: EMPLOYER, industry: 'vanadium_titanium' });
      await insertProvider(tx, {
        id: 'P-BENCH',
        areaCode: '510402',
        scopes: [{ program: 'skill_upgrade', occupationCode: '6-16-01-03', level: '4' }],
      });
      for (let i = 0; i < Math.max(TRAINEES, 300); i++)
        await insertPerson(tx, {
          residentId: personAt(i),
          name: `压测学员${i}`,
          areaCode: '510402',
          facts: [{ fact: 'pensionEntitled', value: false }],
        });
      await seedUser(tx, {
        username: 'bench-provider',
        password: PASSWORD,
        displayName: '压测培训机构',
        role: 'provider',
        providerId: 'P-BENCH',
      });
      await seedUser(tx, {
        username: 'bench-county',
        password: PASSWORD,
        displayName: '压测东区人社局',
        role: 'county',
        areaCode: '510402',
      });
    });
    await store.close();

    child = spawn(process.execPath, ['bin/upskill.js', 'serve', '--port', String(PORT), '--data', dir], {
      cwd: ROOT,
      env: { ...process.env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitForHealth(child);
    const provider = await login('bench-provider');
    const county = await login('bench-county');

    // The largest class the limits allow, approved (its sheet may be downloaded), and a draft for roster uploads.
    const sessions = Array.from({ length: SESSIONS }, (_, i) => ({
      day: `2021-${String(3 + Math.floor(i / 100)).padStart(2, '0')}-${String(1 + (i % 25)).padStart(2, '0')}`,
      startsAt: `${String(8 + Math.floor((i % 100) / 25)).padStart(2, '0')}:00`,
      endsAt: `${String(8 + Math.floor((i % 100) / 25)).padStart(2, '0')}:45`,
      hours: 0.75,
    }));
    const application = (trainees: number) => ({
      providerId: 'P-BENCH',
      program: 'skill_upgrade',
      areaCode: '510402',
      enterpriseUscc: null,
      occupationCode: '6-16-01-03',
      level: '4',
      startDate: '2021-03-01',
      endDate: '2021-12-31',
      hours: 300,
      venue: '压测培训基地',
      teachers: [{ name: '王老师' }],
      trainees: Array.from({ length: trainees }, (_, i) => ({ residentId: personAt(i), name: `压测学员${i}`, employerUscc: EMPLOYER })),
      sessions,
    });
    const big = (await ok(call(provider, 'POST', '/classes', application(TRAINEES)), 'create the large class')).id as string;
    await ok(call(provider, 'POST', `/classes/${big}/submit`), 'submit');
    await ok(call(county, 'POST', `/classes/${big}/approve`, {}), 'approve');
    const draft = (await ok(call(provider, 'POST', '/classes', { ...application(0), sessions: sessions.slice(0, 2) }), 'create the draft'))
      .id as string;

    // The hostile files.
    const template = await rosterTemplate();
    let t = performance.now();
    const bomb = await sheetBomb(template, GiB);
    const liar = await sheetBomb(template, GiB, 4096);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('花名册');
    const remarks = Array.from({ length: 300 }, (_, i) => `备注${i + 1}`);
    sheet.addRow(['身份证号', '姓名', '工作单位统一社会信用代码', '是否新入职', '劳动合同期限（月）', ...remarks]);
    for (let i = 0; i < 300; i++) sheet.addRow([personAt(i), `压测学员${i}`, EMPLOYER, '否', 12, ...remarks.map((m) => `${m}-${i}`)]);
    const roster = Buffer.from(await book.xlsx.writeBuffer());
    console.log(
      `hostile-upload benchmark (PGlite server on 127.0.0.1, ${ATTACKERS} hostile connections, ${SECONDS} s); files made in ${((performance.now() - t) / 1000).toFixed(1)} s:`,
    );
    console.log(
      `  bomb ${(bomb.length / 1024).toFixed(0)} KB declaring 1 GiB; liar ${(liar.length / 1024).toFixed(0)} KB declaring 4 KB, inflating to 1 GiB; roster of 300 × 305 cells ${(roster.length / 1024).toFixed(0)} KB; attendance sheet ${TRAINEES} × ${SESSIONS} = ${TRAINEES * SESSIONS} cells`,
    );

    const upload = (body: Buffer) =>
      fetch(`${BASE}/api/v1/classes/${draft}/roster`, {
        method: 'POST',
        headers: { cookie: provider, 'content-type': XLSX_MIME },
        body: new Uint8Array(body),
      });
    const attacks: [string, () => Promise<Response>][] = [
      ['bomb (declared 1 GiB)', () => upload(bomb)],
      ['liar (inflates past its declared size)', () => upload(liar)],
      ['large roster (valid)', () => upload(roster)],
      [`attendance sheet ${TRAINEES}×${SESSIONS}`, () => call(provider, 'GET', `/classes/${big}/attendance-sheet`)],
    ];
    const stats = new Map(attacks.map(([name]) => [name, { n: 0, ms: [] as number[], statuses: new Map<number, number>() }]));
    let deadline = Infinity;
    const rssBefore = await serverRss(child.pid!);
    let peakRss = rssBefore;
    const attacker = async (k: number) => {
      for (let i = k; performance.now() < deadline; i++) {
        const [name, run] = attacks[i % attacks.length]!;
        const s = stats.get(name)!;
        const t0 = performance.now();
        const res = await run();
        await res.arrayBuffer();
        s.n++;
        s.ms.push(performance.now() - t0);
        s.statuses.set(res.status, (s.statuses.get(res.status) ?? 0) + 1);
      }
    };
    const probe = async (path: string, out: number[]) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const res = await fetch(`${BASE}${path}`);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${path}: ${res.status}`);
        out.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const rssWatch = async () => {
      while (performance.now() < deadline) {
        peakRss = Math.max(peakRss, await serverRss(child!.pid!));
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    // The same polite client first without the attack, for comparison (the machine may be shared).
    const calm = { health: [] as number[], catalog: [] as number[] };
    const calmUntil = performance.now() + 5000;
    const probeUntil = async (path: string, out: number[], until: number) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const res = await fetch(`${BASE}${path}`);
        await res.arrayBuffer();
        out.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await Promise.all([probeUntil('/api/v1/health', calm.health, calmUntil), probeUntil('/api/v1/catalog', calm.catalog, calmUntil)]);
    console.log(
      `  without the attack (5 s): health p50 ${pct(calm.health, 50).toFixed(1)} ms, p99 ${pct(calm.health, 99).toFixed(1)} ms; catalog p50 ${pct(calm.catalog, 50).toFixed(1)} ms, p99 ${pct(calm.catalog, 99).toFixed(1)} ms`,
    );
    const health: number[] = [];
    const catalog: number[] = [];
    deadline = performance.now() + SECONDS * 1000;
    t = performance.now();
    await Promise.all([
      ...Array.from({ length: ATTACKERS }, (_, k) => attacker(k)),
      probe('/api/v1/health', health),
      probe('/api/v1/catalog', catalog),
      rssWatch(),
    ]);
    const took = (performance.now() - t) / 1000;

    console.log(`  hostile requests in ${took.toFixed(1)} s:`);
    for (const [name, s] of stats) {
      console.log(
        `    ${name.padEnd(40)} ${String(s.n).padStart(4)} × p50 ${pct(s.ms, 50).toFixed(0)} ms, p99 ${pct(s.ms, 99).toFixed(0)} ms; answers ${[...s.statuses].map(([c, n]) => `${c}×${n}`).join(', ')}`,
      );
    }
    for (const [name, xs] of [
      ['GET /api/v1/health', health],
      ['GET /api/v1/catalog', catalog],
    ] as const) {
      const p99 = pct(xs, 99);
      console.log(
        `  ${name.padEnd(22)} ${String(xs.length).padStart(4)} requests: p50 ${pct(xs, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...xs).toFixed(0)} ms — p99 ${p99 < 200 ? 'under' : 'OVER'} 200 ms`,
      );
    }
    console.log(`  server memory (RSS): ${rssBefore} MB before, peak ${peakRss} MB during the attack`);
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The server process's resident memory in MB (Linux /proc). */
async function serverRss(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

await main();
