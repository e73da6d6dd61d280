// Calendar dates from the store as ISO strings. PostgreSQL returns `date` columns as text (database.ts
// parsers); PGlite 0.5 drops that parser while starting and returns a Date at UTC midnight instead.
export function isoDay<T extends string | null | undefined>(value: T | Date): T | string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

/** The same row with the named date columns as ISO strings. */
export function withIsoDays<R extends object>(row: R, ...columns: (keyof R)[]): R {
  const out = { ...row } as Record<keyof R, unknown>;
  for (const c of columns) out[c] = isoDay(out[c] as string | Date | null);
  return out as R;
}
