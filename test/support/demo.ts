// The demo, seeded once per test run and shared: the demo test files (demo-data, demo-scan,
// demo-supervision, and demo-determinism's second store) each get a store of their own that starts from
// a copy of one seeding (PGlite dumps its data folder; each copy is an in-memory database of its own,
// so what one file writes no other file sees). The first file to ask seeds it, with the same seeder and
// the same use cases as `upskill demo`, and dumps it with what the seeder returned; the others wait for
// it. On PostgreSQL (DATABASE_URL) the same: the first file seeds a database of the run
// (DEMO_DATABASE, created from the migrated template) and closes it; each demo file then gets a
// database of its own created from it (`create database … template`, a file copy), dropped afterwards.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { DemoActivity } from '../../src/demo/seed-demo-activity.ts';
import { seedDemoRegistries, type DemoLogin } from '../../src/demo/seed-demo.ts';
import { migrate, openStore, type Store } from '../../src/store/database.ts';
import { copyDatabase, databaseUrl, onServer, openDatabaseCopy, openTestStore } from './store.ts';
import { PG_TEMPLATE_DATABASE } from './store-template.ts';

/** Fewer people than the real demo (5,000): the same seeder, the same use cases, a shorter test. */
export const TEST_DEMO_PEOPLE = 1200;

export interface TestDemo {
  store: Store;
  activity: DemoActivity;
  logins: DemoLogin[];
}

/** A fresh store holding the demo, seeded right now (demo-determinism compares it to the shared one). */
export async function seedFreshDemo(): Promise<TestDemo> {
  const store = await openTestStore();
  try {
    const { activity, logins } = await seedDemoRegistries(store.db, { people: TEST_DEMO_PEOPLE });
    return { store, activity, logins };
  } catch (e) {
    await store.close();
    throw e;
  }
}

function seederAlive(pidFile: string): boolean {
  if (!existsSync(pidFile)) return true; // it is just starting
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

/** On PostgreSQL: the run's demo, seeded once; each demo file's database is a copy of it. */
const DEMO_DATABASE = 'upskill_test_demo';

/** PostgreSQL: seeds the run's demo database from the migrated template, and leaves it closed (a template has no connection). */
async function seedPostgresDemo(url: string): Promise<Omit<TestDemo, 'store'>> {
  await onServer(url, `drop database if exists ${DEMO_DATABASE} with (force)`);
  await copyDatabase(url, PG_TEMPLATE_DATABASE, DEMO_DATABASE);
  const store = await openStore({ databaseUrl: databaseUrl(url, DEMO_DATABASE) });
  try {
    await migrate(store.db);
    const { activity, logins } = await seedDemoRegistries(store.db, { people: TEST_DEMO_PEOPLE });
    return { activity, logins };
  } finally {
    await store.close();
  }
}

/** A store of this file's own holding the run's shared demo (seeded by the first file that asks). */
export async function openDemoStore(): Promise<TestDemo> {
  const runDir = inject('storeTemplateDir');
  if (!runDir) return seedFreshDemo();
  const url = process.env.DATABASE_URL;
  const dir = join(runDir, 'demo');
  const tar = join(dir, 'demo.tar');
  const result = join(dir, 'demo.json');
  const failed = join(dir, 'failed.txt');
  let mine = false;
  try {
    mkdirSync(dir); // atomic: exactly one file of the run takes the seeding
    mine = true;
  } catch {
    // another file seeds it
  }
  if (mine) {
    writeFileSync(join(dir, 'seeder.pid'), String(process.pid));
    try {
      if (url) {
        const seeded = await seedPostgresDemo(url);
        writeFileSync(`${result}.part`, JSON.stringify(seeded));
        renameSync(`${result}.part`, result);
        return { store: await openDatabaseCopy(url, DEMO_DATABASE, 'test_demo'), ...seeded };
      }
      const demo = await seedFreshDemo();
      writeFileSync(`${tar}.part`, await demo.store.dumpDataDir!());
      renameSync(`${tar}.part`, tar);
      writeFileSync(`${result}.part`, JSON.stringify({ activity: demo.activity, logins: demo.logins }));
      renameSync(`${result}.part`, result);
      return demo;
    } catch (e) {
      writeFileSync(failed, String((e as Error).stack ?? e));
      throw e;
    }
  }
  for (const started = Date.now(); !existsSync(result); await sleep(200)) {
    if (existsSync(failed)) throw new Error(`the shared demo seeding failed:\n${readFileSync(failed, 'utf8')}`);
    if (!seederAlive(join(dir, 'seeder.pid')))
      throw new Error('the file seeding the shared demo stopped before it finished (its time-out?)');
    if (Date.now() - started > 15 * 60_000) throw new Error('waited 15 minutes for the shared demo seeding');
  }
  const { activity, logins } = JSON.parse(readFileSync(result, 'utf8')) as Omit<TestDemo, 'store'>;
  return { store: url ? await openDatabaseCopy(url, DEMO_DATABASE, 'test_demo') : await openTestStore({ from: tar }), activity, logins };
}
