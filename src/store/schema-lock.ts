// Transaction-scoped advisory locks named by a key *and* the current schema: the data a lock guards
// (the audit chain, the policy packages, the running figures) lives in one schema, so stores that
// share a PostgreSQL server in schemas of their own (the test suite does) never wait on each other.
// In production there is one schema, and the lock is one lock.
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

type Tx = Transaction<Database>;

/** Waits for the lock; held until the transaction ends. */
export async function lockInSchema(tx: Tx, key: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${key}::int, hashtext(current_schema()))`.execute(tx);
}

/** Takes the lock if free; false when another transaction holds it. */
export async function tryLockInSchema(tx: Tx, key: number): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${key}::int, hashtext(current_schema())) as ok`.execute(tx);
  return r.rows[0]?.ok === true;
}
