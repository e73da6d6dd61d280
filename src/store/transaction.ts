// A state change = status check + change + audit entry, in one transaction (STYLE habit 8).
import type { Db } from './database.ts';
import type { Tx } from './audit-log.ts';

export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}

export type { Tx };
