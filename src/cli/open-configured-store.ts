// Where the data lives (DESIGN.md conventions): DATABASE_URL when set; otherwise PGlite in
// UPSKILL_DATA_DIR (default ./data, created on first use); `--data DIR` overrides both.
import { resolve } from 'node:path';
import { DataDirLockedError } from '../store/data-dir-lock.ts';
import { migrate, openStore, type Store } from '../store/database.ts';
import { seedReferenceData } from '../store/seed/reference-data.ts';
import { inTransaction } from '../store/transaction.ts';
import { settings } from '../settings.ts';
import { UsageError } from './errors.ts';

export interface StoreFlags {
  data?: string;
}

/** `inThread`: PGlite on this thread, for commands that serve no requests meanwhile (database.ts). */
export async function openConfiguredStore(flags: StoreFlags, options: { migrate?: boolean; inThread?: boolean } = {}): Promise<Store> {
  const config = settings();
  const url = flags.data ? undefined : config.databaseUrl;
  const dataDir = url ? undefined : resolve(flags.data ?? config.dataDir);
  let store: Store;
  try {
    store = await openStore({ databaseUrl: url, dataDir, poolMax: config.dbPoolMax, inThread: options.inThread });
  } catch (e) {
    if (e instanceof DataDirLockedError) throw new UsageError(e.message);
    throw e;
  }
  if (options.migrate !== false) {
    try {
      await migrate(store.db);
      // The areas, the plan's policy package and the catalog: there from the first start (idempotent).
      await inTransaction(store.db, (tx) => seedReferenceData(tx));
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  return store;
}
