// SPEC "Decisions by program": every failing rule is reported, and a claim with any failure is
// ineligible even when another fact is unknown. Checked over every program with generated files: decide
// a claim with its facts stated, then leave some of its own facts unstated; a check that failed on
// facts still stated must fail again, so the claim stays ineligible (never undecided).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFile, type Decision } from '../../src/policy/index.ts';
import { PROGRAMS, type ProgramCode } from '../../src/policy/codes.ts';
import { arbitraryEvaluateFile, type Json } from '../support/arbitrary-evaluate-file.ts';
import { residentId, uscc } from '../spec/fixtures.ts';

// Large files (fast-check's 'large' size), so a person's claims reach the limits that add up.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 40), baseSize: 'large' as const };
type File = { people: Json[]; enterprises: Json[]; claims: Json[] };

/** A claim's own facts the contract lets a file leave unstated (unknown); trainingRef is left out
 * because it also moves an allowance's governing date. */
const UNSTATABLE = [
  'qualified',
  'newHire',
  'contractMonths',
  'planApproved',
  'insuredMonths',
  'attendedHours',
  'attendedDays',
  'entrepreneurshipType',
  'occupationCode',
  'level',
  'projectId',
  'contractPerTraineeYuan',
  'contractTotalYuan',
] as const;

/**
 * The claim facts each check needs, as SPEC states the check (written here, not read from the engine).
 * A check not listed needs none of them: its inputs are dates, the certificate, the groups (a complete
 * list), the employer, or the claims on record.
 */
const NEEDS: Record<string, readonly string[]> = {
  考核合格: ['qualified'],
  目录: ['occupationCode', 'level'],
  等级: ['level'],
  学时: ['attendedHours'],
  新录用: ['newHire'],
  新招用或转岗: ['newHire'],
  新吸纳就业: ['newHire'],
  劳动合同: ['contractMonths'],
  列入计划: ['planApproved'],
  参保月数: ['insuredMonths'],
  天数: ['attendedDays'],
  创业培训类别: ['entrepreneurshipType'],
  项目合同: ['projectId', 'contractPerTraineeYuan', 'contractTotalYuan'],
  R4: ['occupationCode', 'level', 'entrepreneurshipType'],
};

describe('Any failure wins over an unknown fact', () => {
  // One property per program: files whose claims are (nearly) all of that program and all on one
  // person, so the limits that add up over a person's claims (R3, R4, §4.4, the §4.8 months, the §4.9
  // contract total, the allowance days) are reached often.
  it.each(PROGRAMS)('%s: a check that fails on stated facts keeps the claim ineligible when other facts of it are unknown', (program) => {
    let checked = 0;
    const focused = arbitraryEvaluateFile(30).map((file) => onePersonOneProgram(file as File, program));
    fc.assert(
      fc.property(focused, (file) => {
        const f = file as File;
        const full = new Map(evaluateFile(file, { explain: true }).map((d) => [d.ref, d]));
        // Every evaluated claim of the program, each of its stated facts left unstated in turn.
        for (const target of f.claims) {
          if (target.status !== undefined || target.program !== program) continue;
          const decided = full.get(target.ref as string)!;
          if (decided.outcome === 'not_applicable') continue; // no policy in force: no rule was checked
          for (const fact of UNSTATABLE) {
            if (target[fact] === undefined) continue;
            const stillFailing = failingSteps(decided).filter((s) => !(NEEDS[s.rule] ?? []).includes(fact));
            if (stillFailing.length === 0) continue;
            const partial = structuredClone(f);
            delete partial.claims.find((c) => c.ref === target.ref)![fact];
            const d = evaluateFile(partial).find((x) => x.ref === target.ref)!;
            checked++;
            expect({ unstated: fact, failed: stillFailing.map((s) => s.reason), outcome: d.outcome }).toEqual({
              unstated: fact,
              failed: stillFailing.map((s) => s.reason),
              outcome: 'ineligible',
            });
          }
        }
      }),
      RUNS,
    );
    // The property was put to the program, not vacuously true.
    expect(checked).toBeGreaterThan(0);
  });

  it('§4.8: a person who already had the 6 months is ineligible even while the insured months of the new claim are unknown', () => {
    const file = {
      people: [{ id: ID, groups: ['poor_labor'], pensionEntitled: false }],
      enterprises: [{ uscc: USCC, insured: true, educationFundFullyUsed: { '2020': true } }],
      claims: [
        {
          ref: 'h1',
          program: 'work_for_training',
          applicant: 'enterprise',
          personId: ID,
          enterpriseUscc: USCC,
          startDate: '2020-03-01',
          endDate: '2020-08-31',
          newHire: true,
          insuredMonths: 6,
          status: 'paid',
        },
        {
          ref: 'c1',
          program: 'work_for_training',
          applicant: 'enterprise',
          personId: ID,
          enterpriseUscc: USCC,
          startDate: '2020-10-01',
          endDate: '2020-12-31',
          newHire: true,
        },
      ],
    };
    const [d] = evaluateFile(file);
    expect(d!.outcome).toBe('ineligible');
    expect(d!.reasons.join('\n')).toContain('达到每人最长6个月');
  });
});

const ID = residentId(1);
const USCC = uscc(1);

/** The file with every claim on its first person and, but for the trainings an allowance names, of `program`. */
function onePersonOneProgram(file: File, program: ProgramCode): Json {
  const f = structuredClone(file);
  const id = f.people[0]!.id;
  const named = new Set<unknown>(f.claims.map((c) => c.trainingRef).filter((r) => r !== undefined));
  if (program === 'living_allowance') {
    // Pairs: a §4.6 training, then an allowance during it.
    f.claims.forEach((c, i) => {
      c.personId = id;
      const training = f.claims[i - 1];
      if (i % 2 === 0 || !training) {
        c.program = 'employment_skill';
        delete c.trainingRef;
      } else {
        Object.assign(c, {
          program: 'living_allowance',
          trainingRef: training.ref,
          startDate: training.startDate,
          endDate: training.endDate,
        });
      }
    });
    return f as Json;
  }
  for (const c of f.claims) {
    c.personId = id;
    if (typeof c.projectId === 'string') c.projectId = c.projectId.replace(/^P-\d+/, 'P-0');
    if (named.has(c.ref)) continue;
    c.program = program;
    delete c.trainingRef;
    if (program === 'work_for_training') {
      // §4.8 runs by whole months: from the first day of the first insured month.
      c.startDate = `${(c.startDate as string).slice(0, 7)}-01`;
    }
    if (program === 'project_based' && c.projectId === undefined) c.projectId = 'P-0-0';
  }
  return f as Json;
}

function failingSteps(d: Decision) {
  return (d.trace?.steps ?? []).filter((s) => s.result === 'fail');
}
