// The contract's examples are copied into the repository (test/fixtures/contract-examples) so a clone
// alone runs its tests. Where the shared contract sits beside the clone (development, the lead's CI),
// the copy must equal it file for file; a plain clone has nothing to compare with and says so.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const COPY = fileURLToPath(new URL('../fixtures/contract-examples', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../shared/contracts/examples', import.meta.url));

describe('The copied contract examples', () => {
  it.skipIf(!existsSync(SHARED))('are the shared contract examples, file for file', () => {
    const names = readdirSync(SHARED)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(
      readdirSync(COPY)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(names);
    for (const n of names) expect(readFileSync(join(COPY, n), 'utf8'), n).toBe(readFileSync(join(SHARED, n), 'utf8'));
  });
});
