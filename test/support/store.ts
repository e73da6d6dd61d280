// A fresh, migrated store for a test file: in-memory PGlite by default, started from a copy of the
// run's migrated template (store-template.ts) and migrated on top (nothing left to apply, unless a
// migration was added since the template was made); with DATABASE_URL set (as .ci/run does for its
// PostgreSQL pass), a schema of its own on that server, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { migrate, openStore, type Store } from '../../src/store/database.ts';
import { MIGRATED_TEMPLATE } from './store-template.ts';

/** `from`: a tar of a PGlite data folder to start from (default: the run's migrated template). */
export async function openTestStore(options: { from?: string } = {}): Promise<Store> {
  const url = process.env.DATABASE_URL;
  const schema = url ? `test_${randomBytes(6).toString('hex')}` : undefined;
  const template = join(inject('storeTemplateDir') ?? '', MIGRATED_TEMPLATE);
  const loadDataDir = url ? undefined : (options.from ?? (existsSync(template) ? template : undefined));
  const store = await openStore({ databaseUrl: url, schema, loadDataDir });
  await migrate(store.db, schema);
  if (!schema) return store;
  return {
    ...store,
    async close() {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
    },
  };
}
