// SPEC "Validity (§end)": a training is governed by the plan in force on its start date
// [2020-01-14, 2021-12-31]; outside it `not_applicable`, "no policy in force on <date>".
import { describe, expect, it } from 'vitest';
import {
  CLAUSE,
  OCC,
  claim,
  decide,
  decideOne,
  enterprise,
  expectEligible,
  expectNotApplicable,
  person,
  type Program,
} from '../fixtures.ts';

const st = (o = {}) => claim('short_term', o);

describe('Validity window of the plan', () => {
  it('is not_applicable for a training that started on 2020-01-13 (the 成文日期, not the issue date), and says so with the date', () => {
    const d = decideOne(st({ startDate: '2020-01-13', endDate: '2020-01-20' }));
    expectNotApplicable(d, '§4.3');
    const text = d.reasons.join(' ');
    expect(text.includes('2020-01-13') || text.includes('2020年1月13日'), text).toBe(true);
  });

  it('pays a training that started on 2020-01-14, the day the plan was issued', () => {
    expectEligible(decideOne(st({ startDate: '2020-01-14', endDate: '2020-01-20' })), 50000, 'enterprise', '§4.3');
  });

  it('pays a training that started on 2021-12-31, the last day of the plan', () => {
    const d = decideOne(st({ startDate: '2021-12-31', endDate: '2022-01-06' }), {
      enterprises: [enterprise({ educationFundFullyUsed: { '2021': true, '2022': true } })],
    });
    expectEligible(d, 50000, 'enterprise', '§4.3');
  });

  it('is not_applicable for a training that started on 2022-01-01', () => {
    expectNotApplicable(decideOne(st({ startDate: '2022-01-01', endDate: '2022-01-06' })), '§4.3');
  });

  it('pays a training that started inside the window and was completed after it', () => {
    const d = decideOne(claim('skill_upgrade', { startDate: '2021-11-01', endDate: '2022-02-28' }));
    expectEligible(d, 150000, 'individual', '§4.2');
  });

  it('is not_applicable for a training that started before the window and ended inside it', () => {
    expectNotApplicable(decideOne(claim('skill_upgrade', { startDate: '2019-11-01', endDate: '2020-03-31' })), '§4.2');
  });

  it('is not_applicable rather than undecided when facts are also missing', () => {
    const d = decideOne(st({ startDate: '2019-06-03', endDate: '2019-06-07', attendedHours: undefined, qualified: undefined }));
    expectNotApplicable(d, '§4.3');
  });

  it('is not_applicable rather than ineligible for a pensioner outside the window', () => {
    const d = decideOne(st({ startDate: '2019-06-03', endDate: '2019-06-07' }), { people: [person({ pensionEntitled: true })] });
    expectNotApplicable(d, '§4.3');
  });

  it('uses the catalog edition in force on the start date (2020 edition for a start on 2020-12-31)', () => {
    const d = decideOne(claim('skill_upgrade', { occupationCode: OCC.bricklayer, startDate: '2020-12-31', endDate: '2021-01-31' }));
    expectEligible(d, 100000, 'individual', '§4.2');
  });

  const outside: [Program, Record<string, unknown>][] = [
    ['apprenticeship', { startDate: '2020-01-01', endDate: '2021-06-30' }],
    ['skill_upgrade', { startDate: '2020-01-02', endDate: '2020-03-31' }],
    ['short_term', { startDate: '2022-02-01', endDate: '2022-02-05' }],
    ['pre_job', { startDate: '2022-02-01', endDate: '2022-02-05' }],
    ['transfer', { startDate: '2019-12-30', endDate: '2020-02-28' }],
    ['employment_skill', { startDate: '2019-12-30', endDate: '2020-02-28' }],
    ['entrepreneurship', { startDate: '2022-03-01', endDate: '2022-03-10' }],
    ['work_for_training', { startDate: '2022-01-01', endDate: '2022-03-31', insuredMonths: 3 }],
    ['project_based', { startDate: '2022-03-01', endDate: '2022-04-30' }],
    ['safety', { startDate: '2020-01-10', endDate: '2020-01-20' }],
    ['appraisal', { startDate: '2020-01-13', endDate: '2020-01-13' }],
  ];
  it.each(outside)('is not_applicable, with zero and no payee, for a %s claim that starts outside the plan', (program, dates) => {
    expectNotApplicable(decideOne(claim(program, dates)), CLAUSE[program]);
  });

  it('does not let a not_applicable claim use up the annual cap (R3 counts only eligible or recorded claims)', () => {
    const older = [0, 1, 2].map((i) => st({ startDate: `2019-12-0${i + 2}`, endDate: '2020-01-20' }));
    const last = st({ startDate: '2020-03-02', endDate: '2020-03-06' });
    const d = decide({ claims: [...older, last] }, last);
    expectEligible(d, 50000, 'enterprise', '§4.3');
  });

  it('keeps §4.8 in force for a first insured month of January 2020, although the plan was issued on 2020-01-14', () => {
    expectEligible(
      decideOne(claim('work_for_training', { startDate: '2020-01-01', endDate: '2020-03-31', insuredMonths: 3 })),
      60000,
      'enterprise',
      '§4.8',
    );
  });

  it('keeps §4.8 in force for a first insured month of December 2021', () => {
    const d = decideOne(claim('work_for_training', { startDate: '2021-12-01', endDate: '2021-12-31', insuredMonths: 1 }));
    expectEligible(d, 20000, 'enterprise', '§4.8');
  });
});
