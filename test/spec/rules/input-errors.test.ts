// Contract "Input errors (exit 2), as opposed to decisions" and "Always required": evaluateFile throws
// InputError whose issues name the field path; a valid file never throws.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CLAUSE,
  EMPLOYER,
  InputError,
  PERSON_A,
  PERSON_B,
  catalogEntry,
  claim,
  corruptCheckChar,
  defaultCatalog,
  enterprise,
  evaluateFile,
  expectInputErrorAt,
  file,
  history,
  person,
  residentId,
  uscc,
  type Json,
  type Program,
  type SpecDecision,
} from '../fixtures.ts';

const one = (c: Json, parts: Partial<Parameters<typeof file>[0]> = {}) => file({ ...parts, claims: [c] });
const startsWith = (prefix: string) => (p: string) => p === prefix || p.startsWith(prefix + '.') || p.startsWith(prefix + '[');

describe('Input errors', () => {
  describe('values outside an enumeration', () => {
    it('rejects an unknown program at claims[0].program', () => {
      expectInputErrorAt(one(claim('short_term', { program: 'holiday' })), 'claims[0].program');
    });
    it('rejects an unknown applicant at claims[0].applicant', () => {
      expectInputErrorAt(one(claim('short_term', { applicant: 'government' })), 'claims[0].applicant');
    });
    it('rejects an unknown group under people[0].groups', () => {
      expectInputErrorAt(
        file({ people: [person({ groups: ['poor_labor', 'astronaut'] })], claims: [claim('short_term')] }),
        startsWith('people[0].groups'),
      );
    });
    it('rejects an unknown certificate type at claims[0].certificate.type', () => {
      expectInputErrorAt(one(claim('short_term', { certificate: { type: 'diploma', number: 'D' } })), 'claims[0].certificate.type');
    });
    it('rejects an unknown catalog section at catalog[1].section', () => {
      const catalog = [catalogEntry(), catalogEntry({ section: 'misc', code: '1-01-01-01' })];
      expectInputErrorAt(file({ catalog, claims: [claim('short_term')] }), 'catalog[1].section');
    });
    it('rejects an unknown industry at catalog[0].industry', () => {
      expectInputErrorAt(file({ catalog: [catalogEntry({ industry: 'mining' })], claims: [claim('short_term')] }), 'catalog[0].industry');
    });
    it('rejects an unknown status at claims[0].status', () => {
      expectInputErrorAt(file({ claims: [history('short_term', 'lost'), claim('safety')] }), 'claims[0].status');
    });
  });

  describe('wrongly typed or impossible values', () => {
    it('rejects a date that does not exist (2020-02-30) at claims[0].startDate', () => {
      expectInputErrorAt(one(claim('short_term', { startDate: '2020-02-30' })), 'claims[0].startDate');
    });
    it('rejects 2021-02-29 (not a leap year) at claims[0].endDate', () => {
      expectInputErrorAt(one(claim('short_term', { startDate: '2021-02-22', endDate: '2021-02-29' })), 'claims[0].endDate');
    });
    it('accepts 2020-02-29 (a leap day)', () => {
      expect(() => evaluateFile(one(claim('short_term', { startDate: '2020-02-24', endDate: '2020-02-29' })))).not.toThrow();
    });
    it('rejects a date that is not a date at claims[0].endDate', () => {
      expectInputErrorAt(one(claim('short_term', { endDate: 'soon' })), 'claims[0].endDate');
    });
    it('rejects an endDate before the startDate, naming claims[0].endDate', () => {
      expectInputErrorAt(one(claim('short_term', { startDate: '2020-05-02', endDate: '2020-05-01' })), 'claims[0].endDate');
    });
    it('accepts a one-day training (endDate equal to startDate)', () => {
      expect(() => evaluateFile(one(claim('appraisal', { startDate: '2020-05-02', endDate: '2020-05-02' })))).not.toThrow();
    });
    it('rejects negative hours at claims[0].attendedHours', () => {
      expectInputErrorAt(one(claim('short_term', { attendedHours: -1 })), 'claims[0].attendedHours');
    });
    it('rejects negative days at claims[1].attendedDays', () => {
      const t = claim('employment_skill');
      expectInputErrorAt(
        file({ claims: [t, claim('living_allowance', { trainingRef: t.ref, attendedDays: -3 })] }),
        'claims[1].attendedDays',
      );
    });
    it('rejects negative contract months at claims[0].contractMonths', () => {
      expectInputErrorAt(one(claim('pre_job', { contractMonths: -12 })), 'claims[0].contractMonths');
    });
    it('rejects negative insured months at claims[0].insuredMonths', () => {
      expectInputErrorAt(one(claim('work_for_training', { insuredMonths: -1 })), 'claims[0].insuredMonths');
    });
    it('rejects hours given as text at claims[0].attendedHours', () => {
      expectInputErrorAt(one(claim('short_term', { attendedHours: '32' })), 'claims[0].attendedHours');
    });
    it('rejects a `qualified` that is not a boolean at claims[0].qualified', () => {
      expectInputErrorAt(one(claim('short_term', { qualified: 'yes' })), 'claims[0].qualified');
    });
    it('rejects a file that is not an object', () => {
      expect(() => evaluateFile('not a file')).toThrow(InputError);
      expect(() => evaluateFile(null)).toThrow(InputError);
    });
    it('rejects claims that are not a list', () => {
      expect(() => evaluateFile({ people: [], enterprises: [], claims: {} })).toThrow(InputError);
    });
  });

  describe('references the file does not describe', () => {
    it('rejects a personId the file does not describe at claims[0].personId', () => {
      expectInputErrorAt(one(claim('short_term', { personId: residentId(99) })), 'claims[0].personId');
    });
    it('rejects an enterpriseUscc the file does not describe at claims[0].enterpriseUscc', () => {
      expectInputErrorAt(one(claim('short_term', { enterpriseUscc: uscc(99) })), 'claims[0].enterpriseUscc');
    });
    it('rejects an unknown personId on a history claim too', () => {
      expectInputErrorAt(
        file({ claims: [history('short_term', 'paid', { personId: residentId(98) }), claim('safety')] }),
        'claims[0].personId',
      );
    });
    it('rejects a trainingRef naming no claim of the file', () => {
      expectInputErrorAt(one(claim('living_allowance', { trainingRef: 'nope' })), 'claims[0].trainingRef');
    });
    it('rejects a trainingRef naming a claim that is not employment_skill', () => {
      const s = claim('short_term');
      expectInputErrorAt(file({ claims: [s, claim('living_allowance', { trainingRef: s.ref })] }), 'claims[1].trainingRef');
    });
    it('rejects a trainingRef naming the employment_skill claim of another person', () => {
      const people = [person(), person({ id: PERSON_B, name: '李强' })];
      const t = claim('employment_skill', { personId: PERSON_B });
      expectInputErrorAt(file({ people, claims: [t, claim('living_allowance', { trainingRef: t.ref })] }), 'claims[1].trainingRef');
    });
  });

  describe('catalog and project consistency', () => {
    it('rejects two catalog entries of the same section, code and level with overlapping windows', () => {
      const catalog = [
        ...defaultCatalog(),
        catalogEntry({ code: '6-31-01-03', level: 4, baseStandardYuan: 1700, effectiveFrom: '2021-01-01' }),
      ];
      expectInputErrorAt(file({ catalog, claims: [claim('short_term')] }), startsWith('catalog'));
    });
    it('accepts two editions whose windows do not overlap', () => {
      const catalog = [
        catalogEntry({ code: '1-02-03-04', effectiveFrom: '2020-01-01', effectiveTo: '2020-12-31' }),
        catalogEntry({ code: '1-02-03-04', effectiveFrom: '2021-01-01' }),
      ];
      expect(() => evaluateFile(file({ catalog, claims: [claim('short_term')] }))).not.toThrow();
    });
    it('accepts the same code and level in both sections', () => {
      const catalog = [catalogEntry({ code: '1-02-03-05' }), catalogEntry({ code: '1-02-03-05', section: 'employment' })];
      expect(() => evaluateFile(file({ catalog, claims: [claim('short_term')] }))).not.toThrow();
    });
    it('rejects claims of one project that disagree on the contract total', () => {
      const people = [person(), person({ id: PERSON_B, name: '李强' })];
      const claims = [claim('project_based'), claim('project_based', { personId: PERSON_B, contractTotalYuan: 50000 })];
      expectInputErrorAt(file({ people, claims }), startsWith('claims'));
    });
    it('rejects claims of one project that disagree on the per-trainee price, even on history', () => {
      const people = [person(), person({ id: PERSON_B, name: '李强' })];
      const claims = [history('project_based', 'paid', { contractPerTraineeYuan: 1500 }), claim('project_based', { personId: PERSON_B })];
      expectInputErrorAt(file({ people, claims }), startsWith('claims'));
    });
  });

  describe('always-required fields', () => {
    it.each(['ref', 'program', 'applicant', 'personId', 'startDate', 'endDate'])(
      'rejects a claim without %s, naming claims[0].<field>',
      (field) => {
        expectInputErrorAt(one(claim('short_term', { [field]: undefined })), `claims[0].${field}`);
      },
    );
    it('rejects a person without an id at people[0].id', () => {
      expectInputErrorAt(file({ people: [person({ id: undefined })], claims: [] }), 'people[0].id');
    });
    it('rejects a resident ID with a wrong check digit at people[0].id', () => {
      const bad = corruptCheckChar(PERSON_A);
      expectInputErrorAt(file({ people: [person({ id: bad })], claims: [claim('short_term', { personId: bad })] }), 'people[0].id');
    });
    it('rejects a resident ID of 17 characters at people[0].id', () => {
      expectInputErrorAt(file({ people: [person({ id: PERSON_A.slice(0, 17) })], claims: [] }), 'people[0].id');
    });
    it('rejects a USCC with a wrong check character at enterprises[0].uscc', () => {
      const good = EMPLOYER;
      const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      expectInputErrorAt(file({ enterprises: [enterprise({ uscc: bad })], claims: [] }), 'enterprises[0].uscc');
    });
    it('rejects an enterprise without a uscc at enterprises[0].uscc', () => {
      expectInputErrorAt(file({ enterprises: [enterprise({ uscc: undefined })], claims: [] }), 'enterprises[0].uscc');
    });
    it('rejects a difficulty recognition without `from` at enterprises[0].difficulty.from', () => {
      expectInputErrorAt(
        file({ enterprises: [enterprise({ difficulty: { to: '2021-12-31' } })], claims: [] }),
        'enterprises[0].difficulty.from',
      );
    });
    it.each(['section', 'code', 'level', 'baseStandardYuan', 'industry', 'upliftRate'])(
      'rejects a catalog entry without %s, naming catalog[0].<field>',
      (field) => {
        expectInputErrorAt(file({ catalog: [catalogEntry({ [field]: undefined })], claims: [] }), `catalog[0].${field}`);
      },
    );
  });

  describe('format invariants stated beside the fields', () => {
    // AMBIGUOUS: the contract says `ref` is "unique in the file" but does not list a duplicate among
    // the input errors; a duplicate makes outputs and `trainingRef` unreadable, so it is read as one.
    it('rejects two claims with the same ref', () => {
      const a = claim('short_term', { ref: 'dup' });
      const b = claim('safety', { ref: 'dup' });
      expectInputErrorAt(file({ claims: [a, b] }), startsWith('claims'));
    });
    // AMBIGUOUS: "each 200..1500" is stated on the format; an amount outside it is read as an impossible value.
    it('rejects an entrepreneurship type amount above 1500 yuan', () => {
      expectInputErrorAt(
        file({ entrepreneurshipTypes: [{ code: 'SYB', amountYuan: 1600 }], claims: [] }),
        startsWith('entrepreneurshipTypes'),
      );
    });
    // AMBIGUOUS: SPEC §4.0 Decision "the rate must be 0 for other industries and within [0.05, 0.20]".
    it('rejects an uplift rate of 0.25 for a vanadium-titanium occupation', () => {
      expectInputErrorAt(
        file({ catalog: [catalogEntry({ industry: 'vanadium_titanium', upliftRate: 0.25 })], claims: [] }),
        startsWith('catalog[0]'),
      );
    });
    it('rejects a non-zero uplift rate for an "other" occupation', () => {
      expectInputErrorAt(file({ catalog: [catalogEntry({ industry: 'other', upliftRate: 0.1 })], claims: [] }), startsWith('catalog[0]'));
    });
  });

  describe('decisions that are not input errors', () => {
    it('decides an occupation the catalog does not list as ineligible, without throwing', () => {
      const ds = evaluateFile(one(claim('skill_upgrade', { occupationCode: '9-99-99-99' }))) as unknown as SpecDecision[];
      expect(ds[0]?.outcome).toBe('ineligible');
    });
    it('decides an entrepreneurship type the list does not contain as ineligible, without throwing', () => {
      const ds = evaluateFile(one(claim('entrepreneurship', { entrepreneurshipType: 'XYZ' }))) as unknown as SpecDecision[];
      expect(ds[0]?.outcome).toBe('ineligible');
    });
  });
});

