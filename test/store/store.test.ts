// The store's guarantees: one process per PGlite folder, transactions that do not mix, and a long
// query that does not freeze the event loop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError } from '../../src/store/data-dir-lock.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { migratedTemplate } from '../support/data-folder.ts';
import { openTestStore } from '../support/store.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
}, 60_000);
afterAll(() => store.close());

describe('Store', () => {
  it('a second opening of the same PGlite folder is refused while the first is open, and allowed after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upskill-lock-'));
    try {
      // The folder's content does not matter here: a copy of the migrated template costs a third of an
      // initdb (the PostgreSQL pass has no template tar: an initdb), and PGlite on this thread no worker.
      const first = await openStore({ dataDir: dir, loadDataDir: migratedTemplate(), inThread: true });
      await expect(openStore({ dataDir: dir, inThread: true })).rejects.toBeInstanceOf(DataDirLockedError);
      await first.close();
      const again = await openStore({ dataDir: dir, inThread: true });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000); // two PGlite starts on a folder: slow on a busy machine; time is not what this proves

  it('concurrent transactions do not mix: a rolled-back row is never committed by another', async () => {
    const area = (code: string) => ({ code, name: code, level: 'county' as const });
    const results = await Promise.allSettled([
      inTransaction(store.db, async (tx) => {
        await tx.insertInto('areas').values(area('T-ROLLBACK')).execute();
        await new Promise((r) => setTimeout(r, 30));
        throw new Error('roll back');
      }),
      inTransaction(store.db, async (tx) => {
        await tx.insertInto('areas').values(area('T-COMMIT')).execute();
      }),
      store.db.insertInto('areas').values(area('T-PLAIN')).execute(),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    const codes = (await store.db.selectFrom('areas').select('code').where('code', 'like', 'T-%').orderBy('code').execute()).map(
      (r) => r.code,
    );
    expect(codes).toEqual(['T-COMMIT', 'T-PLAIN']);
  });

  it('money and numerics come back as numbers and dates as ISO text, on either store', async () => {
    const { rows } = await sql<{
      fen: number;
      hours: number;
      day: string;
    }>`select 1234567::bigint as fen, 2.5::numeric as hours, '2020-03-02'::date as day`.execute(store.db);
    expect(rows[0]).toEqual({ fen: 1234567, hours: 2.5, day: '2020-03-02' });
  });

  // The test stores run PGlite on their own thread (inThread); the server runs it in the worker thread.
  it('a long query leaves the event loop free (PGlite in its worker thread, as the server runs it)', async () => {
    const own = process.env.DATABASE_URL ? null : await openStore({ loadDataDir: migratedTemplate() });
    try {
      const db = own?.db ?? store.db;
      // About a second of CPU (3M rows): on the calling thread it holds the loop several times the limit below (checked).
      const long = sql`select count(*) from generate_series(1, 1000000) a, generate_series(1, 3) b where (a * b) % 7 = 0`.execute(db);
      const started = performance.now();
      await new Promise((r) => setTimeout(r, 5));
      const lag = performance.now() - started;
      const finished = await long;
      expect(finished.rows.length).toBe(1);
      expect(lag).toBeLessThan(200);
      // The worker parses values as the calling thread does (pglite-parsers.ts).
      const { rows } = await sql<{
        fen: number;
        hours: number;
        day: string;
      }>`select 1234567::bigint as fen, 2.5::numeric as hours, '2020-03-02'::date as day`.execute(db);
      expect(rows[0]).toEqual({ fen: 1234567, hours: 2.5, day: '2020-03-02' });
    } finally {
      await own?.close();
    }
  }, 60_000);
});
