// `upskill backup FILE` and `upskill restore FILE` for both stores (docs/operations.md):
// - PostgreSQL (DATABASE_URL): pg_dump's custom format, restored by pg_restore in one transaction. The
//   server keeps running during a backup (pg_dump reads one consistent snapshot). The password goes
//   to the tools in PGPASSWORD, never on their command line.
// - PGlite (a data folder): PGlite's own dumpDataDir (a gzip tarball of the folder), restored with
//   loadDataDir into a folder that holds no data yet. The folder's lock (one process per folder) means
//   the server must be stopped for either.
// A restore never overwrites data unasked: PostgreSQL needs --yes when the database already holds the
// tables, PGlite refuses a folder that holds data; and a file of the other store's kind is refused.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { settings } from '../settings.ts';
import { DataDirLockedError, lockDataDir } from '../store/data-dir-lock.ts';
import { UsageError } from './errors.ts';
import type { StoreFlags } from './open-configured-store.ts';

export interface RestoreFlags extends StoreFlags {
  yes?: boolean;
}

type Target = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };

function target(flags: StoreFlags): Target {
  const config = settings();
  if (!flags.data && config.databaseUrl) return { kind: 'postgres', url: config.databaseUrl };
  return { kind: 'pglite', dir: resolve(flags.data ?? config.dataDir) };
}

/** The tools' connection: the URL without its password, and the password in the environment. */
function pgArgs(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'ENOENT'
          ? new UsageError(
              `没有找到 ${tool}：请安装与服务器版本相同或更新的 PostgreSQL 客户端（Debian：apt-get install postgresql-client）`,
            )
          : e,
      );
    });
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new UsageError(`${tool} 失败（退出码 ${code}）：${err.trim()}`))));
  });
}

function withLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  let release: () => void;
  try {
    release = lockDataDir(dir);
  } catch (e) {
    if (e instanceof DataDirLockedError) throw new UsageError(`${e.message}；请先停止该进程再备份或恢复`);
    throw e;
  }
  return work().finally(release);
}

/** What a backup file holds, from its first bytes: pg_dump's custom format or PGlite's gzip tarball. */
function kindOfFile(file: string): 'postgres' | 'pglite' | null {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(5);
  readSync(fd, head, 0, 5, 0);
  closeSync(fd);
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  return null;
}

export async function backupCommand(file: string, flags: StoreFlags, log: (line: string) => void): Promise<void> {
  const out = resolve(file);
  const t = target(flags);
  if (t.kind === 'postgres') {
    const { dbname, env } = pgArgs(t.url);
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${out}`, `--dbname=${dbname}`], env);
    log(`已备份 PostgreSQL 数据库到 ${out}（pg_dump 自定义格式；用 upskill restore 恢复）`);
    return;
  }
  if (!existsSync(t.dir) || readdirSync(t.dir).filter((f) => f !== '.upskill.lock').length === 0) {
    throw new UsageError(`数据目录 ${t.dir} 中没有数据，无需备份`);
  }
  if (!existsSync(join(t.dir, 'PG_VERSION'))) throw new UsageError(`${t.dir} 不是 PGlite 数据目录（没有 PG_VERSION）`);
  await withLock(t.dir, async () => {
    const pg = new PGlite(t.dir);
    try {
      // dumpDataDir does not wait for the database to open (it never settles when called first).
      await pg.waitReady;
      const dump = await pg.dumpDataDir('gzip');
      writeFileSync(out, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await pg.close();
    }
  });
  log(`已备份 PGlite 数据目录 ${t.dir} 到 ${out}（用 upskill restore 恢复到空目录）`);
}

export async function restoreCommand(file: string, flags: RestoreFlags, log: (line: string) => void): Promise<void> {
  const from = resolve(file);
  if (!existsSync(from)) throw new UsageError(`备份文件不存在：${from}`);
  const t = target(flags);
  const kind = kindOfFile(from);
  if (kind === null) throw new UsageError(`${from} 不是 upskill backup 生成的备份文件`);
  if (kind !== t.kind) {
    throw new UsageError(
      kind === 'postgres'
        ? `${from} 是 PostgreSQL 的备份：请设置 DATABASE_URL 指向要恢复到的数据库`
        : `${from} 是 PGlite 数据目录的备份：请用 --data 指定要恢复到的空目录（不要设置 DATABASE_URL）`,
    );
  }
  if (t.kind === 'postgres') {
    const { dbname, env } = pgArgs(t.url);
    if (!flags.yes && (await postgresHoldsData(t.url))) {
      throw new UsageError('目标数据库中已有 upskill 的数据；恢复会用备份替换它们。确认后请加 --yes 再运行');
    }
    await run(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${dbname}`, from],
      env,
    );
    log(`已从 ${from} 恢复 PostgreSQL 数据库`);
    return;
  }
  if (existsSync(t.dir) && readdirSync(t.dir).some((f) => f !== '.upskill.lock')) {
    throw new UsageError(`数据目录 ${t.dir} 中已有数据：PGlite 只能恢复到空目录（请换一个目录，或先移走现有数据）`);
  }
  await withLock(t.dir, async () => {
    const pg = new PGlite(t.dir, { loadDataDir: new Blob([readFileSync(from)]) });
    try {
      await pg.waitReady;
      await pg.query('select 1');
    } finally {
      await pg.close();
    }
  });
  log(`已从 ${from} 恢复到 PGlite 数据目录 ${t.dir}`);
}

async function postgresHoldsData(url: string): Promise<boolean> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>(
      `select count(*) as n from information_schema.tables where table_name = 'upskill_migrations'`,
    );
    return Number(r.rows[0]!.n) > 0;
  } finally {
    await client.end();
  }
}
