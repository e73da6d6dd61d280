// A PGlite data folder for the tests that run `upskill` on one (`--data DIR`), started from the run's
// migrated template (store-template.ts) instead of an empty folder: PGlite extracts the template's tar
// into the new folder (its `loadDataDir`) and starts on it, so no `initdb` and no migration runs: about
// 3 s of CPU instead of 10 s for the initdb alone (docs/benchmarks.md, "The slow files"). The folder is then an ordinary data folder: later openings of it, by the
// test or by a spawned `upskill`, go through the product's own code, migrations included (nothing to
// apply, unless a migration was added since the template was made).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { migrate, openStore, type Store } from '../../src/store/database.ts';
import { MIGRATED_TEMPLATE } from './store-template.ts';

/** The run's migrated template (a tar of a PGlite data folder), if the global set-up made one. */
export function migratedTemplate(): string | undefined {
  const template = join(inject('storeTemplateDir') ?? '', MIGRATED_TEMPLATE);
  return existsSync(template) ? template : undefined;
}

/**
 * Opens a new data folder at `dir` (it must not hold a database yet) as a copy of the migrated template,
 * migrated; the caller adds its rows and closes it. PGlite runs on the calling thread (no worker to start,
 * a third of the CPU per statement): nothing else is served meanwhile.
 */
export async function openNewDataFolder(dir: string): Promise<Store> {
  const store = await openStore({ dataDir: dir, loadDataDir: migratedTemplate(), inThread: true });
  try {
    await migrate(store.db);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

/** Opens an existing data folder on the calling thread (to read it, or to change it as an intruder would). */
export function openDataFolder(dir: string): Promise<Store> {
  return openStore({ dataDir: dir, inThread: true });
}
