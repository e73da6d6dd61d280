// SPEC R12: §4.6 (training and living allowance) and §4.7 are claimed by the trainee or the training
// institution, never by an enterprise. R2: the payee is fixed by the program.
import { describe, it } from 'vitest';
import { claim, decide, decideOne, expectEligible, expectIneligible, person } from '../fixtures.ts';

describe('R12 applicant of trainee-side programs', () => {
  it('refuses §4.6 employment-skill training an enterprise applied for', () => {
    expectIneligible(decideOne(claim('employment_skill', { applicant: 'enterprise' })), '§4.6');
  });

  it('refuses a living allowance an enterprise applied for', () => {
    const t = claim('employment_skill');
    const a = claim('living_allowance', { trainingRef: t.ref, applicant: 'enterprise' });
    expectIneligible(decide({ claims: [t, a] }, a), '§4.6');
  });

  it('refuses §4.7 entrepreneurship training an enterprise applied for', () => {
    expectIneligible(decideOne(claim('entrepreneurship', { applicant: 'enterprise' })), '§4.7');
  });

  it('pays §4.6 training claimed by a trainee outside the free groups to the trainee', () => {
    const d = decideOne(claim('employment_skill', { applicant: 'individual' }), {
      people: [person({ groups: ['zero_employment_family'] })],
    });
    expectEligible(d, 99000, 'individual', '§4.6');
  });

  it('pays §4.7 to the institution that applied', () => {
    expectEligible(decideOne(claim('entrepreneurship', { applicant: 'institution' })), 100000, 'institution', '§4.7');
  });

  it('pays §4.2 to the enterprise when the enterprise applied', () => {
    expectEligible(decideOne(claim('skill_upgrade', { applicant: 'enterprise' })), 150000, 'enterprise', '§4.2');
  });

  it('pays §4.10 to the enterprise when an institution applied', () => {
    expectEligible(decideOne(claim('safety', { applicant: 'institution' })), 100000, 'enterprise', '§4.10');
  });

  it('pays §4.4 to the enterprise when the trainee applied', () => {
    expectEligible(decideOne(claim('pre_job', { applicant: 'individual' })), 150000, 'enterprise', '§4.4');
  });

  it('pays an appraisal to the trainee when an enterprise applied (R2: any applicant; payee the person)', () => {
    expectEligible(decideOne(claim('appraisal', { applicant: 'enterprise' })), 20000, 'individual', '§4.0');
  });
});
