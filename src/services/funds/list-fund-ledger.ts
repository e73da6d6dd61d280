// A fund's ledger (§5.2): every movement behind its balance — claims' reservations, payments,
// advances and recoveries — newest first, paged on the server. The city and finance read the whole
// fund; a county reads the movements of its own area (a claim's area, a batch's, a project's, or the
// apprenticeship plan's enterprise's).
import { sql } from 'kysely';
import type { Db } from '../../store/database.ts';
import { requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { MAX_PAGE_SIZE, type Page } from '../paging.ts';

export const LEDGER_KINDS = ['reservation', 'payment', 'advance', 'recovery'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface LedgerEntry {
  kind: LedgerKind;
  at: string;
  /** The claim, advance, or the advance's subject (plan or project) the movement is for. */
  ref: string;
  /** For an advance: its subject (plan or project id); for a recovery: the advance, if any. */
  subject: string | null;
  /**
   * What users read for `ref` (ids are internal): the claim's number (SQ-…); for an advance, or a recovery
   * of one, the number of the plan or project it was paid for (XT-…, XM-…).
   */
  refNumber: string | null;
  /** For a payment, its batch's number (BF-…). */
  subjectNumber: string | null;
  amountFen: number;
  /** reservation: reserved/paid/released; advance: paid/settled/recovering/recovered; else null. */
  status: string | null;
  areaCode: string | null;
  by: string | null;
  note: string | null;
}

export interface ListLedgerInput {
  page?: number;
  pageSize?: number;
  kind?: LedgerKind;
  order?: 'asc' | 'desc';
}

export async function listFundLedger(
  db: Db,
  actor: Actor | null,
  fundId: string,
  input: ListLedgerInput,
): Promise<Page<LedgerEntry> & { fundId: string }> {
  const a = requireRole(actor, 'city', 'county', 'department');
  if (a.role === 'department' && a.department !== 'finance') throw new AppError('forbidden', '只有财政局可以查看资金');
  const fund = await db.selectFrom('funds').select('id').where('id', '=', fundId).executeTakeFirst();
  if (!fund) throw new AppError('not_found', '没有找到这笔资金', 'fundId');
  const page = Math.max(1, input.page ?? 1);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, input.pageSize ?? 50));
  const area = a.role === 'county' ? (a.areaCode ?? '') : null;
  const entries = sql`(
    select 'reservation' as kind, r.reserved_at as at, r.claim_id as ref, null as subject, c.number as ref_number,
      null as subject_number, r.amount_fen, r.status, c.area_code, r.reserved_by as by, null as note
      from reservations r join claims c on c.id = r.claim_id where r.fund_id = ${fundId}
    union all
    select 'payment', p.paid_at, p.claim_id, p.batch_id, (select pc.number from claims pc where pc.id = p.claim_id), b.number,
      p.amount_fen, null, b.area_code, null, null
      from payments p join payment_batches b on b.id = p.batch_id where b.fund_id = ${fundId}
    union all
    select 'advance', a.created_at, a.id, a.subject_id, coalesce(pr.number, ap.number), null,
      a.amount_fen, a.status, coalesce(pr.area_code, e.area_code), a.created_by, null
      from advances a
      left join projects pr on a.kind = 'project' and pr.id = a.subject_id
      left join apprenticeship_plans ap on a.kind = 'apprenticeship' and ap.id = a.subject_id
      left join enterprises e on e.uscc = ap.enterprise_uscc
      where a.fund_id = ${fundId}
    union all
    select 'recovery', x.recorded_at, coalesce(x.claim_id, x.advance_id), x.advance_id, coalesce(c.number, pr.number, ap.number), null,
      x.amount_fen, null,
      coalesce(c.area_code, pr.area_code, e.area_code), x.recorded_by, x.reason
      from recoveries x
      left join advances a on a.id = x.advance_id
      left join projects pr on a.kind = 'project' and pr.id = a.subject_id
      left join apprenticeship_plans ap on a.kind = 'apprenticeship' and ap.id = a.subject_id
      left join enterprises e on e.uscc = ap.enterprise_uscc
      left join claims c on c.id = x.claim_id
      where a.fund_id = ${fundId}
        or (x.advance_id is null and exists (select 1 from payments p join payment_batches b on b.id = p.batch_id where p.claim_id = x.claim_id and b.fund_id = ${fundId}))
  ) as l`;
  const where = sql`where (${input.kind ?? null}::text is null or l.kind = ${input.kind ?? null}) and (${area}::text is null or l.area_code = ${area})`;
  const total = await sql<{ n: string }>`select count(*) as n from ${entries} ${where}`.execute(db);
  const order = input.order === 'asc' ? sql`asc` : sql`desc`;
  const rows = await sql<{
    kind: LedgerKind;
    at: Date;
    ref: string;
    subject: string | null;
    ref_number: string | null;
    subject_number: string | null;
    amount_fen: string;
    status: string | null;
    area_code: string | null;
    by: string | null;
    note: string | null;
  }>`
    select * from ${entries} ${where} order by l.at ${order}, l.kind, l.ref limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db);
  return {
    fundId,
    page,
    pageSize,
    total: Number(total.rows[0]?.n ?? 0),
    items: rows.rows.map((r) => ({
      kind: r.kind,
      at: new Date(r.at).toISOString(),
      ref: r.ref,
      subject: r.subject,
      refNumber: r.ref_number,
      subjectNumber: r.subject_number,
      amountFen: Number(r.amount_fen),
      status: r.status,
      areaCode: r.area_code,
      by: r.by,
      note: r.note,
    })),
  };
}
