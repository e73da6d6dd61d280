// fast-check generators of valid evaluate files: every program, history in every status, facts
// present or absent, dates around the plan's window. Each person's §4.9 projects are their own, so
// that a person's decisions depend on nobody else's claims.
import fc from 'fast-check';
import { residentIdCheckChar, usccCheckChar } from '../../src/policy/identifiers.ts';
import { CERTIFICATE_TYPES, CLAIM_STATUSES, GROUPS, PROGRAMS } from '../../src/policy/codes.ts';

export type Json = Record<string, unknown>;

const personIds = ['510402199001010', '510403198506060', '510411200002020', '510421197712120'].map((p, i) => {
  const first17 = `${p}${String(i + 11)}`;
  return first17 + residentIdCheckChar(first17);
});
const enterpriseIds = ['91510400MA6W0001', '91510400MA6W0002'].map((p) => {
  const first17 = `${p}X`;
  return first17 + usccCheckChar(first17);
});

export const CATALOG: Json[] = [
  {
    section: 'upgrade',
    code: '6-31-01-03',
    name: '电工',
    level: 4,
    baseStandardYuan: 1500,
    industry: 'vanadium_titanium',
    upliftRate: 0.1,
    appraisalStandardYuan: 200,
  },
  {
    section: 'upgrade',
    code: '4-07-04-01',
    name: '导游',
    level: 5,
    baseStandardYuan: 1230,
    industry: 'modern_service',
    upliftRate: 0.05,
    appraisalStandardYuan: 130,
  },
  {
    section: 'employment',
    code: '6-31-01-03',
    name: '电工',
    level: 4,
    baseStandardYuan: 1150,
    industry: 'vanadium_titanium',
    upliftRate: 0.1,
  },
  {
    section: 'employment',
    code: '4-10-01-06',
    name: '家政服务员',
    level: 5,
    baseStandardYuan: 900,
    industry: 'modern_service',
    upliftRate: 0.1,
    appraisalStandardYuan: 100,
  },
];
export const ENTREPRENEURSHIP_TYPES: Json[] = [
  { code: 'SYB', amountYuan: 1000 },
  { code: 'GYB', amountYuan: 300 },
];

/** Absent or a value: a fact the file may not state. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
/** Usually the value that lets a claim through, sometimes another one, sometimes absent. */
const mostly = <T>(good: T, other: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: other }, { weight: 1, arbitrary: fc.constant(undefined) });
const CERTIFICATE_FOR: Record<string, string> = {
  apprenticeship: 'skill_level',
  skill_upgrade: 'vocational_qualification',
  appraisal: 'skill_level',
  entrepreneurship: 'entrepreneurship',
  safety: 'special_operation',
  employment_skill: 'special_ability',
};

const date = fc
  .integer({ min: Date.UTC(2019, 11, 1), max: Date.UTC(2022, 0, 31) })
  .map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10));

const person = (id: string) =>
  fc.record({
    id: fc.constant(id),
    groups: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.subarray(['poor_labor', 'non_continuing_graduate', 'in_school_student', 'rural_migrant', 'employment_difficulty'], {
          minLength: 1,
          maxLength: 2,
        }),
      },
      { weight: 1, arbitrary: fc.subarray([...GROUPS], { maxLength: 3 }) },
    ),
    rural: maybe(fc.boolean()),
    pensionEntitled: mostly(false, fc.constant(true)),
    earlierAppraisal: mostly(false, fc.constant(true)),
  });

const enterprise = (uscc: string) =>
  fc.record({
    uscc: fc.constant(uscc),
    insured: mostly(true, fc.constant(false)),
    educationFundFullyUsed: fc.record({ '2020': mostly(true, fc.constant(false)), '2021': mostly(false, fc.constant(true)) }),
    difficulty: fc.option(fc.constant({ from: '2020-01-01', to: '2021-06-30' }), { nil: undefined }),
  });

