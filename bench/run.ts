// `npm run bench`: throughput and memory of `upskill evaluate` against the floor of any Node engine.
//
//   npm run bench                              # 10k, 100k, 1M claims
//   npm run bench -- --sizes 10000,100000      # other sizes
//   npm run bench -- --keep                    # keep the generated files (their dir is printed)
//   npm run bench -- --seed 7 --timeout 3600   # another data set; per-process timeout in seconds
//   npm run bench -- --engine other/upskill.js # another build of the CLI (default bin/upskill.js)
//   npm run bench -- --runs 5                  # runs per size, best time kept (default 3 up to 100k, else 2)
//
// For each size: generate the file (bench/generate-evaluate-file.ts, fixed seed), then run, each as
// a whole child process with its stdout piped back here and only counted, floor and engine taking
// turns (--runs, best time kept):
//   floor   node bench/floor.mjs FILE           read + JSON.parse + JSON.stringify(claims)
//   engine  node bin/upskill.js evaluate FILE   what `npm run -s upskill -- evaluate FILE` runs
// (the file itself is written by a child too, bench/generate.ts, to keep this process's heap small).
// Wall time is spawn → exit. Peak RSS: VmHWM of the child and of every descendant seen, polled from
// /proc every 20 ms and summed over the processes; when GNU time (/usr/bin/time) exists the child
// runs under it and its exact max RSS (%M) is taken when larger. Not a test: it prints figures.

import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { EvaluateFileStats } from './generate-evaluate-file.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_ENGINE = join(ROOT, 'bin', 'upskill.js');
const FLOOR = join(ROOT, 'bench', 'floor.mjs');
const GENERATE = join(ROOT, 'bench', 'generate.ts');
const GNU_TIME = '/usr/bin/time';
const POLL_MS = 20;

// Targets: at the largest size (1M claims), within 2× of reading and writing the file, under 2 GB.
const MAX_RATIO = 2;
const MAX_RSS_MIB = 2048;
const MAX_GROWTH = 1.5; // µs/claim at the largest size ≤ 1.5 × µs/claim at the smallest

interface Options {
  sizes: number[];
  keep: boolean;
  seed: number;
  timeoutS: number;
  engine: string;
  /** Runs of floor and engine per size (best time, highest RSS); undefined = 3 up to 100k claims, else 2. */
  runs: number | undefined;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    sizes: [10_000, 100_000, 1_000_000],
    keep: false,
    seed: 20200114,
    timeoutS: 3600,
    engine: DEFAULT_ENGINE,
    runs: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const [, inline] = a.split('=', 2);
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--keep') o.keep = true;
    else if (a.startsWith('--sizes'))
      o.sizes = value()
        .split(',')
        .map((s) => Number(s.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000')));
    else if (a.startsWith('--seed')) o.seed = Number(value());
    else if (a.startsWith('--timeout')) o.timeoutS = Number(value());
    else if (a.startsWith('--engine')) o.engine = resolve(value());
    else if (a.startsWith('--runs')) o.runs = Number(value());
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: npm run bench -- [--sizes 10000,100000,1000000] [--keep] [--seed N] [--timeout SECONDS] [--runs N] [--engine bin/upskill.js]',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (o.sizes.length === 0 || o.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`bad --sizes: ${o.sizes.join(',')}`);
  if (!Number.isInteger(o.seed)) throw new Error('bad --seed');
  if (!(o.timeoutS > 0)) throw new Error('bad --timeout');
  if (o.runs !== undefined && !(Number.isInteger(o.runs) && o.runs >= 1)) throw new Error('bad --runs');
  return o;
}

// ---------------------------------------------------------------------------------------------
// A child process, measured.

interface RunResult {
  ok: boolean;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  wallS: number;
  peakRssMiB: number | null;
  /** User + system CPU seconds of the child and its threads (GNU time), null without it. */
  cpuS: number | null;
  /** Occurrences of `"ref":` on stdout: one per decision (engine) or per claim (floor). */
  refs: number;
  stdoutBytes: number;
  stderrHead: string;
}

const REF_KEY = Buffer.from('"ref":');

/** Counts REF_KEY in a stream of chunks, including occurrences split between two chunks. */
class RefCounter {
  count = 0;
  bytes = 0;
  private tail = Buffer.alloc(0);
  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.tail.length > 0) {
      // Only matches that start in the tail and end in this chunk (the key does not overlap itself).
      this.count += countIn(Buffer.concat([this.tail, chunk.subarray(0, REF_KEY.length - 1)]));
    }
    this.count += countIn(chunk);
    this.tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - (REF_KEY.length - 1))));
  }
}
function countIn(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(REF_KEY); i !== -1; i = b.indexOf(REF_KEY, i + REF_KEY.length)) n++;
  return n;
}

