// On PostgreSQL, a server that drops an idle connection (a restart, an operator's pg_terminate_backend)
// must not take the API process down: the pool hears the error, discards the client and opens another.
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/store.ts';

describe.skipIf(!process.env.DATABASE_URL)('a PostgreSQL connection lost while idle', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store?.close());

  it('is replaced on the next query, and the process lives on', async () => {
    await sql`select 1`.execute(store.db); // one idle connection in the pool now
    const warned = new Promise<Error>((resolve) => process.once('warning', resolve));
    const admin = new pg.Client({ connectionString: store.databaseUrl });
    await admin.connect();
    try {
      const killed = await admin.query(
        'select pg_terminate_backend(pid) as done from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      expect(killed.rows.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    expect((await warned).message).toMatch(/idle connection was lost/);
    const after = await sql<{ n: number }>`select 41 + 1 as n`.execute(store.db);
    expect(after.rows[0]!.n).toBe(42);
  });
});
