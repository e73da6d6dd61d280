// Every screen of the web app has its short help (web/src/help-texts.ts): a route added without one, or
// a help text left for a route that no longer exists, fails here.
import { describe, expect, it } from 'vitest';
import { CLAUSE_HEADINGS } from '../../src/policy/clauses.ts';
import { HELP_TEXTS } from '../../web/src/help-texts.ts';
import { screenKey, screenRoutes } from '../../web/src/screens.ts';

const keys = screenRoutes.map(screenKey);

describe('Each screen has help for the step it serves', () => {
  it("lists the app's screens (the home page, claims, every area's routes)", () => {
    expect(keys).toContain('/');
    expect(keys).toContain('claims/:id');
    expect(keys).toContain('review/publicity/:id');
    expect(keys).toContain('office/fact-cases');
    expect(keys.length).toBeGreaterThan(50);
  });

  it.each(keys)('route %s has a help text saying its step', (key) => {
    const help = HELP_TEXTS[key];
    expect(help, `no help text for route "${key}" in web/src/help-texts.ts`).toBeDefined();
    expect(help!.step.length).toBeGreaterThan(4);
  });

  it('has no help text for a route that does not exist', () => {
    expect(Object.keys(HELP_TEXTS).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('cites only clauses the plan has (docs/rules.md)', () => {
    const cited = Object.values(HELP_TEXTS).flatMap((h) => [h.step, ...h.check].join(' ').match(/§[\d.]+|§end/g) ?? []);
    expect(cited.length).toBeGreaterThan(30);
    for (const c of cited) expect(Object.keys(CLAUSE_HEADINGS), c).toContain(c);
  });
});
