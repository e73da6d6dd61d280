// How values come back from either store: int8 (money in fen) and numeric as numbers, date as its ISO
// text. pg (database.ts) and PGlite on this thread (pglite-in-thread.ts) read these; the worker thread
// (pglite-worker.mjs, plain JavaScript) keeps the same three lines.
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const asNumber = (v: string) => Number(v);
const asText = (v: string) => v;

export const PGLITE_PARSERS: Record<number, (v: string) => unknown> = { [OID.int8]: asNumber, [OID.numeric]: asNumber, [OID.date]: asText };
