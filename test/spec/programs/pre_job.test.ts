// §4.4 岗前技能培训 — SPEC programs row 4.4 and "Decisions by program" row §4.4.
import { describe, it } from 'vitest';
import {
  OTHER_EMPLOYER,
  claim,
  decide,
  decideOne,
  enterprise,
  expectEligible,
  expectIneligible,
  expectUndecided,
  history,
} from '../fixtures.ts';

const C = '§4.4';
const pj = (o = {}) => claim('pre_job', o);
const twoEmployers = [enterprise(), enterprise({ uscc: OTHER_EMPLOYER, name: '另一家企业' })];

describe('§4.4 pre-job training (岗前技能培训)', () => {
  it('pays an enterprise 1000 yuan for a new hire on a 12-month contract', () => {
    expectEligible(decideOne(pj({ contractMonths: 12 })), 100000, 'enterprise', C);
  });

  it('pays 1000 yuan for a 23-month contract', () => {
    expectEligible(decideOne(pj({ contractMonths: 23 })), 100000, 'enterprise', C);
  });

  it('pays 1500 yuan for a 24-month contract', () => {
    expectEligible(decideOne(pj({ contractMonths: 24 })), 150000, 'enterprise', C);
  });

  it('pays 1500 yuan for an open-ended long contract of 60 months', () => {
    expectEligible(decideOne(pj({ contractMonths: 60 })), 150000, 'enterprise', C);
  });

  it('refuses a contract of 11 months', () => {
    expectIneligible(decideOne(pj({ contractMonths: 11 })), C);
  });

  it('is undecided when the contract term is unknown', () => {
    expectUndecided(decideOne(pj({ contractMonths: undefined })), C, ['claims[0].contractMonths']);
  });

  it('refuses a trainee who is not a new hire', () => {
    expectIneligible(decideOne(pj({ newHire: false })), C);
  });

  it('is undecided when it is unknown whether the trainee is a new hire', () => {
    expectUndecided(decideOne(pj({ newHire: undefined })), C, ['claims[0].newHire']);
  });

  it('pays 80% of 1500 yuan (120000 fen) when the education fund was not fully used', () => {
    const d = decideOne(pj(), { enterprises: [enterprise({ educationFundFullyUsed: { '2020': false } })] });
    expectEligible(d, 120000, 'enterprise', C);
  });

  it('refuses a second pre-job claim for the same person and employer already on record', () => {
    expectIneligible(decide({ claims: [history('pre_job', 'approved'), pj({ startDate: '2020-08-01', endDate: '2020-08-10' })] }), C);
  });

  it('pays a pre-job claim for the same person at another employer', () => {
    const earlier = history('pre_job', 'approved', { enterpriseUscc: OTHER_EMPLOYER });
    expectEligible(
      decide({ enterprises: twoEmployers, claims: [earlier, pj({ startDate: '2020-08-01', endDate: '2020-08-10' })] }),
      150000,
      'enterprise',
      C,
    );
  });

  it('ignores an earlier pre-job claim that was rejected', () => {
    expectEligible(decide({ claims: [history('pre_job', 'rejected'), pj()] }), 150000, 'enterprise', C);
  });

  it('refuses pre-job training of a person the same employer already claimed work-for-training for (§4.8 not combinable)', () => {
    expectIneligible(decide({ claims: [history('work_for_training', 'paid'), pj()] }), C);
  });

  it('refuses the second of two pre-job claims in one file for the same person and employer', () => {
    const a = pj();
    const b = pj({ startDate: '2020-09-01', endDate: '2020-09-10' });
    expectEligible(decide({ claims: [a, b] }, a), 150000, 'enterprise', C);
    expectIneligible(decide({ claims: [a, b] }, b), C);
  });

  it('refuses a 创业培训合格证书 as evidence', () => {
    expectIneligible(decideOne(pj({ certificate: { type: 'entrepreneurship', number: 'CY' } })), C);
  });

  it('refuses a claim that names no employer (R11)', () => {
    expectIneligible(decideOne(pj({ enterpriseUscc: undefined })), C);
  });

  it('refuses a trainee who did not qualify', () => {
    expectIneligible(decideOne(pj({ qualified: false })), C);
  });
});
