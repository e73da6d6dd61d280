// Where the data lives (DESIGN.md conventions): DATABASE_URL when set; otherwise PGlite in
// UPSKILL_DATA_DIR (default ./data, created on first use); `--data DIR` overrides both.
import { resolve } from 'node:path';
import { DataDirLockedError } from '../store/data-dir-lock.ts';
import { migrate, migratedToLatest, openStore, type Store } from '../store/database.ts';
import { seedReferenceData } from '../store/seed/reference-data.ts';
import { inTransaction } from '../store/transaction.ts';
import { settings } from '../settings.ts';
import { UsageError } from './errors.ts';

export interface StoreFlags {
  data?: string;
}

/** Where the data lives for these flags: a PostgreSQL URL, or a PGlite data folder (absolute). */
export function configuredLocation(flags: StoreFlags): { url: string; dataDir?: undefined } | { url?: undefined; dataDir: string } {
  const config = settings();
  const url = flags.data ? undefined : config.databaseUrl;
  return url ? { url } : { dataDir: resolve(flags.data ?? config.dataDir) };
}

/**
 * `inThread`: PGlite on this thread, for commands that serve no requests meanwhile (database.ts).
 * `migrate: 'when-behind'`: migrate and seed only a database not yet at this build's schema — for the
 * commands that read (the audit's checks), which then write nothing to an up-to-date database.
 */
export async function openConfiguredStore(
  flags: StoreFlags,
  options: { migrate?: boolean | 'when-behind'; inThread?: boolean } = {},
): Promise<Store> {
  const config = settings();
  const { url, dataDir } = configuredLocation(flags);
  let store: Store;
  try {
    store = await openStore({ databaseUrl: url, dataDir, poolMax: config.dbPoolMax, inThread: options.inThread });
  } catch (e) {
    if (e instanceof DataDirLockedError) throw new UsageError(e.message);
    throw e;
  }
  if (options.migrate !== false) {
    try {
      if (options.migrate === 'when-behind' && (await migratedToLatest(store.db))) return store;
      await migrate(store.db); // nothing to do, and no migrator run, when it is at this build
      // The areas, the plan's policy package and the catalog: there from the first start (idempotent).
      await inTransaction(store.db, (tx) => seedReferenceData(tx));
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  return store;
}
