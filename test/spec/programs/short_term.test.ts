// §4.3 短期岗位技能培训 — SPEC programs row 4.3 and "Decisions by program" row §4.3.
import { describe, it } from 'vitest';
import {
  claim,
  decide,
  decideOne,
  enterprise,
  expectEligible,
  expectIneligible,
  expectNotApplicable,
  expectUndecided,
} from '../fixtures.ts';

const C = '§4.3';
const st = (o = {}) => claim('short_term', o);

describe('§4.3 short job-skill training (短期岗位技能培训)', () => {
  it('pays an enterprise 500 yuan for an employee who attended 28 hours of short-term training', () => {
    expectEligible(decideOne(st({ attendedHours: 28 })), 50000, 'enterprise', C);
  });

  it('refuses an employee who attended 27 hours', () => {
    expectIneligible(decideOne(st({ attendedHours: 27 })), C);
  });

  it('is undecided when the attended hours are unknown', () => {
    expectUndecided(decideOne(st({ attendedHours: undefined })), C, ['claims[0].attendedHours']);
  });

  it('pays the enterprise even when the employee applied (payee fixed by the program)', () => {
    expectEligible(decideOne(st({ applicant: 'individual' })), 50000, 'enterprise', C);
  });

  it('pays 400 yuan when the enterprise did not fully use its education fund in the completion year', () => {
    const d = decideOne(st(), { enterprises: [enterprise({ educationFundFullyUsed: { '2020': false } })] });
    expectEligible(d, 40000, 'enterprise', C);
  });

  it('accepts any certificate but the entrepreneurship one, e.g. a 安全合格证书 (R13)', () => {
    expectEligible(decideOne(st({ certificate: { type: 'safety', number: 'A' } })), 50000, 'enterprise', C);
  });

  it('refuses a 创业培训合格证书 as evidence (R13)', () => {
    expectIneligible(decideOne(st({ certificate: { type: 'entrepreneurship', number: 'CY' } })), C);
  });

  it('refuses an employee with no certificate (R13)', () => {
    expectIneligible(decideOne(st({ certificate: undefined })), C);
  });

  it('refuses an employee who did not qualify', () => {
    expectIneligible(decideOne(st({ qualified: false })), C);
  });

  it('refuses a claim that names no employer (R11)', () => {
    expectIneligible(decideOne(st({ enterpriseUscc: undefined })), C);
  });

  it('has no occupation key: two short trainings of the same person in one year are both paid', () => {
    const a = st({ occupationCode: '6-31-01-03', level: 4 });
    const b = st({ occupationCode: '6-31-01-03', level: 4, startDate: '2020-09-01', endDate: '2020-09-05' });
    expectEligible(decide({ claims: [a, b] }), 50000, 'enterprise', C);
  });

  it('is not_applicable for a training that started on 2019-12-02, before the plan was issued', () => {
    expectNotApplicable(decideOne(st({ startDate: '2019-12-02', endDate: '2019-12-06' })), C);
  });
});