// ---------------------------------------------------------------------------------------------
// A valid file never throws (property)
// ---------------------------------------------------------------------------------------------

const PROGRAMS = Object.keys(CLAUSE).filter((p) => p !== 'living_allowance') as Program[];
const GROUPS = [
  'poor_family_child',
  'poor_labor',
  'non_continuing_graduate',
  'rural_migrant',
  'laid_off',
  'registered_unemployed',
  'college_graduate',
  'in_school_student',
  'veteran',
  'disabled',
  'employment_difficulty',
  'zero_employment_family',
  'urban_dibao_family',
  'decapacity',
];
const OPTIONAL_FACTS = [
  'qualified',
  'newHire',
  'contractMonths',
  'planApproved',
  'insuredMonths',
  'attendedHours',
  'occupationCode',
  'level',
  'certificate',
];

const dateArb = fc.integer({ min: 0, max: 1100 }).map((n) => new Date(Date.UTC(2019, 10, 1) + n * 86400000).toISOString().slice(0, 10));
const claimArb = fc.record({
  program: fc.constantFrom(...PROGRAMS),
  applicant: fc.constantFrom('individual', 'enterprise', 'institution'),
  person: fc.constantFrom(PERSON_A, PERSON_B),
  start: dateArb,
  length: fc.integer({ min: 0, max: 800 }),
  drop: fc.subarray(OPTIONAL_FACTS),
  status: fc.option(fc.constantFrom('pending', 'approved', 'paid', 'rejected', 'withdrawn'), { nil: undefined }),
  hours: fc.integer({ min: 0, max: 200 }),
  months: fc.integer({ min: 0, max: 40 }),
});

