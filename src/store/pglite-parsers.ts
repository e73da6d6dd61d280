// How values come back from either store: int8 (money in fen) and numeric as numbers, date as its ISO
// text. pg (database.ts) and PGlite on this thread (pglite-in-thread.ts) read these; the worker thread
// (pglite-worker.mjs, plain JavaScript) keeps the same three lines.
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const asNumber = (v: string) => Number(v);
const asText = (v: string) => v;

export const PGLITE_PARSERS: Record<number, (v: string) => unknown> = { [OID.int8]: asNumber, [OID.numeric]: asNumber, [OID.date]: asText };

/**
 * How bytea parameters go to PGlite (the attachments' files): its own serializer builds the hex text one
 * byte at a time (Array.from → toString(16) → join), about 0.5 s of CPU per megabyte; Node's hex encoder
 * writes the same text in milliseconds. The worker thread (pglite-worker.mjs) keeps the same line.
 */
const BYTEA = 17;
export const PGLITE_SERIALIZERS: Record<number, (v: Uint8Array) => string> = {
  [BYTEA]: (v) => {
    if (!(v instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
    return `\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  },
};
