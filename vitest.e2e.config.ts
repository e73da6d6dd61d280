// End-to-end tests (npm run test:e2e): a real `upskill serve --demo` child and Debian's chromium
// driven by playwright-core. Kept apart from `npm test` so the normal suite stays fast and needs no
// browser or built web app.
import { defineConfig } from 'vitest/config';
import { recordUnhandledError } from './test/support/unhandled-errors.ts';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/support/build-dist.ts', 'test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One server and one browser; screens are checked one after another.
    fileParallelism: false,
    // Recorded for the closing lines; still fails the run.
    onUnhandledError: recordUnhandledError,
  },
});
