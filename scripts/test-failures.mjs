// `node scripts/test-failures.mjs REPORT…`: the failed tests of vitest JSON reports, one line each with
// the first line of the failure (and the errors thrown outside any test), so the end of a long CI log names what failed in every suite.
import { existsSync, readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

for (const report of process.argv.slice(2)) {
  if (!existsSync(report)) {
    console.log(`${report}: no report (the run stopped before reporting)`);
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const lines = [];
  for (const file of r.testResults ?? []) {
    const name = file.name.replace(/^.*?\/test\//, 'test/');
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (file.status === 'failed' && failed.length === 0) lines.push(`${name}: ${firstLine(file.message)}`);
    for (const a of failed) lines.push(`${name} > ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  }
  // Errors outside any test (scripts/run-tests.mjs writes them beside the report).
  const unhandledLog = report.replace(/\.json$/, '.unhandled.txt');
  if (existsSync(unhandledLog)) {
    for (const l of readFileSync(unhandledLog, 'utf8').split('\n')) if (l && !l.startsWith(' ')) lines.push(firstLine(l));
  }
  console.log(`${report}: ${lines.length ? `${lines.length} failed` : 'nothing failed'}`);
  for (const l of lines) console.log(`  ${l}`);
}

function firstLine(text) {
  // Without the terminal colours vitest keeps in messages.
  return stripVTControlCharacters(String(text ?? ''))
    .split('\n')[0]
    .slice(0, 300);
}
