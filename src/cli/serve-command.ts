// `upskill serve`: applies migrations, listens on 127.0.0.1:PORT (HOST/--port override), prints the
// URL; on SIGTERM or SIGINT finishes in-flight requests, closes the store and exits 0.
import { buildApp } from '../api/app.ts';
import { foldClaimPeriodDeltasEvery } from '../store/claim-period-totals.ts';
import { seedDemoIfEmpty } from './demo-command.ts';
import { businessDateAtStart, UsageError } from './errors.ts';
import { openConfiguredStore, type StoreFlags } from './open-configured-store.ts';

export interface ServeFlags extends StoreFlags {
  port?: string;
  host?: string;
  demo?: boolean;
}

export async function serveCommand(flags: ServeFlags): Promise<void> {
  const port = Number(flags.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`端口号无效：${flags.port ?? process.env.PORT}`);
  const host = flags.host ?? process.env.HOST ?? '127.0.0.1';
  const today = businessDateAtStart();
  const store = await openConfiguredStore(flags);
  if (flags.demo) await seedDemoIfEmpty(store.db, (line) => process.stdout.write(`${line}\n`));
  const app = await buildApp(store, { logger: process.env.UPSKILL_LOG === '1' });
  // The period reports' running figures: fold the claims' deltas into their totals every 30 s.
  const stopFolding = foldClaimPeriodDeltasEvery(store.db, 30_000, (e) => process.stderr.write(`claim_period_totals: fold failed (${e instanceof Error ? e.message : String(e)}); the reports stay right, reading the deltas\n`));
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    stopFolding();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  try {
    const address = await app.listen({ port, host });
    const url = address.replace('[::1]', 'localhost');
    process.stdout.write(`upskill 已启动：${url}/  （数据：${store.kind === 'pglite' ? `PGlite ${store.location}` : store.location}；接口文档 ${url}/api/docs）\n`);
    process.stdout.write(`业务日期：${today}\n`);
  } catch (e) {
    await store.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`端口 ${port} 已被占用；用 --port 或 PORT 指定其他端口`);
    throw e;
  }
}