/** Pids of `pid` and all its descendants, from /proc/<pid>/task/<tid>/children. */
function processTree(pid: number, into: number[] = []): number[] {
  into.push(pid);
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return into;
  }
  for (const tid of tasks) {
    let children: string;
    try {
      children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const c of children.split(' ')) if (c.trim() !== '') processTree(Number(c), into);
  }
  return into;
}

/** VmHWM of a process in KiB, or undefined once it is gone. */
function vmHwmKiB(pid: number): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

const haveProc = existsSync('/proc/self/status');
const haveGnuTime = ((): boolean => {
  try {
    return statSync(GNU_TIME).isFile();
  } catch {
    return false;
  }
})();

/** The node flags `npm run upskill` passes (package.json "upskill": "node <flags> bin/upskill.js"), so the engine runs as users run it. */
const ENGINE_NODE_FLAGS: string[] = (() => {
  const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.upskill;
  // The script builds first (`node scripts/build.mjs --if-stale && node … bin/upskill.js`): only the last command's flags.
  return script
    .split('&&')
    .pop()!
    .split(/\s+/)
    .filter((w) => w.startsWith('--'));
})();

function runMeasured(command: string, args: string[], timeoutS: number, scratch: string): Promise<RunResult> {
  const timeFile = join(scratch, `time-${process.pid}-${Date.now()}.txt`);
  const [cmd, argv] = haveGnuTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolvePromise) => {
    const started = performance.now();
    // Own process group, so that a timeout can end exactly the processes this run started.
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const rootPid = child.pid!;
    const hwm = new Map<number, number>();
    const poll = (): void => {
      if (!haveProc) return;
      for (const pid of processTree(rootPid)) {
        if (haveGnuTime && pid === rootPid) continue; // the time wrapper itself
        const kib = vmHwmKiB(pid);
        if (kib !== undefined && kib > (hwm.get(pid) ?? 0)) hwm.set(pid, kib);
      }
    };
    const poller = setInterval(poll, POLL_MS);
    poll();

    const counter = new RefCounter();
    child.stdout.on('data', (chunk: Buffer) => counter.push(chunk));
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      if (stderr.length < 64 * 1024) stderr += s;
    });

    let timedOut = false;
    const killer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-rootPid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutS * 1000);

    let wallS = 0;
    child.on('exit', () => {
      wallS = (performance.now() - started) / 1000;
      clearInterval(poller);
      clearTimeout(killer);
    });
    child.on('close', (code, signal) => {
      let exitCode = code;
      let peakKiB = [...hwm.values()].reduce((s, k) => s + k, 0);
      let cpuS: number | null = null;
      if (haveGnuTime) {
        try {
          const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
          const [m, user, sys] = lines[lines.length - 1]!.split(' ').map(Number);
          if (Number.isFinite(m)) peakKiB = Math.max(peakKiB, m!);
          if (Number.isFinite(user) && Number.isFinite(sys)) cpuS = user! + sys!;
          // GNU time exits with the command's status; a signal shows as "Command terminated by signal N".
          const sig = lines.find((l) => l.startsWith('Command terminated by signal'));
          if (sig && exitCode === 0) exitCode = 128 + Number(sig.split(' ').pop());
        } catch {
          /* time did not write: keep the polled figure */
        }
        rmSync(timeFile, { force: true });
      }
      const stderrHead = (
        haveGnuTime ? stderr.replace(/^Command (exited with non-zero status|terminated by signal).*$/gm, '') : stderr
      ).trim();
      resolvePromise({
        ok: !timedOut && signal === null && exitCode === 0,
        exitCode,
        signal,
        timedOut,
        wallS,
        peakRssMiB: peakKiB > 0 ? peakKiB / 1024 : null,
        cpuS,
        refs: counter.count,
        stdoutBytes: counter.bytes,
        stderrHead,
      });
    });
    child.on('error', (e) => {
      clearInterval(poller);
      clearTimeout(killer);
      resolvePromise({
        ok: false,
        exitCode: null,
        signal: null,
        timedOut: false,
        wallS: 0,
        peakRssMiB: null,
        cpuS: null,
        refs: 0,
        stdoutBytes: 0,
        stderrHead: String(e),
      });
    });
  });
}

