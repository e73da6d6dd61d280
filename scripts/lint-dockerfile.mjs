// `npm run lint:docker`: the Dockerfile checked by dockerfile-utils (the Dockerfile linter of the VS
// Code Docker tools, from the npm registry; hadolint has no Debian or npm build here), any warning a
// failure, and then this project's own rules for the image: the final stage on an official Node 24 LTS
// image, run as a non-root user, with a HEALTHCHECK.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = process.argv[2] ?? fileURLToPath(new URL('../Dockerfile', import.meta.url));
const lint = spawnSync(
  process.execPath,
  [fileURLToPath(new URL('../node_modules/dockerfile-utils/bin/dockerfile-utils', import.meta.url)), 'lint', file],
  { encoding: 'utf8' },
);
const problems = [];
if (lint.status !== 0 || /Warning:|Error:/.test(lint.stdout)) problems.push(`dockerfile-utils:\n${lint.stdout}${lint.stderr}`);

// One instruction per entry: continuation lines (ending in a backslash) joined, comments dropped.
const lines = readFileSync(file, 'utf8')
  .replace(/\\\r?\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const stages = lines.reduce((acc, l) => (/^FROM\s/i.test(l) ? [...acc, [l]] : (acc.at(-1)?.push(l), acc)), []);
const final = stages.at(-1) ?? [];
if (!/^FROM\s+node:24[-.\w]*(\s|$)/i.test(final[0] ?? ''))
  problems.push(`the final stage must start FROM an official node:24 image, not "${final[0] ?? '(none)'}"`);
const user = final.filter((l) => /^USER\s/i.test(l)).at(-1);
if (!user || /^USER\s+(root|0)(\s|:|$)/i.test(user)) problems.push('the final stage must switch to a non-root USER');
if (!final.some((l) => /^HEALTHCHECK\s+(--\S+\s+)*CMD\s/i.test(l))) problems.push('the final stage needs a HEALTHCHECK … CMD');

if (problems.length) {
  console.error(`${file}:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`${file}: ok`);
