// The store: PostgreSQL when DATABASE_URL is set, otherwise PGlite (PostgreSQL in WASM) in a data
// folder. Same schema, same migrations, same queries (Kysely). Money (bigint) and numerics come back
// as numbers, dates as ISO strings.
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { Migrator, type MigrationResultSet } from 'kysely/migration';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteInThread } from './pglite-in-thread.ts';
import { PGliteInWorker } from './pglite-in-worker.ts';
import { PGLITE_PARSERS } from './pglite-parsers.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface StoreOptions {
  /** A PostgreSQL connection string; when absent, PGlite. */
  databaseUrl?: string;
  /** PGlite's data folder; absent (with no URL) = in memory, for tests. */
  dataDir?: string;
  /** PGlite only: a tar of a data folder (PGliteInWorker.dumpDataDir) to start from, for a new data folder. */
  loadDataDir?: string;
  /**
   * PGlite only: run it on this thread instead of a worker thread. For callers that serve no concurrent
   * requests (`upskill demo`, the tests' stores): a statement costs about a third of the CPU.
   */
  inThread?: boolean;
  /** PostgreSQL schema to use (tests isolate themselves in one each). */
  schema?: string;
  /** PostgreSQL pool size per process (UPSKILL_DB_POOL_MAX; default 10). */
  poolMax?: number;
}

export interface Store {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages (never the password). */
  location: string;
  /** The PostgreSQL pool's connection counts, for the metrics (absent on PGlite: one connection). */
  poolStats?: () => { total: number; idle: number; waiting: number };
  /** PGlite only: the data folder as a tar, to start another store from (loadDataDir). */
  dumpDataDir?: () => Promise<Uint8Array>;
  close(): Promise<void>;
}

async function openPglite(dataDir: string | undefined, loadDataDir: string | undefined, inThread: boolean): Promise<Store> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    // In a worker thread, so a long query never blocks the API's event loop (STACK-NOTES trap 3), unless
    // the caller serves nothing meanwhile (pglite-in-thread.ts).
    const pglite = inThread ? new PGliteInThread(dataDir, loadDataDir) : new PGliteInWorker(dataDir, loadDataDir);
    await pglite.waitReady;
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: pglite as never }) });
    return {
      db,
      kind: 'pglite',
      location: dataDir ?? '(内存)',
      dumpDataDir: () => pglite.dumpDataDir(),
      async close() {
        await db.destroy();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

async function openPostgres(url: string, schema: string | undefined, poolMax: number): Promise<Store> {
  const parsers = PGLITE_PARSERS;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection the server drops (a restart, a terminated backend) is an 'error' event on the
  // pool; unheard, Node treats it as uncaught and the process dies. The pool already discards that
  // client and opens another on the next query: a warning is all it needs.
  pool.on('error', (e) => process.emitWarning(`PostgreSQL: an idle connection was lost (${e.message})`, 'UpskillStoreWarning'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  const safe = new URL(url);
  safe.password = '';
  const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
  return { db, kind: 'postgres', location: safe.toString(), poolStats, close: () => db.destroy() };
}

export function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.schema, options.poolMax ?? 10)
    : openPglite(options.dataDir, options.loadDataDir, options.inThread ?? false);
}

/**
 * Whether the applied migrations are exactly this build's: two small queries, where Kysely's migrator
 * first introspects every column of every table (~0.4 s of CPU per check on PGlite, two checks per run)
 * even with nothing to apply. Anything else — never migrated, behind, or migrated by a newer build (which
 * the migrator refuses, naming the migration) — is the migrator's.
 */
export async function migratedToLatest(db: Db, schema?: string): Promise<boolean> {
  const table = schema ? `${schema}.upskill_migrations` : 'upskill_migrations';
  const { rows } = await sql<{ t: string | null }>`select to_regclass(${table})::text as t`.execute(db);
  if (!rows[0]?.t) return false;
  const applied = new Set((await sql<{ name: string }>`select name from ${sql.table(table)}`.execute(db)).rows.map((r) => r.name));
  const known = Object.keys(MIGRATIONS);
  return applied.size === known.length && known.every((m) => applied.has(m));
}

/** Applies every migration not applied yet; throws with the failing migration's name. */
export async function migrate(db: Db, schema?: string): Promise<string[]> {
  if (await migratedToLatest(db, schema)) return [];
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    // Kysely looks for its tables in every schema; name ours, so a server shared by schemas works.
    ...(schema ? { migrationTableSchema: schema } : {}),
    migrationTableName: 'upskill_migrations',
    migrationLockTableName: 'upskill_migrations_lock',
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${(error as Error).message}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
