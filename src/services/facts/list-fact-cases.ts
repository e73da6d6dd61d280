// The office's list of cases a changed fact raised (SPEC Facts in time): decisions already published,
// approved or paid that the fact would change. Each row names the claim, the fact and its record, and the
// old and new outcome. City sees every area, a county its own; newest first, paged.
import { requireRole, type Actor } from '../access.ts';
import type { Tx } from '../../store/audit-log.ts';
import { factName } from '../people/record-person-fact.ts';

export interface ListFactCasesInput {
  status?: 'open' | 'closed';
  /** The city may narrow to one county area; a county is confined to its own anyway. */
  areaCode?: string;
  page?: number;
  pageSize?: number;
}

export interface FactCaseView {
  id: number;
  claimId: string;
  program: string;
  areaCode: string;
  claimStatus: string;
  subjectKind: 'person' | 'enterprise';
  subjectId: string;
  fact: string;
  factName: string;
  change: Record<string, unknown>;
  before: { outcome: string; amountFen: number };
  after: { outcome: string; amountFen: number; reasons: string[] };
  status: 'open' | 'closed';
  raisedBy: string;
  raisedAt: string;
  closedBy: string | null;
  closedAt: string | null;
  resolution: string | null;
}

const ENTERPRISE_FACT_NAMES: Record<string, string> = {
  insured: '参保企业',
  difficulty: '困难企业认定',
  educationFundFullyUsed: '职工教育经费足额提取使用',
};

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

export function toFactCaseView(r: {
  id: number;
  claim_id: string;
  program: string;
  area_code: string;
  claim_status: string;
  subject_kind: 'person' | 'enterprise';
  subject_id: string;
  fact: string;
  change: unknown;
  before_outcome: string;
  before_amount_fen: number;
  after_outcome: string;
  after_amount_fen: number;
  after_reasons: unknown;
  status: 'open' | 'closed';
  raised_by: string;
  raised_at: Date;
  closed_by: string | null;
  closed_at: Date | null;
  resolution: string | null;
}): FactCaseView {
  return {
    id: Number(r.id),
    claimId: r.claim_id,
    program: r.program,
    areaCode: r.area_code,
    claimStatus: r.claim_status,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    fact: r.fact,
    factName:
      r.subject_kind === 'enterprise'
        ? (ENTERPRISE_FACT_NAMES[r.fact] ?? r.fact)
        : r.fact === 'certificate'
          ? '证书（证书库核验未通过）'
          : factName(r.fact),
    change: parse(r.change) as Record<string, unknown>,
    before: { outcome: r.before_outcome, amountFen: Number(r.before_amount_fen) },
    after: { outcome: r.after_outcome, amountFen: Number(r.after_amount_fen), reasons: parse(r.after_reasons) as string[] },
    status: r.status,
    raisedBy: r.raised_by,
    raisedAt: r.raised_at.toISOString(),
    closedBy: r.closed_by,
    closedAt: r.closed_at?.toISOString() ?? null,
    resolution: r.resolution,
  };
}

export function factCasesQuery(tx: Tx) {
  return tx
    .selectFrom('fact_cases as f')
    .innerJoin('claims as c', 'c.id', 'f.claim_id')
    .select([
      'f.id',
      'f.claim_id',
      'c.program',
      'f.area_code',
      'f.claim_status',
      'f.subject_kind',
      'f.subject_id',
      'f.fact',
      'f.change',
      'f.before_outcome',
      'f.before_amount_fen',
      'f.after_outcome',
      'f.after_amount_fen',
      'f.after_reasons',
      'f.status',
      'f.raised_by',
      'f.raised_at',
      'f.closed_by',
      'f.closed_at',
      'f.resolution',
    ]);
}

export async function listFactCases(
  tx: Tx,
  actor: Actor | null,
  input: ListFactCasesInput = {},
): Promise<{ items: FactCaseView[]; total: number; page: number; pageSize: number }> {
  const a = requireRole(actor, 'city', 'county');
  const page = Math.max(1, input.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, input.pageSize ?? 50));
  let q = factCasesQuery(tx);
  let count = tx.selectFrom('fact_cases as f').select(({ fn }) => fn.countAll<string>().as('n'));
  if (a.role === 'county') {
    q = q.where('f.area_code', '=', a.areaCode ?? '');
    count = count.where('f.area_code', '=', a.areaCode ?? '');
  }
  if (input.areaCode) {
    q = q.where('f.area_code', '=', input.areaCode);
    count = count.where('f.area_code', '=', input.areaCode);
  }
  if (input.status) {
    q = q.where('f.status', '=', input.status);
    count = count.where('f.status', '=', input.status);
  }
  const rows = await q
    .orderBy('f.raised_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const total = Number((await count.executeTakeFirst())?.n ?? 0);
  return { items: rows.map((r) => toFactCaseView(r as Parameters<typeof toFactCaseView>[0])), total, page, pageSize };
}
