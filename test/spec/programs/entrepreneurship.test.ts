// §4.7 创业培训 — SPEC programs row 4.7 and "Decisions by program" row §4.7; R4 key = type.
import { describe, it } from 'vitest';
import { claim, decide, decideOne, expectEligible, expectIneligible, expectUndecided, history, person } from '../fixtures.ts';

const C = '§4.7';
const en = (o = {}) => claim('entrepreneurship', o);

describe('§4.7 entrepreneurship training (创业培训)', () => {
  it('pays a poor labourer who applied the amount of the SYB type, 1000 yuan', () => {
    expectEligible(decideOne(en()), 100000, 'individual', C);
  });

  it('pays the training institution that applied', () => {
    expectEligible(decideOne(en({ applicant: 'institution' })), 100000, 'institution', C);
  });

  it('pays the smallest listed type amount (GYB, 200 yuan)', () => {
    expectEligible(decideOne(en({ entrepreneurshipType: 'GYB' })), 20000, 'individual', C);
  });

  it('pays the largest listed type amount (IYB, 1500 yuan)', () => {
    expectEligible(decideOne(en({ entrepreneurshipType: 'IYB' })), 150000, 'individual', C);
  });

  it('refuses a claim an enterprise applied for (R12)', () => {
    expectIneligible(decideOne(en({ applicant: 'enterprise' })), C);
  });

  it('refuses a trainee in no key group', () => {
    expectIneligible(decideOne(en(), { people: [person({ groups: [] })] }), C);
  });

  it('pays a college graduate (a key group)', () => {
    expectEligible(decideOne(en(), { people: [person({ groups: ['college_graduate'] })] }), 100000, 'individual', C);
  });

  it('refuses a training type the list does not contain', () => {
    expectIneligible(decideOne(en({ entrepreneurshipType: 'NOPE' })), C);
  });

  it('is undecided when the training type is unknown', () => {
    expectUndecided(decideOne(en({ entrepreneurshipType: undefined })), C, ['claims[0].entrepreneurshipType']);
  });

  it('refuses a 培训合格证书: it needs the 创业培训合格证书', () => {
    expectIneligible(decideOne(en({ certificate: { type: 'training', number: 'PX' } })), C);
  });

  it('refuses a trainee with no certificate', () => {
    expectIneligible(decideOne(en({ certificate: undefined })), C);
  });

  it('refuses the same type for the same person a second time (R4 key: the type)', () => {
    expectIneligible(
      decide({ claims: [history('entrepreneurship', 'paid', { startDate: '2020-02-03', endDate: '2020-02-10' }), en()] }),
      C,
    );
  });

  it('pays another type for a person who already had SYB', () => {
    const d = decide({
      claims: [
        history('entrepreneurship', 'paid', { startDate: '2020-02-03', endDate: '2020-02-10' }),
        en({ entrepreneurshipType: 'IYB' }),
      ],
    });
    expectEligible(d, 150000, 'individual', C);
  });

  it('needs no employer', () => {
    expectEligible(decideOne(en({ enterpriseUscc: undefined })), 100000, 'individual', C);
  });

  // The §4.7 row of "Decisions by program" asks for the certificate, the applicant, the key group and
  // the type, not for `qualified` (unlike §4.2–§4.6), so an unknown `qualified` does not hold it up.
  it('does not need `qualified`: the 创业培训合格证书 is the evidence', () => {
    expectEligible(decideOne(en({ qualified: undefined })), 100000, 'individual', C);
  });

  it('is undecided, naming people[0].pensionEntitled, when pension entitlement is unknown', () => {
    expectUndecided(decideOne(en(), { people: [person({ pensionEntitled: undefined })] }), C, ['people[0].pensionEntitled']);
  });
});
