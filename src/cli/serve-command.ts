// `upskill serve`: checks the settings (src/settings.ts), applies migrations, listens on
// 127.0.0.1:PORT (HOST/--port override), prints the URL; signs audit checkpoints (at start,
// periodically, at shutdown: docs/audit.md). On SIGTERM or SIGINT it reports not ready (/readyz 503),
// finishes in-flight requests, writes the last checkpoint, closes the store and exits 0; past
// UPSKILL_SHUTDOWN_GRACE_MS it gives up waiting and exits 1.
import { buildApp } from '../api/app.ts';
import { foldClaimPeriodDeltasEvery } from '../store/claim-period-totals.ts';
import { AuditKeyError, KEY_SETTINGS, loadSigningKey } from '../services/audit/audit-key.ts';
import { checkpointAuditEvery } from '../services/audit/write-audit-checkpoint.ts';
import { deliverOutboxEvery, LogSender } from '../services/notifications/sender.ts';
import { checkpointFile, sharedKeyWarning, type AuditFlags } from './audit-command.ts';
import { demoCommand } from './demo-command.ts';
import { businessDateAtStart, UsageError } from './errors.ts';
import { openConfiguredStore, type StoreFlags } from './open-configured-store.ts';
import { checkServeSettings } from './serve-settings.ts';

export interface ServeFlags extends StoreFlags, AuditFlags {
  port?: string;
  host?: string;
  demo?: boolean;
}

export async function serveCommand(flags: ServeFlags): Promise<void> {
  const config = checkServeSettings();
  const port = flags.port === undefined ? config.port : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`端口号无效：${flags.port}`);
  const host = flags.host ?? config.host;
  const minutes = Number(process.env.UPSKILL_AUDIT_CHECKPOINT_MINUTES ?? 10);
  if (!(minutes > 0))
    throw new UsageError(`UPSKILL_AUDIT_CHECKPOINT_MINUTES 应为正数（分钟）：${process.env.UPSKILL_AUDIT_CHECKPOINT_MINUTES}`);
  let key;
  try {
    key = loadSigningKey();
  } catch (e) {
    if (e instanceof AuditKeyError) throw new UsageError(e.message);
    throw e;
  }
  const today = businessDateAtStart();
  // The demo goes in before anything is served, so with PGlite on this thread (a third of the CPU per statement).
  if (flags.demo) await demoCommand(flags);
  const store = await openConfiguredStore(flags);
  // The fold lag is counted from the start until the first fold succeeds.
  let lastFoldAt: number | null = Date.now();
  const app = await buildApp(store, {
    logger: config.requestLog,
    logLevel: config.logLevel,
    requestLog: config.requestLog,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    lastFoldAt: () => lastFoldAt,
  });
  // The period reports' running figures: fold the claims' deltas into their totals every 30 s. With
  // several instances on one database each runs the loop; the fold's advisory lock lets one at a time in.
  const stopFolding = foldClaimPeriodDeltasEvery(
    store.db,
    config.foldIntervalMs,
    (e) =>
      process.stderr.write(
        `claim_period_totals: fold failed (${e instanceof Error ? e.message : String(e)}); the reports stay right, reading the deltas\n`,
      ),
    () => {
      lastFoldAt = Date.now();
    },
  );
  // Texts to trainees (docs/notifications.md): the outbox is delivered by the log adapter (the app
  // log; an SMS gateway adapter replaces it where one is contracted). Each instance runs the loop; a
  // message is claimed by one of them (FOR UPDATE SKIP LOCKED).
  const stopSending = deliverOutboxEvery(
    store.db,
    new LogSender((entry) => (config.requestLog ? app.log.info(entry) : process.stdout.write(`${JSON.stringify(entry)}\n`))),
    config.outboxIntervalMs,
    (e) => process.stderr.write(`outbox: delivery round failed (${e instanceof Error ? e.message : String(e)}); retried next round\n`),
  );
  // Audit checkpoints (docs/audit.md): one now, one every N minutes the log has grown, one at shutdown.
  const report = (line: string) => process.stderr.write(`${line}\n`);
  const checkpoints = key ? checkpointAuditEvery(store.db, key, checkpointFile(flags), minutes * 60_000, report) : null;
  if (!key)
    report(`注意：没有配置审计签名密钥（${KEY_SETTINGS.file}），不写审计检查点，末尾记录被删除或整链重算将无法发现（见 docs/audit.md）`);
  const warning = sharedKeyWarning();
  if (warning) report(warning);
  void checkpoints?.now();
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    app.lifecycle.accepting = false;
    stopFolding();
    stopSending();
    const giveUp = setTimeout(() => {
      process.stderr.write(`upskill: ${config.shutdownGraceMs} ms 内未能结束进行中的请求，强制退出\n`);
      process.exit(1);
    }, config.shutdownGraceMs);
    giveUp.unref();
    await app.close();
    await checkpoints?.stop();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  try {
    const address = await app.listen({ port, host });
    const url = address.replace('[::1]', 'localhost');
    process.stdout.write(
      `upskill 已启动：${url}/  （数据：${store.kind === 'pglite' ? `PGlite ${store.location}` : store.location}；接口文档 ${url}/api/docs）\n`,
    );
    process.stdout.write(`业务日期：${today}\n`);
  } catch (e) {
    await checkpoints?.stop();
    await store.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`端口 ${port} 已被占用；用 --port 或 PORT 指定其他端口`);
    throw e;
  }
}
