// SPEC R3: at most 3 training subsidies per person per calendar year of completion (结业), counting
// §4.1–§4.10 claims not rejected/withdrawn, whoever applied; §4.6 living allowance and §4.0 appraisal
// do not count.
import { describe, it } from 'vitest';
import { OCC, PERSON_B, claim, decide, expectEligible, expectIneligible, history, person, type Json } from '../fixtures.ts';

const st = (month: number, o: Json = {}) =>
  claim('short_term', {
    startDate: `2020-${String(month).padStart(2, '0')}-01`,
    endDate: `2020-${String(month).padStart(2, '0')}-05`,
    ...o,
  });

describe('R3 annual cap of three training subsidies', () => {
  it('pays three trainings completed in 2020 and refuses the fourth', () => {
    const claims = [st(3), st(4), st(5), st(6)];
    expectEligible(decide({ claims }, claims[2]), 50000, 'enterprise', '§4.3');
    expectIneligible(decide({ claims }, claims[3]), '§4.3');
  });

  it('counts across programs and applicants (§4.2 applied by the person, §4.7, §4.10)', () => {
    const claims = [claim('skill_upgrade', { applicant: 'individual' }), claim('entrepreneurship'), claim('safety'), st(9)];
    expectIneligible(decide({ claims }), '§4.3');
  });

  it('counts claims on record that stand later in the file', () => {
    const c = st(10);
    const claims = [c, history('short_term', 'approved'), history('safety', 'paid'), history('pre_job', 'pending')];
    expectIneligible(decide({ claims }, c), '§4.3');
  });

  it('does not count rejected or withdrawn claims on record', () => {
    const c = st(10);
    const claims = [history('short_term', 'approved'), history('safety', 'rejected'), history('pre_job', 'withdrawn'), st(7), c];
    expectEligible(decide({ claims }, c), 50000, 'enterprise', '§4.3');
  });

  it('counts by the year of completion: a training that started in 2020 and ended in 2021 counts in 2021', () => {
    const c = claim('skill_upgrade', { startDate: '2020-11-02', endDate: '2021-01-15' });
    const claims = [st(3), st(4), st(5), c];
    expectEligible(decide({ claims }, c), 150000, 'individual', '§4.2');
  });

  it('refuses a fourth training completed in 2021 when three ended in 2021, one of them started in 2020', () => {
    const claims = [
      claim('skill_upgrade', { startDate: '2020-11-02', endDate: '2021-01-15' }),
      st(3, { startDate: '2021-03-01', endDate: '2021-03-05' }),
      st(4, { startDate: '2021-04-01', endDate: '2021-04-05' }),
      st(5, { startDate: '2021-05-01', endDate: '2021-05-05' }),
    ];
    expectIneligible(decide({ claims }), '§4.3');
  });

  it('does not count living allowances or appraisal subsidies', () => {
    const t = claim('employment_skill', { startDate: '2020-03-02', endDate: '2020-03-31' });
    const allowance = claim('living_allowance', { trainingRef: t.ref, startDate: '2020-03-02', endDate: '2020-03-31', attendedDays: 20 });
    const appraisal = claim('appraisal', { startDate: '2020-04-10', endDate: '2020-04-10' });
    const c = st(9);
    const claims = [t, allowance, appraisal, st(5), c];
    expectEligible(decide({ claims }, c), 50000, 'enterprise', '§4.3');
    expectEligible(decide({ claims }, allowance), 100000, 'individual', '§4.6');
    expectEligible(decide({ claims }, appraisal), 20000, 'individual', '§4.0');
  });

  it('pays living allowances and appraisals of a person who already has three training subsidies that year', () => {
    const t = history('employment_skill', 'paid', { startDate: '2020-03-02', endDate: '2020-03-31' });
    const allowance = claim('living_allowance', { trainingRef: t.ref, startDate: '2020-03-02', endDate: '2020-03-31', attendedDays: 20 });
    const appraisal = claim('appraisal', { startDate: '2020-10-10', endDate: '2020-10-10' });
    const claims = [t, history('short_term', 'paid'), history('safety', 'paid'), allowance, appraisal];
    expectEligible(decide({ claims }, allowance), 100000, 'individual', '§4.6');
    expectEligible(decide({ claims }, appraisal), 20000, 'individual', '§4.0');
  });

  it('does not let an ineligible claim use up the cap (a 27-hour short training)', () => {
    const claims = [st(3), st(4, { attendedHours: 27 }), st(5), st(6)];
    expectEligible(decide({ claims }, claims[3]), 50000, 'enterprise', '§4.3');
  });

  it('counts each person separately', () => {
    const people = [person(), person({ id: PERSON_B, name: '李强' })];
    const claims = [st(3), st(4), st(5), st(6, { personId: PERSON_B })];
    expectEligible(decide({ people, claims }), 50000, 'enterprise', '§4.3');
  });

  it('counts each calendar year separately: three in 2020 do not block one in 2021', () => {
    const c = st(3, { startDate: '2021-03-01', endDate: '2021-03-05' });
    expectEligible(decide({ claims: [st(3), st(4), st(5), c] }), 50000, 'enterprise', '§4.3');
  });

  it('counts an apprenticeship once, in its completion year', () => {
    const app = claim('apprenticeship', { startDate: '2020-02-03', endDate: '2021-03-31' });
    const a21 = (m: number) => st(m, { startDate: `2021-0${m}-01`, endDate: `2021-0${m}-05` });
    const claims = [app, st(4), st(5), st(6), a21(5), a21(6), a21(7)];
    expectEligible(decide({ claims }, claims[3]), 50000, 'enterprise', '§4.3'); // 2020: three short trainings
    expectIneligible(decide({ claims }, claims[6]), '§4.3'); // 2021: apprenticeship + two before it
  });

  it('refuses a fourth §4.6 training for the same reason, whatever its occupation', () => {
    const c = claim('employment_skill', { occupationCode: OCC.cook, level: 5, startDate: '2020-10-08', endDate: '2020-10-30' });
    expectIneligible(decide({ claims: [st(3), st(4), st(5), c] }), '§4.6');
  });

  it('does not count living allowances or appraisals on record', () => {
    const t = history('employment_skill', 'paid', { startDate: '2020-03-02', endDate: '2020-03-31' });
    const claims = [
      t,
      history('living_allowance', 'paid', { trainingRef: t.ref, startDate: '2020-03-02', endDate: '2020-03-31' }),
      history('appraisal', 'paid', { startDate: '2020-04-10', endDate: '2020-04-10' }),
      st(5),
      st(9),
    ];
    expectEligible(decide({ claims }), 50000, 'enterprise', '§4.3');
  });

  it('refuses (not undecided) a fourth training whose own result is unknown', () => {
    const claims = [st(3), st(4), st(5), st(6, { qualified: undefined })];
    expectIneligible(decide({ claims }), '§4.3');
  });
});
