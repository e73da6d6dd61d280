// Risk scores of a scan (the newest by default) for classes, claims or providers, highest first.
import type { Tx } from '../../store/audit-log.ts';
import type { RiskSubjectKind } from '../../store/schema.ts';
import type { Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import { levelRange, RISK_LEVELS, type RiskLevel } from './risk-parameters.ts';
import { confinedArea, requireRiskReader } from './risk-scope.ts';
import { latestScan } from './scan-risks.ts';
import { idFromNumber, numbersOf } from '../records/record-numbers.ts';

export interface ScoreView {
  kind: RiskSubjectKind;
  ref: string;
  /** A class's or claim's record number (BJ-…, SQ-…); a provider's code. */
  number: string;
  areaCode: string | null;
  score: number;
  rules: string[];
  findings: number;
}
export interface ScoresQuery extends PageQuery<'score' | 'ref'> {
  kind: RiskSubjectKind;
  scanId?: string;
  minScore?: number;
  level?: RiskLevel;
  areaCode?: string;
  ref?: string;
}

export async function listScores(tx: Tx, actor: Actor | null, query: ScoresQuery): Promise<Page<ScoreView> & { scanId: string | null }> {
  const a = requireRiskReader(actor);
  const scan = query.scanId ?? (await latestScan(tx))?.id;
  if (!scan) return { items: [], total: 0, page: 1, pageSize: query.pageSize ?? 50, scanId: null };
  let q = tx.selectFrom('risk_scores').selectAll().where('scan_id', '=', scan).where('kind', '=', query.kind);
  if (query.minScore !== undefined) q = q.where('score', '>=', query.minScore);
  if (query.level) {
    const [lo, hi] = levelRange(RISK_LEVELS.score, query.level);
    q = q.where('score', '>=', lo);
    if (hi !== null) q = q.where('score', '<', hi);
  }
  if (query.areaCode) q = q.where('area_code', '=', query.areaCode);
  if (query.ref) q = q.where('ref', '=', query.kind === 'provider' ? query.ref : await idFromNumber(tx, query.kind, query.ref));
  const area = confinedArea(a);
  if (area !== null) q = q.where('area_code', '=', area);
  const page = await readPage(
    q,
    { ...query, order: query.order ?? (query.sort === 'ref' ? 'asc' : 'desc') },
    { score: 'score', ref: 'ref' },
    'score',
    'ref',
  );
  const numbers =
    query.kind === 'provider'
      ? new Map<string, string>()
      : await numbersOf(
          tx,
          query.kind,
          page.items.map((s) => s.ref),
        );
  return {
    ...page,
    scanId: scan,
    items: page.items.map((s) => ({
      kind: s.kind,
      ref: s.ref,
      number: numbers.get(s.ref) ?? s.ref,
      areaCode: s.area_code,
      score: s.score,
      rules: s.rules as string[],
      findings: s.findings,
    })),
  };
}

/** The score of one subject in a scan (0 when no rule names it). */
export async function scoreOf(tx: Tx, scanId: string, kind: RiskSubjectKind, ref: string): Promise<number> {
  const row = await tx
    .selectFrom('risk_scores')
    .select('score')
    .where('scan_id', '=', scanId)
    .where('kind', '=', kind)
    .where('ref', '=', ref)
    .executeTakeFirst();
  return row?.score ?? 0;
}