/**
 * Writes the file in a child process (bench/generate.ts): the generator's garbage must not share this
 * process's heap, whose collections would slow the measured children down (seen: +2 s on the 1M floor).
 */
async function generate(file: string, claims: number, seed: number): Promise<EvaluateFileStats & { seconds: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', GENERATE, file, String(claims), String(seed)], {
    cwd: ROOT,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as EvaluateFileStats & { seconds: number };
}

/** Keeps the best wall time, the slowest (the spread of single runs) and the highest peak RSS of the runs of one command; the first failure sticks. */
class Best {
  result: (RunResult & { runs: number; worstWallS: number }) | undefined;
  add(r: RunResult): void {
    const prev = this.result;
    if (prev && !prev.ok) return;
    const runs = (prev?.runs ?? 0) + 1;
    const peak = prev?.peakRssMiB == null ? r.peakRssMiB : r.peakRssMiB == null ? prev.peakRssMiB : Math.max(prev.peakRssMiB, r.peakRssMiB);
    const keep = !r.ok || !prev || r.wallS < prev.wallS ? r : prev;
    this.result = { ...keep, peakRssMiB: r.ok ? peak : r.peakRssMiB, runs, worstWallS: Math.max(prev?.worstWallS ?? 0, r.wallS) };
  }
  get ok(): boolean {
    return this.result?.ok ?? false;
  }
}

/** Floor and engine, alternately, `runs` times (so that a slow spell of the machine hits both alike). */
async function measurePair(runs: number, floorRun: () => Promise<RunResult>, engineRun: () => Promise<RunResult>) {
  const floor = new Best();
  const engine = new Best();
  for (let i = 0; i < runs; i++) {
    if (i === 0 || floor.ok) floor.add(await floorRun());
    if (i === 0 || engine.ok) engine.add(await engineRun());
    if (!floor.ok && !engine.ok) break;
  }
  return { floor: floor.result!, engine: engine.result! };
}

async function bestOf(n: number, run: () => Promise<RunResult>): Promise<RunResult & { runs: number; worstWallS: number }> {
  const best = new Best();
  for (let i = 0; i < n && (i === 0 || best.ok); i++) best.add(await run());
  return best.result!;
}

// ---------------------------------------------------------------------------------------------
// The run.

interface Row {
  claims: number;
  stats: EvaluateFileStats;
  genS: number;
  floor: RunResult;
  engine: RunResult;
}

const fmtN = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mib = (bytes: number): number => bytes / (1 << 20);
const runsNote = (r: { runs: number; worstWallS: number; cpuS: number | null }): string =>
  `${r.runs > 1 ? ` (best of ${r.runs}; slowest ${r.worstWallS.toFixed(2)} s)` : ''}${r.cpuS === null ? '' : `, CPU ${r.cpuS.toFixed(2)} s`}`;

