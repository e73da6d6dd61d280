// The findings of a scan (the newest by default), filtered by rule or subject, a page at a time.
import type { Tx } from '../../store/audit-log.ts';
import type { Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import { levelRange, RISK_LEVELS, type RiskLevel } from './risk-parameters.ts';
import { confinedArea, evidenceFor, requireRiskReader } from './risk-scope.ts';
import { latestScan } from './scan-risks.ts';
import { idFromNumber, numbersOf, textsWithRecordNumbers, withRecordNumbers } from '../records/record-numbers.ts';

export interface FindingView {
  id: string;
  scanId: string;
  rule: string;
  title: string;
  clause: string;
  weight: number;
  explanation: string;
  evidence: unknown;
  /** `number`: a class's or claim's record number (BJ-…, SQ-…); a provider's code otherwise. */
  subjects: { kind: string; ref: string; number: string; areaCode: string | null }[];
}
export interface FindingsQuery extends PageQuery<'id' | 'rule' | 'weight'> {
  scanId?: string;
  rule?: string;
  classId?: string;
  claimId?: string;
  providerId?: string;
  /** The finding's level from its rule's weight (RISK_LEVELS.findingWeight). */
  level?: RiskLevel;
  /** Findings touching this area (a class, claim or provider of it); a county's own area in any case. */
  areaCode?: string;
}

export async function listFindings(
  tx: Tx,
  actor: Actor | null,
  query: FindingsQuery,
): Promise<Page<FindingView> & { scanId: string | null }> {
  const a = requireRiskReader(actor);
  const scan = query.scanId ?? (await latestScan(tx))?.id;
  if (!scan) return { items: [], total: 0, page: 1, pageSize: query.pageSize ?? 50, scanId: null };
  if (query.scanId && !(await tx.selectFrom('risk_scans').select('id').where('id', '=', query.scanId).executeTakeFirst())) {
    throw new AppError('not_found', '没有找到这次风险扫描', 'scanId');
  }
  const area = confinedArea(a);
  let q = tx.selectFrom('risk_findings as f').selectAll('f').where('f.scan_id', '=', scan);
  if (query.rule) q = q.where('f.rule', '=', query.rule);
  if (query.level) {
    const [lo, hi] = levelRange(RISK_LEVELS.findingWeight, query.level);
    q = q.where('f.weight', '>=', lo);
    if (hi !== null) q = q.where('f.weight', '<', hi);
  }
  if (query.areaCode) {
    const wanted = query.areaCode;
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('risk_finding_subjects as s').select('s.ref').whereRef('s.finding_id', '=', 'f.id').where('s.area_code', '=', wanted),
      ),
    );
  }
  const naming = (kind: string, ref: string) =>
    q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('risk_finding_subjects as s')
          .select('s.ref')
          .whereRef('s.finding_id', '=', 'f.id')
          .where('s.kind', '=', kind as 'class')
          .where('s.ref', '=', ref),
      ),
    );
  // Users type numbers (BJ-…, SQ-…); the app's own links carry ids.
  if (query.classId) q = naming('class', await idFromNumber(tx, 'class', query.classId));
  if (query.claimId) q = naming('claim', await idFromNumber(tx, 'claim', query.claimId));
  if (query.providerId) q = naming('provider', query.providerId);
  if (area !== null) {
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('risk_finding_subjects as s').select('s.ref').whereRef('s.finding_id', '=', 'f.id').where('s.area_code', '=', area),
      ),
    );
  }
  const page = await readPage(q, query, { id: 'f.id', rule: 'f.rule', weight: 'f.weight' }, 'id', 'f.id');
  const ids = page.items.map((f) => f.id);
  const subjects = ids.length
    ? await tx
        .selectFrom('risk_finding_subjects')
        .select(['finding_id', 'kind', 'ref', 'area_code'])
        .distinct()
        .where('finding_id', 'in', ids)
        .orderBy('kind')
        .orderBy('ref')
        .execute()
    : [];
  const numbers = {
    class: await numbersOf(
      tx,
      'class',
      subjects.filter((s) => s.kind === 'class').map((s) => s.ref),
    ),
    claim: await numbersOf(
      tx,
      'claim',
      subjects.filter((s) => s.kind === 'claim').map((s) => s.ref),
    ),
  };
  const numberOf = (kind: string, ref: string) => (kind === 'class' || kind === 'claim' ? numbers[kind].get(ref) : undefined) ?? ref;
  const evidence = await withRecordNumbers(
    tx,
    page.items.map((f) => evidenceFor(a, f.evidence)),
  );
  const explanations = await textsWithRecordNumbers(
    tx,
    page.items.map((f) => f.explanation),
  );
  return {
    ...page,
    scanId: scan,
    items: page.items.map((f, i) => ({
      id: f.id,
      scanId: f.scan_id,
      rule: f.rule,
      title: f.title,
      clause: f.clause,
      weight: f.weight,
      explanation: explanations[i]!,
      evidence: evidence[i],
      subjects: subjects
        .filter((s) => s.finding_id === f.id)
        .map((s) => ({ kind: s.kind, ref: s.ref, number: numberOf(s.kind, s.ref), areaCode: s.area_code })),
    })),
  };
}
