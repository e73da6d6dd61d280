// §4.0 catalog: the entry in force on a training's start date, looked up in constant time.
import type { CatalogSection } from '../codes.ts';
import type { IsoDate } from '../dates.ts';
import type { CatalogEntryInput } from '../evaluate-input.ts';

export interface CatalogHit {
  entry: CatalogEntryInput;
  /** catalog[i] of the input file, or sample-catalog[i] when the shipped catalog is used. */
  path: string;
}

export class CatalogIndex {
  /** section → code → level (as text: 4 and '4' are one level) → editions; no key string built per lookup. */
  private readonly editions = new Map<string, Map<string, Map<string, CatalogHit[]>>>();

  constructor(entries: readonly CatalogEntryInput[], pathPrefix: string) {
    entries.forEach((entry, i) => {
      let byCode = this.editions.get(entry.section);
      if (!byCode) this.editions.set(entry.section, (byCode = new Map()));
      let byLevel = byCode.get(entry.code);
      if (!byLevel) byCode.set(entry.code, (byLevel = new Map()));
      const level = String(entry.level);
      let list = byLevel.get(level);
      if (!list) byLevel.set(level, (list = []));
      list.push({ entry, path: `${pathPrefix}[${i}]` });
    });
  }

  /** The edition of (section, code, level) in force on the date, if any (windows never overlap). */
  find(section: CatalogSection, code: string, level: string | number, date: IsoDate): CatalogHit | undefined {
    const list = this.editions.get(section)?.get(code)?.get(String(level));
    if (!list) return undefined;
    for (const hit of list) {
      const { effectiveFrom, effectiveTo } = hit.entry;
      if ((effectiveFrom == null || effectiveFrom <= date) && (effectiveTo == null || date <= effectiveTo)) return hit;
    }
    return undefined;
  }
}
