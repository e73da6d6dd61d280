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
export async function onServer(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** The connection string of database `name` on the server of `url`. */
export function databaseUrl(url: string, name: string): string {
  const own = new URL(url);
  own.pathname = `/${name}`;
  return own.toString();
}

/** Creates `name` as a copy of `template`; two copies started at one instant can meet PostgreSQL's
 * "being accessed by other users" check, so it is retried after a pause. */
export async function copyDatabase(url: string, template: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await onServer(url, `create database ${name} template ${template}`);
      return;
    } catch (e) {
      if (attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
    }
  }
}

/** A database of the caller's own, copied from `template`, dropped when the store is closed. */
export async function openDatabaseCopy(url: string, template: string, prefix: string): Promise<TestStore> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await copyDatabase(url, template, name);
  const own = databaseUrl(url, name);
  const store = await openStore({ databaseUrl: own });
  return {
    ...store,
    databaseUrl: own,
    async close() {
      await store.close();
      await onServer(url, `drop database if exists ${name} with (force)`);
    },
  };
}

async function openPostgresTestStore(url: string): Promise<TestStore> {
  const store = await openDatabaseCopy(url, PG_TEMPLATE_DATABASE, 'test');
  await migrate(store.db);
  return store;
}
