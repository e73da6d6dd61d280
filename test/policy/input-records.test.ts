// `upskill evaluate` without --explain checks the file with the same zod schema but keeps the file's own
// records instead of zod's copies (parseEvaluateInput(raw, policies, 'file')). The two ways must not be
// told apart: the same problems, in the same order, for any file; the same decisions for a valid one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, evaluateClaims, parseEvaluateInput, shippedPolicies, shippedReferenceData } from '../../src/policy/index.ts';
import { recordAccepts, recordSchemas, recordsAccepted, type InputRecords } from '../../src/policy/evaluate-input.ts';
import { arbitraryEvaluateFile, type Json } from '../support/arbitrary-evaluate-file.ts';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300) };
const policies = shippedPolicies();

/** The decisions as printed, or the problems as listed. */
function outcome(raw: unknown, records: InputRecords): { decisions: string[] } | { issues: string[] } {
  try {
    const input = parseEvaluateInput(raw, policies, records);
    return { decisions: [...evaluateClaims(input, policies, shippedReferenceData())].map((d) => JSON.stringify(d)) };
  } catch (e) {
    if (e instanceof InputError) return { issues: e.issues.map((i) => `${i.path}: ${i.message}`) };
    throw e;
  }
}

/** Values a field may wrongly hold: other types, impossible dates and IDs, empty text, fractions, broken timelines. */
const BAD_VALUES: unknown[] = [
  null,
  '',
  'x',
  '2021-02-30',
  '2021-13-01',
  -1,
  1.5,
  0.001,
  true,
  false,
  [],
  {},
  { type: 'diploma' },
  '510402199001010011',
  [
    { from: '2020-03-01', value: true },
    { from: '2020-03-01', value: false },
  ],
  [{ from: '2020-02-30', value: true }],
  [{ value: true }],
  [{ from: '2020-03-01', value: 'yes' }],
  [{ from: '2020-03-01', value: true, to: '2020-04-01' }],
  [{ group: 'poor_labor', from: '2020-05-01', to: '2020-04-01' }],
  [{ group: 'nobody' }],
  ['poor_labor', { group: 'rural_migrant', from: '2020-01-01' }],
  { from: '2020-01-01', to: '2019-01-01' },
  [{ from: '2020-01-01' }, 3],
  { 2020: 'yes' },
  { 20201: true },
  { type: 'skill_level', issuedOn: '2020-02-30' },
  100.001,
  5,
  'special',
  6,
  2 ** 53,
];
const badValue = fc.oneof(
  { arbitrary: fc.constantFrom<unknown>(...BAD_VALUES), weight: 3 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
);

const FIELDS: Record<string, string[]> = {
  claims: [
    'ref',
    'program',
    'applicant',
    'personId',
    'enterpriseUscc',
    'occupationCode',
    'level',
    'entrepreneurshipType',
    'startDate',
    'endDate',
    'attendedHours',
    'attendedDays',
    'qualified',
    'certificate',
    'newHire',
    'contractMonths',
    'planApproved',
    'insuredMonths',
    'trainingRef',
    'contractPerTraineeYuan',
    'projectId',
    'contractTotalYuan',
    'status',
  ],
  people: ['id', 'name', 'groups', 'rural', 'pensionEntitled', 'earlierAppraisal'],
  enterprises: ['uscc', 'name', 'insured', 'educationFundFullyUsed', 'difficulty', 'dispatchingAgencyUscc'],
};

/** One change to one record: a field changed, removed, or one the schema does not know added. */
const damage = fc.record({
  where: fc.constantFrom('claims', 'claims', 'people', 'enterprises'),
  index: fc.nat(),
  pick: fc.nat(),
  unknownField: fc.option(fc.string({ minLength: 1, maxLength: 6 }), { freq: 5 }),
  change: fc.oneof(
    { arbitrary: fc.constant({ remove: true as const }), weight: 1 },
    { arbitrary: badValue.map((value) => ({ remove: false as const, value })), weight: 3 },
  ),
});

/** A valid file with one to three of its records damaged. */
const damagedFile = fc
  .record({ file: arbitraryEvaluateFile(), damages: fc.array(damage, { minLength: 1, maxLength: 3 }) })
  .map(({ file, damages }) => {
    const damaged = structuredClone(file) as Record<string, Json[]>;
    for (const { where, index, pick, unknownField, change } of damages) {
      const records = damaged[where] ?? [];
      const record = records[index % Math.max(records.length, 1)];
      if (!record) continue;
      const field = unknownField ?? FIELDS[where]![pick % FIELDS[where]!.length]!;
      if (change.remove) delete record[field];
      else record[field] = change.value;
    }
    return damaged;
  });

describe("The file's own records stand for zod's copies", () => {
  it('a record the fast acceptance lets through is one the schema accepts, and every valid record is let through', () => {
    // Stricter than the schema only costs time; looser would let a bad record through unreported.
    const soundFor = (where: keyof typeof recordSchemas, record: unknown) => {
      if (recordAccepts[where](record)) expect(recordSchemas[where].safeParse(record).success, JSON.stringify(record)).toBe(true);
    };
    for (const file of fc.sample(arbitraryEvaluateFile(), { numRuns: 20, seed: 11 }) as Record<string, Json[]>[]) {
      for (const where of ['people', 'enterprises', 'claims'] as const) {
        for (const record of file[where] ?? []) {
          expect(recordAccepts[where](record), JSON.stringify(record)).toBe(true);
          for (const field of FIELDS[where]!) {
            const { [field]: _, ...without } = record;
            soundFor(where, without);
            for (const value of BAD_VALUES) soundFor(where, { ...record, [field]: value });
          }
        }
      }
    }
    fc.assert(
      fc.property(damagedFile, (file) => {
        for (const where of ['people', 'enterprises', 'claims'] as const) {
          for (const record of (file as Record<string, unknown[]>)[where] ?? []) soundFor(where, record);
        }
      }),
      RUNS,
    );
    fc.assert(
      fc.property(arbitraryEvaluateFile(), (file) => {
        expect(recordsAccepted(file)).toBe(true);
      }),
      RUNS,
    );
    // Facts in time (contract v2.2) are let through too: a file of timelines is not sent the slow way.
    expect(
      recordAccepts.people({
        id: '510402199001010119',
        groups: ['poor_labor', { group: 'rural_migrant', from: '2020-01-01', to: '2020-12-31' }],
        pensionEntitled: [
          { from: '2020-01-01', value: false },
          { from: '2021-03-01', value: true },
        ],
        rural: true,
      }),
    ).toBe(true);
    expect(
      recordAccepts.enterprises({
        uscc: '91510400MA6W0001X9',
        insured: [{ from: '2019-01-01', value: true }],
        difficulty: [{ from: '2020-01-01', to: '2020-06-30' }, { from: '2021-01-01' }],
        educationFundFullyUsed: { 2020: true, 2021: null },
      }),
    ).toBe(true);
  });

  it('a valid file: the same decisions, byte for byte', () => {
    fc.assert(
      fc.property(arbitraryEvaluateFile(), (file) => {
        const copies = outcome(file, 'copies');
        expect('decisions' in copies).toBe(true);
        expect(outcome(file, 'file')).toEqual(copies);
      }),
      RUNS,
    );
  });

  it('a damaged file: the same problems in the same order (or the same decisions when still valid)', () => {
    fc.assert(
      fc.property(damagedFile, (file) => {
        expect(outcome(file, 'file')).toEqual(outcome(file, 'copies'));
      }),
      RUNS,
    );
  });

  it('a duplicate reference and a claim naming nobody in the file are found either way', () => {
    const file = fc.sample(arbitraryEvaluateFile(), { numRuns: 1, seed: 7 })[0] as Record<string, Json[]>;
    const claims = file.claims!;
    const broken = { ...file, claims: [...claims, { ...claims[0]!, personId: '11010519491231002X' }] };
    const result = outcome(broken, 'file');
    expect(result).toEqual(outcome(broken, 'copies'));
    expect('issues' in result && result.issues.some((i) => i.startsWith(`claims[${claims.length}].ref: `))).toBe(true);
    expect('issues' in result && result.issues.some((i) => i.startsWith(`claims[${claims.length}].personId: `))).toBe(true);
  });

  it('people and enterprises may be absent or null either way', () => {
    for (const absent of [undefined, null]) {
      const file = { people: absent, enterprises: absent, claims: [] };
      expect(outcome(file, 'file')).toEqual({ decisions: [] });
      expect(outcome(file, 'copies')).toEqual({ decisions: [] });
    }
  });
});