const claimArb = fc.record({
  program: fc.constantFrom(...PROGRAMS),
  applicant: fc.constantFrom('individual', 'enterprise', 'institution'),
  person: fc.nat(personIds.length - 1),
  enterprise: mostly(0, fc.nat(enterpriseIds.length - 1)),
  catalogEntry: fc.nat(CATALOG.length - 1),
  occupationKnown: mostly(true, fc.constant(false)),
  levelKnown: mostly(true, fc.constant(false)),
  entrepreneurshipType: maybe(fc.constantFrom('SYB', 'GYB', 'XYZ')),
  start: date,
  lengthDays: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 300, max: 800 })),
  attendedHours: mostly(40, fc.integer({ min: 0, max: 200 })),
  attendedDays: mostly(10, fc.integer({ min: 0, max: 60 })),
  qualified: mostly(true, fc.constant(false)),
  certificate: mostly<string | undefined>('matching', fc.constantFrom(...CERTIFICATE_TYPES)),
  newHire: mostly(true, fc.constant(false)),
  contractMonths: mostly(24, fc.integer({ min: 0, max: 40 })),
  planApproved: mostly(true, fc.constant(false)),
  insuredMonths: mostly(2, fc.integer({ min: 0, max: 9 })),
  project: fc.nat(1),
  contractPerTraineeYuan: maybe(fc.constant(true)),
  contractTotalYuan: maybe(fc.constant(true)),
  trainingPick: fc.nat(),
  status: fc.option(fc.constantFrom(...CLAIM_STATUSES), { nil: undefined, freq: 4 }),
  applicantFits: fc.boolean(),
});

type ClaimSeed = typeof claimArb extends fc.Arbitrary<infer T> ? T : never;

function addDays(d: string, n: number): string {
  return new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);
}

function buildClaim(s: ClaimSeed, i: number): Json {
  const entry = CATALOG[s.catalogEntry]!;
  const personId = personIds[s.person]!;
  const c: Json = {
    ref: `c${i}`,
    program: s.program,
    applicant: s.applicantFits
      ? ['employment_skill', 'living_allowance', 'entrepreneurship'].includes(s.program)
        ? 'institution'
        : 'enterprise'
      : s.applicant,
    personId,
    enterpriseUscc: s.enterprise === undefined ? undefined : enterpriseIds[s.enterprise],
    occupationCode: s.occupationKnown ? entry.code : undefined,
    level: s.levelKnown ? entry.level : undefined,
    entrepreneurshipType: s.entrepreneurshipType,
    startDate: s.start,
    endDate: addDays(s.start, s.lengthDays),
    attendedHours: s.attendedHours,
    attendedDays: s.attendedDays,
    qualified: s.qualified,
    certificate:
      s.certificate === undefined
        ? undefined
        : { type: s.certificate === 'matching' ? (CERTIFICATE_FOR[s.program] ?? 'training') : s.certificate, number: `N${i}` },
    newHire: s.newHire,
    contractMonths: s.contractMonths,
    planApproved: s.planApproved,
    insuredMonths: s.insuredMonths,
    status: s.status,
  };
  if (s.program === 'work_for_training') {
    c.startDate = `${s.start.slice(0, 7)}-01`;
    const end = new Date(Date.parse(c.startDate as string));
    end.setUTCMonth(end.getUTCMonth() + 1 + (s.lengthDays % 8), 0);
    c.endDate = end.toISOString().slice(0, 10);
  }
  if (s.program === 'project_based') {
    // Projects are per person, with per-project contract figures (all claims of a project agree).
    c.projectId = `P-${s.person}-${s.project}`;
    c.contractPerTraineeYuan = s.contractPerTraineeYuan === undefined ? undefined : [800, 1800][s.project];
    c.contractTotalYuan = s.contractTotalYuan === undefined ? undefined : [1800, 4000][s.project];
  }
  return c;
}

/** Living allowances name an employment-skill claim of the same person, or become one themselves. */
function linkAllowances(claims: Json[], seeds: ClaimSeed[]): void {
  claims.forEach((c, i) => {
    if (c.program !== 'living_allowance') return;
    const trainings = claims.filter((t) => t.program === 'employment_skill' && t.personId === c.personId);
    if (trainings.length === 0) {
      c.program = 'employment_skill';
      return;
    }
    const t = trainings[seeds[i]!.trainingPick % trainings.length]!;
    c.trainingRef = seeds[i]!.trainingPick % 5 === 0 ? undefined : t.ref;
    c.startDate = t.startDate;
    c.endDate = t.endDate;
  });
}

/** A whole valid file with 1 to `maxClaims` claims. */
export function arbitraryEvaluateFile(maxClaims = 14): fc.Arbitrary<Json> {
  return fc
    .record({
      people: fc.tuple(...personIds.map(person)),
      enterprises: fc.tuple(...enterpriseIds.map(enterprise)),
      seeds: fc.array(claimArb, { minLength: 1, maxLength: maxClaims }),
    })
    .map(({ people, enterprises, seeds }) => {
      const claims = seeds.map(buildClaim);
      linkAllowances(claims, seeds);
      return JSON.parse(
        JSON.stringify({ catalog: CATALOG, entrepreneurshipTypes: ENTREPRENEURSHIP_TYPES, people, enterprises, claims }),
      ) as Json;
    });
}
