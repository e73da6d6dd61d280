// §4.10 高危行业安全技能培训 — SPEC programs row 4.10 and "Decisions by program" row §4.10.
import { describe, it } from 'vitest';
import { claim, decide, decideOne, enterprise, expectEligible, expectIneligible, expectUndecided, history, person } from '../fixtures.ts';

const C = '§4.10';
const sf = (o = {}) => claim('safety', o);

describe('§4.10 safety training (高危行业安全技能培训)', () => {
  it('pays an enterprise 1000 yuan for a worker with a 特种作业操作证书', () => {
    expectEligible(decideOne(sf()), 100000, 'enterprise', C);
  });

  it('pays 1000 yuan for a worker with a 安全合格证书', () => {
    expectEligible(decideOne(sf({ certificate: { type: 'safety', number: 'A' } })), 100000, 'enterprise', C);
  });

  it('refuses a worker with a skill-level certificate instead', () => {
    expectIneligible(decideOne(sf({ certificate: { type: 'skill_level', number: 'S' } })), C);
  });

  it('refuses a worker with a 培训合格证书 instead', () => {
    expectIneligible(decideOne(sf({ certificate: { type: 'training', number: 'PX' } })), C);
  });

  it('refuses a worker with no certificate', () => {
    expectIneligible(decideOne(sf({ certificate: undefined })), C);
  });

  it('refuses a claim that names no employer (R11)', () => {
    expectIneligible(decideOne(sf({ enterpriseUscc: undefined })), C);
  });

  it('pays the enterprise even when the worker applied', () => {
    expectEligible(decideOne(sf({ applicant: 'individual' })), 100000, 'enterprise', C);
  });

  it('pays 800 yuan when the education fund was not fully used', () => {
    expectEligible(decideOne(sf(), { enterprises: [enterprise({ educationFundFullyUsed: { '2020': false } })] }), 80000, 'enterprise', C);
  });

  it('refuses the same operation category a second time for the same person (R4 key: category)', () => {
    const earlier = history('safety', 'paid', { startDate: '2020-02-03', endDate: '2020-02-10' });
    expectIneligible(decide({ claims: [earlier, sf()] }), C);
  });

  it('pays another operation category for the same person', () => {
    const earlier = history('safety', 'paid', { startDate: '2020-02-03', endDate: '2020-02-10', occupationCode: '焊接与热切割作业' });
    expectEligible(decide({ claims: [earlier, sf()] }), 100000, 'enterprise', C);
  });

  it('is undecided when the operation category is unknown', () => {
    expectUndecided(decideOne(sf({ occupationCode: undefined })), C, ['claims[0].occupationCode']);
  });

  it('refuses a worker entitled to a monthly pension (R5)', () => {
    expectIneligible(decideOne(sf(), { people: [person({ pensionEntitled: true })] }), C);
  });

  it('does not need the trainee to be in any key group', () => {
    expectEligible(decideOne(sf(), { people: [person({ groups: [] })] }), 100000, 'enterprise', C);
  });

  // The §4.10 row of "Decisions by program" has no other condition ("—"): the certificate is the evidence.
  it('does not need `qualified`: the safety certificate is the evidence', () => {
    expectEligible(decideOne(sf({ qualified: undefined })), 100000, 'enterprise', C);
  });
});
