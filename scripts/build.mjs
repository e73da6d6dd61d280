// `npm run build`: compiles src/ to dist/ (same layout) for what ships: `npm start`, `bin/upskill.js`
// and the Docker image run this JavaScript, not the TypeScript through a loader. esbuild strips the
// types file by file (a fraction of a second); `npm run typecheck` is the type check. Each file is
// compiled alone: its relative `./x.ts` imports become `./x.js`, packages stay imports.
// The assets beside the code (the PGlite worker, the policy packages) are copied as they are.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const out = join(root, 'dist');

function files(dir) {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function dirs(dir) {
  return [
    dir,
    ...readdirSync(dir)
      .map((e) => join(dir, e))
      .filter((p) => statSync(p).isDirectory())
      .flatMap(dirs),
  ];
}

const started = Date.now();
const all = files(src);
// --if-stale: nothing to do when dist/ is newer than every source (npm scripts and the test set-up
// call it before each run; a check costs milliseconds, a build about a second).
if (process.argv.includes('--if-stale') && existsSync(join(out, 'BUILD'))) {
  const builtAt = statSync(join(out, 'BUILD')).mtimeMs;
  // Folders too: a deleted or renamed source changes its folder's time.
  if (all.every((f) => statSync(f).mtimeMs <= builtAt) && dirs(src).every((d) => statSync(d).mtimeMs <= builtAt)) process.exit(0);
}
const code = all.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
const assets = all.filter((f) => !f.endsWith('.ts'));

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: code,
  outdir: out,
  outbase: src,
  bundle: true, // only to let the plugin below see (and rewrite) every import; all of them stay external
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [
    {
      name: 'each-file-alone',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (args) => {
          if (args.kind === 'entry-point') return undefined;
          const relativeTs = /^\.\.?\//.test(args.path);
          return { path: relativeTs ? args.path.replace(/\.ts$/, '.js') : args.path, external: true };
        });
      },
    },
  ],
});
for (const a of assets) {
  const to = join(out, relative(src, a));
  mkdirSync(join(to, '..'), { recursive: true });
  cpSync(a, to);
}
// Marks the build for bin/upskill.js ("is dist/ there?") and for people ("from which sources?").
writeFileSync(join(out, 'BUILD'), `built ${new Date().toISOString()} from ${code.length} source files\n`);
// On stderr: `npm run -s upskill -- evaluate f.json` keeps stdout for the decisions.
console.error(`dist/: ${code.length} files compiled, ${assets.length} copied (${Date.now() - started} ms)`);
