// How claims on record count for the next decision (SPEC: only eligible decisions count for later claims).
import { describe, expect, it } from 'vitest';
import { historyStatusOf } from '../../../src/services/claims/engine-input-from-store.ts';

describe('A claim on record counts for later decisions', () => {
  it('as pending while in review with an eligible decision', () => {
    expect(historyStatusOf({ status: 'reviewed', outcome: 'eligible', r3_exception_reason: null })).toBe('pending');
  });
  it('as rejected while in review with a decision that is not eligible, so it takes no place in the annual cap', () => {
    expect(historyStatusOf({ status: 'decided', outcome: 'ineligible', r3_exception_reason: null })).toBe('rejected');
    expect(historyStatusOf({ status: 'decided', outcome: 'undecided', r3_exception_reason: null })).toBe('rejected');
  });
  it('as pending when the city granted an annual-cap exception', () => {
    expect(historyStatusOf({ status: 'publicity', outcome: 'ineligible', r3_exception_reason: '市人社局同意（原则上）' })).toBe('pending');
  });
  it('as what its status says once approved, paid, rejected or withdrawn', () => {
    expect(historyStatusOf({ status: 'approved', outcome: 'eligible', r3_exception_reason: null })).toBe('approved');
    expect(historyStatusOf({ status: 'paid', outcome: 'eligible', r3_exception_reason: null })).toBe('paid');
    expect(historyStatusOf({ status: 'withdrawn', outcome: 'eligible', r3_exception_reason: null })).toBe('withdrawn');
  });
  it('as pending while only submitted (not decided yet)', () => {
    expect(historyStatusOf({ status: 'submitted', outcome: null, r3_exception_reason: null })).toBe('pending');
  });
});
