// Test set-up: the tests that start `node bin/upskill.js` as a process run the compiled dist/ (what
// ships), so compile it first when any source is newer (scripts/build.mjs --if-stale).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url)), '--if-stale'], { stdio: 'inherit' });
}
