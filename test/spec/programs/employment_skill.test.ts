// §4.6 就业技能培训 — SPEC programs row 4.6 and "Decisions by program" row §4.6 employment_skill.
import { describe, it } from 'vitest';
import { OCC, claim, decide, decideOne, expectEligible, expectIneligible, expectUndecided, history, person } from '../fixtures.ts';

const C = '§4.6';
const es = (o = {}) => claim('employment_skill', o);
const withGroups = (groups: string[], extra = {}) => ({ people: [person({ groups, ...extra })] });

describe('§4.6 employment-skill training (就业技能培训)', () => {
  it('pays the institution the uplifted standard (900 × 1.10 = 990 yuan) for a poor labourer, who trains for free', () => {
    expectEligible(decideOne(es()), 99000, 'institution', C);
  });

  it('pays the institution, not the trainee, for a free-group trainee who applied himself', () => {
    expectEligible(decideOne(es({ applicant: 'individual' }), withGroups(['veteran'])), 99000, 'institution', C);
  });

  it('pays a registered unemployed trainee who applied (a key group, but not a free group)', () => {
    expectEligible(decideOne(es({ applicant: 'individual' }), withGroups(['registered_unemployed'])), 99000, 'individual', C);
  });

  it('pays the institution that applied for a trainee of a non-free key group', () => {
    expectEligible(decideOne(es({ applicant: 'institution' }), withGroups(['employment_difficulty'])), 99000, 'institution', C);
  });

  it('pays 80% of the standard (79200 fen) for an in-school college student, to the applicant', () => {
    expectEligible(decideOne(es({ applicant: 'individual' }), withGroups(['in_school_student'])), 79200, 'individual', C);
  });

  it('applies the in-school 80% even when the student is also in a free group, and pays the institution', () => {
    expectEligible(
      decideOne(es({ applicant: 'individual' }), withGroups(['in_school_student', 'poor_family_child'])),
      79200,
      'institution',
      C,
    );
  });

  it('refuses a trainee in no key group', () => {
    expectIneligible(decideOne(es(), withGroups([])), C);
  });

  it('refuses an employed de-capacity worker (去产能职工 is not a key group; only laid-off ones are)', () => {
    expectIneligible(decideOne(es(), withGroups(['decapacity'])), C);
  });

  it('refuses a trainee whose only group is an urban subsistence-allowance family', () => {
    expectIneligible(decideOne(es(), withGroups(['urban_dibao_family'])), C);
  });

  it('refuses a claim an enterprise applied for (R12)', () => {
    expectIneligible(decideOne(es({ applicant: 'enterprise' })), C);
  });

  it('needs no employer', () => {
    expectEligible(decideOne(es({ enterpriseUscc: undefined })), 99000, 'institution', C);
  });

  it('accepts a 专项职业能力证书 for a 专项职业能力 catalog entry (600 yuan)', () => {
    const d = decideOne(es({ occupationCode: OCC.pastry, level: 'special', certificate: { type: 'special_ability', number: 'ZX' } }));
    expectEligible(d, 60000, 'institution', C);
  });

  it('refuses a 安全合格证书 as evidence', () => {
    expectIneligible(decideOne(es({ certificate: { type: 'safety', number: 'A' } })), C);
  });

  it('refuses a trainee with no certificate', () => {
    expectIneligible(decideOne(es({ certificate: undefined })), C);
  });

  it('refuses an occupation that has only a skill-upgrade catalog entry', () => {
    expectIneligible(decideOne(es({ occupationCode: OCC.welder, level: 4 })), C);
  });

  it('refuses a trainee who did not qualify', () => {
    expectIneligible(decideOne(es({ qualified: false })), C);
  });

  it('is undecided when it is unknown whether the trainee qualified', () => {
    expectUndecided(decideOne(es({ qualified: undefined })), C, ['claims[0].qualified']);
  });

  it('rounds the uplift half-up to the yuan before the in-school 80%: 1010 × 1.15 = 1161.5 → 1162 yuan → 92960 fen', () => {
    const d = decideOne(es({ occupationCode: OCC.carer, level: 5, applicant: 'individual' }), withGroups(['in_school_student']));
    expectEligible(d, 92960, 'individual', C);
  });

  it('refuses 电工 四级 employment training after 电工 四级 was subsidised under §4.2 (R4)', () => {
    const earlier = history('skill_upgrade', 'paid', { startDate: '2020-03-01', endDate: '2020-06-30' });
    const d = decide({
      claims: [earlier, es({ occupationCode: OCC.electrician, level: 4, startDate: '2021-03-01', endDate: '2021-04-30' })],
    });
    expectIneligible(d, C);
  });
});
