// The policy as data: the same claims under another package give that package's results, and
// packages that contradict each other are refused when loaded.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PolicyConfigError, PolicySet, SHIPPED_PACKAGES, evaluateFile } from '../../src/policy/index.ts';
import { claim, file } from '../spec/fixtures.ts';

type Package = {
  id: string;
  title: string;
  precedence: number;
  programs: string[];
  inForce: Record<string, { from: string; to: string; clause: string; byMonth?: boolean }>;
  parameters: Record<string, { clause: string; description: string; values: { from: string; to?: string | null; value: unknown }[] }>;
};

function shipped(): Package {
  return structuredClone(SHIPPED_PACKAGES[0]) as Package;
}

function setValue(pkg: Package, name: string, value: unknown): Package {
  pkg.parameters[name]!.values = [{ from: '2020-01-01', to: '2021-12-31', value }];
  return pkg;
}

const shortTerm = () => claim('short_term', { startDate: '2021-03-01', endDate: '2021-03-05' });

describe('Policy packages', () => {
  it('the shipped package decides a short-term training at 500 yuan', () => {
    const [d] = evaluateFile(file({ claims: [shortTerm()] }));
    expect(d!.amountFen).toBe(50000);
  });

  it('a package with another amount for §4.3 pays that amount for the same claim', () => {
    const pkg = setValue(shipped(), 'shortTerm.amountYuan', 650);
    const [d] = evaluateFile(file({ claims: [shortTerm()] }), { policies: [pkg] });
    expect(d).toMatchObject({ outcome: 'eligible', amountFen: 65000 });
  });

  it('a package with another minimum of hours judges attendance by it', () => {
    const pkg = setValue(shipped(), 'shortTerm.minAttendedHours', 40);
    const [d] = evaluateFile(file({ claims: [claim('short_term', { attendedHours: 32 })] }), { policies: [pkg] });
    expect(d!.outcome).toBe('ineligible');
    expect(d!.reasons.join()).toContain('40学时');
  });

  it('a package with another validity window makes a training outside it not applicable, and one inside it applicable', () => {
    const pkg = shipped();
    pkg.inForce.default = { from: '2021-01-01', to: '2022-12-31', clause: '§end' };
    for (const p of Object.values(pkg.parameters)) p.values = p.values.map((v) => ({ ...v, to: '2022-12-31' }));
    const early = claim('short_term', { startDate: '2020-06-01', endDate: '2020-06-05' });
    const late = claim('short_term', { startDate: '2022-06-01', endDate: '2022-06-05' });
    const [a, b] = evaluateFile(
      file({
        claims: [early, late],
        enterprises: [
          {
            uscc: (early as { enterpriseUscc: string }).enterpriseUscc,
            insured: true,
            educationFundFullyUsed: { '2020': true, '2022': true },
          },
        ],
      }),
      { policies: [pkg] },
    );
    expect(a!.outcome).toBe('not_applicable');
    expect(b).toMatchObject({ outcome: 'eligible', amountFen: 50000 });
  });

  it('a dated change of a parameter inside the window applies from its date', () => {
    const pkg = shipped();
    pkg.parameters['shortTerm.amountYuan']!.values = [
      { from: '2020-01-01', to: '2020-12-31', value: 500 },
      { from: '2021-01-01', to: '2021-12-31', value: 600 },
    ];
    const [a, b] = evaluateFile(
      file({
        claims: [
          claim('short_term', { startDate: '2020-12-28', endDate: '2020-12-31' }),
          claim('short_term', { startDate: '2021-01-04', endDate: '2021-01-08' }),
        ],
      }),
      { policies: [pkg] },
    );
    expect([a!.amountFen, b!.amountFen]).toEqual([50000, 60000]);
  });

  it('a package of higher precedence supersedes the plan for the programs it covers, inside its window', () => {
    const local = shipped();
    local.id = 'local-2021';
    local.title = '某县2021年补充政策（测试）';
    local.precedence = 20;
    local.programs = ['short_term'];
    local.inForce = { default: { from: '2021-01-01', to: '2021-12-31', clause: '§end' } };
    setValue(local, 'shortTerm.amountYuan', 800);
    const [a, b, c] = evaluateFile(
      file({
        claims: [
          claim('short_term', { startDate: '2020-06-01', endDate: '2020-06-05' }),
          claim('short_term', { startDate: '2021-06-01', endDate: '2021-06-05' }),
          claim('safety', { startDate: '2021-06-01', endDate: '2021-06-05' }),
        ],
      }),
      { policies: [...SHIPPED_PACKAGES, local], explain: true },
    );
    expect(a!.amountFen).toBe(50000);
    expect(b!.amountFen).toBe(80000);
    expect(b!.trace!.policyPackage).toBe('local-2021');
    expect(c!.trace!.policyPackage).toBe('panzhihua-2020-2021');
  });

  it('two packages of equal precedence in force for the same program on the same date are a configuration error', () => {
    const twin = shipped();
    twin.id = 'twin';
    twin.inForce.default = { from: '2021-06-01', to: '2022-06-30', clause: '§end' };
    for (const p of Object.values(twin.parameters)) p.values = p.values.map((v) => ({ ...v, to: '2022-06-30' }));
    expect(() => new PolicySet([...SHIPPED_PACKAGES, twin])).toThrow(PolicyConfigError);
    try {
      new PolicySet([...SHIPPED_PACKAGES, twin]);
    } catch (e) {
      expect((e as PolicyConfigError).problems[0]).toMatch(/panzhihua-2020-2021 与 twin 优先级相同.*2021-06-01/);
    }
  });

  it('equal precedence is fine when the windows do not meet', () => {
    const next = shipped();
    next.id = 'next-plan';
    next.inForce = { default: { from: '2022-01-01', to: '2022-12-31', clause: '§end' } };
    for (const p of Object.values(next.parameters)) p.values = [{ ...p.values[0]!, from: '2022-01-01', to: '2022-12-31' }];
    expect(() => new PolicySet([...SHIPPED_PACKAGES, next])).not.toThrow();
  });

  it('a package missing a parameter, or whose values leave a gap in its window, is refused with the parameter named', () => {
    const missing = shipped();
    delete missing.parameters['safety.amountYuan'];
    expect(() => new PolicySet([missing])).toThrow(/safety\.amountYuan: 缺少参数/);
    const gap = shipped();
    gap.parameters['safety.amountYuan']!.values = [
      { from: '2020-01-01', to: '2020-12-31', value: 1000 },
      { from: '2021-02-01', to: '2021-12-31', value: 1000 },
    ];
    expect(() => new PolicySet([gap])).toThrow(/safety\.amountYuan: 取值未覆盖/);
    const wrongType = setValue(shipped(), 'annualCap.maxTrainingSubsidies', 'three');
    expect(() => new PolicySet([wrongType])).toThrow(/annualCap\.maxTrainingSubsidies/);
  });

  it('the engine code holds no number of the plan: the only numeric literals in programs, rules and engine are arithmetic', () => {
    // 0 and 1 count; 12 is months in a year (the §4.1 yearly rate is prorated by month); 100 is fen per yuan and percent.
    const allowed = new Set(['0', '1', '12', '100']);
    const found: string[] = [];
    for (const dir of ['programs', 'rules', 'engine']) {
      const folder = join('src/policy', dir);
      for (const name of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
        const path = join(folder, name);
        const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
        const visit = (node: ts.Node): void => {
          if (ts.isNumericLiteral(node) && !allowed.has(node.text)) found.push(`${path}: ${node.text}`);
          node.forEachChild(visit);
        };
        visit(source);
      }
    }
    expect(found).toEqual([]);
  });
});
