// §4.6 生活费补贴 — SPEC programs row 4.6 (living allowance) and "Decisions by program" row
// §4.6 living_allowance; contract: allowances follow the decision of their training.
import { describe, it } from 'vitest';
import {
  OCC,
  claim,
  decide,
  expectEligible,
  expectIneligible,
  expectNotApplicable,
  expectUndecided,
  history,
  person,
  type Json,
} from '../fixtures.ts';

const C = '§4.6';
/** An employment-skill training 2020-04-01..2020-04-30 (30 days) and an allowance on it. */
function pair(training: Json = {}, allowance: Json = {}) {
  const t = claim('employment_skill', training);
  const a = claim('living_allowance', { trainingRef: t.ref, ...allowance });
  return { t, a };
}
const people = (o: Json) => [person(o)];

describe('§4.6 living allowance (生活费补贴)', () => {
  it('pays a poor labourer 50 yuan per attended day: 20 days → 1000 yuan, to the trainee', () => {
    const { t, a } = pair();
    expectEligible(decide({ claims: [t, a] }, a), 100000, 'individual', C);
  });

  it('pays a member of a zero-employment family', () => {
    const { t, a } = pair();
    expectEligible(decide({ people: people({ groups: ['zero_employment_family'] }), claims: [t, a] }, a), 100000, 'individual', C);
  });

  it('pays a 两后生 from a rural household', () => {
    const { t, a } = pair();
    expectEligible(
      decide({ people: people({ groups: ['non_continuing_graduate'], rural: true }), claims: [t, a] }, a),
      100000,
      'individual',
      C,
    );
  });

  it('pays an urban 两后生 from a subsistence-allowance family', () => {
    const { t, a } = pair();
    expectEligible(
      decide({ people: people({ groups: ['non_continuing_graduate', 'urban_dibao_family'], rural: false }), claims: [t, a] }, a),
      100000,
      'individual',
      C,
    );
  });

  it('refuses an urban 两后生 who is not from a subsistence-allowance family', () => {
    const { t, a } = pair();
    expectIneligible(decide({ people: people({ groups: ['non_continuing_graduate'], rural: false }), claims: [t, a] }, a), C);
  });

  it('is undecided for a 两后生 whose household type is unknown, naming people[0].rural', () => {
    const { t, a } = pair();
    expectUndecided(decide({ people: people({ groups: ['non_continuing_graduate'], rural: undefined }), claims: [t, a] }, a), C, [
      'people[0].rural',
    ]);
  });

  it('refuses a registered unemployed trainee (not an allowance group)', () => {
    const { t, a } = pair();
    expectIneligible(decide({ people: people({ groups: ['registered_unemployed'] }), claims: [t, a] }, a), C);
  });

  it('refuses an allowance an enterprise applied for (R12)', () => {
    const { t, a } = pair({}, { applicant: 'enterprise' });
    expectIneligible(decide({ claims: [t, a] }, a), C);
  });

  it('pays the trainee even when the institution applied', () => {
    const { t, a } = pair({}, { applicant: 'institution' });
    expectEligible(decide({ claims: [t, a] }, a), 100000, 'individual', C);
  });

  it('is undecided when the allowance names no training, naming claims[0].trainingRef', () => {
    const a = claim('living_allowance', { trainingRef: undefined });
    expectUndecided(decide({ claims: [a] }, a), C, ['claims[0].trainingRef']);
  });

  it('is paid whatever the training result: the training failed (not qualified)', () => {
    const { t, a } = pair({ qualified: false });
    expectEligible(decide({ claims: [t, a] }, a), 100000, 'individual', C);
  });

  it('is paid when the training has no certificate yet', () => {
    const { t, a } = pair({ certificate: undefined });
    expectEligible(decide({ claims: [t, a] }, a), 100000, 'individual', C);
  });

  // AMBIGUOUS: the training is undecided only because `qualified` is unknown; it "fails no rule but
  // its result", and the allowance is "paid whatever the training's result", so it is paid.
  it('is paid when only the training result is unknown', () => {
    const { t, a } = pair({ qualified: undefined });
    expectEligible(decide({ claims: [t, a] }, a), 100000, 'individual', C);
  });

  it('refuses an allowance whose training fails a rule other than its result (occupation not in the catalog)', () => {
    const { t, a } = pair({ occupationCode: OCC.unlisted });
    expectIneligible(decide({ claims: [t, a] }, a), C);
  });

  it('follows a training that stands later in the file', () => {
    const { t, a } = pair();
    expectEligible(decide({ claims: [a, t] }, a), 100000, 'individual', C);
  });

  it('is paid on a training on record (approved)', () => {
    const t = history('employment_skill', 'approved');
    const a = claim('living_allowance', { trainingRef: t.ref });
    expectEligible(decide({ claims: [t, a] }, a), 100000, 'individual', C);
  });

  it('refuses an allowance on a rejected training', () => {
    const t = history('employment_skill', 'rejected');
    const a = claim('living_allowance', { trainingRef: t.ref });
    expectIneligible(decide({ claims: [t, a] }, a), C);
  });

  it('refuses an allowance on a withdrawn training', () => {
    const t = history('employment_skill', 'withdrawn');
    const a = claim('living_allowance', { trainingRef: t.ref });
    expectIneligible(decide({ claims: [t, a] }, a), C);
  });

  it('refuses an allowance whose dates reach beyond the training', () => {
    const { t, a } = pair({}, { endDate: '2020-05-02' });
    expectIneligible(decide({ claims: [t, a] }, a), C);
  });

  it('pays every day of a 30-day training (2020-04-01 to 2020-04-30 inclusive): 1500 yuan', () => {
    const { t, a } = pair({}, { attendedDays: 30 });
    expectEligible(decide({ claims: [t, a] }, a), 150000, 'individual', C);
  });

  it('refuses 31 attended days on a training that ran 30 days', () => {
    const { t, a } = pair({}, { attendedDays: 31 });
    expectIneligible(decide({ claims: [t, a] }, a), C);
  });

  it('refuses zero attended days', () => {
    const { t, a } = pair({}, { attendedDays: 0 });
    expectIneligible(decide({ claims: [t, a] }, a), C);
  });

  it('is undecided when the attended days are unknown', () => {
    const { t, a } = pair({}, { attendedDays: undefined });
    expectUndecided(decide({ claims: [t, a] }, a), C, ['claims[1].attendedDays']);
  });

  it('pays two allowances on one training whose days add up to the 30 it ran (20 + 10)', () => {
    const { t, a } = pair({}, { endDate: '2020-04-20', attendedDays: 20 });
    const b = claim('living_allowance', { trainingRef: t.ref, startDate: '2020-04-21', endDate: '2020-04-30', attendedDays: 10 });
    expectEligible(decide({ claims: [t, a, b] }, b), 50000, 'individual', C);
  });

  it('refuses the second allowance when the days of both exceed the training (20 + 11 > 30)', () => {
    const { t, a } = pair({}, { endDate: '2020-04-20', attendedDays: 20 });
    const b = claim('living_allowance', { trainingRef: t.ref, startDate: '2020-04-20', endDate: '2020-04-30', attendedDays: 11 });
    expectEligible(decide({ claims: [t, a, b] }, a), 100000, 'individual', C);
    expectIneligible(decide({ claims: [t, a, b] }, b), C);
  });

  it('counts an allowance on record against the training days (25 on record + 6 > 30)', () => {
    const t = claim('employment_skill');
    const old = history('living_allowance', 'paid', { trainingRef: t.ref, attendedDays: 25 });
    const a = claim('living_allowance', { trainingRef: t.ref, attendedDays: 6 });
    expectIneligible(decide({ claims: [t, a, old] }, a), C);
  });

  it('does not count a rejected allowance on record against the training days', () => {
    const t = claim('employment_skill');
    const old = history('living_allowance', 'rejected', { trainingRef: t.ref, attendedDays: 25 });
    const a = claim('living_allowance', { trainingRef: t.ref, attendedDays: 30 });
    expectEligible(decide({ claims: [t, old, a] }, a), 150000, 'individual', C);
  });

  it('is governed by its training start date: a training started 2021-12-20 carries an allowance for January 2022', () => {
    const { t, a } = pair(
      { startDate: '2021-12-20', endDate: '2022-01-10' },
      { startDate: '2022-01-01', endDate: '2022-01-10', attendedDays: 10 },
    );
    expectEligible(decide({ claims: [t, a] }, a), 50000, 'individual', C);
  });

  it('is not_applicable when its training started before the plan (2020-01-10)', () => {
    const { t, a } = pair(
      { startDate: '2020-01-10', endDate: '2020-02-20' },
      { startDate: '2020-01-15', endDate: '2020-02-20', attendedDays: 20 },
    );
    expectNotApplicable(decide({ claims: [t, a] }, a), C);
  });

  it('refuses a trainee entitled to a monthly pension (R5)', () => {
    const { t, a } = pair();
    expectIneligible(decide({ people: people({ pensionEntitled: true }), claims: [t, a] }, a), C);
  });

  it('refuses an allowance whose training in the batch is refused by the annual cap (a rule other than its result)', () => {
    const st = (m: string) => claim('short_term', { startDate: `2020-${m}-01`, endDate: `2020-${m}-05` });
    const { t, a } = pair();
    expectIneligible(decide({ claims: [st('02'), st('03'), st('03'), t, a] }, a), C);
  });

  it('refuses an allowance whose training in the batch repeats an occupation and level already subsidised (R4)', () => {
    const earlier = history('employment_skill', 'paid', { startDate: '2020-02-03', endDate: '2020-02-28' });
    const { t, a } = pair();
    expectIneligible(decide({ claims: [earlier, t, a] }, a), C);
  });

  it('does not count the days of an earlier allowance that was refused (dates outside the training)', () => {
    const { t, a } = pair({}, { startDate: '2020-03-25', endDate: '2020-04-10', attendedDays: 25 });
    const b = claim('living_allowance', { trainingRef: t.ref, attendedDays: 30 });
    expectIneligible(decide({ claims: [t, a, b] }, a), C);
    expectEligible(decide({ claims: [t, a, b] }, b), 150000, 'individual', C);
  });

  it('refuses an allowance that starts before its training', () => {
    const { t, a } = pair({}, { startDate: '2020-03-31' });
    expectIneligible(decide({ claims: [t, a] }, a), C);
  });

  it('counts an allowance on record that stands later in the file (25 + 6 > 30)', () => {
    const t = claim('employment_skill');
    const a = claim('living_allowance', { trainingRef: t.ref, attendedDays: 6 });
    const old = history('living_allowance', 'approved', { trainingRef: t.ref, attendedDays: 25 });
    expectIneligible(decide({ claims: [t, a, old] }, a), C);
  });

  it('is undecided, naming people[0].pensionEntitled, when pension entitlement is unknown', () => {
    const { t, a } = pair();
    expectUndecided(decide({ people: people({ pensionEntitled: undefined }), claims: [t, a] }, a), C, ['people[0].pensionEntitled']);
  });

  // AMBIGUOUS: the training is undecided for an unknown fact other than its result (its occupation),
  // so whether it "fails no rule but its result" is itself unknown: the allowance is undecided (R10)
  // and names the training's unknown field.
  it('is undecided when its training in the batch is undecided for a fact other than its result', () => {
    const { t, a } = pair({ occupationCode: undefined });
    expectUndecided(decide({ claims: [t, a] }, a), C, ['claims[0].occupationCode']);
  });

  it('refuses an allowance whose training in the batch was claimed by an enterprise (R12 fails the training)', () => {
    const { t, a } = pair({ applicant: 'enterprise' });
    expectIneligible(decide({ claims: [t, a] }, a), C);
  });
});
