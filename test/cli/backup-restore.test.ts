// `upskill backup` / `upskill restore` round trips: a store with its reference data (areas, policy
// packages, catalog), people, an enterprise, claims in several states, an audit entry and the running
// figures the claims' triggers keep, backed up,
// restored into an empty one, and every table compared row for row. On PGlite (the data folder, with
// PGlite's dumpDataDir/loadDataDir) always; on PostgreSQL (pg_dump/pg_restore) when DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/store/audit-log.ts';
import { migrate, openStore, type Store } from '../../src/store/database.ts';
import { seedReferenceData } from '../../src/store/seed/reference-data.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { insertClaimRow, insertEnterprise, insertPeople, residentId, uscc } from '../support/claims-fixtures.ts';
import { openDataFolder, openNewDataFolder } from '../support/data-folder.ts';

const work = mkdtempSync(join(tmpdir(), 'upskill-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

function upskill(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/upskill.js', ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

async function seeded(store: Store): Promise<void> {
  await migrate(store.db);
  await inTransaction(store.db, (tx) => seedReferenceData(tx));
  await inTransaction(store.db, async (tx) => {
    await insertPeople(
      tx,
      [1, 2, 3].map((n) => ({ residentId: residentId(n), name: `备份测试${n}`, facts: { pensionEntitled: false } })),
    );
    await insertEnterprise(tx, { uscc: uscc(1), educationFund: { 2020: true } });
    await insertClaimRow(tx, { id: 'BK-1', residentId: residentId(1), status: 'submitted' });
    await insertClaimRow(tx, {
      id: 'BK-2',
      residentId: residentId(2),
      status: 'approved',
      outcome: 'eligible',
      amountFen: 187000,
      payee: 'person',
    });
    await insertClaimRow(tx, {
      id: 'BK-3',
      residentId: residentId(3),
      status: 'rejected',
      outcome: 'not_eligible',
      amountFen: null,
      enterpriseUscc: uscc(1),
    });
    await appendAudit(tx, { actor: 'test', action: 'backup.fixture', entity: 'claim', entityId: 'BK-2', data: { note: '备份测试' } });
  });
}

/** Every table of the store, each row as JSON, in a stable order. */
async function everyTable(store: Store): Promise<Record<string, string[]>> {
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(store.db);
  const out: Record<string, string[]> = {};
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ j: string }>`select to_jsonb(t)::text as j from ${sql.table(table_name)} t order by 1`.execute(store.db);
    out[table_name] = rows.rows.map((r) => r.j);
  }
  return out;
}

describe('Backup and restore of the embedded store (PGlite)', () => {
  it('restores into an empty folder exactly what was backed up, every table, every row', async () => {
    const source = join(work, 'source');
    const copy = join(work, 'copy');
    const file = join(work, 'pglite.tar.gz');
    // The source folder starts from the run's migrated template (no initdb, no migrations to run).
    let store = await openNewDataFolder(source);
    await seeded(store);
    const before = await everyTable(store);
    await store.close();
    expect(Object.keys(before).length).toBeGreaterThan(30);
    expect(before.claims).toHaveLength(3);
    expect(before.claim_period_deltas!.length).toBeGreaterThan(0);

    const backup = upskill(['backup', file, '--data', source]);
    expect(backup.out).toContain('已备份 PGlite 数据目录');
    expect(backup.status).toBe(0);
    const restore = upskill(['restore', file, '--data', copy]);
    expect(restore.out).toContain('已从');
    expect(restore.status).toBe(0);

    store = await openDataFolder(copy);
    try {
      expect(await everyTable(store)).toEqual(before);
    } finally {
      await store.close();
    }
  }, 600_000);

  it('refuses to restore over a folder that holds data, changing nothing', () => {
    const r = upskill(['restore', join(work, 'pglite.tar.gz'), '--data', join(work, 'source')]);
    expect(r.status).toBe(2);
    expect(r.out).toContain('已有数据');
  });

  it('refuses a file that is not a backup', () => {
    const r = upskill(['restore', 'package.json', '--data', join(work, 'nowhere')]);
    expect(r.status).toBe(2);
    expect(r.out).toContain('不是 upskill backup 生成的备份文件');
  });
});

const url = process.env.DATABASE_URL;
describe.skipIf(!url)('Backup and restore on PostgreSQL (pg_dump / pg_restore)', () => {
  it('restores into an empty database exactly what was backed up, and asks for --yes before replacing data', async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const names = [`upskill_bk_${randomBytes(4).toString('hex')}`, `upskill_rs_${randomBytes(4).toString('hex')}`];
    const urlOf = (db: string) => {
      const u = new URL(url!);
      u.pathname = `/${db}`;
      return u.toString();
    };
    try {
      for (const n of names) await admin.query(`create database ${n}`);
      let store = await openStore({ databaseUrl: urlOf(names[0]!) });
      await seeded(store);
      const before = await everyTable(store);
      await store.close();
      const file = join(work, 'pg.dump');
      expect(upskill(['backup', file], { DATABASE_URL: urlOf(names[0]!) }).status).toBe(0);
      const restored = upskill(['restore', file], { DATABASE_URL: urlOf(names[1]!) });
      expect(restored.out).toContain('已从');
      expect(restored.status).toBe(0);
      store = await openStore({ databaseUrl: urlOf(names[1]!) });
      try {
        expect(await everyTable(store)).toEqual(before);
      } finally {
        await store.close();
      }
      const unconfirmed = upskill(['restore', file], { DATABASE_URL: urlOf(names[1]!) });
      expect(unconfirmed.status).toBe(2);
      expect(unconfirmed.out).toContain('--yes');
      expect(upskill(['restore', file, '--yes'], { DATABASE_URL: urlOf(names[1]!) }).status).toBe(0);
    } finally {
      for (const n of names) await admin.query(`drop database if exists ${n} with (force)`);
      await admin.end();
    }
  }, 600_000);
});
