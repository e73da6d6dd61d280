// Properties of the engine over generated files (fast-check): what must hold for every file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFile, type Decision } from '../../src/policy/index.ts';
import { PROGRAM_RULES } from '../../src/policy/programs/index.ts';
import type { ProgramCode } from '../../src/policy/codes.ts';
import { arbitraryEvaluateFile, type Json } from '../support/arbitrary-evaluate-file.ts';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300) };
type File = { people: Json[]; enterprises: Json[]; claims: Json[] };

const byRef = (ds: Decision[]) => new Map(ds.map((d) => [d.ref, d]));
const essence = (d: Decision) => ({ outcome: d.outcome, amountFen: d.amountFen, payee: d.payee, citations: d.citations });

/** Facts a file may leave unstated, with a value to state. (`trainingRef` is left out: it moves the
 * governing date of an allowance to its training's start, which may make it not_applicable.) */
const CLAIM_FACTS: [string, fc.Arbitrary<unknown>][] = [
  ['qualified', fc.boolean()],
  ['newHire', fc.boolean()],
  ['planApproved', fc.boolean()],
  ['contractMonths', fc.integer({ min: 0, max: 40 })],
  ['insuredMonths', fc.integer({ min: 0, max: 9 })],
  ['attendedHours', fc.integer({ min: 0, max: 200 })],
  ['attendedDays', fc.integer({ min: 0, max: 60 })],
  ['level', fc.constantFrom(4, 5)],
  ['occupationCode', fc.constantFrom('6-31-01-03', '4-10-01-06')],
  ['entrepreneurshipType', fc.constantFrom('SYB', 'GYB')],
];
const PERSON_FACTS: [string, fc.Arbitrary<unknown>][] = [
  ['rural', fc.boolean()],
  ['pensionEntitled', fc.boolean()],
  ['earlierAppraisal', fc.boolean()],
];

describe('Engine properties', () => {
  it('a claim is eligible exactly when its amount is positive; payee only when eligible; integer fen', () => {
    fc.assert(
      fc.property(arbitraryEvaluateFile(), (file) => {
        for (const d of evaluateFile(file)) {
          expect(Number.isInteger(d.amountFen)).toBe(true);
          expect(d.outcome === 'eligible').toBe(d.amountFen > 0);
          expect(d.payee !== null).toBe(d.outcome === 'eligible');
        }
      }),
      RUNS,
    );
  });

  it('every decision cites its program clause first, gives reasons, and lists missing facts exactly when undecided', () => {
    fc.assert(
      fc.property(arbitraryEvaluateFile(), (file) => {
        const programs = new Map((file as File).claims.map((c) => [c.ref, c.program as ProgramCode]));
        for (const d of evaluateFile(file)) {
          expect(d.citations[0]).toBe(PROGRAM_RULES[programs.get(d.ref)!].clause);
          expect(d.reasons.length).toBeGreaterThan(0);
          expect(d.missing.length > 0).toBe(d.outcome === 'undecided');
        }
      }),
      RUNS,
    );
  });

  it('filling in a missing fact never turns an ineligible claim into anything else', () => {
    const fill = fc.record({
      target: fc.nat(),
      onPerson: fc.boolean(),
      claimFact: fc.constantFrom(...CLAIM_FACTS).chain(([k, v]) => v.map((x) => [k, x] as const)),
      personFact: fc.constantFrom(...PERSON_FACTS).chain(([k, v]) => v.map((x) => [k, x] as const)),
    });
    fc.assert(
      fc.property(arbitraryEvaluateFile(), fill, (file, f) => {
        const before = byRef(evaluateFile(file));
        const filled = structuredClone(file) as File;
        const [key, value] = f.onPerson ? f.personFact : f.claimFact;
        const records = f.onPerson ? filled.people : filled.claims;
        const record = records[f.target % records.length]!;
        if (record[key] !== undefined) return;
        record[key] = value;
        const after = byRef(evaluateFile(filled));
        for (const [ref, d] of before) if (d.outcome === 'ineligible') expect(after.get(ref)!.outcome).toBe('ineligible');
      }),
      RUNS,
    );
  });

  it('adding a claim on record never raises the amount of a claim decided in the file', () => {
    const extra = fc.record({
      position: fc.nat(),
      source: fc.nat(),
      status: fc.constantFrom('pending', 'approved', 'paid', 'rejected', 'withdrawn'),
    });
    fc.assert(
      fc.property(arbitraryEvaluateFile(), extra, (file, x) => {
        const before = byRef(evaluateFile(file));
        const more = structuredClone(file) as File;
        const copy = { ...more.claims[x.source % more.claims.length]!, ref: 'added-history', status: x.status };
        more.claims.splice(x.position % (more.claims.length + 1), 0, copy);
        const after = byRef(evaluateFile(more));
        for (const [ref, d] of before) expect(after.get(ref)!.amountFen).toBeLessThanOrEqual(d.amountFen);
      }),
      RUNS,
    );
  });

  it("a person's decisions depend neither on other people's claims nor on how people's claims interleave", () => {
    fc.assert(
      fc.property(arbitraryEvaluateFile(), fc.nat(), (file, seed) => {
        const all = byRef(evaluateFile(file));
        const { claims } = file as File;
        const people = [...new Set(claims.map((c) => c.personId as string))];
        // Alone: only one person's claims.
        const someone = people[seed % people.length]!;
        const alone = evaluateFile({ ...file, claims: claims.filter((c) => c.personId === someone) });
        for (const d of alone) expect(essence(all.get(d.ref)!)).toEqual(essence(d));
        // Interleaved otherwise: people in another order, each person's own claims in their order.
        const rotated = [...people.slice(seed % people.length), ...people.slice(0, seed % people.length)];
        const regrouped = rotated.flatMap((p) => claims.filter((c) => c.personId === p));
        for (const d of evaluateFile({ ...file, claims: regrouped })) expect(essence(all.get(d.ref)!)).toEqual(essence(d));
      }),
      RUNS,
    );
  });
});
