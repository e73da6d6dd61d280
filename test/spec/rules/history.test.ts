// Contract: a claim with `status` is history: not evaluated, counted for R3, R4, R6, §4.4, allowance
// days, §4.8 and §4.9 unless rejected or withdrawn, wherever it stands in the file. An evaluated claim
// decided eligible counts as pending for the claims after it. Output: one decision per evaluated claim,
// in file order (allowances are decided after the other claims but reported in place).
import { describe, expect, it } from 'vitest';
import { claim, decide, evaluate, evaluateFile, expectEligible, expectIneligible, file, history, type SpecDecision } from '../fixtures.ts';

describe('History claims and the order of a batch', () => {
  it('returns one decision per evaluated claim, in file order, and none for history claims', () => {
    const t = claim('employment_skill');
    const a = claim('living_allowance', { trainingRef: t.ref });
    const claims = [history('short_term', 'paid'), a, claim('safety'), history('pre_job', 'approved'), t];
    expect(evaluate({ claims }).map((d) => d.ref)).toEqual([a.ref, claims[2]!.ref, t.ref]);
  });

  it('returns no decisions for a file of history only', () => {
    expect(evaluate({ claims: [history('short_term', 'paid'), history('safety', 'rejected')] })).toEqual([]);
  });

  it.each(['pending', 'approved', 'paid'])('counts a %s claim on record for R4', (status) => {
    const c = claim('skill_upgrade', { startDate: '2021-03-01', endDate: '2021-04-30' });
    expectIneligible(decide({ claims: [history('skill_upgrade', status), c] }, c), '§4.2');
  });

  it.each(['rejected', 'withdrawn'])('does not count a %s claim on record for R4', (status) => {
    const c = claim('skill_upgrade', { startDate: '2021-03-01', endDate: '2021-04-30' });
    expectEligible(decide({ claims: [history('skill_upgrade', status), c] }, c), 150000, 'individual', '§4.2');
  });

  it('counts a claim on record placed after the evaluated claim (R4)', () => {
    const c = claim('skill_upgrade', { startDate: '2021-03-01', endDate: '2021-04-30' });
    expectIneligible(decide({ claims: [c, history('skill_upgrade', 'paid')] }, c), '§4.2');
  });

  it('counts a claim on record placed after the evaluated claim (§4.4 vs §4.8, same person and employer)', () => {
    const c = claim('pre_job');
    expectIneligible(decide({ claims: [c, history('work_for_training', 'approved')] }, c), '§4.4');
  });

  it('does not count an evaluated claim for the claims before it', () => {
    const a = claim('skill_upgrade');
    const b = claim('skill_upgrade', { startDate: '2020-09-01', endDate: '2020-10-30' });
    expectEligible(decide({ claims: [a, b] }, a), 150000, 'individual', '§4.2');
  });

  it('counts an eligible evaluated claim for the claims after it (§4.8 blocks a later §4.4 of the same hire)', () => {
    const w = claim('work_for_training');
    const p = claim('pre_job');
    expectEligible(decide({ claims: [w, p] }, w), 100000, 'enterprise', '§4.8');
    expectIneligible(decide({ claims: [w, p] }, p), '§4.4');
  });

  it('does not count an undecided evaluated claim against a later one (R4)', () => {
    const a = claim('skill_upgrade', { qualified: undefined });
    const b = claim('skill_upgrade', { startDate: '2020-09-01', endDate: '2020-10-30' });
    expect(decide({ claims: [a, b] }, a).outcome).toBe('undecided');
    expectEligible(decide({ claims: [a, b] }, b), 150000, 'individual', '§4.2');
  });

  it('decides the same with `explain` on', () => {
    const claims = [claim('short_term'), claim('skill_upgrade', { qualified: undefined }), claim('safety', { certificate: undefined })];
    const plain = evaluateFile(file({ claims })) as unknown as SpecDecision[];
    const explained = evaluateFile(file({ claims }), { explain: true }) as unknown as SpecDecision[];
    expect(explained.map((d) => [d.ref, d.outcome, d.amountFen, d.payee])).toEqual(
      plain.map((d) => [d.ref, d.outcome, d.amountFen, d.payee]),
    );
  });

  it('does not evaluate a history claim even when it would be invalid as a decision (no certificate, no hours)', () => {
    const h = history('short_term', 'paid', { attendedHours: undefined, certificate: undefined });
    const c = claim('safety');
    const ds = evaluate({ claims: [h, c] });
    expect(ds.map((d) => d.ref)).toEqual([c.ref]);
  });
});
