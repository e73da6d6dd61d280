// The web app reads the names of roles, areas and statuses from the shared vocabulary (src/vocabulary),
// the same constants the server uses; what is left to check is that the engine's outcomes all have one.
import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../src/policy/codes.ts';
import { OUTCOME_NAMES } from '../../src/vocabulary/statuses.ts';

describe('Names users read', () => {
  it('every decision outcome the engine returns has a Chinese name', () =>
    expect(Object.keys(OUTCOME_NAMES).sort()).toEqual([...OUTCOMES].sort()));
});
