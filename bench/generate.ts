// Writes one benchmark input file and prints its figures as one JSON line (bench/run.ts runs this in a
// child process, so that the generator's garbage never shares a heap with the measurements).
//   node --import tsx bench/generate.ts FILE CLAIMS [SEED]
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { writeEvaluateFile } from './generate-evaluate-file.ts';

const [file, claims, seed = '20200114'] = process.argv.slice(2);
if (file === undefined || claims === undefined || !Number.isInteger(Number(claims)) || !Number.isInteger(Number(seed))) {
  console.error('usage: node --import tsx bench/generate.ts FILE CLAIMS [SEED]');
  process.exit(2);
}
const started = performance.now();
const stats = await writeEvaluateFile(file, Number(claims), Number(seed));
// On disk before anything is measured: the kernel's write-back of a few hundred MB must not land
// in the middle of a timed run.
const fd = openSync(file, 'r+');
fsyncSync(fd);
closeSync(fd);
console.log(JSON.stringify({ ...stats, seconds: (performance.now() - started) / 1000 }));
