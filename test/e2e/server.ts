// A real `upskill serve --demo` for the browser tests: started as `node bin/upskill.js …` (so the pid
// we hold is the server itself, STACK-NOTES trap 10), on a fresh data folder and a free port, as of the
// demo's business date (UPSKILL_TODAY=2021-11-15, as `npm start`). A test that needs days to pass (a
// notice's working days to run) restarts it on the same data and port with a later business date
// (`advanceBusinessDate`): the product's "today" moves only as the real one does, by a new day.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The demo's business date: the e2e server starts on it. */
export const E2E_TODAY = '2021-11-15';

export interface RunningServer {
  baseUrl: string;
  /** What a test worker needs to restart the server on a later day (advanceBusinessDate). */
  control: ServerControl;
  output(): string;
  stop(): Promise<void>;
}

export interface ServerControl {
  baseUrl: string;
  port: number;
  dataDir: string;
  pidFile: string;
}

const serveArgs = (dataDir: string, port: number, demo: boolean) => [
  '--max-semi-space-size=32',
  'bin/upskill.js',
  'serve',
  ...(demo ? ['--demo'] : []),
  '--data',
  join(dataDir, 'data'),
  '--port',
  String(port),
];

function serverEnv(today: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, UPSKILL_TODAY: today };
  for (const k of ['PORT', 'HOST', 'DATABASE_URL', 'UPSKILL_DATA_DIR']) delete env[k];
  return env;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function healthy(baseUrl: string, ms: number, failed: () => string | null): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const why = failed();
    if (why) throw new Error(why);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`upskill serve was not healthy within ${ms} ms`);
}

/**
 * Restarts the e2e server as of `today` (YYYY-MM-DD, not before its business date now), on the same
 * data folder and port; sessions are in the store, so signed-in browsers stay signed in. Returns the day.
 */
export async function advanceBusinessDate(control: ServerControl, today: string): Promise<string> {
  const now = ((await (await fetch(`${control.baseUrl}/api/v1/business-date`)).json()) as { today: string }).today;
  if (today < now) throw new Error(`the business date does not go back: ${now} → ${today}`);
  if (today === now) return now;
  const pid = Number(readFileSync(control.pidFile, 'utf8'));
  process.kill(pid, 'SIGTERM');
  for (let i = 0; alive(pid) && i < 300; i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  // Detached, output to a file: the server outlives this test worker; the global teardown stops it.
  const log = openSync(join(control.dataDir, `serve-${today}.log`), 'a');
  const child = spawn(process.execPath, serveArgs(control.dataDir, control.port, false), {
    cwd: ROOT,
    stdio: ['ignore', log, log],
    env: serverEnv(today),
    detached: true,
  });
  child.unref();
  writeFileSync(control.pidFile, String(child.pid));
  await healthy(control.baseUrl, 120_000, () =>
    child.exitCode !== null ? `upskill serve (${today}) exited with ${child.exitCode}: see ${control.dataDir}/serve-${today}.log` : null,
  );
  return today;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * CI seeds the demo beside its PGlite test pass (.ci/run): UPSKILL_E2E_DEMO names a folder where the same
 * `upskill demo` as `npm start` writes `data`, then `ready` (or `failed`, with `demo.log`). The server then
 * starts on a copy of that folder; `serve --demo` finds the store filled and seeds nothing. Without the
 * setting the server seeds its own demo.
 */
async function copyPreparedDemo(into: string, deadline: number): Promise<void> {
  const prepared = process.env.UPSKILL_E2E_DEMO;
  if (!prepared) return;
  while (!existsSync(join(prepared, 'ready'))) {
    if (existsSync(join(prepared, 'failed')) || Date.now() > deadline) {
      const log = existsSync(join(prepared, 'demo.log')) ? readFileSync(join(prepared, 'demo.log'), 'utf8') : '';
      throw new Error(
        `the demo prepared in ${prepared} ${existsSync(join(prepared, 'failed')) ? 'failed' : 'was not ready in time'}:\n${log}`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  // The folder's lock belongs to the process that wrote it (gone now); the copy gets a lock of its own.
  cpSync(join(prepared, 'data'), into, { recursive: true, filter: (src) => !src.endsWith('.upskill.lock') });
}

export async function startServer(options: { timeoutMs?: number; today?: string } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'upskill-e2e-'));
  // Seeding the demo is most of the start (every sign-in goes through the QR use case); a busy machine
  // needs longer: UPSKILL_E2E_START_TIMEOUT_MS (default 15 minutes).
  const deadline = Date.now() + (options.timeoutMs ?? Number(process.env.UPSKILL_E2E_START_TIMEOUT_MS ?? 900_000));
  await copyPreparedDemo(join(dataDir, 'data'), deadline);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const pidFile = join(dataDir, 'serve.pid');
  const child = spawn(process.execPath, serveArgs(dataDir, port, true), {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: serverEnv(options.today ?? E2E_TODAY),
  });
  writeFileSync(pidFile, String(child.pid));
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));

  const stop = async () => {
    // A server restarted on a later day by a test (advanceBusinessDate) is stopped by its pid.
    const current = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : child.pid;
    if (current && current !== child.pid && alive(current)) {
      process.kill(current, 'SIGTERM');
      for (let i = 0; alive(current) && i < 150; i++) await new Promise((r) => setTimeout(r, 100));
      if (alive(current)) process.kill(current, 'SIGKILL');
    }
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await exited(child, 15_000))) {
        child.kill('SIGKILL');
        await exited(child, 5_000);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`upskill serve exited with ${child.exitCode} before it was ready:\n${log}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.ok) return { baseUrl, control: { baseUrl, port, dataDir, pidFile }, output: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`upskill serve was not healthy within the timeout:\n${log}`);
}
