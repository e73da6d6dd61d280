// When two sources disagree about a person's fact (docs/registry-exchange.md "Conflicts"). Each source's
// records form its own timeline (a value holds from its date until that source's next record; before
// its first record that source says nothing). Two sources conflict on the first date where both say
// something and the values differ. Nothing is overwritten: both records stay, the engine reads them
// merged as it always has (the later-dated one holding from its date), and the office settles the
// conflict, by a correction recorded by hand where the register is right.
import { timeline } from '../claims/engine-input-from-store.ts';

export interface DatedRecord {
  from: string;
  value: boolean;
}

/** A source's value on a date, or undefined before its first record. */
export function valueOn(records: readonly DatedRecord[], date: string): boolean | undefined {
  let value: boolean | undefined;
  for (const r of timeline(records)) {
    if (r.from > date) break;
    value = r.value;
  }
  return value;
}

/** The first date on which both sources say something and disagree, with what each says; null if none. */
export function firstDisagreement(
  ours: readonly DatedRecord[],
  theirs: readonly DatedRecord[],
): { on: string; ours: boolean; theirs: boolean } | null {
  const dates = [...new Set([...ours, ...theirs].map((r) => r.from))].sort();
  for (const on of dates) {
    const a = valueOn(ours, on);
    const b = valueOn(theirs, on);
    if (a !== undefined && b !== undefined && a !== b) return { on, ours: a, theirs: b };
  }
  return null;
}
