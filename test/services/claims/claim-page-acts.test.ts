// What a claim's page offers (allowedClaimActs): the same rules the use cases enforce, so the web shows
// only acts that would succeed. The office of the claim's area (or the city) moves it along its
// lifecycle; only the city records the R3 exception (§4.0 "原则上"); the applicant may withdraw until
// publicity.
import { describe, expect, it } from 'vitest';
import { allowedClaimActs } from '../../../src/services/claims/claim-states.ts';
import type { ClaimStatus } from '../../../src/store/schema.ts';
import { actor } from '../../support/actors.ts';

const city = actor({ role: 'city', areaCode: '510400' });
const dongqu = actor({ role: 'county', areaCode: '510402' });
const xiqu = actor({ role: 'county', areaCode: '510403' });
const ann = actor({ role: 'trainee', residentId: '510402199001011234' });
const bob = actor({ role: 'trainee', residentId: '510402199202021238' });

const claim = (status: ClaimStatus, more: { outcome?: string; r3?: string; failed?: string[] } = {}) => ({
  status,
  outcome: more.outcome ?? null,
  area_code: '510402',
  applicant: 'individual',
  resident_id: ann.residentId!,
  enterprise_uscc: null,
  provider_id: null,
  r3_exception_reason: more.r3 ?? null,
  trace: { steps: [{ rule: 'R1', result: 'pass' }, ...(more.failed ?? []).map((rule) => ({ rule, result: 'fail' }))] },
});

describe('The acts a claim page offers', () => {
  it('a submitted claim: the area office decides, rejects or withdraws it; another county nothing; the trainee withdraws', () => {
    expect(allowedClaimActs(dongqu, claim('submitted'))).toEqual(['decide', 'reject', 'withdraw']);
    expect(allowedClaimActs(xiqu, claim('submitted'))).toEqual([]);
    expect(allowedClaimActs(ann, claim('submitted'))).toEqual(['withdraw']);
    expect(allowedClaimActs(bob, claim('submitted'))).toEqual([]);
  });

  it('decided eligible: review; decided undecided: decide again once the fact is recorded, never review', () => {
    expect(allowedClaimActs(dongqu, claim('decided', { outcome: 'eligible' }))).toEqual(['review', 'reject', 'withdraw']);
    expect(allowedClaimActs(dongqu, claim('decided', { outcome: 'undecided' }))).toEqual(['decide', 'reject', 'withdraw']);
  });

  it('failed on R3 alone: only the city may record the exception, then the claim may be reviewed', () => {
    const r3Only = claim('decided', { outcome: 'ineligible', failed: ['R3'] });
    expect(allowedClaimActs(city, r3Only)).toEqual(['r3_exception', 'reject', 'withdraw']);
    expect(allowedClaimActs(dongqu, r3Only)).toEqual(['reject', 'withdraw']);
    expect(allowedClaimActs(city, claim('decided', { outcome: 'ineligible', failed: ['R3', 'R5'] }))).toEqual(['reject', 'withdraw']);
    expect(allowedClaimActs(city, claim('decided', { outcome: 'ineligible', failed: ['R3'], r3: '特殊情况' }))).toEqual([
      'review',
      'reject',
      'withdraw',
    ]);
  });

  it('in publicity the office approves or rejects (an upheld objection); nobody withdraws; approved and paid claims offer nothing', () => {
    expect(allowedClaimActs(dongqu, claim('publicity', { outcome: 'eligible' }))).toEqual(['approve', 'reject']);
    expect(allowedClaimActs(ann, claim('publicity', { outcome: 'eligible' }))).toEqual([]);
    for (const s of ['approved', 'paid', 'rejected', 'withdrawn'] as const)
      expect(allowedClaimActs(city, claim(s, { outcome: 'eligible' }))).toEqual([]);
  });
});
