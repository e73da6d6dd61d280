// Signs the log's current length and head hash and appends the checkpoint to the file. Before signing
// it checks that the log still contains the newest checkpoint already written and that every entry
// after it chains correctly: a checkpoint never vouches for a log that was cut short or rewritten.
import { auditHashAt, auditHead, verifyAuditChain } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import type { SigningKey } from './audit-key.ts';
import { appendCheckpoint, newestValidCheckpoint, readCheckpointFile, signCheckpoint, type Checkpoint } from './audit-checkpoints.ts';
import { CHAIN_PROBLEMS } from './verify-audit-log.ts';

/** The log no longer matches what was signed before; nothing is signed. The message is for operators. */
export class AuditAnchorError extends Error {}

export interface CheckpointResult {
  /** The checkpoint written, with the exact line appended (for the offline copy); null when none was needed. */
  written: { checkpoint: Checkpoint; line: string } | null;
  entries: number;
}

export async function writeAuditCheckpoint(
  db: Db,
  key: SigningKey,
  file: string,
  options: { onlyIfGrown?: boolean; now?: Date } = {},
): Promise<CheckpointResult> {
  const previous = newestValidCheckpoint(key, readCheckpointFile(file))?.checkpoint;
  const head = await auditHead(db);
  if (head.seq === 0) return { written: null, entries: 0 };
  let from = { seq: 0, hash: '0'.repeat(64) };
  if (previous) {
    if (head.seq < previous.entries) {
      throw new AuditAnchorError(
        `审计日志被截断：${previous.at} 的检查点记录了 ${previous.entries} 条，数据库现只有 ${head.seq} 条；不写新的检查点`,
      );
    }
    if ((await auditHashAt(db, previous.entries)) !== previous.head) {
      throw new AuditAnchorError(
        `审计日志第 ${previous.entries} 条的哈希与 ${previous.at} 的检查点不符（之前的记录被改写并重算了哈希）；不写新的检查点`,
      );
    }
    if (options.onlyIfGrown && head.seq === previous.entries) return { written: null, entries: head.seq };
    from = { seq: previous.entries, hash: previous.head };
  }
  // Only the entries after the last checkpoint are walked: the periodic checkpoint stays cheap.
  const verdict = await verifyAuditChain(db, from);
  if (!verdict.ok) throw new AuditAnchorError(`审计日志被破坏：第 ${verdict.seq} 条${CHAIN_PROBLEMS[verdict.problem]}；不写新的检查点`);
  const chain = previous?.chain ?? (await auditHashAt(db, 1))!;
  const headHash = (await auditHashAt(db, verdict.entries))!;
  const checkpoint = signCheckpoint(key, { chain, entries: verdict.entries, head: headHash, at: options.now ?? new Date() });
  const line = appendCheckpoint(file, checkpoint);
  return { written: { checkpoint, line }, entries: verdict.entries };
}

/**
 * The server's checkpoints: one every `everyMs` when the log has grown, and one when it stops. A
 * failure is reported (the log no longer matches an earlier checkpoint: an operator must look) and
 * the timer keeps running.
 */
export function checkpointAuditEvery(db: Db, key: SigningKey, file: string, everyMs: number, report: (message: string) => void) {
  let running: Promise<void> = Promise.resolve();
  const once = () => {
    running = running.then(async () => {
      try {
        await writeAuditCheckpoint(db, key, file, { onlyIfGrown: true });
      } catch (e) {
        report(e instanceof AuditAnchorError ? e.message : `写审计检查点失败：${(e as Error).message}`);
      }
    });
    return running;
  };
  const timer = setInterval(() => void once(), everyMs);
  timer.unref();
  return {
    /** Writes one now (after any still running). */
    now: once,
    /** Stops the timer and writes the last one. */
    async stop() {
      clearInterval(timer);
      await once();
    },
  };
}
