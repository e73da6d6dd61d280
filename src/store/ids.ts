// Record ids (UUIDs) for the use cases. In production they are random; the demo seeder runs its use
// cases inside `withIdSource` with a seeded source, so that every fresh demo has the same ids (the
// README's examples and the tests name its records, and ties in "oldest first" orders fall back on ids).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const source = new AsyncLocalStorage<() => string>();

/** A new record id: random, or the next id of the source the caller runs under. */
export function newUuid(): string {
  const next = source.getStore();
  return next ? next() : randomUUID();
}

/** Runs `work` (and everything it awaits) with ids taken from `next`. */
export function withIdSource<T>(next: () => string, work: () => Promise<T>): Promise<T> {
  return source.run(next, work);
}

/** Version-4-shaped UUIDs drawn from a PRNG returning numbers in [0, 1). */
export function uuidsFrom(random: () => number): () => string {
  return () => {
    const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

/** Whether the caller runs under a seeded id source (the demo): then what must repeat, repeats. */
export function underIdSource(): boolean {
  return source.getStore() !== undefined;
}
