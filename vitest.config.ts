import { configDefaults, defineConfig } from 'vitest/config';
import { recordUnhandledError } from './test/support/unhandled-errors.ts';

// The PostgreSQL pass (DATABASE_URL set, as .ci/run's second pass) runs the files that open a store on
// the server. Left out, because they run exactly the same in both passes: the engine's tests (the
// policy package reads no store), the web's pure modules, and the files that pin the embedded store
// themselves (a killed `upskill serve` on its PGlite folder; the audit CLI on a PGlite folder).
const SAME_ON_EVERY_STORE = [
  'test/spec/**',
  'test/policy/**',
  'test/web/**',
  'test/api/payments-crash.test.ts',
  'test/cli/audit-command.test.ts',
];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.DATABASE_URL ? SAME_ON_EVERY_STORE : [])],
    globalSetup: ['test/support/build-dist.ts', 'test/support/store-template.ts'],
    testTimeout: 30_000,
    // Vitest's default on 2 cores is one file at a time; much of a file's time is spent waiting (on
    // PGlite in its worker thread, on a spawned CLI process), so three files overlap on two cores.
    maxWorkers: 3,
    // A worker runs its files one after another in one module graph instead of re-importing the app
    // (fastify, every route and schema, exceljs, pdfkit) for each: ~3 s of CPU less per file (measured:
    // 8 API files, 108 → 85 CPU-s). Each file still opens a store of its own; the few tests that set an
    // environment variable restore it in `finally`, and nothing the app caches in a module is per file.
    isolate: false,
    // Recorded for the closing lines; still fails the run.
    onUnhandledError: recordUnhandledError,
  },
});
