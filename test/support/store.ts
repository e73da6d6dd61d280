// A fresh, migrated store for a test file, started from the run's migrated template (store-template.ts)
// and migrated on top (nothing left to apply, unless a migration was added since the template was made):
// - PGlite by default: an in-memory database loaded from the template's dump;
// - with DATABASE_URL set (as .ci/run does for its PostgreSQL pass): a database of its own on that
//   server, created from the template database (a file copy, not seventy migrations), dropped afterwards.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate, openStore, type Store } from '../../src/store/database.ts';
import { MIGRATED_TEMPLATE, PG_TEMPLATE_DATABASE } from './store-template.ts';

export interface TestStore extends Store {
  /** PostgreSQL only: the connection string of this file's own database (for a second instance, a CLI). */
  databaseUrl?: string;
}

/** `from`: a tar of a PGlite data folder to start from (default: the run's migrated template). */
export async function openTestStore(options: { from?: string } = {}): Promise<TestStore> {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgresTestStore(url);
  const template = join(inject('storeTemplateDir') ?? '', MIGRATED_TEMPLATE);
  const store = await openStore({
    loadDataDir: options.from ?? (existsSync(template) ? template : undefined),
    inThread: process.env.UPSKILL_TEST_WORKER !== '1',
  });
  await migrate(store.db);
  return store;
}

/** Runs `statement` on the server's main database (where databases are created and dropped). */
async function onServer(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

async function openPostgresTestStore(url: string): Promise<TestStore> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  // Two files copying the template at the same instant can meet PostgreSQL's "being accessed by other
  // users" check; a retry after a pause settles it.
  for (let attempt = 1; ; attempt++) {
    try {
      await onServer(url, `create database ${name} template ${PG_TEMPLATE_DATABASE}`);
      break;
    } catch (e) {
      if (attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
    }
  }
  const own = new URL(url);
  own.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: own.toString() });
  await migrate(store.db);
  return {
    ...store,
    databaseUrl: own.toString(),
    async close() {
      await store.close();
      await onServer(url, `drop database if exists ${name} with (force)`);
    },
  };
}
