// `upskill audit keygen | checkpoint | verify` and the server's checkpoints, as operators run them
// (`node bin/upskill.js`, a PGlite data folder): exit 0 when the log holds, 1 naming what was cut,
// rewritten or edited, 2 for a missing or unusable key setting.
// Each `upskill` here starts node and PGlite on the folder (seconds of CPU): the folder is made once, from
// the run's migrated template, and a test that needs a folder of its own (a tampered one, a served one)
// copies it while no process has it open (a file copy: no initdb, no migrations).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/access.ts';
import { loadVerifyingKey } from '../../src/services/audit/audit-key.ts';
import { verifyAuditLog } from '../../src/services/audit/verify-audit-log.ts';
import { createFund } from '../../src/services/funds/create-fund.ts';
import { auditHead } from '../../src/store/audit-log.ts';
import type { Db } from '../../src/store/database.ts';
import { seedReferenceData } from '../../src/store/seed/reference-data.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { openDataFolder, openNewDataFolder } from '../support/data-folder.ts';

const dir = mkdtempSync(join(tmpdir(), 'upskill-audit-cli-'));
const data = join(dir, 'data');
const keyFile = join(dir, 'audit-key.pem');
const checkpoints = join(data, 'audit-checkpoints.jsonl');
/** The data folder as the set-up left it (reference data and one fund, no checkpoint), for `serve`. */
const pristine = join(dir, 'pristine');
const city: Actor = {
  userId: 'u',
  username: 'city',
  displayName: '市人社局',
  role: 'city',
  areaCode: '510400',
  department: null,
  enterpriseUscc: null,
  providerId: null,
  residentId: null,
};
const keyless = { UPSKILL_AUDIT_KEY_FILE: '', UPSKILL_AUDIT_KEY: '', UPSKILL_AUDIT_PUBLIC_KEY_FILE: '', UPSKILL_AUDIT_CHECKPOINTS: '' };

function upskill(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/upskill.js', ...args], {
    env: { ...process.env, DATABASE_URL: '', ...keyless, ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const withKey = { UPSKILL_AUDIT_KEY_FILE: keyFile };

/** Changes a data folder directly, as someone with access to the database could. */
async function tamper(folder: string, work: (db: Db) => Promise<void>) {
  const store = await openDataFolder(folder);
  try {
    await work(store.db);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  const store = await openNewDataFolder(data);
  await inTransaction(store.db, async (tx) => {
    await seedReferenceData(tx);
    await createFund(tx, city, { source: 'special_action', year: 2020, budgetFen: 48_000_000_00 });
  });
  await store.close();
  cpSync(data, pristine, { recursive: true });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000); // five data folders of ~40 MB

describe('upskill audit', () => {
  it('without a checkpoint, verify passes the chain and the money but says that truncation cannot be seen', () => {
    const r = upskill(['audit', 'verify', '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('哈希链校验通过');
    expect(r.stdout).toContain('资金核对通过');
    expect(r.stdout).toContain('没有检查点');
  }, 120_000);

  it('checkpoint without a key is a usage error naming the setting', () => {
    const r = upskill(['audit', 'checkpoint', '--data', data]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('UPSKILL_AUDIT_KEY_FILE');
  }, 120_000);

  it('keygen writes a private key only its owner reads and prints the public key; it never overwrites a key', () => {
    const r = upskill(['audit', 'keygen', '--out', keyFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    writeFileSync(join(dir, 'audit-public.pem'), r.stdout);
    expect(spawnSync('stat', ['-c', '%a', keyFile], { encoding: 'utf8' }).stdout.trim()).toBe('600');
    const again = upskill(['audit', 'keygen', '--out', keyFile]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在');
  }, 60_000);

  it("checkpoint appends a signed line to the data folder's checkpoint file and prints it; an auditor verifies it with the public key alone", () => {
    const r = upskill(['audit', 'checkpoint', '--data', data], withKey);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(checkpoints, 'utf8')).toBe(r.stdout);
    const cp = JSON.parse(r.stdout) as { entries: number };
    // Verifying with the signing key itself is shown below (the tampered folders, the served one).
    const auditor = upskill(['audit', 'verify', '--data', data], { UPSKILL_AUDIT_PUBLIC_KEY_FILE: join(dir, 'audit-public.pem') });
    expect(auditor.code, auditor.stderr).toBe(0);
    expect(auditor.stdout).toContain(`记录 ${cp.entries} 条，哈希相符`);
  }, 120_000);

  it('checkpoints with no key configured, or an unusable key, are usage errors found before any data is opened', () => {
    // A folder that does not exist stays so: the command refused on the settings and the checkpoint file alone.
    const never = join(dir, 'never-opened');
    const none = upskill(['audit', 'verify', '--data', never, '--checkpoints', checkpoints]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('有 1 个检查点，但没有配置核对签名的密钥');
    expect(existsSync(never)).toBe(false);
    const broken = upskill(['audit', 'verify', '--data', never], { UPSKILL_AUDIT_KEY: 'not a key' });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('UPSKILL_AUDIT_KEY：不是有效的私钥');
    expect(existsSync(never)).toBe(false);
  }, 60_000);

  it('a fund budget raised in SQL fails verify (exit 1), naming the fund and the entry', async () => {
    // On a copy of the checkpointed folder, so the next test starts from the honest one.
    const raised = join(dir, 'raised');
    cpSync(data, raised, { recursive: true });
    await tamper(raised, (db) =>
      sql`update funds set budget_fen = budget_fen * 10 where id = 'special_action-2020'`.execute(db).then(() => undefined),
    );
    const r = upskill(['audit', 'verify', '--data', raised], withKey);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/资金 special_action-2020 预算 ¥480,000,000.00，与审计日志第 \d+ 条记录的 ¥48,000,000.00 不符/);
  }, 180_000);

  it('the last entries deleted: verify fails (exit 1) naming the entries cut, and no new checkpoint is signed', async () => {
    await tamper(data, (db) => sql`delete from audit_log where seq = (select max(seq) from audit_log)`.execute(db).then(() => undefined));
    const r = upskill(['audit', 'verify', '--data', data], withKey);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/审计日志被截断：.*记录了 (\d+) 条，数据库现只有 \d+ 条/);
    const refused = upskill(['audit', 'checkpoint', '--data', data], withKey);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('不写新的检查点');
  }, 180_000);

  it('serve signs a checkpoint when it starts and when it stops', async () => {
    const fresh = join(dir, 'served');
    cpSync(pristine, fresh, { recursive: true });
    const file = join(dir, 'served-checkpoints.jsonl');
    const child = spawn(process.execPath, ['bin/upskill.js', 'serve', '--data', fresh, '--port', '0', '--checkpoints', file], {
      env: { ...process.env, DATABASE_URL: '', ...keyless, ...withKey },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('upskill 已启动')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
    });
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit, err).toBe(0);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { entries: number; head: string });
    const store = await openDataFolder(fresh);
    try {
      const head = await auditHead(store.db);
      expect(lines.at(-1)).toMatchObject({ entries: head.seq, head: head.hash });
      // What `upskill audit verify --checkpoints FILE` runs (the command itself is run above), on the open folder.
      const report = await verifyAuditLog(store.db, { checkpointFile: file, key: loadVerifyingKey(withKey) });
      expect(report.problems).toEqual([]);
      expect(report.checkpoint).toMatchObject({ entries: head.seq, line: lines.length });
    } finally {
      await store.close();
    }
  }, 240_000);
});
