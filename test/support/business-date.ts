// The business date the code under test reads (UPSKILL_TODAY, DESIGN.md): tests set it explicitly and
// move it the way days pass. vitest restores the environment after the file (unstubEnvs in afterAll).
import { afterAll, vi } from 'vitest';

/** From now on, "today" for the product is `day` (YYYY-MM-DD). */
export function businessDateIs(day: string): void {
  vi.stubEnv('UPSKILL_TODAY', day);
}

/** Call once at the top of a test file that moves the business date. */
export function restoreBusinessDateAfterAll(): void {
  afterAll(() => {
    vi.unstubAllEnvs();
  });
}
