// `upskill audit verify | checkpoint | keygen`: the audit log's chain, its signed checkpoints, and the
// money tables reconciled with it (docs/audit.md). verify: exit 0 when all holds, 1 naming each
// problem; a missing or unusable key setting is a usage error (2).
import { resolve } from 'node:path';
import {
  AuditKeyError,
  KEY_SETTINGS,
  generateSigningKeyFile,
  keyFileIsShared,
  loadSigningKey,
  loadVerifyingKey,
} from '../services/audit/audit-key.ts';
import { checkpointsToVerify, verifyAuditLog } from '../services/audit/verify-audit-log.ts';
import { AuditAnchorError, writeAuditCheckpoint } from '../services/audit/write-audit-checkpoint.ts';
import { UsageError } from './errors.ts';
import { configuredLocation, openConfiguredStore, type StoreFlags } from './open-configured-store.ts';

export interface AuditFlags extends StoreFlags {
  checkpoints?: string;
}

export const CHECKPOINTS_SETTING = 'UPSKILL_AUDIT_CHECKPOINTS';
/** Problems printed by verify; the count says how many more there are. */
const SHOWN = 50;

/**
 * Where the checkpoints are appended: --checkpoints, else UPSKILL_AUDIT_CHECKPOINTS, else
 * `audit-checkpoints.jsonl` in PGlite's data folder, or in the working folder with PostgreSQL. Known
 * from the settings alone, so the audit commands check it before they open the data.
 */
export function checkpointFile(flags: AuditFlags): string {
  const configured = flags.checkpoints ?? process.env[CHECKPOINTS_SETTING];
  if (configured) return resolve(configured);
  return resolve(configuredLocation(flags).dataDir ?? '.', 'audit-checkpoints.jsonl');
}

// The audit's commands open the store on this thread (they serve nothing meanwhile: no worker thread to
// start) and migrate only a database behind this build: an auditor's check writes nothing to an
// up-to-date database, and each run costs about a second of CPU less.
const AUDIT_STORE = { inThread: true, migrate: 'when-behind' } as const;

/** A key setting that is there but unusable is a usage error (exit 2), naming the setting. */
async function keyOrUsage<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AuditKeyError) throw new UsageError(e.message);
    throw e;
  }
}

export async function auditVerifyCommand(flags: AuditFlags): Promise<number> {
  const key = await keyOrUsage(() => loadVerifyingKey());
  const file = checkpointFile(flags);
  // Checkpoints that no configured key can check: a usage error decided by the file alone, before the data is opened.
  await keyOrUsage(() => checkpointsToVerify(file, key));
  const store = await openConfiguredStore(flags, AUDIT_STORE);
  try {
    const report = await keyOrUsage(() => verifyAuditLog(store.db, { checkpointFile: file, key }));
    if (!report.ok) {
      process.stderr.write(`审计校验未通过：发现 ${report.problems.length} 个问题\n`);
      for (const p of report.problems.slice(0, SHOWN)) process.stderr.write(`  ${p}\n`);
      if (report.problems.length > SHOWN) process.stderr.write(`  ……另有 ${report.problems.length - SHOWN} 个问题未列出\n`);
      return 1;
    }
    const out: string[] = [`审计日志完整：共 ${report.chain.entries} 条，哈希链校验通过`];
    if (report.checkpoint) {
      out.push(
        `与检查点一致：${report.checkpoint.at} 签名的检查点（${file} 第 ${report.checkpoint.line} 行）记录 ${report.checkpoint.entries} 条，哈希相符`,
      );
    } else {
      out.push(
        `注意：没有检查点（${file}）${key ? '' : '，也没有配置审计签名密钥'}，无法发现末尾记录被删除或整条链被重算；见 upskill audit checkpoint`,
      );
    }
    out.push('资金核对通过：支付、预留、支付批次明细、预支及抵扣、追回、资金预算与审计日志记录的金额一致');
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** Prints the checkpoint line on stdout (for an offline copy: `upskill audit checkpoint >> copy.jsonl`), the summary on stderr. */
export async function auditCheckpointCommand(flags: AuditFlags): Promise<number> {
  const key = await keyOrUsage(() => loadSigningKey());
  if (!key)
    throw new UsageError(
      `没有配置审计签名密钥：设置 ${KEY_SETTINGS.file}（私钥文件路径）或 ${KEY_SETTINGS.inline}；可用 upskill audit keygen --out <文件> 生成`,
    );
  const warning = sharedKeyWarning();
  if (warning) process.stderr.write(`${warning}\n`);
  const file = checkpointFile(flags);
  const store = await openConfiguredStore(flags, AUDIT_STORE);
  try {
    try {
      const result = await writeAuditCheckpoint(store.db, key, file);
      if (!result.written) {
        process.stderr.write('审计日志为空，没有可签的检查点\n');
        return 0;
      }
      process.stdout.write(`${result.written.line}\n`);
      process.stderr.write(`已写入检查点：${result.entries} 条，密钥 ${key.keyId}，追加到 ${file}；请把上面这一行另存一份离线副本\n`);
      return 0;
    } catch (e) {
      if (e instanceof AuditAnchorError) {
        process.stderr.write(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
  } finally {
    await store.close();
  }
}

export function auditKeygenCommand(options: { out: string }): number {
  const path = resolve(options.out);
  let made: { publicKeyPem: string; keyId: string };
  try {
    made = generateSigningKeyFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'EEXIST' ? `--out：${path} 已存在，不覆盖现有密钥` : `--out：无法写入 ${path}（${code ?? (e as Error).message}）`,
    );
  }
  process.stdout.write(made.publicKeyPem);
  process.stderr.write(
    `已生成审计签名私钥 ${path}（仅所有者可读，密钥 ${made.keyId}）。服务器设置 ${KEY_SETTINGS.file}=${path}；上面的公钥交给审计人员（${KEY_SETTINGS.publicFile}）\n`,
  );
  return 0;
}

/** A warning for `serve` and `checkpoint` when the private key file can be read by others. */
export function sharedKeyWarning(): string | null {
  const file = process.env[KEY_SETTINGS.file];
  return file && !process.env[KEY_SETTINGS.inline] && keyFileIsShared(file)
    ? `警告：审计签名私钥 ${file} 可被其他用户读取，应设为仅所有者可读（chmod 600）`
    : null;
}
