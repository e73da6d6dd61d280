// The contract's worked examples (copied into test/fixtures/contract-examples from the shared contract): each input with its expected
// decisions (ref, outcome, amountFen, payee; citations include the program's clause first).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFile, type SpecDecision } from './fixtures.ts';

// Inside the repository, so a clone alone passes its tests: the contract's examples copied into
// test/fixtures/contract-examples (test/spec/contract-examples-copy.test.ts keeps the copy equal to the
// shared contract wherever that sits beside the clone), and the project's own cases in
// test/spec/examples, in the same form (each expected decision says in `why` why it is right).
const CONTRACT = fileURLToPath(new URL('../fixtures/contract-examples', import.meta.url));
const OWN = fileURLToPath(new URL('./examples', import.meta.url));
const casesIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
    .map((f) => join(dir, f));
const shown = (path: string) => path.replace(`${CONTRACT}/`, 'contract: ').replace(`${OWN}/`, 'test/spec/examples: ');
const inputs = [...casesIn(CONTRACT), ...casesIn(OWN)];

describe('Contract examples', () => {
  it('are there to check', () => {
    expect(casesIn(CONTRACT).length).toBeGreaterThan(0);
    expect(casesIn(OWN).length).toBeGreaterThan(0);
  });

  it.each(inputs.map((path) => [shown(path), path]))('decides %s as its .expected.json says', (_, path) => {
    const input: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const expected = JSON.parse(readFileSync(path.replace(/\.json$/, '.expected.json'), 'utf8')) as (Partial<SpecDecision> & {
      ref: string;
    })[];
    const got = evaluateFile(input) as unknown as SpecDecision[];
    expect(got.map((d) => d.ref)).toEqual(expected.map((d) => d.ref));
    expected.forEach((e, i) => {
      const d = got[i]!;
      expect({ ref: d.ref, outcome: d.outcome, amountFen: d.amountFen, payee: d.payee ?? null }).toEqual({
        ref: e.ref,
        outcome: e.outcome,
        amountFen: e.amountFen,
        payee: e.payee ?? null,
      });
      expect(d.citations[0]).toBe(e.citations?.[0]);
    });
  });
});
