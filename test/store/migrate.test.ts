// Migrating is a no-op, without the migrator, only when the database holds exactly this build's
// migrations; a database that is behind is migrated, and one migrated by a newer build is refused.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, migratedToLatest } from '../../src/store/database.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

let store: TestStore;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => store?.close());

const last = Object.keys(MIGRATIONS).at(-1)!;

describe('migrate', () => {
  it('a database at this build has nothing applied and no migrator run', async () => {
    expect(await migratedToLatest(store.db)).toBe(true);
    expect(await migrate(store.db)).toEqual([]);
  });

  it('a database whose newest migration is not recorded is behind: the migrator runs it', async () => {
    await sql`delete from upskill_migrations where name = ${last}`.execute(store.db);
    expect(await migratedToLatest(store.db)).toBe(false);
    // Applied again, or refused on what it finds already there: either way named, so the migrator ran.
    const outcome = await migrate(store.db).then(
      (applied) => applied.join(),
      (e: Error) => e.message,
    );
    expect(outcome).toContain(last);
  });

  it('a database migrated by a newer build is refused by the migrator, naming the unknown migration', async () => {
    await sql`insert into upskill_migrations (name, timestamp) values ('2099-01-01T0000-from-a-newer-build', now()::text)`.execute(
      store.db,
    );
    expect(await migratedToLatest(store.db)).toBe(false);
    await expect(migrate(store.db)).rejects.toThrow(/2099-01-01T0000-from-a-newer-build/);
  });
});