describe('A valid file never throws', () => {
  it('decides every evaluated claim of random valid files, in file order, with integer amounts and the program clause first', () => {
    fc.assert(
      fc.property(
        fc.array(claimArb, { minLength: 1, maxLength: 12 }),
        fc.subarray(GROUPS),
        fc.option(fc.boolean(), { nil: undefined }),
        (specs, groups, pension) => {
          const claims = specs.map((s, i) => {
            const end = new Date(Date.parse(s.start) + s.length * 86400000).toISOString().slice(0, 10);
            const c: Json = claim(s.program, {
              ref: `r${i}`,
              applicant: s.applicant,
              personId: s.person,
              startDate: s.start,
              endDate: end,
              attendedHours: s.hours,
              contractMonths: s.months,
              insuredMonths: Math.min(s.months, 6),
              status: s.status,
              // one project per claim, so that random claims never disagree on a project's figures
              projectId: `P-${i}`,
            });
            for (const f of s.drop) delete c[f];
            return c;
          });
          const input = file({
            people: [person({ groups, pensionEntitled: pension }), person({ id: PERSON_B, name: '李强', groups: [] })],
            enterprises: [enterprise(), enterprise({ uscc: uscc(2), name: '另一家企业', educationFundFullyUsed: {} })],
            claims,
          });
          const ds = evaluateFile(input) as unknown as SpecDecision[];
          const evaluated = claims.filter((c) => c.status === undefined);
          expect(ds.map((d) => d.ref)).toEqual(evaluated.map((c) => c.ref));
          ds.forEach((d, i) => {
            const program = evaluated[i]!.program as Program;
            expect(d.citations[0]).toBe(CLAUSE[program]);
            expect(Number.isInteger(d.amountFen)).toBe(true);
            expect(d.amountFen).toBeGreaterThanOrEqual(0);
            if (d.outcome === 'eligible') expect(d.payee).not.toBeNull();
            else {
              expect(d.payee).toBeNull();
              expect(d.amountFen).toBe(0);
            }
            if (d.outcome === 'undecided') expect(d.missing.length).toBeGreaterThan(0);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
