// Every rule code (R1–R13) and clause (§…) a reader meets in the code resolves: in the rule-codes
// module or the clause headings the screens use, and in docs/rules.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLAUSE_HEADINGS } from '../../src/policy/clauses.ts';
import { RULE_CODES, ruleLabel } from '../../src/policy/rule-codes.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(e) ? [p] : [];
  });
const code = [...files(join(root, 'src')), ...files(join(root, 'web/src'))].map((f) => readFileSync(f, 'utf8')).join('\n');
const cited = <T extends string>(re: RegExp) => [...new Set([...code.matchAll(re)].map((m) => m[1] as T))].sort();
const rules = readFileSync(join(root, 'docs/rules.md'), 'utf8');

describe('Rule codes and clauses', () => {
  it('every R-code cited in src/ and web/src is in the rule-codes module and in docs/rules.md', () => {
    const codes = cited(/\b(R1[0-3]|R[1-9])\b/g);
    expect(codes.length).toBeGreaterThan(10);
    for (const c of codes) {
      expect(Object.keys(RULE_CODES), c).toContain(c);
      expect(rules, c).toMatch(new RegExp(`\\*\\*${c}\\*\\*`));
    }
  });

  it('every clause cited in src/ and web/src has a heading in docs/rules.md, and the screens know the ones in clauses.ts', () => {
    const clauses = cited(/'(§(?:\d+(?:\.\d+)?|end))'/g);
    for (const c of clauses) expect(rules, c).toContain(`\`${c}\``);
    for (const c of Object.keys(CLAUSE_HEADINGS)) expect(rules, c).toContain(`\`${c}\``);
  });

  it('names a code for a screen: "R8 职工教育经费"', () => {
    expect(ruleLabel('R8')).toBe('R8 职工教育经费');
    expect(ruleLabel('R99')).toBe('R99');
  });
});
