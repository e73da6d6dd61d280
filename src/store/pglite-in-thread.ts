// PGlite on the calling thread, shaped like PGliteInWorker for Kysely's PGliteDialect: for the work that
// serves no concurrent requests (`upskill demo`, migrations run by hand, the test files' stores), where a
// long query may block the event loop without anyone waiting. A statement here costs about a third of
// the CPU of one sent to the worker thread (no message copies, no thread hand-over: docs/benchmarks.md).
// The server keeps the worker (STACK-NOTES trap 3).
import { readFileSync } from 'node:fs';
import { PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import { PGLITE_PARSERS, PGLITE_SERIALIZERS } from './pglite-parsers.ts';

type Rows<T> = { rows: T[]; affectedRows?: number; fields: { name: string; dataTypeID: number }[] };

export class PGliteInThread {
  readonly waitReady: Promise<void>;
  private readonly pglite: PGlite;

  /** `loadDataDir`: a tar of a data folder (see dumpDataDir) to start from instead of an empty database. */
  constructor(dataDir: string | undefined, loadDataDir?: string) {
    const load = loadDataDir ? new TarInMemory(readFileSync(loadDataDir)) : undefined;
    this.pglite = new PGlite({ dataDir, parsers: PGLITE_PARSERS, serializers: PGLITE_SERIALIZERS, ...(load ? { loadDataDir: load } : {}) });
    this.waitReady = this.pglite.waitReady;
  }

  get ready(): boolean {
    return this.pglite.ready;
  }

  get closed(): boolean {
    return this.pglite.closed;
  }

  // PGlite 0.5.16 ignores the constructor's parsers for dates: they go with every query too.
  async query<T>(sql: string, params?: unknown[]): Promise<Rows<T>> {
    return shape(await this.pglite.query<T>(sql, params, { rowMode: 'object', parsers: PGLITE_PARSERS }));
  }

  transaction<T>(callback: (tx: { query: PGliteInThread['query'] }) => Promise<T>): Promise<T> {
    return this.pglite.transaction((tx: Transaction) =>
      callback({
        query: async <R>(sql: string, params?: unknown[]) =>
          shape(await tx.query<R>(sql, params, { rowMode: 'object', parsers: PGLITE_PARSERS })),
      }),
    );
  }

  /** The whole data folder as an uncompressed tar, to start another PGlite from. */
  async dumpDataDir(): Promise<Uint8Array> {
    // Committed rows may still be only in shared buffers and the WAL: into the data files first.
    await this.pglite.exec('CHECKPOINT');
    return new Uint8Array(await (await this.pglite.dumpDataDir('none')).arrayBuffer());
  }

  async close(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

/**
 * A tar already read into memory, as PGlite's `loadDataDir` takes it (PGlite reads only its `type` and
 * `arrayBuffer()`). A plain `new Blob([bytes])` copies the bytes in, and Node's `Blob.arrayBuffer()` copies
 * them out again chunk by chunk: ~0.3 s of CPU for the tests' 45 MB migrated template, at every store a
 * test file opens. The worker (pglite-worker.mjs) has the same class in plain JavaScript.
 */
export class TarInMemory extends Blob {
  readonly #bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    // PGlite reads the archive's kind from the blob's type: without it, it silently starts an empty database.
    super([], { type: 'application/x-tar' });
    this.#bytes = bytes;
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.#bytes;
    return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
  }
}

function shape<T>(r: Results<T>): Rows<T> {
  return { rows: r.rows, affectedRows: r.affectedRows, fields: r.fields };
}
