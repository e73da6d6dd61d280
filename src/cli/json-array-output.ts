// The output of `upskill evaluate`: a JSON array written as it is produced, one element per line.
// Elements are encoded straight into UTF-8 chunks (no joined string in between). On the process's
// own stdout, the chunks are written by a worker thread, so the deciding thread never waits for the
// pipe's reader nor for the kernel (at 1M claims: ~600 MB written while deciding goes on).
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';

const CHUNK_BYTES = 1 << 20;
/** Chunks handed to the writer thread and not yet written, at most: bounds memory when the reader is slow. */
const MAX_IN_FLIGHT = 16;

/** Writes the chunks it is given to fd 1, in order; gives each back once written; reports a write error by its code. */
const WRITER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const pause = new Int32Array(new SharedArrayBuffer(4));
parentPort.on('message', (m) => {
  if (m === 'end') { parentPort.postMessage({ done: true }); parentPort.close(); return; }
  const bytes = new Uint8Array(m.buffer, 0, m.length);
  let at = 0;
  try {
    while (at < bytes.length) {
      try {
        at += writeSync(1, bytes, at, bytes.length - at);
      } catch (e) {
        if (e.code !== 'EAGAIN') throw e;
        Atomics.wait(pause, 0, 0, 2);
      }
    }
  } catch (e) {
    parentPort.postMessage({ error: e.code ?? String(e.message) });
    parentPort.close();
    return;
  }
  parentPort.postMessage({ written: m.buffer }, [m.buffer]);
});
`;

export class WriteError extends Error {
  constructor(readonly code: string) {
    super(`写出结果失败（${code}）`);
  }
}

/** Hands chunks to a writer thread, which gives them back once written (no garbage, bounded memory). */
class ThreadSink {
  private readonly worker = new Worker(WRITER_SOURCE, { eval: true });
  private inFlight = 0;
  /** Chunks written and given back, for reuse. */
  readonly free: Buffer[] = [];
  private failure: WriteError | undefined;
  private wake: (() => void) | undefined;
  private finished: Promise<void>;

  constructor() {
    this.finished = new Promise((resolve, reject) => {
      this.worker.on('message', (m: { written?: ArrayBuffer; done?: true; error?: string }) => {
        if (m.written) {
          this.inFlight--;
          this.free.push(Buffer.from(m.written));
        } else if (m.error !== undefined) {
          this.failure = new WriteError(m.error);
          reject(this.failure);
        } else if (m.done) resolve();
        this.wake?.();
      });
      this.worker.on('error', (e) => {
        this.failure = new WriteError(e.message);
        reject(this.failure);
      });
    });
    this.finished.catch(() => this.wake?.());
  }

  async write(chunk: Buffer, length: number): Promise<void> {
    if (this.failure) throw this.failure;
    this.inFlight++;
    this.worker.postMessage({ buffer: chunk.buffer, length }, [chunk.buffer as ArrayBuffer]);
    while (this.inFlight >= MAX_IN_FLIGHT && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
  }

  async end(): Promise<void> {
    this.worker.postMessage('end');
    await this.finished;
  }

  stop(): void {
    void this.worker.terminate();
  }
}

/** A JSON array of pre-serialised elements, `[\n` e1 `,\n` e2 … `\n]\n` (`[]\n` when empty). */
export class JsonArrayOutput {
  private chunk: Buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  private used = 0;
  private count = 0;
  private thread: ThreadSink | undefined;

  /** `out` is process.stdout: chunks may be written to fd 1 by a thread of their own. */
  constructor(
    private readonly out: Writable,
    private readonly ownStdout = out === process.stdout,
  ) {}

  /**
   * Adds one element (JSON text). Returns a promise to await before the next only when a full chunk
   * was handed on (no await per element: a million of them would cost a microtask each).
   */
  push(json: string): Promise<void> | undefined {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    if (this.used + 2 + json.length * 3 > this.chunk.length) return this.sendThenPush(json);
    this.used += this.chunk.write(this.count++ === 0 ? '[\n' : ',\n', this.used, 'latin1');
    this.used += this.chunk.write(json, this.used, 'utf8');
    return undefined;
  }

  private async sendThenPush(json: string): Promise<void> {
    await this.send();
    if (2 + json.length * 3 > this.chunk.length) this.chunk = Buffer.allocUnsafeSlow(2 + json.length * 3);
    this.push(json);
  }

  /** Closes the array and waits until all of it is written. */
  async end(): Promise<void> {
    const tail = this.count === 0 ? '[]\n' : '\n]\n';
    if (this.used + tail.length > this.chunk.length) await this.send();
    this.used += this.chunk.write(tail, this.used, 'latin1');
    // An output that fits in one chunk is written here, without starting a thread.
    await this.send(this.thread === undefined);
    if (this.thread) await this.thread.end();
  }

  /** Stops the writer thread after a failure (what was written stays written). */
  abort(): void {
    this.thread?.stop();
  }

  private async send(last = false): Promise<void> {
    if (this.used === 0) return;
    const chunk = this.chunk;
    const length = this.used;
    this.chunk = this.thread?.free.pop() ?? Buffer.allocUnsafeSlow(CHUNK_BYTES);
    this.used = 0;
    if (this.ownStdout && !last) {
      this.thread ??= new ThreadSink();
      await this.thread.write(chunk, length);
    } else if (!this.out.write(chunk.subarray(0, length))) {
      await once(this.out, 'drain');
    }
  }
}
