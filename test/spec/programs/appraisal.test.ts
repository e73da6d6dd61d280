// §4.0 职业技能鉴定补贴 — SPEC R6 and "Decisions by program" row §4.0 appraisal.
import { describe, it } from 'vitest';
import {
  OCC,
  claim,
  decide,
  decideOne,
  expectEligible,
  expectIneligible,
  expectNotApplicable,
  expectUndecided,
  history,
  person,
} from '../fixtures.ts';

const C = '§4.0';
const ap = (o = {}) => claim('appraisal', o);

describe('§4.0 appraisal subsidy (职业技能鉴定补贴)', () => {
  it("pays a first appraisal the upgrade entry's appraisal standard (电工 四级: 200 yuan, not the employment entry's 180), to the trainee", () => {
    expectEligible(decideOne(ap()), 20000, 'individual', C);
  });

  it('pays the trainee even when an institution applied', () => {
    expectEligible(decideOne(ap({ applicant: 'institution' })), 20000, 'individual', C);
  });

  it('uses the employment entry when the occupation has only that one (家政服务员 五级: 100 yuan)', () => {
    expectEligible(decideOne(ap({ occupationCode: OCC.housekeeper, level: 5 })), 10000, 'individual', C);
  });

  it('uses the employment entry when the upgrade entry has no appraisal standard (中式烹调师 四级: 120 yuan)', () => {
    expectEligible(decideOne(ap({ occupationCode: OCC.cook, level: 4 })), 12000, 'individual', C);
  });

  it('applies no uplift to the appraisal standard (焊工: 210 yuan although the occupation is raised 12%)', () => {
    expectEligible(decideOne(ap({ occupationCode: OCC.welder })), 21000, 'individual', C);
  });

  it('refuses when no catalog entry for the occupation and level has an appraisal standard', () => {
    expectIneligible(decideOne(ap({ occupationCode: OCC.cook, level: 5 })), C);
  });

  it('refuses an occupation the catalog does not list', () => {
    expectIneligible(decideOne(ap({ occupationCode: OCC.unlisted })), C);
  });

  it('refuses a person who sat an appraisal before, outside this file', () => {
    expectIneligible(decideOne(ap(), { people: [person({ earlierAppraisal: true })] }), C);
  });

  it('is undecided, naming people[0].earlierAppraisal, when an earlier appraisal is unknown', () => {
    expectUndecided(decideOne(ap(), { people: [person({ earlierAppraisal: undefined })] }), C, ['people[0].earlierAppraisal']);
  });

  it('refuses a 培训合格证书: the appraisal must yield a qualification or skill-level certificate', () => {
    expectIneligible(decideOne(ap({ certificate: { type: 'training', number: 'PX' } })), C);
  });

  it('accepts a 职业资格证书', () => {
    expectEligible(decideOne(ap({ certificate: { type: 'vocational_qualification', number: 'Q' } })), 20000, 'individual', C);
  });

  it('is undecided when the occupation is unknown', () => {
    expectUndecided(decideOne(ap({ occupationCode: undefined })), C, ['claims[0].occupationCode']);
  });

  it('refuses a person entitled to a monthly pension (R5)', () => {
    expectIneligible(decideOne(ap(), { people: [person({ pensionEntitled: true })] }), C);
  });

  it('refuses a retake after a rejected earlier appraisal claim (every earlier attempt counts, whatever its status)', () => {
    const earlier = history('appraisal', 'rejected', { startDate: '2020-03-01', endDate: '2020-03-01' });
    expectIneligible(decide({ claims: [earlier, ap()] }), C);
  });

  it('pays when the only earlier appraisal claim was withdrawn', () => {
    const earlier = history('appraisal', 'withdrawn', { startDate: '2020-03-01', endDate: '2020-03-01' });
    expectEligible(decide({ claims: [earlier, ap()] }), 20000, 'individual', C);
  });

  it('is not_applicable for an appraisal on 2022-01-05', () => {
    expectNotApplicable(decideOne(ap({ startDate: '2022-01-05', endDate: '2022-01-05' })), C);
  });

  it('uses the catalog edition in force on the appraisal date (砌筑工 四级: 90 yuan in 2020, 95 yuan in 2021)', () => {
    expectEligible(
      decideOne(ap({ occupationCode: OCC.bricklayer, startDate: '2020-11-02', endDate: '2020-11-02' })),
      9000,
      'individual',
      C,
    );
    expectEligible(
      decideOne(ap({ occupationCode: OCC.bricklayer, startDate: '2021-03-02', endDate: '2021-03-02' })),
      9500,
      'individual',
      C,
    );
  });
});
