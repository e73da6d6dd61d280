// §4.2 技能等级提升培训 — SPEC "Decisions by program" row §4.2; catalog §4.0; R8 §5.2.
import { describe, it } from 'vitest';
import {
  OCC,
  catalogEntry,
  claim,
  decideOne,
  enterprise,
  expectEligible,
  expectIneligible,
  expectMissingFundYear,
  expectUndecided,
  person,
} from '../fixtures.ts';

const C = '§4.2';
const up = (o = {}) => claim('skill_upgrade', o);

describe('§4.2 skill-level upgrade (技能等级提升培训)', () => {
  it('pays an employee who applied the catalog standard of 电工 四级, 1500 yuan', () => {
    expectEligible(decideOne(up()), 150000, 'individual', C);
  });

  it('pays the uplifted standard of a vanadium-titanium occupation: 焊工 1600 × 1.12 = 1792 yuan', () => {
    expectEligible(decideOne(up({ applicant: 'enterprise', occupationCode: OCC.welder })), 179200, 'enterprise', C);
  });

  it('pays an enterprise 80% of 1792 yuan (143360 fen) when its education fund was not fully used in 2020', () => {
    const d = decideOne(up({ applicant: 'enterprise', occupationCode: OCC.welder }), {
      enterprises: [enterprise({ educationFundFullyUsed: { '2020': false } })],
    });
    expectEligible(d, 143360, 'enterprise', C);
  });

  it('pays an individual applicant in full whatever the employer did with its education fund (R8 is for enterprise payees)', () => {
    const d = decideOne(up({ occupationCode: OCC.welder }), {
      enterprises: [enterprise({ educationFundFullyUsed: { '2020': false } })],
    });
    expectEligible(d, 179200, 'individual', C);
  });

  it('pays a training institution that applied, in full', () => {
    const d = decideOne(up({ applicant: 'institution' }), {
      enterprises: [enterprise({ educationFundFullyUsed: {} })],
    });
    expectEligible(d, 150000, 'institution', C);
  });

  it('rounds the health-care uplift half-up to the whole yuan: 1230 × 1.05 = 1291.5 → 1292 yuan', () => {
    expectEligible(decideOne(up({ occupationCode: OCC.carer })), 129200, 'individual', C);
  });

  it('uses the catalog edition in force on the start date, not on the completion date', () => {
    const d = decideOne(up({ occupationCode: OCC.bricklayer, startDate: '2020-12-15', endDate: '2021-02-10' }));
    expectEligible(d, 100000, 'individual', C);
  });

  it('uses the 2021 edition for a training that starts in 2021', () => {
    const d = decideOne(up({ occupationCode: OCC.bricklayer, startDate: '2021-01-04', endDate: '2021-03-10' }));
    expectEligible(d, 110000, 'individual', C);
  });

  it('refuses an occupation the catalog does not list', () => {
    expectIneligible(decideOne(up({ occupationCode: OCC.unlisted })), C);
  });

  it('refuses an occupation and level that has only an employment-skill entry', () => {
    expectIneligible(decideOne(up({ occupationCode: OCC.housekeeper, level: 5 })), C);
  });

  it('refuses a level of a listed occupation that the catalog does not list (电工 二级)', () => {
    expectIneligible(decideOne(up({ level: 2 })), C);
  });

  it('refuses a 培训合格证书: the upgrade needs a qualification or skill-level certificate', () => {
    expectIneligible(decideOne(up({ certificate: { type: 'training', number: 'X' } })), C);
  });

  it('accepts a 职业资格证书', () => {
    expectEligible(decideOne(up({ certificate: { type: 'vocational_qualification', number: 'Q' } })), 150000, 'individual', C);
  });

  it('refuses a trainee who holds no certificate', () => {
    expectIneligible(decideOne(up({ certificate: undefined })), C);
  });

  it('refuses a trainee who did not qualify', () => {
    expectIneligible(decideOne(up({ qualified: false })), C);
  });

  it('is undecided when it is unknown whether the trainee qualified', () => {
    expectUndecided(decideOne(up({ qualified: undefined })), C, ['claims[0].qualified']);
  });

  it('is undecided when the level is unknown (the catalog lookup and R4 need it)', () => {
    expectUndecided(decideOne(up({ level: undefined })), C, ['claims[0].level']);
  });

  it('refuses a claim that names no employer (R11)', () => {
    expectIneligible(decideOne(up({ enterpriseUscc: undefined })), C);
  });

  it('is undecided for an enterprise payee when the education fund of the completion year is unknown', () => {
    const d = decideOne(up({ applicant: 'enterprise', startDate: '2020-11-02', endDate: '2021-01-29' }), {
      enterprises: [enterprise({ educationFundFullyUsed: { '2020': true } })],
    });
    expectUndecided(d, C, []);
    expectMissingFundYear(d, 0, '2021');
  });

  it('refuses a trainee entitled to a monthly pension (R5)', () => {
    expectIneligible(decideOne(up(), { people: [person({ pensionEntitled: true })] }), C);
  });

  it('refuses a training that starts before the only catalog edition of its occupation takes effect', () => {
    const catalog = [catalogEntry({ code: '6-07-06-05', name: '起重工', level: 4, baseStandardYuan: 1300, effectiveFrom: '2021-01-01' })];
    expectIneligible(decideOne(up({ occupationCode: '6-07-06-05' }), { catalog }), C);
  });
});
