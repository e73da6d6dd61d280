// The floor of `upskill evaluate` (bench/run.ts): read the file, JSON.parse it, write JSON.stringify
// of its claims. Any engine in this language has to do at least this much. Plain JS, no tsx loader.
//   node bench/floor.mjs FILE > /dev/null
import { readFileSync } from 'node:fs';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
process.stdout.write(JSON.stringify(input.claims));
