// `upskill audit verify` in full: the hash chain entry by entry, the chain against the newest signed
// checkpoint (which a cut-short or recomputed chain cannot match), and the money tables against the
// amounts the log recorded. Each problem is one Chinese line naming the entry, checkpoint or row.
import { auditHashAt, auditHead, verifyAuditChain, type AuditVerdict } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import { AuditKeyError, KEY_SETTINGS, type VerifyingKey } from './audit-key.ts';
import { checkpointSignatureValid, newestValidCheckpoint, readCheckpointFile, type Checkpoint } from './audit-checkpoints.ts';
import { reconcileMoney, type MoneyProblem } from './reconcile-money.ts';

export const CHAIN_PROBLEMS = {
  altered: '内容被篡改',
  removed: '被删除（序号缺失）',
  relinked: '链接的前一条哈希不符',
} as const;

export interface AuditReport {
  ok: boolean;
  chain: AuditVerdict;
  /** The checkpoint the chain was checked against (newest validly signed), when there is one. */
  checkpoint: (Checkpoint & { line: number }) | null;
  /** Lines of the checkpoint file that are not checkpoints, or not signed by the configured key. */
  refusedCheckpoints: number;
  money: MoneyProblem[];
  /** Every problem, one line each, in the order found. */
  problems: string[];
}

/** The checkpoint file's lines; lines that no configured key can check are a missing setting (AuditKeyError). */
export function checkpointsToVerify(file: string, key: VerifyingKey | null): ReturnType<typeof readCheckpointFile> {
  const lines = readCheckpointFile(file);
  if (lines.length > 0 && !key) {
    throw new AuditKeyError(
      `检查点文件 ${file} 有 ${lines.length} 个检查点，但没有配置核对签名的密钥（${KEY_SETTINGS.file}、${KEY_SETTINGS.inline} 或 ${KEY_SETTINGS.publicFile}）`,
    );
  }
  return lines;
}

export async function verifyAuditLog(db: Db, options: { checkpointFile: string; key: VerifyingKey | null }): Promise<AuditReport> {
  const problems: string[] = [];
  const chain = await verifyAuditChain(db);
  if (!chain.ok) problems.push(`审计日志被破坏：第 ${chain.seq} 条${CHAIN_PROBLEMS[chain.problem]}（此前 ${chain.entries} 条校验通过）`);

  const lines = checkpointsToVerify(options.checkpointFile, options.key);
  let refused = 0;
  for (const l of lines) {
    if ('unreadable' in l) {
      refused++;
      problems.push(`检查点文件第 ${l.line} 行不是检查点（${l.unreadable}）`);
    } else if (!checkpointSignatureValid(options.key!, l.checkpoint)) {
      refused++;
      problems.push(
        `检查点文件第 ${l.line} 行（${l.checkpoint.at}，${l.checkpoint.entries} 条）签名无效，不予采信：${l.checkpoint.key === options.key!.keyId ? '内容在签名后被改动' : `由另一把密钥 ${l.checkpoint.key} 签名，配置的密钥是 ${options.key!.keyId}`}`,
      );
    }
  }
  const newest = options.key ? newestValidCheckpoint(options.key, lines) : undefined;
  if (newest) {
    const cp = newest.checkpoint;
    const head = await auditHead(db);
    if (head.seq < cp.entries) {
      problems.push(
        `审计日志被截断：${cp.at} 的检查点（第 ${newest.line} 行）记录了 ${cp.entries} 条，数据库现只有 ${head.seq} 条，第 ${head.seq + 1}–${cp.entries} 条已被删除`,
      );
    } else if ((await auditHashAt(db, cp.entries)) !== cp.head) {
      const first = await auditHashAt(db, 1);
      problems.push(
        first === cp.chain
          ? `审计日志第 ${cp.entries} 条的哈希与 ${cp.at} 的检查点（第 ${newest.line} 行）不符：该条或之前的记录被改写后重算了哈希`
          : `审计日志与 ${cp.at} 的检查点（第 ${newest.line} 行）对不上：从第 1 条起已不同（被改写并重算，或检查点文件属于另一个数据库）`,
      );
    }
  }

  const money = await reconcileMoney(db);
  for (const m of money) problems.push(m.message);
  return {
    ok: problems.length === 0,
    chain,
    checkpoint: newest ? { ...newest.checkpoint, line: newest.line } : null,
    refusedCheckpoints: refused,
    money,
    problems,
  };
}
