// §4.1 企业新型学徒制 — SPEC "Programs" row 4.1 and "Decisions by program" row §4.1.
import { describe, it } from 'vitest';
import { claim, decideOne, decide, enterprise, expectEligible, expectIneligible, expectUndecided, history } from '../fixtures.ts';

const C = '§4.1';
const app = (o = {}) => claim('apprenticeship', o);
/** Completed in 2022: R8 reads the 2022 fund. */
const fund2022 = { enterprises: [enterprise({ educationFundFullyUsed: { '2020': true, '2021': true, '2022': true } })] };

describe('§4.1 apprenticeship (企业新型学徒制)', () => {
  it('pays an enterprise 5000 yuan a year prorated to 22 whole months (916667 fen) for a 中级 apprenticeship from 2020-03-01 to 2021-12-31', () => {
    expectEligible(decideOne(app({ level: 4 })), 916667, 'enterprise', C);
  });

  it('pays 4000 yuan for a 初级 apprenticeship of exactly 12 whole months (2020-03-01 to 2021-02-28)', () => {
    expectEligible(decideOne(app({ level: 5, startDate: '2020-03-01', endDate: '2021-02-28' })), 400000, 'enterprise', C);
  });

  it('counts 2020-03-02 to 2021-03-01 as 12 whole months and pays a 初级 apprenticeship 4000 yuan', () => {
    expectEligible(decideOne(app({ level: 5, startDate: '2020-03-02', endDate: '2021-03-01' })), 400000, 'enterprise', C);
  });

  it('refuses an apprenticeship of 11 whole months (2020-03-01 to 2021-01-31)', () => {
    expectIneligible(decideOne(app({ startDate: '2020-03-01', endDate: '2021-01-31' })), C);
  });

  it('refuses 2020-03-02 to 2021-02-28, one day short of 12 whole months', () => {
    expectIneligible(decideOne(app({ startDate: '2020-03-02', endDate: '2021-02-28' })), C);
  });

  it('pays a 高级 apprenticeship of exactly 24 whole months 12000 yuan', () => {
    expectEligible(decideOne(app({ level: 3, startDate: '2020-02-01', endDate: '2022-01-31' }), fund2022), 1200000, 'enterprise', C);
  });

  it('pays only 24 months for a 高级 apprenticeship of 25 whole months', () => {
    expectEligible(decideOne(app({ level: 3, startDate: '2020-02-01', endDate: '2022-02-28' }), fund2022), 1200000, 'enterprise', C);
  });

  it('pays a 中级 apprenticeship of 23 whole months 958333 fen (500000 × 23 / 12 half-up)', () => {
    expectEligible(decideOne(app({ level: 4, startDate: '2020-02-01', endDate: '2021-12-31' })), 958333, 'enterprise', C);
  });

  it('accepts a labour contract of exactly 12 months', () => {
    expectEligible(decideOne(app({ contractMonths: 12 })), 916667, 'enterprise', C);
  });

  it('refuses a labour contract of 11 months', () => {
    expectIneligible(decideOne(app({ contractMonths: 11 })), C);
  });

  it('is undecided when the labour contract term is unknown', () => {
    expectUndecided(decideOne(app({ contractMonths: undefined })), C, ['claims[0].contractMonths']);
  });

  it('refuses an apprenticeship whose plan was not listed', () => {
    expectIneligible(decideOne(app({ planApproved: false })), C);
  });

  it('is undecided, naming claims[2].planApproved, when it is unknown whether the plan was listed', () => {
    const d = decide({ claims: [claim('short_term'), claim('short_term'), app({ planApproved: undefined })] });
    expectUndecided(d, C, ['claims[2].planApproved']);
  });

  it('refuses a worker who is neither a new hire nor newly transferred to a skill post', () => {
    expectIneligible(decideOne(app({ newHire: false })), C);
  });

  it('is undecided when it is unknown whether the apprentice is a new hire', () => {
    expectUndecided(decideOne(app({ newHire: undefined })), C, ['claims[0].newHire']);
  });

  it('refuses a 技师 (level 2) target level: only 五级, 四级 and 三级 are paid', () => {
    expectIneligible(decideOne(app({ level: 2 })), C);
  });

  it('refuses a 专项职业能力 target level', () => {
    expectIneligible(decideOne(app({ level: 'special' })), C);
  });

  it('refuses an apprentice who did not qualify', () => {
    expectIneligible(decideOne(app({ qualified: false })), C);
  });

  it('refuses an apprenticeship evidenced by a 培训合格证书 instead of a qualification or level certificate', () => {
    expectIneligible(decideOne(app({ certificate: { type: 'training', number: 'X' } })), C);
  });

  it('accepts a 职业资格证书 as the target-level certificate', () => {
    expectEligible(decideOne(app({ certificate: { type: 'vocational_qualification', number: 'Q' } })), 916667, 'enterprise', C);
  });

  it('refuses an apprenticeship that names no employer', () => {
    expectIneligible(decideOne(app({ enterpriseUscc: undefined })), C);
  });

  it('pays the enterprise even when the apprentice applied (the payee is fixed by the program)', () => {
    expectEligible(decideOne(app({ applicant: 'individual' })), 916667, 'enterprise', C);
  });

  it('pays 80% of the prorated amount, rounded again to the fen, when the education fund was not fully used in the completion year (916667 × 80% = 733334 fen)', () => {
    const d = decideOne(app(), {
      enterprises: [enterprise({ educationFundFullyUsed: { '2020': true, '2021': false } })],
    });
    expectEligible(d, 733334, 'enterprise', C);
  });

  it('refuses a second apprenticeship of the same occupation and level already on record (R4)', () => {
    const earlier = history('apprenticeship', 'paid', { startDate: '2020-01-15', endDate: '2021-01-31' });
    expectIneligible(decide({ claims: [earlier, app()] }), C);
  });

  it('is undecided when the target level is unknown', () => {
    expectUndecided(decideOne(app({ level: undefined })), C, ['claims[0].level']);
  });

  it('is undecided when the occupation is unknown (the R4 key)', () => {
    expectUndecided(decideOne(app({ occupationCode: undefined })), C, ['claims[0].occupationCode']);
  });
});
