// Vitest's `onUnhandledError` for both configs: an error thrown outside any test (a rejected promise
// nobody awaited, an 'error' event nobody listens to) fails the run without failing a test, and its
// stack is printed far up a long log. scripts/run-tests.mjs names a file (UPSKILL_UNHANDLED_LOG) where
// each one is written, so the closing lines (and CI's tail, scripts/test-failures.mjs) show it.
import { appendFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import type { TestError } from 'vitest';

export function recordUnhandledError(error: (TestError | Error) & { type: string }): void {
  const log = process.env.UPSKILL_UNHANDLED_LOG;
  if (!log) return;
  const path = (error as { VITEST_TEST_PATH?: string }).VITEST_TEST_PATH;
  const where = path ? ` (while ${path.replace(/^.*?\/test\//, 'test/')} ran)` : '';
  const stack = stripVTControlCharacters(String(error.stack ?? error.message))
    .split('\n')
    .slice(0, 8)
    .join('\n    ');
  appendFileSync(log, `${error.type ?? 'Error'}${where}: ${stack}\n`);
}
