import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build-dist.ts', 'test/support/store-template.ts'],
    testTimeout: 30_000,
    // Vitest's default on 2 cores is one file at a time; much of a file's time is spent waiting (on
    // PGlite in its worker thread, on a spawned CLI process), so three files overlap on two cores.
    maxWorkers: 3,
  },
});
