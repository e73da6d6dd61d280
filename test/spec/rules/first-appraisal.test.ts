// SPEC R6: the appraisal subsidy is for the person's first appraisal ever. Every earlier appraisal
// claim of the person is an earlier attempt, whatever its status or outcome, except a withdrawn or
// not_applicable one; `earlierAppraisal` covers appraisals outside the file (unknown → undecided).
import { describe, it } from 'vitest';
import { OCC, PERSON_B, claim, decide, expectEligible, expectIneligible, expectUndecided, history, person } from '../fixtures.ts';

const C = '§4.0';
const ap = (o = {}) => claim('appraisal', o);
const march = { startDate: '2020-03-02', endDate: '2020-03-02' };

describe('R6 first appraisal only', () => {
  it('pays a first appraisal', () => {
    expectEligible(decide({ claims: [ap()] }), 20000, 'individual', C);
  });

  it.each(['pending', 'approved', 'paid', 'rejected'])('refuses a retake after an earlier appraisal claim that is %s', (status) => {
    expectIneligible(decide({ claims: [history('appraisal', status, march), ap()] }), C);
  });

  it('does not count a withdrawn earlier appraisal claim', () => {
    expectEligible(decide({ claims: [history('appraisal', 'withdrawn', march), ap()] }), 20000, 'individual', C);
  });

  it('refuses the second of two appraisals evaluated in one file, even of another occupation', () => {
    const a = ap(march);
    const b = ap({ occupationCode: OCC.welder });
    expectEligible(decide({ claims: [a, b] }, a), 20000, 'individual', C);
    expectIneligible(decide({ claims: [a, b] }, b), C);
  });

  it('counts an earlier evaluated appraisal that was ineligible (a failed first attempt makes the retake not the first)', () => {
    const a = ap({ ...march, certificate: { type: 'training', number: 'PX' } });
    const b = ap();
    expectIneligible(decide({ claims: [a, b] }, a), C);
    expectIneligible(decide({ claims: [a, b] }, b), C);
  });

  it('does not count an earlier evaluated appraisal that was not_applicable', () => {
    const a = ap({ startDate: '2019-11-05', endDate: '2019-11-05' });
    const b = ap();
    expectEligible(decide({ claims: [a, b] }, b), 20000, 'individual', C);
  });

  it("does not count another person's appraisal", () => {
    const people = [person(), person({ id: PERSON_B, name: '李强' })];
    expectEligible(
      decide({ people, claims: [history('appraisal', 'paid', { ...march, personId: PERSON_B }), ap()] }),
      20000,
      'individual',
      C,
    );
  });

  it('refuses a person known to have sat an appraisal outside the file', () => {
    expectIneligible(decide({ people: [person({ earlierAppraisal: true })], claims: [ap()] }), C);
  });

  it('is undecided when an earlier appraisal outside the file is unknown', () => {
    expectUndecided(decide({ people: [person({ earlierAppraisal: undefined })], claims: [ap()] }), C, ['people[0].earlierAppraisal']);
  });

  it('refuses (not undecided) when `earlierAppraisal` is unknown but an earlier claim is on record', () => {
    const d = decide({ people: [person({ earlierAppraisal: undefined })], claims: [history('appraisal', 'paid', march), ap()] });
    expectIneligible(d, C);
  });

  it('does not treat an earlier training (not an appraisal) as an earlier appraisal', () => {
    // another occupation than the training's, so that R4 cannot be what is tested here
    const training = history('skill_upgrade', 'paid', { startDate: '2020-03-02', endDate: '2020-05-30' });
    expectEligible(decide({ claims: [training, ap({ occupationCode: OCC.welder })] }), 21000, 'individual', C);
  });

  it('counts an earlier evaluated appraisal that was undecided (whatever its outcome)', () => {
    const a = ap({ ...march, qualified: undefined, occupationCode: undefined });
    const b = ap({ occupationCode: OCC.welder });
    expectUndecided(decide({ claims: [a, b] }, a), C, ['claims[0].occupationCode']);
    expectIneligible(decide({ claims: [a, b] }, b), C);
  });

  it('counts an earlier appraisal on record that stands later in the file', () => {
    const c = ap();
    expectIneligible(decide({ claims: [c, history('appraisal', 'paid', march)] }, c), C);
  });
});
