// The contract's examples are copied into the repository (test/fixtures/contract-examples) byte for
// byte, so a clone alone runs its tests. SHA256SUMS beside them holds the checksums the contract's own
// files had when they were copied: a copy edited by hand, added or lost fails here. When the contract
// publishes new examples, copy them over and regenerate the list (`sha256sum *.json > SHA256SUMS`).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const COPY = fileURLToPath(new URL('../fixtures/contract-examples', import.meta.url));

describe('The copied contract examples', () => {
  it('are the contract examples as copied, file for file, by their checksums', () => {
    const listed = readFileSync(join(COPY, 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/) as [string, string]);
    const names = readdirSync(COPY)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(names).toEqual(listed.map(([, n]) => n).sort());
    for (const [sum, n] of listed)
      expect(
        createHash('sha256')
          .update(readFileSync(join(COPY, n)))
          .digest('hex'),
        n,
      ).toBe(sum);
  });
});
