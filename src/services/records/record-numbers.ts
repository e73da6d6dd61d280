// Internal ids → the record numbers users read (docs/record-numbers.md), for views that hold ids of other
// records (risk scores, findings and their evidence, inspections): one query per kind for a whole page.
import type { Tx } from '../../store/audit-log.ts';

export type NumberedKind = 'claim' | 'class';

const TABLE = { claim: 'claims', class: 'classes' } as const;

/** The numbers of the given claims or classes (ids not found are left out). */
export async function numbersOf(tx: Tx, kind: NumberedKind, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => id !== '');
  if (wanted.length === 0) return new Map();
  const rows = await tx.selectFrom(TABLE[kind]).select(['id', 'number']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}

/**
 * A filter value typed by a user: a record number (any case) is turned into the record's id; anything else
 * is taken as the id itself (links inside the app carry ids).
 */
export async function idFromNumber(tx: Tx, kind: NumberedKind, value: string): Promise<string> {
  const v = value.trim();
  if (!/^[A-Za-z]{2}-\d{4}-\d{6}-\d+$/.test(v)) return v;
  const row = await tx.selectFrom(TABLE[kind]).select('id').where('number', '=', v.toUpperCase()).executeTakeFirst();
  return row?.id ?? v;
}

/** Evidence keys that hold the id of a claim or a class. */
const EVIDENCE_KEYS: Record<string, NumberedKind> = { claimId: 'claim', classId: 'class', claimIds: 'claim', classIds: 'class' };

function collect(value: unknown, out: Record<NumberedKind, Set<string>>, key = ''): void {
  const kind = EVIDENCE_KEYS[key];
  if (kind && typeof value === 'string') out[kind].add(value);
  else if (Array.isArray(value)) value.forEach((v) => collect(v, out, kind ? key : ''));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, out, k);
}

function replace(value: unknown, numbers: Record<NumberedKind, Map<string, string>>, key = ''): unknown {
  const kind = EVIDENCE_KEYS[key];
  if (kind && typeof value === 'string') return numbers[kind].get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => replace(v, numbers, kind ? key : ''));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, numbers, k)]));
  return value;
}

/** Each value with the claim and class ids under its evidence keys replaced by their numbers. */
export async function withRecordNumbers<T>(tx: Tx, values: T[]): Promise<T[]> {
  const ids: Record<NumberedKind, Set<string>> = { claim: new Set(), class: new Set() };
  for (const v of values) collect(v, ids);
  const numbers = { claim: await numbersOf(tx, 'claim', ids.claim), class: await numbersOf(tx, 'class', ids.class) };
  return values.map((v) => replace(v, numbers) as T);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Texts written with record ids in them (a risk finding's explanation names its classes by id when the
 * scan writes it) as users read them: each class or claim id replaced by that record's number.
 */
export async function textsWithRecordNumbers(tx: Tx, texts: string[]): Promise<string[]> {
  const ids = new Set(texts.flatMap((t) => t.match(UUID) ?? []));
  if (ids.size === 0) return texts;
  const numbers = new Map([...(await numbersOf(tx, 'class', ids)), ...(await numbersOf(tx, 'claim', ids))]);
  return texts.map((t) => t.replace(UUID, (id) => numbers.get(id) ?? id));
}
