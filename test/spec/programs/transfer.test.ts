// §4.5 困难企业职工转岗转业培训 — SPEC programs row 4.5 and "Decisions by program" row §4.5.
import { describe, it } from 'vitest';
import { OCC, claim, decideOne, enterprise, expectEligible, expectIneligible, expectUndecided } from '../fixtures.ts';

const C = '§4.5';
const tr = (o = {}) => claim('transfer', o);

describe('§4.5 transfer training of employees of enterprises in difficulty (转岗转业培训)', () => {
  it('pays an enterprise in recognised difficulty the employment-skill standard: 家政服务员 900 × 1.10 = 990 yuan', () => {
    expectEligible(decideOne(tr()), 99000, 'enterprise', C);
  });

  it('refuses an enterprise with no difficulty recognition', () => {
    expectIneligible(decideOne(tr(), { enterprises: [enterprise({ difficulty: undefined })] }), C);
  });

  it('refuses when the recognition starts after the training start date', () => {
    expectIneligible(decideOne(tr(), { enterprises: [enterprise({ difficulty: { from: '2020-04-02', to: '2021-12-31' } })] }), C);
  });

  it('pays when the recognition starts on the training start date', () => {
    expectEligible(
      decideOne(tr(), { enterprises: [enterprise({ difficulty: { from: '2020-04-01', to: '2020-12-31' } })] }),
      99000,
      'enterprise',
      C,
    );
  });

  it('refuses when the recognition ended the day before the training start date', () => {
    expectIneligible(decideOne(tr(), { enterprises: [enterprise({ difficulty: { from: '2019-01-01', to: '2020-03-31' } })] }), C);
  });

  it('pays when the recognition covers the start date but ends before the completion date', () => {
    expectEligible(
      decideOne(tr(), { enterprises: [enterprise({ difficulty: { from: '2019-01-01', to: '2020-04-01' } })] }),
      99000,
      'enterprise',
      C,
    );
  });

  it('treats a recognition without an end date as open-ended', () => {
    expectEligible(decideOne(tr(), { enterprises: [enterprise({ difficulty: { from: '2019-06-01' } })] }), 99000, 'enterprise', C);
  });

  it('refuses an occupation that has only a skill-upgrade catalog entry (焊工)', () => {
    expectIneligible(decideOne(tr({ occupationCode: OCC.welder, level: 4 })), C);
  });

  it('is undecided when the occupation is unknown', () => {
    expectUndecided(decideOne(tr({ occupationCode: undefined })), C, ['claims[0].occupationCode']);
  });

  it('pays 80% of 990 yuan (79200 fen) when the education fund was not fully used', () => {
    const d = decideOne(tr(), { enterprises: [enterprise({ educationFundFullyUsed: { '2020': false } })] });
    expectEligible(d, 79200, 'enterprise', C);
  });

  it('refuses a trainee with no certificate', () => {
    expectIneligible(decideOne(tr({ certificate: undefined })), C);
  });

  it('refuses a 创业培训合格证书 as evidence', () => {
    expectIneligible(decideOne(tr({ certificate: { type: 'entrepreneurship', number: 'CY' } })), C);
  });

  it('refuses a trainee who did not qualify', () => {
    expectIneligible(decideOne(tr({ qualified: false })), C);
  });

  it('refuses a claim that names no employer (R11)', () => {
    expectIneligible(decideOne(tr({ enterpriseUscc: undefined })), C);
  });
});
