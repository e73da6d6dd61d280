// Test set-up: migrating a new store is most of what an API test file used to spend on its store, so it
// is done once per run here, and openTestStore starts each file's store from a copy (isolation per file
// as before: a copy each):
// - PGlite: a database migrated to the latest schema is dumped to a tar in a folder of this run; each
//   file's in-memory PGlite loads it. The demo snapshot (test/support/demo.ts) goes in the same folder.
// - PostgreSQL (DATABASE_URL): a template database is migrated; each file creates its database from it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openStore } from '../../src/store/database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's folder: migrated.tar (the migrated template), and the demo snapshot once seeded. */
    storeTemplateDir: string;
  }
}

export const MIGRATED_TEMPLATE = 'migrated.tar';
/** On PostgreSQL: the migrated database every test file's database is created from. */
export const PG_TEMPLATE_DATABASE = 'upskill_test_template';

async function migratePostgresTemplate(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${PG_TEMPLATE_DATABASE} with (force)`);
    await admin.query(`create database ${PG_TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const own = new URL(url);
  own.pathname = `/${PG_TEMPLATE_DATABASE}`;
  // Closed before any file copies it: a template must have no open connection.
  const store = await openStore({ databaseUrl: own.toString(), poolMax: 1 });
  try {
    await migrate(store.db);
  } finally {
    await store.close();
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'upskill-test-'));
  project.provide('storeTemplateDir', dir);
  const url = process.env.DATABASE_URL;
  if (url) {
    await migratePostgresTemplate(url);
  } else {
    const store = await openStore({});
    try {
      await migrate(store.db);
      writeFileSync(join(dir, MIGRATED_TEMPLATE), await store.dumpDataDir!());
    } finally {
      await store.close();
    }
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
