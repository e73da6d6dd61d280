// SPEC R8 (§5.2): an enterprise that did not fully use its education fund gets 80% of every standard
// it is paid as an enterprise payee; the year read is the completion year; unknown → undecided.
import { describe, expect, it } from 'vitest';
import {
  OTHER_EMPLOYER,
  claim,
  decide,
  decideOne,
  enterprise,
  expectEligible,
  expectIneligible,
  expectMissingFundYear,
  expectUndecided,
} from '../fixtures.ts';

const fund = (f: Record<string, boolean>) => ({ enterprises: [enterprise({ educationFundFullyUsed: f })] });
const spanning = (o = {}) => claim('short_term', { startDate: '2020-12-28', endDate: '2021-01-05', ...o });

describe('R8 80% when the employee-education fund was not fully used', () => {
  it('pays 100% when the fund was fully used in the completion year', () => {
    expectEligible(decideOne(claim('short_term'), fund({ '2020': true })), 50000, 'enterprise', '§4.3');
  });

  it('pays 80% when the fund was not fully used in the completion year', () => {
    expectEligible(decideOne(claim('short_term'), fund({ '2020': false })), 40000, 'enterprise', '§4.3');
  });

  it('reads the completion year, not the start year (not used in 2020, used in 2021, completed 2021 → 100%)', () => {
    expectEligible(decideOne(spanning(), fund({ '2020': false, '2021': true })), 50000, 'enterprise', '§4.3');
  });

  it('reads the completion year (used in 2020, not used in 2021, completed 2021 → 80%)', () => {
    expectEligible(decideOne(spanning(), fund({ '2020': true, '2021': false })), 40000, 'enterprise', '§4.3');
  });

  it('is undecided, naming the fund of the completion year, when that year is not recorded', () => {
    const d = decideOne(spanning(), fund({ '2020': true }));
    expectUndecided(d, '§4.3', []);
    expectMissingFundYear(d, 0, '2021');
  });

  it('is undecided when the enterprise has no fund record at all', () => {
    const d = decideOne(claim('safety'), { enterprises: [enterprise({ educationFundFullyUsed: undefined })] });
    expectUndecided(d, '§4.10', []);
    expectMissingFundYear(d, 0, '2020');
  });

  it('does not need the fund when the payee is not the enterprise (§4.2 applied by the person)', () => {
    expectEligible(decideOne(claim('skill_upgrade', { applicant: 'individual' }), fund({})), 150000, 'individual', '§4.2');
  });

  it('does not reduce an institution payee of §4.2', () => {
    expectEligible(decideOne(claim('skill_upgrade', { applicant: 'institution' }), fund({ '2020': false })), 150000, 'institution', '§4.2');
  });

  it('reduces §4.3 paid to the enterprise even when the employee applied', () => {
    expectEligible(decideOne(claim('short_term', { applicant: 'individual' }), fund({ '2020': false })), 40000, 'enterprise', '§4.3');
  });

  it('reduces §4.8 work-for-training (5 months: 800 yuan)', () => {
    expectEligible(decideOne(claim('work_for_training'), fund({ '2020': false })), 80000, 'enterprise', '§4.8');
  });

  it('reduces §4.10 safety training to 800 yuan', () => {
    expectEligible(decideOne(claim('safety'), fund({ '2020': false })), 80000, 'enterprise', '§4.10');
  });

  it('reads the fund of the employer named on the claim (the second enterprise: 80%)', () => {
    const enterprises = [
      enterprise({ educationFundFullyUsed: { '2020': true } }),
      enterprise({ uscc: OTHER_EMPLOYER, name: '另一家企业', educationFundFullyUsed: { '2020': false } }),
    ];
    const d = decide({ enterprises, claims: [claim('pre_job', { contractMonths: 12, enterpriseUscc: OTHER_EMPLOYER })] });
    expectEligible(d, 80000, 'enterprise', '§4.4');
  });

  it("names enterprises[1] when the second enterprise's fund is unknown", () => {
    const enterprises = [enterprise(), enterprise({ uscc: OTHER_EMPLOYER, name: '另一家企业', educationFundFullyUsed: {} })];
    const d = decide({ enterprises, claims: [claim('pre_job', { enterpriseUscc: OTHER_EMPLOYER })] });
    expectUndecided(d, '§4.4', []);
    expectMissingFundYear(d, 1, '2020');
  });

  it('refuses (not undecided) when the fund is unknown but a known fact fails', () => {
    expectIneligible(decideOne(claim('short_term', { attendedHours: 20 }), fund({})), '§4.3');
  });

  it('cites §5.2 among the clauses of a decision reduced to 80%', () => {
    const d = decideOne(claim('short_term'), fund({ '2020': false }));
    expect(d.citations).toContain('§5.2');
  });
});
