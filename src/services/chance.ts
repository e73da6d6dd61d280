// The draws of the use cases that must be unpredictable to the user (which check question an online
// lesson asks, and when: online/viewing-clock.ts). In production they come from the system's secure
// random source; a simulation (the demo seeder) runs such a use case inside `withChance` with its own
// seeded generator, the way its instants come from clock.ts, so a fresh demo is the same every time.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomInt } from 'node:crypto';

const sources = new AsyncLocalStorage<(n: number) => number>();

/** A whole number in [0, n): secure random, or the caller's generator under `withChance`. */
export function randomBelow(n: number): number {
  const source = sources.getStore();
  return source ? source(n) : randomInt(n);
}

/** Runs `work` with `randomBelow` answered by `draw` (which must return a whole number in [0, n)). */
export function withChance<T>(draw: (n: number) => number, work: () => Promise<T>): Promise<T> {
  return sources.run(draw, work);
}
