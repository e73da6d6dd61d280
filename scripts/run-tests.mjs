// `npm test [-- vitest args]`: runs vitest, then prints the plain closing line CI reads
// ("tests: N passed, N failed"), and exits with vitest's status. `--summary=NAME` names the line
// (`npm run test:e2e` prints "e2e: N passed, N failed"). A test file that fails to load (a syntax
// error, a missing fixture) has no failed test inside it, so it counts as one failure of its own:
// the closing line never says "0 failed" while vitest fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const summaryArg = process.argv.find((a) => a.startsWith('--summary='));
const label = summaryArg ? summaryArg.slice('--summary='.length) : 'tests';
const args = process.argv.slice(2).filter((a) => a !== summaryArg);
const report = label === 'tests' ? '.vitest-report.json' : `.vitest-report-${label}.json`;
const unhandledLog = report.replace(/\.json$/, '.unhandled.txt');
rmSync(report, { force: true });
rmSync(unhandledLog, { force: true });
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
  { stdio: 'inherit', env: { ...process.env, UPSKILL_UNHANDLED_LOG: unhandledLog } },
);
// Errors thrown outside any test (test/support/unhandled-errors.ts), each with where it came from.
const unhandled = existsSync(unhandledLog) ? readFileSync(unhandledLog, 'utf8').trimEnd() : '';
if (unhandled) console.log(`== errors outside any test ==\n${unhandled}`);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  const unloaded = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  );
  // Vitest failing with nothing failed inside (a global set-up that threw, no test file found) is
  // still a failure of the run: it counts as one.
  const unhandledCount = unhandled ? unhandled.split('\n').filter((l) => !l.startsWith(' ')).length : 0;
  const setupFailed = run.status !== 0 && r.numFailedTests + unloaded.length + unhandledCount === 0 ? 1 : 0;
  const failed = r.numFailedTests + unloaded.length + unhandledCount + setupFailed;
  const files = unloaded.length
    ? ` (${unloaded.length} test file${unloaded.length > 1 ? 's' : ''} failed to load)`
    : unhandledCount
      ? ` (${unhandledCount} error${unhandledCount > 1 ? 's' : ''} outside any test, listed above)`
      : setupFailed
        ? ` (vitest exited ${run.status}: a set-up failed or no test ran)`
        : '';
  console.log(`${label}: ${r.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${files}`);
  process.exit(run.status || (failed > 0 ? 1 : 0));
} else {
  // Vitest stopped before reporting (a global set-up failed): still the one line CI reads.
  console.log(`${label}: 0 passed, 1 failed (vitest exited ${run.status} before reporting)`);
}
process.exit(run.status ?? 1);
