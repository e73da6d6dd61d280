// PGlite in a worker thread (plain JavaScript: it runs without the TypeScript loader). PGlite runs
// queries on the thread that owns it, and a long one would freeze the API's event loop (STACK-NOTES
// trap 3); here it freezes only this thread. Messages: {id, op: 'query'|'dump'|'close', sql, params}.
// `loadDataDir` (a path to a tar of a data folder, as 'dump' returns it) starts from a copy of that
// database instead of an empty one: what the tests' migrated template and the prebuilt demo use.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const asNumber = (v) => Number(v);
const asText = (v) => v;
// The same parsers as src/store/pglite-parsers.ts (pg and PGlite on the calling thread): int8 and numeric as numbers, date as text.
const parsers = { 20: asNumber, 1700: asNumber, 1082: asText };
// bytea parameters hex-encoded by Node, not byte by byte (PGLITE_SERIALIZERS in pglite-parsers.ts).
const serializers = { 17: (v) => `\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}` };
// The tar handed over as it is: TarInMemory in pglite-in-thread.ts says why (and why the type matters).
class TarInMemory extends Blob {
  #bytes;
  constructor(bytes) {
    super([], { type: 'application/x-tar' });
    this.#bytes = bytes;
  }
  arrayBuffer() {
    const b = this.#bytes;
    return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  }
}
const loadDataDir = workerData.loadDataDir ? new TarInMemory(readFileSync(workerData.loadDataDir)) : undefined;
// One options object: `new PGlite(undefined, options)` ignores the options (the first argument is read as
// the options when it is not a folder's name).
const pglite = new PGlite({ dataDir: workerData.dataDir ?? undefined, parsers, serializers, ...(loadDataDir ? { loadDataDir } : {}) });

pglite.waitReady.then(
  () => parentPort.postMessage({ id: 0, ok: true }),
  (e) => parentPort.postMessage({ id: 0, ok: false, error: { message: e.message } }),
);

parentPort.on('message', async ({ id, op, sql, params }) => {
  try {
    if (op === 'close') {
      await pglite.close();
      parentPort.postMessage({ id, ok: true });
      return;
    }
    if (op === 'dump') {
      // Committed rows may still be only in shared buffers and the WAL: write them into the data files
      // first, or a copy started from the dump lacks them.
      await pglite.exec('CHECKPOINT');
      const bytes = await (await pglite.dumpDataDir('none')).arrayBuffer();
      parentPort.postMessage({ id, ok: true, dump: bytes }, [bytes]);
      return;
    }
    // PGlite 0.5.16 ignores the constructor's parsers for dates: pass them with every query too.
    const r = await pglite.query(sql, params, { rowMode: 'object', parsers });
    parentPort.postMessage({ id, ok: true, result: { rows: r.rows, affectedRows: r.affectedRows, fields: r.fields } });
  } catch (e) {
    parentPort.postMessage({
      id,
      ok: false,
      error: { message: e.message, code: e.code, detail: e.detail, constraint: e.constraint, table: e.table, column: e.column },
    });
  }
});
