// SPEC R1/R13 and the "certificate" column of "Decisions by program": which certificate types each
// program accepts. Not §4.8 nor the living allowance, which need none.
import { describe, it } from 'vitest';
import { CLAUSE, OCC, claim, decide, decideOne, expectEligible, expectIneligible, type Json, type Program } from '../fixtures.ts';

const TYPES = [
  'vocational_qualification',
  'skill_level',
  'special_ability',
  'safety',
  'special_operation',
  'training',
  'entrepreneurship',
] as const;
const ALL_BUT_ENTREPRENEURSHIP = TYPES.filter((t) => t !== 'entrepreneurship');

const accepted: Record<Exclude<Program, 'work_for_training' | 'living_allowance'>, readonly string[]> = {
  apprenticeship: ['vocational_qualification', 'skill_level'],
  skill_upgrade: ['vocational_qualification', 'skill_level'],
  short_term: ALL_BUT_ENTREPRENEURSHIP,
  pre_job: ALL_BUT_ENTREPRENEURSHIP,
  transfer: ALL_BUT_ENTREPRENEURSHIP,
  employment_skill: ['vocational_qualification', 'skill_level', 'special_ability', 'training'],
  entrepreneurship: ['entrepreneurship'],
  project_based: ALL_BUT_ENTREPRENEURSHIP,
  safety: ['safety', 'special_operation'],
  appraisal: ['vocational_qualification', 'skill_level'],
};

/** Amount and payee each default claim is paid when eligible. */
const paid: Record<keyof typeof accepted, [number, 'individual' | 'enterprise' | 'institution']> = {
  apprenticeship: [916667, 'enterprise'],
  skill_upgrade: [150000, 'individual'],
  short_term: [50000, 'enterprise'],
  pre_job: [150000, 'enterprise'],
  transfer: [99000, 'enterprise'],
  employment_skill: [99000, 'institution'],
  entrepreneurship: [100000, 'individual'],
  project_based: [180000, 'institution'],
  safety: [100000, 'enterprise'],
  appraisal: [20000, 'individual'],
};

const rows: [keyof typeof accepted, string, boolean][] = [];
for (const [program, ok] of Object.entries(accepted) as [keyof typeof accepted, readonly string[]][]) {
  for (const t of TYPES) rows.push([program, t, ok.includes(t)]);
}

describe('R13 certificates each program accepts', () => {
  it.each(rows)('decides a %s claim evidenced by a %s certificate (accepted: %s)', (program, type, ok) => {
    const d = decideOne(claim(program, { certificate: { type, number: 'N-1', issuedOn: '2020-07-15' } }));
    if (ok) expectEligible(d, paid[program][0], paid[program][1], CLAUSE[program]);
    else expectIneligible(d, CLAUSE[program]);
  });

  it.each(Object.keys(accepted) as (keyof typeof accepted)[])('refuses a %s claim with no certificate', (program) => {
    expectIneligible(decideOne(claim(program, { certificate: undefined })), CLAUSE[program]);
  });

  it('pays §4.8 work-for-training without any certificate', () => {
    expectEligible(decideOne(claim('work_for_training', { certificate: undefined })), 100000, 'enterprise', '§4.8');
  });

  it('pays a living allowance without any certificate, on a training that has none either', () => {
    const t: Json = claim('employment_skill', { certificate: undefined });
    const a = claim('living_allowance', { trainingRef: t.ref, certificate: undefined });
    expectEligible(decide({ claims: [t, a] }, a), 100000, 'individual', '§4.6');
  });

  it('accepts a 专项职业能力证书 for §4.6 but not for §4.2', () => {
    const cert = { type: 'special_ability', number: 'ZX-1' };
    expectEligible(
      decideOne(claim('employment_skill', { occupationCode: OCC.pastry, level: 'special', certificate: cert })),
      60000,
      'institution',
      '§4.6',
    );
    expectIneligible(decideOne(claim('skill_upgrade', { certificate: cert })), '§4.2');
  });
});
