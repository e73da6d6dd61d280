// §4.9 项目制培训 — SPEC programs row 4.9, R4 (§4.9 key) and "Decisions by program" row §4.9.
import { describe, it } from 'vitest';
import {
  OCC,
  PERSON_A,
  PERSON_B,
  PERSON_C,
  claim,
  decide,
  decideOne,
  evaluate,
  decisionOf,
  expectEligible,
  expectIneligible,
  expectUndecided,
  history,
  person,
  residentId,
} from '../fixtures.ts';

const C = '§4.9';
const pb = (o = {}) => claim('project_based', o);
const PERSON_D = residentId(6);
const four = [
  person({ id: PERSON_A }),
  person({ id: PERSON_B, name: '李强' }),
  person({ id: PERSON_C, name: '刘敏' }),
  person({ id: PERSON_D, name: '陈刚' }),
];
const small = { contractPerTraineeYuan: 1800, contractTotalYuan: 5000 };

describe('§4.9 project-based training (项目制培训)', () => {
  it('pays the institution the contract price per qualified trainee, 1800 yuan', () => {
    expectEligible(decideOne(pb()), 180000, 'institution', C);
  });

  it('pays the institution even when the trainee applied', () => {
    expectEligible(decideOne(pb({ applicant: 'individual' })), 180000, 'institution', C);
  });

  it('caps the third trainee at what is left of a 5000-yuan contract (1400 yuan) and refuses the fourth', () => {
    const claims = [
      pb({ ...small, personId: PERSON_A }),
      pb({ ...small, personId: PERSON_B }),
      pb({ ...small, personId: PERSON_C }),
      pb({ ...small, personId: PERSON_D }),
    ];
    const ds = evaluate({ people: four, claims });
    expectEligible(decisionOf(ds, claims[0]!.ref), 180000, 'institution', C);
    expectEligible(decisionOf(ds, claims[1]!.ref), 180000, 'institution', C);
    expectEligible(decisionOf(ds, claims[2]!.ref), 140000, 'institution', C);
    expectIneligible(decisionOf(ds, claims[3]!.ref), C);
  });

  it('counts claims of the project on record, wherever they stand in the file', () => {
    const c = pb({ ...small, personId: PERSON_C });
    const claims = [
      c,
      history('project_based', 'paid', { ...small, personId: PERSON_A }),
      history('project_based', 'approved', { ...small, personId: PERSON_B }),
    ];
    expectEligible(decide({ people: four, claims }, c), 140000, 'institution', C);
  });

  it('does not count a withdrawn claim of the project', () => {
    const c = pb({ ...small, personId: PERSON_C });
    const claims = [
      history('project_based', 'paid', { ...small, personId: PERSON_A }),
      history('project_based', 'withdrawn', { ...small, personId: PERSON_B }),
      c,
    ];
    expectEligible(decide({ people: four, claims }, c), 180000, 'institution', C);
  });

  it('does not count claims of another project against the total', () => {
    const c = pb({ ...small, personId: PERSON_C });
    const claims = [
      history('project_based', 'paid', { ...small, projectId: 'P-OTHER', personId: PERSON_A }),
      history('project_based', 'paid', { ...small, projectId: 'P-OTHER', personId: PERSON_B }),
      c,
    ];
    expectEligible(decide({ people: four, claims }, c), 180000, 'institution', C);
  });

  // AMBIGUOUS: an earlier claim of the project that omits its price is "unknown", not a disagreement
  // on the contract figures (an input error); the Decisions table makes the later claim undecided.
  it('is undecided when an earlier claim of the project has an unknown price', () => {
    const c = pb({ ...small, personId: PERSON_B });
    const claims = [history('project_based', 'paid', { ...small, contractPerTraineeYuan: undefined, personId: PERSON_A }), c];
    expectUndecided(decide({ people: four, claims }, c), C, ['claims[0].contractPerTraineeYuan']);
  });

  it('is undecided when the project is unknown', () => {
    expectUndecided(decideOne(pb({ projectId: undefined })), C, ['claims[0].projectId']);
  });

  it('is undecided when the per-trainee price is unknown', () => {
    expectUndecided(decideOne(pb({ contractPerTraineeYuan: undefined })), C, ['claims[0].contractPerTraineeYuan']);
  });

  it('is undecided when the contract total is unknown', () => {
    expectUndecided(decideOne(pb({ contractTotalYuan: undefined })), C, ['claims[0].contractTotalYuan']);
  });

  it('refuses a trainee who did not qualify', () => {
    expectIneligible(decideOne(pb({ qualified: false })), C);
  });

  it('refuses a trainee with no certificate', () => {
    expectIneligible(decideOne(pb({ certificate: undefined })), C);
  });

  it('refuses a 创业培训合格证书 as evidence', () => {
    expectIneligible(decideOne(pb({ certificate: { type: 'entrepreneurship', number: 'CY' } })), C);
  });

  it('needs no employer', () => {
    expectEligible(decideOne(pb({ enterpriseUscc: undefined })), 180000, 'institution', C);
  });

  it('refuses a project training naming 电工 四级 after 电工 四级 was subsidised under §4.2 (R4 key: occupation + level)', () => {
    const earlier = history('skill_upgrade', 'paid', { startDate: '2020-02-03', endDate: '2020-03-31' });
    expectIneligible(decide({ claims: [earlier, pb({ occupationCode: OCC.electrician, level: 4 })] }), C);
  });

  it('is undecided when the project names an occupation but no level (the R4 key is unknown)', () => {
    const earlier = history('skill_upgrade', 'paid', { startDate: '2020-02-03', endDate: '2020-03-31' });
    expectUndecided(decide({ claims: [earlier, pb({ occupationCode: OCC.electrician })] }), C, ['claims[1].level']);
  });

  it('is undecided when the project names a level but no occupation', () => {
    expectUndecided(decideOne(pb({ level: 4 })), C, ['claims[0].occupationCode']);
  });

  it('has no key when the project names neither occupation nor level: paid after a §4.2 电工 四级', () => {
    const earlier = history('skill_upgrade', 'paid', { startDate: '2020-02-03', endDate: '2020-03-31' });
    expectEligible(decide({ claims: [earlier, pb()] }), 180000, 'institution', C);
  });

  it('caps a single trainee at a contract total smaller than the price (1000 yuan total, 1800 price)', () => {
    expectEligible(decideOne(pb({ contractTotalYuan: 1000 })), 100000, 'institution', C);
  });

  it('does not let an unqualified trainee use up the contract total', () => {
    const claims = [
      pb({ ...small, personId: PERSON_A, qualified: false }),
      pb({ ...small, personId: PERSON_B }),
      pb({ ...small, personId: PERSON_C }),
    ];
    const ds = evaluate({ people: four, claims });
    expectIneligible(decisionOf(ds, claims[0]!.ref), C);
    expectEligible(decisionOf(ds, claims[2]!.ref), 180000, 'institution', C);
  });
});
