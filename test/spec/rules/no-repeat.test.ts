// SPEC R4: same person, same occupation, same level subsidised once ever, across years and programs;
// §4.7 keyed by type, §4.10 by operation category; §4.3/§4.4/§4.8 have no occupation key; §4.9 keyed
// only when the project names both occupation and level; an unknown key → undecided.
import { describe, it } from 'vitest';
import { OCC, PERSON_B, claim, decide, expectEligible, expectIneligible, expectUndecided, history, person } from '../fixtures.ts';

const earlierUpgrade = (status = 'paid', o = {}) =>
  history('skill_upgrade', status, { startDate: '2020-03-02', endDate: '2020-06-30', ...o });

describe('R4 no repeat of the same occupation and level', () => {
  it('refuses 电工 四级 under §4.6 in 2021 after 电工 四级 under §4.2 in 2020', () => {
    const c = claim('employment_skill', { occupationCode: OCC.electrician, level: 4, startDate: '2021-03-01', endDate: '2021-04-30' });
    expectIneligible(decide({ claims: [earlierUpgrade(), c] }), '§4.6');
  });

  it('refuses the same occupation and level under the same program in a later year', () => {
    const c = claim('skill_upgrade', { startDate: '2021-03-01', endDate: '2021-04-30' });
    expectIneligible(decide({ claims: [earlierUpgrade(), c] }), '§4.2');
  });

  it('pays the same occupation at another level (电工 三级 after 四级)', () => {
    const c = claim('skill_upgrade', { level: 3, startDate: '2021-03-01', endDate: '2021-04-30' });
    expectEligible(decide({ claims: [earlierUpgrade(), c] }), 200000, 'individual', '§4.2');
  });

  it('pays another person the same occupation and level', () => {
    const people = [person(), person({ id: PERSON_B, name: '李强' })];
    const c = claim('skill_upgrade', { personId: PERSON_B });
    expectEligible(decide({ people, claims: [earlierUpgrade(), c] }), 150000, 'individual', '§4.2');
  });

  it('ignores a rejected earlier claim', () => {
    expectEligible(decide({ claims: [earlierUpgrade('rejected'), claim('skill_upgrade')] }), 150000, 'individual', '§4.2');
  });

  it('ignores a withdrawn earlier claim', () => {
    expectEligible(decide({ claims: [earlierUpgrade('withdrawn'), claim('skill_upgrade')] }), 150000, 'individual', '§4.2');
  });

  it('counts a pending claim on record that stands later in the file', () => {
    const c = claim('skill_upgrade', { startDate: '2021-03-01', endDate: '2021-04-30' });
    expectIneligible(decide({ claims: [c, earlierUpgrade('pending')] }, c), '§4.2');
  });

  it('pays the first and refuses the second of two evaluated claims with the same key in one file', () => {
    const a = claim('skill_upgrade');
    const b = claim('skill_upgrade', { startDate: '2020-09-01', endDate: '2020-10-31' });
    expectEligible(decide({ claims: [a, b] }, a), 150000, 'individual', '§4.2');
    expectIneligible(decide({ claims: [a, b] }, b), '§4.2');
  });

  it('lets a later claim pass when the earlier evaluated one with the same key was ineligible', () => {
    const a = claim('skill_upgrade', { qualified: false });
    const b = claim('skill_upgrade', { startDate: '2020-09-01', endDate: '2020-10-31' });
    expectEligible(decide({ claims: [a, b] }, b), 150000, 'individual', '§4.2');
  });

  it('counts an apprenticeship for its occupation and level: 电工 四级 apprenticeship blocks a §4.2 电工 四级', () => {
    const app = history('apprenticeship', 'approved', { startDate: '2020-01-20', endDate: '2021-01-31' });
    const c = claim('skill_upgrade', { startDate: '2021-03-01', endDate: '2021-04-30' });
    expectIneligible(decide({ claims: [app, c] }), '§4.2');
  });

  it('blocks a §4.5 transfer training of 电工 四级 after §4.6 电工 四级', () => {
    const es = history('employment_skill', 'paid', {
      occupationCode: OCC.electrician,
      level: 4,
      startDate: '2020-03-02',
      endDate: '2020-04-30',
    });
    const c = claim('transfer', { occupationCode: OCC.electrician, level: 4, startDate: '2021-03-01', endDate: '2021-04-30' });
    expectIneligible(decide({ claims: [es, c] }), '§4.5');
  });

  it('is undecided, never unkeyed, when the level of a keyed program is unknown', () => {
    expectUndecided(decide({ claims: [claim('employment_skill', { level: undefined })] }), '§4.6', ['claims[0].level']);
  });

  it('keys §4.7 by the entrepreneurship type: SYB twice is refused', () => {
    const c = claim('entrepreneurship', { startDate: '2021-05-06', endDate: '2021-05-15' });
    expectIneligible(decide({ claims: [history('entrepreneurship', 'paid'), c] }), '§4.7');
  });

  it('keys §4.10 by the operation category: the same category twice is refused', () => {
    const c = claim('safety', { startDate: '2021-05-06', endDate: '2021-05-15' });
    expectIneligible(decide({ claims: [history('safety', 'paid'), c] }), '§4.10');
  });

  it('has no occupation key for §4.3: a short training naming 电工 四级 is paid after §4.2 电工 四级', () => {
    const c = claim('short_term', { occupationCode: OCC.electrician, level: 4, startDate: '2020-09-01', endDate: '2020-09-05' });
    expectEligible(decide({ claims: [earlierUpgrade(), c] }), 50000, 'enterprise', '§4.3');
  });

  it('keys §4.9 by occupation and level when the project names both', () => {
    const c = claim('project_based', { occupationCode: OCC.electrician, level: 4 });
    expectIneligible(decide({ claims: [earlierUpgrade(), c] }), '§4.9');
  });

  it('leaves the §4.9 key unknown when the project names only the occupation: undecided', () => {
    const c = claim('project_based', { occupationCode: OCC.electrician });
    expectUndecided(decide({ claims: [earlierUpgrade(), c] }), '§4.9', ['claims[1].level']);
  });

  it('blocks a later §4.2 电工 四级 after an eligible §4.9 project that named 电工 四级', () => {
    const p = claim('project_based', { occupationCode: OCC.electrician, level: 4, startDate: '2020-03-02', endDate: '2020-04-30' });
    const c = claim('skill_upgrade', { startDate: '2020-06-01', endDate: '2020-07-31' });
    expectEligible(decide({ claims: [p, c] }, p), 180000, 'institution', '§4.9');
    expectIneligible(decide({ claims: [p, c] }, c), '§4.2');
  });
});
