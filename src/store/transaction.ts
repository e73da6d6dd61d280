// A state change = status check + change + audit entry, in one transaction (STYLE habit 8).
import type { Db } from './database.ts';
import type { Tx } from './audit-log.ts';

/**
 * Runs `work` in a new transaction, or, when `db` is already a transaction (a use case that opens its
 * own transactions, called inside a larger one such as the demo's load), in that one: all of it then
 * commits or rolls back together.
 */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Tx);
  return db.transaction().execute(work);
}

export type { Tx };
