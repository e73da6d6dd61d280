// The scans run so far, newest first: when, by whom, under which parameters, how many findings per
// rule, and what could not be judged for lack of a fact (the audit entry of each scan holds the same).
import { sql } from 'kysely';
import type { Tx } from '../../store/audit-log.ts';
import type { Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import { requireRiskReader } from './risk-scope.ts';

export interface ScanView {
  id: string;
  parametersVersion: string;
  findings: number;
  byRule: Record<string, number>;
  unknown: Record<string, { count: number; note: string }>;
  scannedBy: string;
  scannedAt: string;
}

export async function listScans(tx: Tx, actor: Actor | null, query: PageQuery<'scannedAt'>): Promise<Page<ScanView>> {
  requireRiskReader(actor);
  const q = tx
    .selectFrom('risk_scans as s')
    .select([
      's.id',
      's.parameters_version',
      's.findings',
      's.unknown',
      's.scanned_by',
      's.scanned_at',
      sql<Record<
        string,
        number
      > | null>`(select jsonb_object_agg(x.rule, x.n) from (select f.rule, count(*)::int as n from risk_findings f where f.scan_id = s.id group by f.rule) x)`.as(
        'by_rule',
      ),
    ]);
  const page = await readPage(q, { ...query, order: query.order ?? 'desc' }, { scannedAt: 's.scanned_at' }, 'scannedAt', 's.id');
  return {
    ...page,
    items: page.items.map((s) => ({
      id: s.id,
      parametersVersion: s.parameters_version,
      findings: s.findings,
      byRule: s.by_rule ?? {},
      unknown: (s.unknown ?? {}) as ScanView['unknown'],
      scannedBy: s.scanned_by,
      scannedAt: new Date(s.scanned_at).toISOString(),
    })),
  };
}
