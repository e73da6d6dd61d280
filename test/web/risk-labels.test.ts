// The fraud-risk screens name the server's codes in Chinese from their own table
// (web/src/areas/supervision/risk/risk-labels.ts): it must not drift from the server's.
import { describe, expect, it } from 'vitest';
import { RISK_LEVELS, RISK_LEVEL_NAMES, RULE_WEIGHTS } from '../../src/services/risk/risk-parameters.ts';
import { RISK_RULES } from '../../src/services/risk/rules/index.ts';
import { SANCTION_NAMES } from '../../src/services/risk/sanction.ts';
import {
  LEVELS,
  levelOf,
  RISK_LEVEL_NAMES as WEB_LEVEL_NAMES,
  RISK_RULE_NAMES,
  SANCTION_KIND_NAMES,
} from '../../web/src/areas/supervision/risk/risk-labels.ts';

describe('Risk labels of the web app', () => {
  it('name every rule as the server does, and no other', () => {
    expect(RISK_RULE_NAMES).toEqual(Object.fromEntries(RISK_RULES.map((r) => [r.code, r.title])));
    expect(Object.keys(RISK_RULE_NAMES).sort()).toEqual(Object.keys(RULE_WEIGHTS).sort());
  });

  it("use the server's levels and sanction names", () => {
    expect(LEVELS).toEqual(RISK_LEVELS);
    expect(WEB_LEVEL_NAMES).toEqual(RISK_LEVEL_NAMES);
    expect(SANCTION_KIND_NAMES).toEqual(SANCTION_NAMES);
    expect(levelOf(LEVELS.score, 60)).toBe('high');
    expect(levelOf(LEVELS.score, 59)).toBe('medium');
    expect(levelOf(LEVELS.score, 29)).toBe('low');
  });
});
