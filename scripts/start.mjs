// `npm start` after the compile: the web build (when missing or stale, scripts/ensure-web-build.mjs) and
// the demo seeding (when the store is empty, `upskill demo`) run side by side — one is vite, the other
// the database — then `upskill serve` serves the seeded store and prints the address. The demo's
// business date is the one `npm start` has always set (UPSKILL_TODAY, 2021-11-15 unless given).
// Arguments after `npm start --` go to `serve`; `--data <dir>` goes to the demo seeding too.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, UPSKILL_TODAY: process.env.UPSKILL_TODAY || '2021-11-15' };
const serveArgs = process.argv.slice(2);
const dataAt = serveArgs.findIndex((a) => a === '--data' || a.startsWith('--data='));
const dataArgs = dataAt < 0 ? [] : serveArgs[dataAt].includes('=') ? [serveArgs[dataAt]] : serveArgs.slice(dataAt, dataAt + 2);
const NODE_FLAGS = ['--max-semi-space-size=32'];

function run(args) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  return { child, done: new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)))) };
}

// Ctrl-C reaches every process of the group; this one waits for its children to finish shutting down.
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => {});

const [web, demo] = await Promise.all([
  run(['scripts/ensure-web-build.mjs']).done,
  run([...NODE_FLAGS, 'bin/upskill.js', 'demo', ...dataArgs]).done,
]);
if (web !== 0 || demo !== 0) process.exit(web || demo);

const serve = run([...NODE_FLAGS, 'bin/upskill.js', 'serve', ...serveArgs]);
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => serve.child.kill(s));
process.exit(await serve.done);
