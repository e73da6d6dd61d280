// The instant ("now") of the use cases that record a moment as a fact (a trainee's sign-in time). In
// production it is the server's real time; a simulation (the demo seeder) runs such a use case inside
// `withInstant` with the moment of its story, the way its ids come from store/ids.ts, so a fresh demo
// records the same times every time. Nothing else can set it.
import { AsyncLocalStorage } from 'node:async_hooks';

const instants = new AsyncLocalStorage<() => Date>();

/** Now: the real time, or the instant the caller runs the work under. */
export function now(): Date {
  const source = instants.getStore();
  return source ? source() : new Date();
}

/** Runs `work` (and everything it awaits) with `now()` answering `at` (a Date or a function giving one). */
export function withInstant<T>(at: Date | (() => Date), work: () => Promise<T>): Promise<T> {
  const source = typeof at === 'function' ? at : () => at;
  return instants.run(source, work);
}
