// The main thread's handle on PGlite running in a worker (pglite-worker.mjs), shaped like the PGlite
// object Kysely's PGliteDialect expects. Kysely gives the single connection to one user at a time,
// so a transaction is BEGIN … COMMIT/ROLLBACK on the worker's one session.
import { Worker } from 'node:worker_threads';

interface Reply {
  id: number;
  ok: boolean;
  result?: { rows: unknown[]; affectedRows?: number; fields: { name: string; dataTypeID: number }[] };
  dump?: ArrayBuffer;
  error?: { message: string; code?: string; detail?: string; constraint?: string; table?: string; column?: string };
}

export class PGliteInWorker {
  closed = false;
  ready = false;
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (r: Reply) => void }>();

  /** `loadDataDir`: a tar of a data folder (see dumpDataDir) to start from instead of an empty database. */
  constructor(dataDir: string | undefined, loadDataDir?: string) {
    this.worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir, loadDataDir } });
    this.waitReady = new Promise((resolve, reject) => {
      this.pending.set(0, {
        resolve: (r) => {
          if (r.ok) {
            this.ready = true;
            resolve();
          } else reject(new Error(r.error?.message));
        },
      });
    });
    this.worker.on('message', (r: Reply) => {
      const waiter = this.pending.get(r.id);
      this.pending.delete(r.id);
      waiter?.resolve(r);
    });
    this.worker.on('error', (e) => {
      for (const w of this.pending.values()) w.resolve({ id: -1, ok: false, error: { message: e.message } });
      this.pending.clear();
    });
  }

  private send(op: 'query' | 'dump' | 'close', sql?: string, params?: unknown[]): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      this.worker.postMessage({ id, op, sql, params });
    });
  }

  async query<T>(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: T[]; affectedRows?: number; fields: { name: string; dataTypeID: number }[] }> {
    const r = await this.send('query', sql, params);
    if (!r.ok) throw Object.assign(new Error(r.error!.message), r.error);
    return r.result as { rows: T[]; affectedRows?: number; fields: { name: string; dataTypeID: number }[] };
  }

  async transaction<T>(callback: (tx: { query: PGliteInWorker['query'] }) => Promise<T>): Promise<T> {
    await this.query('begin');
    try {
      const result = await callback({ query: (sql, params) => this.query(sql, params) });
      await this.query('commit');
      return result;
    } catch (e) {
      await this.query('rollback');
      throw e;
    }
  }

  /** The whole data folder as an uncompressed tar (PGlite's dumpDataDir), to start another PGlite from. */
  async dumpDataDir(): Promise<Uint8Array> {
    const r = await this.send('dump');
    if (!r.ok) throw new Error(r.error!.message);
    return new Uint8Array(r.dump!);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.send('close');
    await this.worker.terminate();
  }
}
