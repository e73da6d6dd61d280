// Builds the browser app (web/ → web/dist) when it is missing or older than its sources, so a fresh
// clone runs with `npm ci && npm start` and no separate build step. `--force` always builds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'web/dist/index.html');
// What the bundle is made of: the app, its config, and the pure policy and vocabulary modules it imports.
const sources = [
  'web/src',
  'web/index.html',
  'web/signin.html',
  'web/vite.config.ts',
  'web/public',
  'src/policy',
  'src/vocabulary',
  'package-lock.json',
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

const force = process.argv.includes('--force');
const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => newest(join(root, s))));
if (!force && builtAt > 0 && builtAt >= changedAt) process.exit(0);

process.stdout.write(builtAt ? '网页源代码已更新，正在重新构建网页…\n' : '正在构建网页（首次启动）…\n');
const run = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(root, 'web/vite.config.ts'), '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (run.status !== 0) {
  process.stderr.write('网页构建失败（见上方信息）\n');
  process.exit(run.status ?? 1);
}
