// SPEC R5: a person entitled to a monthly pension on the training start date gets no training subsidy,
// no allowance and no appraisal subsidy, whether or not the pension is drawn. Unknown → undecided.
import { describe, it } from 'vitest';
import {
  CLAUSE,
  PERSON_B,
  RETIREE,
  claim,
  decide,
  decideOne,
  expectIneligible,
  expectUndecided,
  person,
  type Program,
} from '../fixtures.ts';

const programs: Program[] = [
  'apprenticeship',
  'skill_upgrade',
  'short_term',
  'pre_job',
  'transfer',
  'employment_skill',
  'entrepreneurship',
  'work_for_training',
  'project_based',
  'safety',
  'appraisal',
];

describe('R5 monthly-pension entitlement', () => {
  it.each(programs)('refuses a %s claim of a person entitled to a monthly pension', (program) => {
    expectIneligible(decideOne(claim(program), { people: [person({ pensionEntitled: true })] }), CLAUSE[program]);
  });

  it('refuses a living allowance of a person entitled to a monthly pension', () => {
    const t = claim('employment_skill');
    const a = claim('living_allowance', { trainingRef: t.ref });
    expectIneligible(decide({ people: [person({ pensionEntitled: true })], claims: [t, a] }, a), '§4.6');
  });

  it.each(programs)('is undecided for a %s claim when pension entitlement is unknown, naming people[0].pensionEntitled', (program) => {
    expectUndecided(decideOne(claim(program), { people: [person({ pensionEntitled: undefined })] }), CLAUSE[program], [
      'people[0].pensionEntitled',
    ]);
  });

  it('names the right person index (people[2].pensionEntitled) when the third person is the one unknown', () => {
    const people = [person(), person({ id: PERSON_B, name: '李强' }), person({ id: RETIREE, name: '赵建国', pensionEntitled: null })];
    expectUndecided(decideOne(claim('short_term', { personId: RETIREE }), { people }), '§4.3', ['people[2].pensionEntitled']);
  });

  it('refuses (not undecided) when the pension is unknown but another known fact fails (27 hours)', () => {
    const d = decideOne(claim('short_term', { attendedHours: 27 }), { people: [person({ pensionEntitled: undefined })] });
    expectIneligible(d, '§4.3');
  });

  it('refuses a pensioner even when other facts are unknown', () => {
    const d = decideOne(claim('short_term', { attendedHours: undefined }), { people: [person({ pensionEntitled: true })] });
    expectIneligible(d, '§4.3');
  });
});
