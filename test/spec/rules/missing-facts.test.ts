// SPEC R10 and the contract's "What an absent field means": an absent (or null) fact is unknown and
// makes the claim `undecided`, listed in `missing` by its path; it is never read as false or zero.
// Any known failure wins over unknowns (→ ineligible).
import { describe, expect, it } from 'vitest';
import {
  CLAUSE,
  claim,
  decide,
  decideOne,
  enterprise,
  expectIneligible,
  expectUndecided,
  person,
  type Json,
  type Program,
} from '../fixtures.ts';

const cases: [string, Program, Json][] = [
  ['qualified', 'skill_upgrade', { qualified: undefined }],
  ['newHire', 'pre_job', { newHire: undefined }],
  ['contractMonths', 'apprenticeship', { contractMonths: undefined }],
  ['planApproved', 'apprenticeship', { planApproved: undefined }],
  ['insuredMonths', 'work_for_training', { insuredMonths: undefined }],
  ['attendedHours', 'short_term', { attendedHours: undefined }],
  ['entrepreneurshipType', 'entrepreneurship', { entrepreneurshipType: undefined }],
  ['occupationCode', 'skill_upgrade', { occupationCode: undefined }],
  ['level', 'transfer', { level: undefined }],
  ['projectId', 'project_based', { projectId: undefined }],
  ['contractPerTraineeYuan', 'project_based', { contractPerTraineeYuan: undefined }],
  ['contractTotalYuan', 'project_based', { contractTotalYuan: undefined }],
];

describe('R10 missing facts make a claim undecided', () => {
  it.each(cases)('is undecided when claim fact %s of a %s claim is absent, naming claims[2].<field>', (field, program, o) => {
    const claims = [claim('short_term'), claim('safety'), claim(program, o)];
    expectUndecided(decide({ claims }), CLAUSE[program], [`claims[2].${field}`]);
  });

  it('treats a field whose value is null as absent', () => {
    const d = decideOne(claim('apprenticeship', { planApproved: null }));
    expectUndecided(d, '§4.1', ['claims[0].planApproved']);
  });

  it('lists every unknown fact, of the person and of the claim', () => {
    const d = decideOne(claim('apprenticeship', { planApproved: undefined, qualified: undefined }), {
      people: [person({ pensionEntitled: undefined })],
    });
    expectUndecided(d, '§4.1', ['people[0].pensionEntitled', 'claims[0].planApproved', 'claims[0].qualified']);
  });

  it("names enterprise facts by the enterprise's index (enterprises[0].insured)", () => {
    expectUndecided(decideOne(claim('work_for_training'), { enterprises: [enterprise({ insured: null })] }), '§4.8', [
      'enterprises[0].insured',
    ]);
  });

  it('is ineligible, not undecided, when a known fact fails beside an unknown one', () => {
    const d = decideOne(claim('apprenticeship', { planApproved: undefined, contractMonths: 6 }));
    expectIneligible(d, '§4.1');
  });

  it('does not read an absent number of hours as zero: undecided, not ineligible', () => {
    const d = decideOne(claim('short_term', { attendedHours: undefined }));
    expect(d.outcome).toBe('undecided');
  });

  it('does not read an absent `qualified` as false for §4.2', () => {
    expect(decideOne(claim('skill_upgrade', { qualified: undefined })).outcome).toBe('undecided');
  });

  it('returns an empty `missing` list for decided claims', () => {
    expect(decideOne(claim('short_term')).missing).toEqual([]);
  });

  it('does not ask for facts a program does not need (§4.3 needs no contract term, §4.8 no certificate)', () => {
    expect(decideOne(claim('short_term', { contractMonths: undefined, newHire: undefined })).outcome).toBe('eligible');
    expect(decideOne(claim('work_for_training', { qualified: undefined, certificate: undefined })).outcome).toBe('eligible');
  });

  it("does not need `rural` for a poor labourer's living allowance", () => {
    const t = claim('employment_skill');
    const a = claim('living_allowance', { trainingRef: t.ref });
    expect(decide({ people: [person({ rural: undefined })], claims: [t, a] }, a).outcome).toBe('eligible');
  });

  it('does not need `earlierAppraisal` for a training subsidy', () => {
    expect(decideOne(claim('skill_upgrade'), { people: [person({ earlierAppraisal: undefined })] }).outcome).toBe('eligible');
  });
});
