// Facts in time (SPEC "Facts in time"; contract v2.2): a fact about a person or an enterprise is read
// as of one date, the claim's own start. A plain value holds on every date; a timeline's value on a
// date is that of its last change on or before it, and before its first change the fact is unknown.
// Old-style values pass through untouched (same objects), so an old file costs nothing extra here.
import type { IsoDate } from '../dates.ts';
import type { DatedFlag, GroupItem, Period } from '../evaluate-input.ts';

/** True when the value is a timeline rather than one value (a trace then says which date it was read on). */
export function isTimeline(value: unknown): boolean {
  return Array.isArray(value);
}

/** The flag on `date`: the plain value, or the last change with `from` ≤ date; undefined = unknown. */
export function flagOn(value: DatedFlag | null | undefined, date: IsoDate): boolean | undefined {
  if (value == null) return undefined;
  if (typeof value === 'boolean') return value;
  let found: boolean | undefined;
  for (let i = 0; i < value.length; i++) {
    const change = value[i]!;
    if (change.from > date) break; // strictly increasing: nothing later applies
    found = change.value;
  }
  return found;
}

/**
 * The person's groups on `date`: codes hold on every date, a period only on the dates it covers. The
 * list stays complete (a group no item covers is not the person's). A list of plain codes is returned
 * as it is.
 */
export function groupsOn(items: readonly GroupItem[] | null | undefined, date: IsoDate): readonly string[] {
  if (items == null) return [];
  let plain = true;
  for (let i = 0; i < items.length; i++) {
    if (typeof items[i] !== 'string') {
      plain = false;
      break;
    }
  }
  if (plain) return items as readonly string[];
  const out: string[] = [];
  for (const item of items) {
    const code = typeof item === 'string' ? item : coversDate(item, date) ? item.group : undefined;
    if (code !== undefined && !out.includes(code)) out.push(code);
  }
  return out;
}

function coversDate(p: { from?: string | null; to?: string | null }, date: IsoDate): boolean {
  return (p.from == null || p.from <= date) && (p.to == null || date <= p.to);
}

/** Difficulty recognitions as a list (one period as before, or several). */
export function difficultyPeriods(value: Period | readonly Period[] | null | undefined): readonly Period[] {
  if (value == null) return [];
  return Array.isArray(value) ? (value as readonly Period[]) : [value as Period];
}

/** The recognition covering `date`, if any. */
export function periodCovering(periods: readonly Period[], date: IsoDate): Period | undefined {
  for (const p of periods) if (coversDate(p, date)) return p;
  return undefined;
}
