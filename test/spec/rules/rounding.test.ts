// SPEC R7: integer fen, exact decimals; catalog uplift half-up to the whole yuan; other percentages
// and prorations half-up to the fen, in turn, rounding each time. Whole months of §4.1 periods.
import { describe, it } from 'vitest';
import { OCC, catalogEntry, claim, decideOne, defaultCatalog, enterprise, expectEligible, expectIneligible, person } from '../fixtures.ts';

const app = (o = {}) => claim('apprenticeship', o);
const fundUnused = { enterprises: [enterprise({ educationFundFullyUsed: { '2020': false, '2021': false } })] };

describe('R7 rounding and whole months', () => {
  it('rounds 1230 × 1.05 = 1291.5 yuan half-up to 1292 yuan', () => {
    expectEligible(decideOne(claim('skill_upgrade', { occupationCode: OCC.carer })), 129200, 'individual', '§4.2');
  });

  it('rounds 1010 × 1.15 = 1161.5 yuan half-up to 1162 yuan (binary floating point would give 1161.4999…)', () => {
    expectEligible(decideOne(claim('employment_skill', { occupationCode: OCC.carer, level: 5 })), 116200, 'institution', '§4.6');
  });

  it('rounds 1111 × 1.15 = 1277.65 yuan to 1278 yuan', () => {
    const catalog = [
      ...defaultCatalog(),
      catalogEntry({ code: '2-02-38-01', level: 4, baseStandardYuan: 1111, industry: 'modern_service', upliftRate: 0.15 }),
    ];
    expectEligible(decideOne(claim('skill_upgrade', { occupationCode: '2-02-38-01' }), { catalog }), 127800, 'individual', '§4.2');
  });

  it('rounds 1290 × 1.15 = 1483.5 yuan half-up to 1484 yuan', () => {
    const catalog = [
      ...defaultCatalog(),
      catalogEntry({ code: '2-02-38-02', level: 4, baseStandardYuan: 1290, industry: 'vanadium_titanium', upliftRate: 0.15 }),
    ];
    expectEligible(decideOne(claim('skill_upgrade', { occupationCode: '2-02-38-02' }), { catalog }), 148400, 'individual', '§4.2');
  });

  it('applies 80% to the rounded uplift: 1792 yuan × 80% = 143360 fen', () => {
    const d = decideOne(claim('skill_upgrade', { applicant: 'enterprise', occupationCode: OCC.welder }), fundUnused);
    expectEligible(d, 143360, 'enterprise', '§4.2');
  });

  it('applies 80% after rounding the uplift to the yuan: 1292 yuan × 80% = 103360 fen', () => {
    const d = decideOne(claim('skill_upgrade', { applicant: 'enterprise', occupationCode: OCC.carer }), fundUnused);
    expectEligible(d, 103360, 'enterprise', '§4.2');
  });

  it('counts 2020-03-01 → 2021-12-31 as 22 whole months: 中级 500000 × 22 / 12 = 916666.67 → 916667 fen', () => {
    expectEligible(decideOne(app({ startDate: '2020-03-01', endDate: '2021-12-31', level: 4 })), 916667, 'enterprise', '§4.1');
  });

  it('counts 2020-03-02 → 2021-03-01 as 12 whole months', () => {
    expectEligible(decideOne(app({ startDate: '2020-03-02', endDate: '2021-03-01', level: 4 })), 500000, 'enterprise', '§4.1');
  });

  it('rounds the prorated amount to the fen first, then the 80%: 916667 × 80% = 733333.6 → 733334 fen', () => {
    expectEligible(decideOne(app(), fundUnused), 733334, 'enterprise', '§4.1');
  });

  it('rounds 初级 13 months to 433333 fen and its 80% to 346666 fen', () => {
    const c = app({ level: 5, startDate: '2020-03-01', endDate: '2021-03-31' });
    expectEligible(decideOne(c), 433333, 'enterprise', '§4.1');
    expectEligible(decideOne(c, fundUnused), 346666, 'enterprise', '§4.1');
  });

  it("clamps to the month's last day: 2020-01-31 → 2021-02-28 is 13 whole months (2020-01-31 + 13 months = 2021-02-28)", () => {
    expectEligible(decideOne(app({ level: 5, startDate: '2020-01-31', endDate: '2021-02-27' })), 433333, 'enterprise', '§4.1');
  });

  it('counts 2020-01-31 → 2021-01-30 as 12 whole months', () => {
    expectEligible(decideOne(app({ level: 5, startDate: '2020-01-31', endDate: '2021-01-30' })), 400000, 'enterprise', '§4.1');
  });

  it('counts 2020-01-31 → 2021-01-29 as 11 whole months (ineligible)', () => {
    expectIneligible(decideOne(app({ level: 5, startDate: '2020-01-31', endDate: '2021-01-29' })), '§4.1');
  });

  it('counts a period across 29 February: 2020-02-29 → 2021-02-27 is 12 whole months', () => {
    expectEligible(decideOne(app({ level: 5, startDate: '2020-02-29', endDate: '2021-02-27' })), 400000, 'enterprise', '§4.1');
  });

  it('applies the in-school 80% to the rounded uplift: 990 yuan → 79200 fen', () => {
    const d = decideOne(claim('employment_skill', { applicant: 'individual' }), { people: [person({ groups: ['in_school_student'] })] });
    expectEligible(d, 79200, 'individual', '§4.6');
  });
});
