// Reference data every installation starts with: the five county areas and the city, the plan's
// policy package, and the catalog and entrepreneurship types (the shipped SAMPLE catalog, clearly
// labelled as demonstration data). Shared by `upskill demo`, the server's first start and the tests.
import { SHIPPED_PACKAGES, shippedReferenceData } from '../../policy/index.ts';
import { yuanToFen } from '../../policy/money.ts';
import type { Tx } from '../audit-log.ts';
import { appendAudit } from '../audit-log.ts';
import { AREAS } from '../../vocabulary/areas.ts';

/** Inserts the reference data if it is not there yet (idempotent). */
export async function seedReferenceData(tx: Tx, actor = 'system'): Promise<void> {
  const present = await tx.selectFrom('areas').select('code').limit(1).execute();
  if (present.length > 0) return;
  await tx.insertInto('areas').values(AREAS).execute();
  for (const raw of SHIPPED_PACKAGES) {
    const pkg = raw as { id: string; title: string; precedence: number };
    await tx
      .insertInto('policy_packages')
      .values({ id: pkg.id, title: pkg.title, precedence: pkg.precedence, data: JSON.stringify(raw), created_by: actor })
      .execute();
  }
  const { catalog, entrepreneurshipTypes } = shippedReferenceData();
  await tx
    .insertInto('catalog_entries')
    .values(
      catalog.map((e) => ({
        section: e.section,
        code: e.code,
        name: e.name ?? e.code,
        level: String(e.level),
        base_standard_fen: yuanToFen(e.baseStandardYuan),
        industry: e.industry,
        uplift_rate: String(e.upliftRate),
        appraisal_standard_fen: e.appraisalStandardYuan == null ? null : yuanToFen(e.appraisalStandardYuan),
        hours: e.hours ?? null,
        effective_from: e.effectiveFrom ?? null,
        effective_to: e.effectiveTo ?? null,
        created_by: actor,
      })),
    )
    .execute();
  await tx
    .insertInto('entrepreneurship_types')
    .values(
      entrepreneurshipTypes.map((t) => ({
        code: t.code,
        name: t.name ?? t.code,
        amount_fen: yuanToFen(t.amountYuan),
        created_by: actor,
      })),
    )
    .execute();
  await appendAudit(tx, {
    actor,
    action: 'reference.seed',
    entity: 'reference',
    entityId: 'initial',
    data: {
      areas: AREAS.length,
      catalogEntries: catalog.length,
      entrepreneurshipTypes: entrepreneurshipTypes.length,
      packages: SHIPPED_PACKAGES.length,
    },
  });
}