function describeFailure(what: string, r: RunResult): string {
  const why = r.timedOut ? 'timed out' : r.signal ? `killed by ${r.signal}` : `exit ${r.exitCode}`;
  const head = r.stderrHead.split('\n').slice(0, 15).join('\n').slice(0, 3000);
  return `  ${what} FAILED (${why})${head ? `; stderr:\n    ${head.replace(/\n/g, '\n    ')}` : ''}`;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'upskill-bench-'));
  const cpu = cpus();
  console.log(`upskill evaluate benchmark — node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, seed ${o.seed}`);
  console.log(
    `files in ${dir}${o.keep ? ' (kept)' : ' (deleted after each size)'}; RSS by ${haveProc ? `/proc VmHWM polling${haveGnuTime ? ' + GNU time %M' : ''}` : haveGnuTime ? 'GNU time %M' : 'nothing (no /proc, no GNU time)'}`,
  );
  if (!existsSync(o.engine)) console.log(`warning: ${o.engine} does not exist yet: the engine runs will fail`);

  const rows: Row[] = [];
  let startupS: number | null = null;
  try {
    // Start-up: the engine on a one-claim file (loading node, tsx, the sources and the policy).
    const tiny = join(dir, 'evaluate-1.json');
    await generate(tiny, 1, o.seed);
    const startup = await bestOf(3, () =>
      runMeasured(process.execPath, [...ENGINE_NODE_FLAGS, o.engine, 'evaluate', tiny], o.timeoutS, dir),
    );
    if (startup.ok) {
      startupS = startup.wallS;
      console.log(`
start-up (engine on a 1-claim file): ${startup.wallS.toFixed(2)} s (best of 3), peak RSS ${fmtN(startup.peakRssMiB ?? NaN)} MiB`);
    } else
      console.log(`
${describeFailure('start-up run (1 claim)', startup)}`);
    if (!o.keep) rmSync(tiny, { force: true });

    for (const n of o.sizes) {
      const file = join(dir, `evaluate-${n}.json`);
      const stats = await generate(file, n, o.seed);
      const genS = stats.seconds;
      console.log(
        `\n${fmtN(n)} claims: file ${fmtN(mib(stats.bytes), 1)} MiB (${fmtN(stats.people)} people, ${fmtN(stats.enterprises)} enterprises, ` +
          `${fmtN(stats.historyClaims)} history, ${fmtN(stats.evaluatedClaims)} to decide), generated in ${genS.toFixed(2)} s`,
      );
      const runs = o.runs ?? (n <= 100_000 ? 3 : 2);
      const { floor, engine } = await measurePair(
        runs,
        () => runMeasured(process.execPath, [FLOOR, file], o.timeoutS, dir),
        () => runMeasured(process.execPath, [...ENGINE_NODE_FLAGS, o.engine, 'evaluate', file], o.timeoutS, dir),
      );
      console.log(
        floor.ok
          ? `  floor  ${floor.wallS.toFixed(2)} s${runsNote(floor)}, peak RSS ${fmtN(floor.peakRssMiB ?? NaN)} MiB`
          : describeFailure('floor', floor),
      );
      if (floor.ok && floor.refs !== stats.claims) console.log(`  warning: the floor wrote ${floor.refs} claims, expected ${stats.claims}`);
      if (engine.ok) {
        console.log(
          `  engine ${engine.wallS.toFixed(2)} s${runsNote(engine)}, peak RSS ${fmtN(engine.peakRssMiB ?? NaN)} MiB, ${fmtN(engine.refs)} decisions, ${fmtN(mib(engine.stdoutBytes), 1)} MiB out`,
        );
        if (engine.refs !== stats.evaluatedClaims)
          console.log(`  warning: ${fmtN(engine.refs)} decisions, expected one per claim without status: ${fmtN(stats.evaluatedClaims)}`);
      } else console.log(describeFailure('engine', engine));
      rows.push({ claims: n, stats, genS, floor, engine });
      if (!o.keep) rmSync(file, { force: true });
    }
  } finally {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }

  // Table.
  const header = [
    'claims',
    'file MiB',
    'gen s',
    'floor s',
    'engine s',
    'engine/floor',
    'decisions/s',
    'µs/claim',
    'net µs/claim',
    'engine RSS MiB',
    'floor RSS MiB',
    'status',
  ];
  const netUs = (r: Row): number | null => (startupS === null || !r.engine.ok ? null : ((r.engine.wallS - startupS) * 1e6) / r.claims);
  const table: string[][] = rows.map((r) => {
    const e = r.engine;
    const f = r.floor;
    const usPerClaim = (e.wallS * 1e6) / r.claims;
    return [
      fmtN(r.claims),
      fmtN(mib(r.stats.bytes), 1),
      r.genS.toFixed(2),
      f.ok ? f.wallS.toFixed(2) : 'failed',
      e.ok ? e.wallS.toFixed(2) : 'failed',
      e.ok && f.ok ? `${(e.wallS / f.wallS).toFixed(2)}×` : '—',
      e.ok ? fmtN(e.refs / e.wallS) : '—',
      e.ok ? usPerClaim.toFixed(1) : '—',
      netUs(r)?.toFixed(1) ?? '—',
      e.ok && e.peakRssMiB !== null ? fmtN(e.peakRssMiB) : '—',
      f.ok && f.peakRssMiB !== null ? fmtN(f.peakRssMiB) : '—',
      e.ok && f.ok ? 'ok' : 'FAILED',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}`);
  for (const row of table) console.log(line(row));
  console.log(
    'Times: wall, whole process (best of the runs); RSS: highest peak. µs/claim = engine time / claims in the file (history included);',
  );
  console.log(
    'decisions/s = decisions printed / engine time. Both include process start-up; net µs/claim = (engine time − start-up) / claims.',
  );

  // Marginal cost between sizes: process start-up cancels out.
  const good = rows.filter((r) => r.engine.ok);
  for (let i = 1; i < good.length; i++) {
    const a = good[i - 1]!;
    const b = good[i]!;
    const marginal = ((b.engine.wallS - a.engine.wallS) * 1e6) / (b.claims - a.claims);
    const floorMarginal = a.floor.ok && b.floor.ok ? ((b.floor.wallS - a.floor.wallS) * 1e6) / (b.claims - a.claims) : NaN;
    console.log(
      `marginal ${fmtN(a.claims)} → ${fmtN(b.claims)}: engine ${marginal.toFixed(1)} µs/claim, floor ${floorMarginal.toFixed(1)} µs/claim`,
    );
  }

  // Targets, at the largest size that ran.
  const largest = rows[rows.length - 1];
  const smallest = rows[0];
  console.log('');
  if (!largest || !smallest || !largest.engine.ok || !largest.floor.ok) {
    console.log(`targets: not measured (the largest size, ${largest ? fmtN(largest.claims) : '—'} claims, failed)`);
    return;
  }
  const ratio = largest.engine.wallS / largest.floor.wallS;
  const rss = largest.engine.peakRssMiB;
  const verdict = (b: boolean): string => (b ? 'MET' : 'NOT MET');
  console.log(`targets at ${fmtN(largest.claims)} claims:`);
  console.log(`  engine/floor ${ratio.toFixed(2)}× ≤ ${MAX_RATIO}×: ${verdict(ratio <= MAX_RATIO)}`);
  if (largest.engine.cpuS !== null && largest.floor.cpuS !== null) {
    // On a shared machine wall time swings with the neighbours; CPU time less so.
    console.log(
      `  CPU time engine/floor ${(largest.engine.cpuS / largest.floor.cpuS).toFixed(2)}× (${largest.engine.cpuS.toFixed(2)} s / ${largest.floor.cpuS.toFixed(2)} s, of the best-wall runs)`,
    );
  }
  console.log(
    `  peak RSS ${rss === null ? 'unknown' : `${fmtN(rss)} MiB`} < ${MAX_RSS_MIB} MiB: ${rss === null ? 'UNKNOWN' : verdict(rss < MAX_RSS_MIB)}`,
  );
  if (smallest === largest) {
    console.log('  linearity: needs at least two sizes');
  } else if (smallest.engine.ok) {
    const us = (r: Row): number => (r.engine.wallS * 1e6) / r.claims;
    const growth = us(largest) / us(smallest);
    console.log(
      `  µs/claim ${us(largest).toFixed(1)} at ${fmtN(largest.claims)} vs ${us(smallest).toFixed(1)} at ${fmtN(smallest.claims)} = ${growth.toFixed(2)}× ≤ ${MAX_GROWTH}×: ` +
        `${growth <= MAX_GROWTH ? 'linear' : 'NOT linear'}`,
    );
    const a = netUs(smallest);
    const b = netUs(largest);
    if (a !== null && b !== null && a > 0) {
      // Start-up dominates small files and flatters the ratio above; without it:
      const netGrowth = b / a;
      console.log(
        `  without start-up: ${b.toFixed(1)} vs ${a.toFixed(1)} net µs/claim = ${netGrowth.toFixed(2)}× ≤ ${MAX_GROWTH}×: ${netGrowth <= MAX_GROWTH ? 'linear' : 'NOT linear'}`,
      );
    }
  } else {
    console.log(`  linearity: not measured (${fmtN(smallest.claims)} claims failed)`);
  }
}

await main();
