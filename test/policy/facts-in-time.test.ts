// SPEC "Facts in time": every fact about a person or an enterprise is read as of the claim's own start.
// Properties over generated files, then the input errors a timeline can have (contract v2.2).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFile, InputError, type Decision } from '../../src/policy/index.ts';
import { arbitraryEvaluateFile, type Json } from '../support/arbitrary-evaluate-file.ts';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 100) };
type File = { people: Json[]; enterprises: Json[]; claims: Json[] };

const essence = (d: Decision) => ({
  ref: d.ref,
  outcome: d.outcome,
  amountFen: d.amountFen,
  payee: d.payee,
  citations: d.citations,
  reasons: d.reasons,
  missing: d.missing,
});
const FLAGS = ['pensionEntitled', 'rural', 'earlierAppraisal'] as const;

/** The same facts written as timelines that hold since ever: codes become open periods, values one change. */
function asTimelines(file: File): File {
  const f = structuredClone(file);
  for (const p of f.people) {
    for (const k of FLAGS) if (typeof p[k] === 'boolean') p[k] = [{ from: '1900-01-01', value: p[k] }];
    if (Array.isArray(p.groups)) p.groups = p.groups.map((g) => ({ group: g }));
  }
  for (const e of f.enterprises) {
    if (typeof e.insured === 'boolean') e.insured = [{ from: '1900-01-01', value: e.insured }];
    if (e.difficulty) e.difficulty = [e.difficulty];
  }
  return f;
}

const latestStart = (f: File) =>
  f.claims
    .map((c) => c.startDate as string)
    .sort()
    .at(-1)!;
const dayAfter = (d: string) => new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10);

describe('Facts in time: properties', () => {
  it('an old-style file decides exactly as the same facts written as timelines that hold on every date', () => {
    fc.assert(
      fc.property(arbitraryEvaluateFile(), (file) => {
        expect(evaluateFile(asTimelines(file as File)).map(essence)).toEqual(evaluateFile(file).map(essence));
      }),
      RUNS,
    );
  });

  it('a change of any fact dated after the start of every claim changes no decision', () => {
    const change = fc.record({
      who: fc.nat(),
      fact: fc.constantFrom('pensionEntitled', 'rural', 'earlierAppraisal', 'insured', 'group', 'difficulty'),
      value: fc.boolean(),
      later: fc.nat(400),
    });
    fc.assert(
      fc.property(arbitraryEvaluateFile(), change, (file, x) => {
        const f = asTimelines(file as File);
        const before = evaluateFile(f).map(essence);
        let from = dayAfter(latestStart(f));
        for (let i = 0; i < x.later; i += 50) from = dayAfter(from);
        if (x.fact === 'insured' || x.fact === 'difficulty') {
          const e = f.enterprises[x.who % f.enterprises.length]!;
          if (x.fact === 'insured') e.insured = [...((e.insured as Json[] | undefined) ?? []), { from, value: x.value }];
          else e.difficulty = [...((e.difficulty as Json[] | undefined) ?? []), { from }];
        } else {
          const p = f.people[x.who % f.people.length]!;
          if (x.fact === 'group') p.groups = [...(p.groups as Json[]), { group: 'poor_labor', from }, { group: 'in_school_student', from }];
          else p[x.fact] = [...((p[x.fact] as Json[] | undefined) ?? []), { from, value: x.value }];
        }
        expect(evaluateFile(f).map(essence)).toEqual(before);
      }),
      RUNS,
    );
  });

  it("a pension entitlement dated on or before a claim's start makes an eligible claim ineligible (R5)", () => {
    fc.assert(
      fc.property(arbitraryEvaluateFile(), fc.nat(), fc.nat(3000), (file, pick, daysBefore) => {
        const f = file as File;
        const eligible = evaluateFile(f).filter((d) => d.outcome === 'eligible');
        if (eligible.length === 0) return;
        const target = f.claims.find((c) => c.ref === eligible[pick % eligible.length]!.ref)!;
        // The date facts are read on: the claim's start (§4.8: the first day of its first insured month).
        const start =
          target.program === 'work_for_training' ? `${(target.startDate as string).slice(0, 7)}-01` : (target.startDate as string);
        const from = new Date(Date.parse(start) - daysBefore * 86_400_000).toISOString().slice(0, 10);
        const changed = structuredClone(f);
        const person = changed.people.find((p) => p.id === target.personId)!;
        person.pensionEntitled = [
          { from: '1900-01-01', value: false },
          { from, value: true },
        ];
        const after = evaluateFile(changed).find((d) => d.ref === target.ref)!;
        expect(after.outcome).toBe('ineligible');
        expect(after.reasons.join('\n')).toContain('具有按月领取养老金资格，不属于');
      }),
      RUNS,
    );
  });

  it('before the first recorded value a fact is unknown: the claim is undecided and names the fact', () => {
    fc.assert(
      fc.property(arbitraryEvaluateFile(), fc.nat(), (file, pick) => {
        const f = file as File;
        const eligible = evaluateFile(f).filter((d) => d.outcome === 'eligible');
        if (eligible.length === 0) return;
        const target = f.claims.find((c) => c.ref === eligible[pick % eligible.length]!.ref)!;
        const changed = structuredClone(f);
        const index = changed.people.findIndex((p) => p.id === target.personId);
        changed.people[index]!.pensionEntitled = [{ from: dayAfter(latestStart(f)), value: false }];
        const after = evaluateFile(changed).find((d) => d.ref === target.ref)!;
        expect(after.outcome).toBe('undecided');
        expect(after.missing).toContain(`people[${index}].pensionEntitled`);
      }),
      RUNS,
    );
  });
});

