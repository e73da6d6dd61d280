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
  private readonly editions = new Map<string, CatalogHit[]>();

  constructor(entries: readonly CatalogEntryInput[], pathPrefix: string) {
    entries.forEach((entry, i) => {
      const key = CatalogIndex.key(entry.section, entry.code, entry.level);
      const list = this.editions.get(key) ?? [];
      list.push({ entry, path: `${pathPrefix}[${i}]` });
      this.editions.set(key, list);
    });
  }

  private static key(section: string, code: string, level: string | number): string {
    return `${section}|${code}|${level}`;
  }

  /** The edition of (section, code, level) in force on the date, if any (windows never overlap). */
  find(section: CatalogSection, code: string, level: string | number, date: IsoDate): CatalogHit | undefined {
    const list = this.editions.get(CatalogIndex.key(section, code, level));
    if (!list) return undefined;
    for (const hit of list) {
      const { effectiveFrom, effectiveTo } = hit.entry;
      if ((effectiveFrom == null || effectiveFrom <= date) && (effectiveTo == null || date <= effectiveTo)) return hit;
    }
    return undefined;
  }
}
