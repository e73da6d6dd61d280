// Claims in the actor's slice, paged on the server (page size ≤ 200), sorted by a whitelisted column.
// The HR offices (and the finance bureau, who read risk) also see each claim's risk score from the
// newest risk scan (src/services/risk) and may filter or sort by it; before any scan the score is
// unknown (null), never read as "no risk".
import { sql } from 'kysely';
import type { Db } from '../../store/database.ts';
import { inTransaction } from '../../store/transaction.ts';
import { requireActor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { latestScan } from '../risk/scan-risks.ts';
import { loadClaim, claimScope } from './claim-scope.ts';
import { claimNames, claimView } from './claim-view.ts';
import { likePattern } from '../paging.ts';

export const CLAIM_SORTS = {
  submittedAt: 'created_at',
  startDate: 'start_date',
  endDate: 'end_date',
  amount: 'amount_fen',
  status: 'status',
  program: 'program',
  risk: 'risk',
} as const;

export interface ListClaimsInput {
  page: number;
  pageSize: number;
  sort: keyof typeof CLAIM_SORTS;
  order: 'asc' | 'desc';
  program?: string;
  areaCode?: string;
  status?: string;
  outcome?: string;
  providerId?: string;
  residentId?: string;
  /** Only claims whose risk score in the newest scan is at least this (1–100). */
  minRisk?: number;
  /** Only the claims of this publicity notice. */
  noticeId?: string;
  /** Only the claims of this class. */
  classId?: string;
  /** Part of a claim number (SQ-2021-510422-000123, any case) or of the trainee's name. */
  q?: string;
}

/** Who sees risk scores (as src/services/risk/risk-scope.ts: the offices and the finance bureau). */
export const readsRisk = (a: Actor): boolean =>
  a.role === 'city' || a.role === 'county' || (a.role === 'department' && a.department === 'finance');

export async function listClaims(db: Db, actor: Actor | null, input: ListClaimsInput) {
  const a = requireActor(actor);
  const risk = readsRisk(a);
  if (!risk && (input.minRisk !== undefined || input.sort === 'risk')) {
    throw new AppError('forbidden', '只有人社部门和财政局可以按风险评分筛选或排序', input.minRisk !== undefined ? 'minRisk' : 'sort');
  }
  const scan = risk ? ((await inTransaction(db, (tx) => latestScan(tx)))?.id ?? null) : null;
  const scoreOf = sql<number>`coalesce((select rs.score from risk_scores rs where rs.scan_id = ${scan ?? ''} and rs.kind = 'claim' and rs.ref = claims.id), 0)`;

  let q = db.selectFrom('claims').where(claimScope(a));
  if (input.program) q = q.where('program', '=', input.program);
  if (input.areaCode) q = q.where('area_code', '=', input.areaCode);
  if (input.status) q = q.where('status', '=', input.status as never);
  if (input.outcome) q = q.where('outcome', '=', input.outcome);
  if (input.providerId) q = q.where('provider_id', '=', input.providerId);
  if (input.residentId) q = q.where('resident_id', '=', input.residentId);
  if (input.classId) q = q.where('class_id', '=', input.classId);
  if (input.q) q = q.where(matchesText(a, input.q));
  if (input.noticeId) {
    const noticeId = input.noticeId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('publicity_items as pi')
          .select('pi.claim_id')
          .whereRef('pi.claim_id', '=', 'claims.id')
          .where('pi.notice_id', '=', noticeId),
      ),
    );
  }
  if (input.minRisk !== undefined) {
    // Before the first scan no claim has a known score: the filter selects none.
    q = scan === null ? q.where(sql<boolean>`false`) : q.where(sql<boolean>`${scoreOf} >= ${input.minRisk}`);
  }
  const total = await q.select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ordered =
    input.sort === 'risk'
      ? q.selectAll().select(scoreOf.as('risk_score')).select(claimNames).orderBy(scoreOf, input.order)
      : q
          .selectAll()
          .select(scoreOf.as('risk_score'))
          .select(claimNames)
          .orderBy(CLAIM_SORTS[input.sort] as 'created_at', input.order);
  const rows = await ordered
    .orderBy('id', input.order)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    items: rows.map(({ risk_score, ...c }) => ({ ...claimView(a, c), riskScore: risk && scan !== null ? Number(risk_score) : null })),
    total: Number(total.n),
    page: input.page,
    pageSize: input.pageSize,
    riskScanId: scan,
  };
}

/**
 * The list's search box: a claim number or part of one (case and spaces ignored), or part of the
 * trainee's name. Names are searched only for roles shown them in full (access.ts): a role that sees
 * 张** must not learn who a claim belongs to by guessing names, so its text matches numbers only.
 */
function matchesText(a: Actor, text: string) {
  const pattern = likePattern(text);
  const names = a.role === 'city' || a.role === 'county' || a.role === 'provider' || a.role === 'enterprise' || a.role === 'trainee';
  return (eb: import('kysely').ExpressionBuilder<import('../../store/schema.ts').Database, 'claims'>) =>
    eb.or([
      eb('claims.number', 'ilike', pattern),
      ...(names
        ? [
            eb.exists(
              eb
                .selectFrom('people as sp')
                .select('sp.resident_id')
                .whereRef('sp.resident_id', '=', 'claims.resident_id')
                .where('sp.name', 'like', pattern),
            ),
          ]
        : []),
    ]);
}

export async function getClaim(db: Db, actor: Actor | null, claimId: string) {
  const a = requireActor(actor);
  return inTransaction(db, async (tx) => {
    const claim = await loadClaim(tx, a, claimId);
    let riskScore: number | null = null;
    if (readsRisk(a)) {
      const scan = await latestScan(tx);
      if (scan) {
        const row = await tx
          .selectFrom('risk_scores')
          .select('score')
          .where('scan_id', '=', scan.id)
          .where('kind', '=', 'claim')
          .where('ref', '=', claim.id)
          .executeTakeFirst();
        riskScore = row?.score ?? 0;
      }
    }
    const names = await tx.selectFrom('claims').select(claimNames).where('id', '=', claim.id).executeTakeFirstOrThrow();
    // The bank's refusal of its last payment line, while the claim waits to be paid again (payments/bank-return.ts).
    const failed =
      claim.status === 'approved'
        ? await tx
            .selectFrom('payment_batch_items as i')
            .innerJoin('payment_batches as b', 'b.id', 'i.batch_id')
            .select(['i.failure_reason', 'i.settled_at', 'b.number'])
            .where('i.claim_id', '=', claim.id)
            .where('i.outcome', '=', 'failed')
            .orderBy('i.settled_at', 'desc')
            .limit(1)
            .executeTakeFirst()
        : undefined;
    const bankFailure = failed
      ? {
          reason: failed.failure_reason ?? '',
          batchNumber: failed.number,
          at: failed.settled_at ? new Date(failed.settled_at).toISOString() : null,
        }
      : null;
    return { ...claimView(a, { ...claim, ...names }, { trace: true }), riskScore, bankFailure };
  });
}
