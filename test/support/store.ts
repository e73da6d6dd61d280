// A fresh, migrated store for a test file: in-memory PGlite by default; with DATABASE_URL set (as
// .ci/run does for its PostgreSQL pass), a schema of its own on that server, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { migrate, openStore, type Store } from '../../src/store/database.ts';

export async function openTestStore(): Promise<Store> {
  const url = process.env.DATABASE_URL;
  const schema = url ? `test_${randomBytes(6).toString('hex')}` : undefined;
  const store = await openStore({ databaseUrl: url, schema });
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
