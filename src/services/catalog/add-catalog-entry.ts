// A new edition of a catalog entry (§4.0 补贴目录): section × occupation × level, with its standard,
// uplift, appraisal standard, class hours and effective dates. When an edition of the same key is
// open on the new one's start, it is closed the day before (the new edition supersedes it); any
// remaining overlap is refused. City bureau only (it maintains the catalog, DESIGN.md).
import { addDays } from '../../policy/dates.ts';
import { yuanToFen } from '../../policy/money.ts';
import type { CatalogEntryInput } from '../../policy/evaluate-input.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertPeriod } from '../identifiers.ts';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { assertCatalog, policiesOnRecord, yuanOf } from './catalog-rules.ts';
import { catalogView, type CatalogEntryView } from './catalog-view.ts';

export interface AddCatalogEntryInput {
  section: 'upgrade' | 'employment';
  code: string;
  name: string;
  level: 5 | 4 | 3 | 2 | 1 | 'special';
  baseStandardYuan: number;
  industry: 'vanadium_titanium' | 'health_care' | 'modern_service' | 'other';
  upliftRate: number;
  appraisalStandardYuan: number | null;
  hours: number | null;
  edition: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export async function addCatalogEntry(tx: Tx, actor: Actor | null, input: AddCatalogEntryInput): Promise<CatalogEntryView> {
  const a = requireRole(actor, 'city');
  assertPeriod(input.effectiveFrom, 'effectiveFrom', input.effectiveTo, 'effectiveTo');
  const level = String(input.level);
  const editions = await tx
    .selectFrom('catalog_entries')
    .selectAll()
    .where('section', '=', input.section)
    .where('code', '=', input.code)
    .where('level', '=', level)
    .orderBy('effective_from')
    .forUpdate()
    .execute();
  // The edition open on the new start, begun before it, is superseded from that day.
  const superseded = editions.find(
    (e) => (e.effective_from ?? '0000-01-01') < input.effectiveFrom && (e.effective_to === null || e.effective_to >= input.effectiveFrom),
  );
  const closeOn = addDays(input.effectiveFrom, -1);
  const asInput = (e: (typeof editions)[number]): CatalogEntryInput => ({
    section: e.section as CatalogEntryInput['section'],
    code: e.code,
    name: e.name,
    level: input.level,
    baseStandardYuan: yuanOf(e.base_standard_fen),
    industry: e.industry as CatalogEntryInput['industry'],
    upliftRate: Number(e.uplift_rate),
    appraisalStandardYuan: e.appraisal_standard_fen == null ? null : yuanOf(e.appraisal_standard_fen),
    hours: e.hours,
    effectiveFrom: e.effective_from,
    effectiveTo: e === superseded ? closeOn : e.effective_to,
  });
  assertCatalog([...editions.map(asInput), { ...input }], [], await policiesOnRecord(tx));
  if (superseded) {
    await tx
      .updateTable('catalog_entries')
      .set({ effective_to: closeOn, updated_by: actorLabel(a), updated_at: new Date() })
      .where('id', '=', superseded.id)
      .execute();
  }
  const row = await tx
    .insertInto('catalog_entries')
    .values({
      section: input.section,
      code: input.code,
      name: input.name,
      level,
      base_standard_fen: yuanToFen(input.baseStandardYuan),
      industry: input.industry,
      uplift_rate: String(input.upliftRate),
      appraisal_standard_fen: input.appraisalStandardYuan == null ? null : yuanToFen(input.appraisalStandardYuan),
      hours: input.hours,
      edition: input.edition,
      effective_from: input.effectiveFrom,
      effective_to: input.effectiveTo,
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (!row) throw new AppError('conflict', '目录条目未能保存');
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'catalog.add',
    entity: 'catalog_entry',
    entityId: String(row.id),
    data: {
      section: input.section,
      code: input.code,
      level,
      effectiveFrom: input.effectiveFrom,
      supersedes: superseded ? Number(superseded.id) : null,
    },
  });
  return catalogView(row);
}
