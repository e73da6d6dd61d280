// SPEC R11: §4.1, §4.2, §4.3, §4.4, §4.5, §4.8 and §4.10 train an enterprise's employees: a claim that
// names no employer is ineligible; naming an enterprise the input does not describe is an input error.
import { describe, it } from 'vitest';
import {
  CLAUSE,
  EMPLOYER,
  claim,
  decideOne,
  expectEligible,
  expectIneligible,
  expectInputErrorAt,
  file,
  uscc,
  type Program,
} from '../fixtures.ts';

const employerPrograms: Program[] = ['apprenticeship', 'skill_upgrade', 'short_term', 'pre_job', 'transfer', 'work_for_training', 'safety'];

describe('R11 employer', () => {
  it.each(employerPrograms)('refuses a %s claim that names no employer', (program) => {
    expectIneligible(decideOne(claim(program, { enterpriseUscc: undefined })), CLAUSE[program]);
  });

  it.each(employerPrograms)('treats a %s claim naming an enterprise the file does not describe as an input error', (program) => {
    expectInputErrorAt(file({ claims: [claim(program, { enterpriseUscc: uscc(77) })] }), 'claims[0].enterpriseUscc');
  });

  it('pays §4.6 employment-skill training without an employer', () => {
    expectEligible(decideOne(claim('employment_skill', { enterpriseUscc: undefined })), 99000, 'institution', '§4.6');
  });

  it('pays §4.7 entrepreneurship training without an employer', () => {
    expectEligible(decideOne(claim('entrepreneurship', { enterpriseUscc: undefined })), 100000, 'individual', '§4.7');
  });

  it('pays §4.9 project training without an employer', () => {
    expectEligible(decideOne(claim('project_based', { enterpriseUscc: undefined })), 180000, 'institution', '§4.9');
  });

  it('pays an appraisal without an employer', () => {
    expectEligible(decideOne(claim('appraisal', { enterpriseUscc: undefined })), 20000, 'individual', '§4.0');
  });

  it('pays §4.6 employment-skill training that also names an employer the file describes', () => {
    expectEligible(decideOne(claim('employment_skill', { enterpriseUscc: EMPLOYER })), 99000, 'institution', '§4.6');
  });
});
