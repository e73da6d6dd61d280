import type { Selectable } from 'kysely';
import type { CatalogEntryTable, EntrepreneurshipTypeTable } from '../../store/schema.ts';
import { LEVEL_NAMES } from '../../policy/codes.ts';
import { decimalFraction, upliftToWholeYuanFen } from '../../policy/money.ts';

export interface CatalogEntryView {
  id: number;
  section: string;
  code: string;
  name: string;
  level: string;
  levelName: string;
  baseStandardFen: number;
  industry: string;
  upliftRate: number;
  effectiveStandardFen: number;
  appraisalStandardFen: number | null;
  hours: number | null;
  edition: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

/** §4.0 Decision: effective standard = base × (1 + rate), half-up to the whole yuan (the engine's own rounding). */
export function effectiveStandardFen(baseFen: number, rate: string): number {
  return upliftToWholeYuanFen(baseFen, decimalFraction(Number(rate)));
}

export function catalogView(row: Selectable<CatalogEntryTable>): CatalogEntryView {
  return {
    id: Number(row.id),
    section: row.section,
    code: row.code,
    name: row.name,
    level: row.level,
    levelName: LEVEL_NAMES[row.level] ?? row.level,
    baseStandardFen: row.base_standard_fen,
    industry: row.industry,
    upliftRate: Number(row.uplift_rate),
    effectiveStandardFen: effectiveStandardFen(row.base_standard_fen, row.uplift_rate),
    appraisalStandardFen: row.appraisal_standard_fen,
    hours: row.hours == null ? null : Number(row.hours),
    edition: row.edition ?? null,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
  };
}

export interface EntrepreneurshipTypeView {
  id: number;
  code: string;
  name: string;
  amountFen: number;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export function entrepreneurshipTypeView(row: Selectable<EntrepreneurshipTypeTable>): EntrepreneurshipTypeView {
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    amountFen: row.amount_fen,
    effectiveFrom: row.effective_from ?? null,
    effectiveTo: row.effective_to ?? null,
  };
}
