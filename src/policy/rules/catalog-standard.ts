// §4.0 catalog: the standard of (section, occupation, level) in force on the training's start date;
// priority industries are raised by the entry's uplift rate, rounded half-up to the whole yuan.
import { CATALOG_SECTION_NAMES, INDUSTRY_NAMES, LEVEL_NAMES, type CatalogSection } from '../codes.ts';
import type { Clause } from '../clauses.ts';
import type { ClaimContext } from '../engine/claim-context.ts';
import { formatChineseDate } from '../dates.ts';
import { decimalFraction, formatYuan, upliftToWholeYuanFen, yuanToFen } from '../money.ts';
import type { CatalogHit } from '../engine/catalog-index.ts';

export function occupationLabel(hit: CatalogHit): string {
  const e = hit.entry;
  return `${e.name ?? e.code}（${e.code}，${LEVEL_NAMES[String(e.level)]}）`;
}

/** The occupation and level a catalog lookup needs; unknown when either is absent. */
function occupationAndLevel(c: ClaimContext, clause: Clause): { code: string; level: string | number } | undefined {
  const code = c.claimFact('occupationCode');
  const level = c.claimFact('level');
  if (code === undefined || level === undefined) {
    const missing = [];
    if (code === undefined) missing.push(c.claimPath('occupationCode'));
    if (level === undefined) missing.push(c.claimPath('level'));
    return c.unknownFact('目录', clause, '申领未载明工种或等级，无法对照补贴目录', missing);
  }
  return { code, level };
}

/** The effective training standard in fen of the catalog entry, or undefined (fail/unknown recorded). */
export function catalogStandardFen(c: ClaimContext, section: CatalogSection, clause: Clause): number | undefined {
  const key = occupationAndLevel(c, clause);
  if (!key) return undefined;
  const hit = c.batch.catalog.find(section, key.code, key.level, c.date);
  if (!hit) {
    c.fail(
      '目录',
      clause,
      `工种 ${key.code}（${LEVEL_NAMES[String(key.level)]}）不在${formatChineseDate(c.date)}有效的${CATALOG_SECTION_NAMES[section]}中`,
    );
    return undefined;
  }
  const e = c.otherFact(hit.path, hit.entry)!;
  const baseFen = yuanToFen(e.baseStandardYuan);
  if (e.upliftRate === 0) {
    c.pass('目录', clause, `${CATALOG_SECTION_NAMES[section]}：${occupationLabel(hit)}，补贴标准 ${formatYuan(baseFen)}`);
    return baseFen;
  }
  const bounds = c.param('catalog.upliftBounds');
  const rate = decimalFraction(e.upliftRate);
  const standard = upliftToWholeYuanFen(baseFen, rate);
  const percent = `${(rate.num * 100) / rate.den}%`;
  c.pass(
    '目录',
    '§4.0',
    `${CATALOG_SECTION_NAMES[section]}：${occupationLabel(hit)}，基准标准 ${formatYuan(baseFen)}，` +
      `${INDUSTRY_NAMES[e.industry]}上浮 ${percent}（允许 ${bounds.min * 100}%—${bounds.max * 100}%），四舍五入到元为 ${formatYuan(standard)}`,
  );
  return standard;
}

/** R6 amount: the appraisal standard of the first entry (in the package's section order) that has one; no uplift. */
export function appraisalStandardFen(c: ClaimContext): number | undefined {
  const key = occupationAndLevel(c, '§4.0');
  if (!key) return undefined;
  for (const section of c.param('appraisal.sectionOrder')) {
    const hit = c.batch.catalog.find(section, key.code, key.level, c.date);
    if (hit && hit.entry.appraisalStandardYuan != null && hit.entry.appraisalStandardYuan > 0) {
      c.otherFact(hit.path, hit.entry);
      const fen = yuanToFen(hit.entry.appraisalStandardYuan);
      c.pass('目录', '§4.0', `${CATALOG_SECTION_NAMES[section]}：${occupationLabel(hit)}，鉴定补贴标准 ${formatYuan(fen)}（不上浮）`);
      return fen;
    }
  }
  c.fail(
    '目录',
    '§4.0',
    `补贴目录中没有工种 ${key.code}（${LEVEL_NAMES[String(key.level)]}）在${formatChineseDate(c.date)}有效的鉴定补贴标准`,
  );
  return undefined;
}
