// The thread that reads and writes Excel files (sheet-worker.mjs runs sheet-file.ts's parseSheet and
// buildSheet there). One thread, one file at a time, started on first use and not keeping the process
// alive: a burst of uploads queues here while the event loop goes on answering everyone else, and
// parsing never takes more than one core. The thread has a heap limit of its own; if a file still
// exhausts it, that file's request fails, the thread is replaced, and the server is untouched.
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorCode } from '../app-error.ts';

/** Heap for the thread: the inflated-size limit (docs/imports.md) with room for exceljs's objects. */
const THREAD_HEAP_MB = 512;

interface Reply {
  id: number;
  result?: unknown;
  error?: { app: boolean; code?: AppErrorCode; message: string; field?: string; details?: unknown };
}

let worker: Worker | undefined;
let next = 1;
const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

function failAll(e: Error): void {
  for (const p of pending.values()) p.reject(e);
  pending.clear();
  worker = undefined;
}

function thread(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./sheet-worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } });
  w.unref();
  w.on('message', (r: Reply) => {
    const p = pending.get(r.id);
    pending.delete(r.id);
    if (pending.size === 0) w.unref();
    if (!p) return;
    if (!r.error) p.resolve(r.result);
    else if (r.error.app) p.reject(new AppError(r.error.code!, r.error.message, r.error.field, r.error.details));
    else p.reject(new Error(r.error.message));
  });
  w.on('error', (e) => {
    if (worker === w) failAll(e);
  });
  w.on('exit', (code) => {
    if (worker === w) failAll(new Error(`表格线程退出（${code}）`));
  });
  worker = w;
  return w;
}

/** Runs one read or write in the sheet thread; an AppError thrown there arrives as itself. */
export function inSheetThread<T>(message: Record<string, unknown>): Promise<T> {
  const w = thread();
  const id = next++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    w.ref(); // while work is pending, the process waits for it
    const body = message.body;
    w.postMessage({ ...message, id }, body instanceof Uint8Array ? [body.buffer as ArrayBuffer] : []);
  });
}
