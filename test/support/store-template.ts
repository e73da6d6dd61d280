// Test set-up: migrating a new store is most of what an API test file used to spend on its store (a new
// PGlite database, then every migration), so it is done once per run here: a PGlite database migrated to
// the latest schema is dumped to a tar in a folder of this run, and openTestStore starts each file's
// in-memory PGlite from a copy of it (isolation per file as before: a copy each). The demo snapshot
// (test/support/demo.ts) is written into the same folder. On PostgreSQL (DATABASE_URL) each file still
// creates and migrates a schema of its own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate, openStore } from '../../src/store/database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's folder: migrated.tar (the migrated template), and the demo snapshot once seeded. */
    storeTemplateDir: string;
  }
}

export const MIGRATED_TEMPLATE = 'migrated.tar';

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'upskill-test-'));
  project.provide('storeTemplateDir', dir);
  if (!process.env.DATABASE_URL) {
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
