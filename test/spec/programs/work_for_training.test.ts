// §4.8 以工代训 — SPEC programs row 4.8, R4 (§4.8 lifetime 6 months across employers) and
// "Decisions by program" row §4.8. Validity by the first insured month.
import { describe, it } from 'vitest';
import {
  OTHER_EMPLOYER,
  claim,
  decide,
  decideOne,
  enterprise,
  expectEligible,
  expectIneligible,
  expectNotApplicable,
  expectUndecided,
  history,
  person,
} from '../fixtures.ts';

const C = '§4.8';
const wt = (o = {}) => claim('work_for_training', o);
const twoEmployers = [enterprise(), enterprise({ uscc: OTHER_EMPLOYER, name: '另一家企业' })];
const elsewhere = (status: string, insuredMonths: number | undefined) =>
  history('work_for_training', status, {
    enterpriseUscc: OTHER_EMPLOYER,
    startDate: '2020-01-01',
    endDate: '2020-06-30',
    insuredMonths,
  });

describe('§4.8 work-for-training (以工代训)', () => {
  it('pays an enterprise 200 yuan per insured month: 5 months → 1000 yuan', () => {
    expectEligible(decideOne(wt()), 100000, 'enterprise', C);
  });

  it('pays 6 insured months, 1200 yuan', () => {
    expectEligible(decideOne(wt({ endDate: '2020-08-31', insuredMonths: 6 })), 120000, 'enterprise', C);
  });

  it('pays only 6 of 7 insured months, the lifetime maximum', () => {
    expectEligible(decideOne(wt({ endDate: '2020-09-30', insuredMonths: 7 })), 120000, 'enterprise', C);
  });

  it('refuses insured months beyond the whole months from start to end (5 claimed in 4 months)', () => {
    expectIneligible(decideOne(wt({ endDate: '2020-06-30', insuredMonths: 5 })), C);
  });

  it('pays the months left after 4 months on record at another employer: 3 claimed, 2 paid (400 yuan)', () => {
    const d = decide({
      enterprises: twoEmployers,
      claims: [elsewhere('paid', 4), wt({ startDate: '2020-08-01', endDate: '2020-10-31', insuredMonths: 3 })],
    });
    expectEligible(d, 40000, 'enterprise', C);
  });

  it('refuses a claim when the 6 months are used up at another employer', () => {
    const d = decide({
      enterprises: twoEmployers,
      claims: [elsewhere('approved', 6), wt({ startDate: '2020-08-01', endDate: '2020-10-31', insuredMonths: 3 })],
    });
    expectIneligible(d, C);
  });

  it('does not count a rejected claim on record against the 6 months', () => {
    const d = decide({
      enterprises: twoEmployers,
      claims: [elsewhere('rejected', 6), wt({ startDate: '2020-08-01', endDate: '2020-10-31', insuredMonths: 3 })],
    });
    expectEligible(d, 60000, 'enterprise', C);
  });

  it('counts a claim on record that stands later in the file (5 on record → 1 of 3 paid)', () => {
    const c = wt({ startDate: '2020-08-01', endDate: '2020-10-31', insuredMonths: 3 });
    expectEligible(decide({ enterprises: twoEmployers, claims: [c, elsewhere('pending', 5)] }, c), 20000, 'enterprise', C);
  });

  it("is undecided, naming the earlier claim's insuredMonths, when months on an earlier claim are unknown", () => {
    const d = decide({
      enterprises: twoEmployers,
      claims: [elsewhere('paid', undefined), wt({ startDate: '2020-08-01', endDate: '2020-10-31', insuredMonths: 3 })],
    });
    expectUndecided(d, C, ['claims[0].insuredMonths']);
  });

  it('pays the months left after an eligible claim earlier in the same file (4 + 4 → 2 paid)', () => {
    const a = wt({ startDate: '2020-03-01', endDate: '2020-06-30', insuredMonths: 4 });
    const b = wt({ enterpriseUscc: OTHER_EMPLOYER, startDate: '2020-08-01', endDate: '2020-11-30', insuredMonths: 4 });
    expectEligible(decide({ enterprises: twoEmployers, claims: [a, b] }, a), 80000, 'enterprise', C);
    expectEligible(decide({ enterprises: twoEmployers, claims: [a, b] }, b), 40000, 'enterprise', C);
  });

  it('refuses an enterprise that does not pay social insurance', () => {
    expectIneligible(decideOne(wt(), { enterprises: [enterprise({ insured: false })] }), C);
  });

  it('is undecided, naming enterprises[0].insured, when insurance is unknown', () => {
    expectUndecided(decideOne(wt(), { enterprises: [enterprise({ insured: undefined })] }), C, ['enterprises[0].insured']);
  });

  it('refuses a worker who is not a new hire', () => {
    expectIneligible(decideOne(wt({ newHire: false })), C);
  });

  it('is undecided when it is unknown whether the worker is a new hire', () => {
    expectUndecided(decideOne(wt({ newHire: undefined })), C, ['claims[0].newHire']);
  });

  it('is undecided when the insured months are unknown', () => {
    expectUndecided(decideOne(wt({ insuredMonths: undefined })), C, ['claims[0].insuredMonths']);
  });

  it('pays a person with employment difficulty (就业困难人员)', () => {
    expectEligible(decideOne(wt(), { people: [person({ groups: ['employment_difficulty'] })] }), 100000, 'enterprise', C);
  });

  it('refuses a rural migrant worker who is not poor, in difficulty or from a zero-employment family', () => {
    expectIneligible(decideOne(wt(), { people: [person({ groups: ['rural_migrant'] })] }), C);
  });

  it('refuses work-for-training after a pre-job claim for the same person and employer', () => {
    expectIneligible(decide({ claims: [history('pre_job', 'approved'), wt()] }), C);
  });

  it('pays work-for-training after a pre-job claim at another employer', () => {
    const pj = history('pre_job', 'approved', { enterpriseUscc: OTHER_EMPLOYER });
    expectEligible(decide({ enterprises: twoEmployers, claims: [pj, wt()] }), 100000, 'enterprise', C);
  });

  it('needs no certificate', () => {
    expectEligible(decideOne(wt({ certificate: undefined, qualified: undefined })), 100000, 'enterprise', C);
  });

  it('pays 80% (800 yuan for 5 months) when the education fund was not fully used', () => {
    expectEligible(decideOne(wt(), { enterprises: [enterprise({ educationFundFullyUsed: { '2020': false } })] }), 80000, 'enterprise', C);
  });

  it('refuses a claim that names no employer (R11)', () => {
    expectIneligible(decideOne(wt({ enterpriseUscc: undefined })), C);
  });

  it('is not_applicable when the first insured month is December 2019', () => {
    expectNotApplicable(decideOne(wt({ startDate: '2019-12-01', endDate: '2020-03-31', insuredMonths: 4 })), C);
  });

  it('is governed by its first insured month: December 2021 to March 2022 is in force', () => {
    const d = decideOne(wt({ startDate: '2021-12-01', endDate: '2022-03-31', insuredMonths: 4 }), {
      enterprises: [enterprise({ educationFundFullyUsed: { '2021': true, '2022': true } })],
    });
    expectEligible(d, 80000, 'enterprise', C);
  });

  it('pays 80% of the 6 months left when 7 are claimed and the fund was not fully used (960 yuan)', () => {
    const d = decideOne(wt({ endDate: '2020-09-30', insuredMonths: 7 }), {
      enterprises: [enterprise({ educationFundFullyUsed: { '2020': false } })],
    });
    expectEligible(d, 96000, 'enterprise', C);
  });

  it('does not count an earlier evaluated claim that was refused against the 6 months', () => {
    const a = wt({ startDate: '2020-03-01', endDate: '2020-06-30', insuredMonths: 4, newHire: false });
    const b = wt({ enterpriseUscc: OTHER_EMPLOYER, startDate: '2020-08-01', endDate: '2020-11-30', insuredMonths: 4 });
    expectIneligible(decide({ enterprises: twoEmployers, claims: [a, b] }, a), C);
    expectEligible(decide({ enterprises: twoEmployers, claims: [a, b] }, b), 80000, 'enterprise', C);
  });

  it('pays work-for-training after a refused pre-job claim of the same hire in the batch (only a counted claim blocks)', () => {
    const p = claim('pre_job', { contractMonths: 6 });
    expectEligible(decide({ claims: [p, wt()] }), 100000, 'enterprise', C);
  });

  it('pays work-for-training after a rejected pre-job claim on record', () => {
    expectEligible(decide({ claims: [history('pre_job', 'rejected'), wt()] }), 100000, 'enterprise', C);
  });
});
