// The sheet thread (sheet-thread.ts): parses and builds Excel files (and parses CSV files) with sheet-file.ts, one message at
// a time. Compiled, it loads sheet-file.js beside it; from the sources (development, tests) it loads
// sheet-file.ts through tsx, the project's TypeScript loader.
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const compiled = new URL('./sheet-file.js', import.meta.url);
let sheets;
if (existsSync(compiled)) sheets = await import(compiled.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  sheets = await import(new URL('./sheet-file.ts', import.meta.url).href);
}

let queue = Promise.resolve();
parentPort.on('message', (m) => {
  queue = queue.then(async () => {
    try {
      const result =
        m.op === 'read'
          ? await sheets.parseSheet(Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength), m.required, m.kind, m.lim)
          : m.op === 'csv'
            ? await sheets.parseCsv(Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength), m.required, m.kind, m.lim)
            : new Uint8Array(await sheets.buildSheet(m.sheetName, m.columns, m.rows));
      parentPort.postMessage({ id: m.id, result }, result instanceof Uint8Array ? [result.buffer] : []);
    } catch (e) {
      const app = e?.name === 'AppError';
      parentPort.postMessage({
        id: m.id,
        error: { app, code: e?.code, message: String(e?.message ?? e), field: e?.field, details: e?.details },
      });
    }
  });
});