describe('Facts in time: input errors name the field', () => {
  const base = (person: Json, enterprise: Json = {}): Json => ({
    people: [{ id: '510402199001011015', groups: [], ...person }],
    enterprises: [{ uscc: '91510400MA0000071B', ...enterprise }],
    claims: [
      {
        ref: 'c1',
        program: 'safety',
        applicant: 'enterprise',
        personId: '510402199001011015',
        enterpriseUscc: '91510400MA0000071B',
        startDate: '2020-05-01',
        endDate: '2020-05-05',
      },
    ],
  });
  const issues = (file: Json) => {
    try {
      evaluateFile(file);
    } catch (e) {
      if (e instanceof InputError) return e.issues;
      throw e;
    }
    return [];
  };

  it.each([
    [
      'from dates not strictly increasing',
      base({
        pensionEntitled: [
          { from: '2020-01-01', value: false },
          { from: '2020-01-01', value: true },
        ],
      }),
      'people[0].pensionEntitled[1].from',
      '严格递增',
    ],
    ['a change without from', base({ rural: [{ value: true }] }), 'people[0].rural[0].from', '缺少必填字段'],
    ['a change without value', base({ earlierAppraisal: [{ from: '2020-01-01' }] }), 'people[0].earlierAppraisal[0].value', '缺少必填字段'],
    [
      'a change dated on a day that does not exist',
      base({}, { insured: [{ from: '2020-02-30', value: true }] }),
      'enterprises[0].insured[0].from',
      '不是有效日期',
    ],
    ['a value that is neither a boolean nor a timeline', base({ pensionEntitled: 'no' }), 'people[0].pensionEntitled', '布尔值'],
    [
      'a membership period ending before it starts',
      base({ groups: [{ group: 'poor_labor', from: '2020-05-01', to: '2020-04-30' }] }),
      'people[0].groups[0].to',
      '早于',
    ],
    [
      'an unknown group code in a period',
      base({ groups: [{ group: 'poor', from: '2020-05-01' }] }),
      'people[0].groups[0].group',
      '不是允许的取值',
    ],
    ['an unknown group code', base({ groups: ['poor'] }), 'people[0].groups[0]', '不是允许的取值'],
    [
      'a difficulty period ending before it starts, among several',
      base({}, { difficulty: [{ from: '2020-01-01' }, { from: '2021-05-01', to: '2021-04-30' }] }),
      'enterprises[0].difficulty[1].to',
      '早于',
    ],
    [
      'a difficulty period without from',
      base({}, { difficulty: [{ to: '2021-04-30' }] }),
      'enterprises[0].difficulty[0].from',
      '缺少必填字段',
    ],
  ])('%s is an input error at its path', (_, file, path, message) => {
    const found = issues(file);
    expect(found.map((i) => i.path)).toContain(path);
    expect(found.find((i) => i.path === path)!.message).toContain(message);
  });

  it('the one-period difficulty of contract v2.1 keeps its path and message', () => {
    const found = issues(base({}, { difficulty: { from: '2021-05-01', to: '2021-04-30' } }));
    expect(found).toEqual([{ path: 'enterprises[0].difficulty.to', message: '困难企业认定的终止日期早于起始日期' }]);
  });
});
