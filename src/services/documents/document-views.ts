// What each printed document says, read from the record with the same access as the record's own read
// (a record outside the reader's slice is "not found" here too). The PDFs are drawn from these views by
// pure functions (document-pdfs.ts). Every document names the issuing office — the HR bureau of the
// record's area (the city's for the city) — and the business date it was printed on.
import { CLAUSE_HEADINGS } from '../../policy/clauses.ts';
import { APPLICANT_NAMES, CATALOG_SECTION_NAMES, LEVEL_NAMES, PROGRAM_NAMES } from '../../policy/codes.ts';
import type { Tx } from '../../store/audit-log.ts';
import { maskName, maskResidentId, personNameFor, requireRole, residentIdFor, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { businessToday } from '../business-date.ts';
import { catalogEntryOn } from '../catalog/list-catalog-entries.ts';

import { loadClaim } from '../claims/claim-scope.ts';
import { describeMissing } from '../claims/missing-facts.ts';
import { CATALOG_SECTION_OF } from '../classes/class-application.ts';
import { classInScope } from '../classes/class-scope.ts';

import type { OpeningReview } from '../classes/opening-review.ts';
import { FUND_SOURCE_NAMES } from '../funds/fund-balance.ts';
import { notFound } from '../record-scope.ts';
import { requireInArea, requireOffice } from '../review/review-scope.ts';
import { CITY_AREA, CITY_NAME } from '../../vocabulary/areas.ts';
import { BATCH_STATUS_NAMES, CLAIM_STATUS_NAMES, CLASS_STATUS_NAMES, OUTCOME_NAMES } from '../../vocabulary/statuses.ts';

/** What every document carries at its head and foot. */
export interface DocumentHead {
  /** The document's title, also its file name's stem. */
  title: string;
  /** The issuing office: the HR bureau of the record's area. */
  office: string;
  /** The business date it was printed on (src/services/business-date.ts). */
  businessDate: string;
}

/** A notice lists at most this many claims; a longer one is printed in parts from the notice page. */
export const NOTICE_DOCUMENT_MAX_CLAIMS = 5000;
/** A payment batch's signature list prints at most this many lines. */
export const BATCH_DOCUMENT_MAX_LINES = 5000;

export interface NoticeDocument extends DocumentHead {
  kind: 'notice';
  noticeTitle: string;
  startsOn: string;
  endsOn: string;
  workingDays: number;
  status: string;
  pausedOn: string | null;
  claims: { name: string; residentId: string; program: string; amountFen: number | null; payee: string }[];
  totalClaims: number;
  totalFen: number;
  /** Where objections go: the issuing office, in writing or on the public notice page. */
  objectTo: string;
}

export interface DecisionLetter extends DocumentHead {
  kind: 'decision';
  applicantName: string;
  residentId: string;
  applicant: string;
  program: string;
  clause: string | null;
  enterpriseName: string | null;
  providerName: string | null;
  occupation: string | null;
  level: string | null;
  startDate: string;
  endDate: string;
  status: string;
  /** null before the engine decided; 'undecided' prints 待定 and the missing facts (R10). */
  outcome: string | null;
  outcomeName: string;
  amountFen: number | null;
  payee: string | null;
  decidedOn: string | null;
  governingDate: string | null;
  policyPackageId: string | null;
  citations: { clause: string; heading: string }[];
  steps: { rule: string; clause: string; heading: string; result: string; reason: string }[];
  reasons: string[];
  missing: { subject: string; fact: string; when: string; clause: string; howTo: string }[];
  r3Exception: { reason: string; amountFen: number | null } | null;
}

export interface BatchSignatureList extends DocumentHead {
  kind: 'batch';
  areaName: string;
  fundName: string;
  status: string;
  builtOn: string;
  lines: { program: string; payeeKind: string; holder: string; ref: string; amountFen: number; paid: boolean }[];
  totalLines: number;
  totalFen: number;
  builtBy: string;
  confirmedBy: string | null;
  paidBy: string | null;
}

export interface ClassReviewRecord extends DocumentHead {
  kind: 'class_review';
  providerName: string;
  program: string;
  occupation: string | null;
  level: string | null;
  areaName: string;
  startDate: string;
  endDate: string;
  venue: string;
  hours: number;
  catalog: { name: string; hours: number | null } | null;
  rosterCount: number;
  status: string;
  decision: { act: string; by: string; note: string | null } | null;
  classProblems: { severity: string; clause: string; message: string }[];
  traineesWithProblems: number;
}

export type OfficeDocument = NoticeDocument | DecisionLetter | BatchSignatureList | ClassReviewRecord;

/** The HR bureau of an area: the city's, a district's (named with the city) or a county's. */
export function issuingOffice(areaCode: string, areaName: string | null): string {
  if (areaCode === CITY_AREA || !areaName) return `${CITY_NAME}人力资源和社会保障局`;
  return `${areaName.endsWith('区') ? CITY_NAME : ''}${areaName}人力资源和社会保障局`;
}

async function areaNameOf(tx: Tx, code: string): Promise<string | null> {
  return (await tx.selectFrom('areas').select('name').where('code', '=', code).executeTakeFirst())?.name ?? null;
}

/** A login's label (`role:username`) as people read it: the user's display name. */
async function personOf(tx: Tx, label: string | null | undefined): Promise<string | null> {
  if (!label) return null;
  const username = label.includes(':') ? label.slice(label.indexOf(':') + 1) : label;
  const u = await tx.selectFrom('users').select('display_name').where('username', '=', username).executeTakeFirst();
  return u?.display_name || username;
}

const day = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));
const programName = (p: string) => (PROGRAM_NAMES as Record<string, string>)[p] ?? p;
const heading = (clause: string) => (CLAUSE_HEADINGS as Record<string, string>)[clause] ?? '';

// ---------------------------------------------------------------------------------------------
// (a) 公示 for posting: the office's notice, names to the surname and IDs masked as on the public page
// ---------------------------------------------------------------------------------------------
export async function noticeDocument(tx: Tx, actor: Actor | null, id: string): Promise<NoticeDocument> {
  const a = requireOffice(actor);
  const n = await tx.selectFrom('publicity_notices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!n) throw new AppError('not_found', `没有找到公示：${id}`, 'id');
  requireInArea(a, n.area_code, '公示', id);
  const office = issuingOffice(n.area_code, await areaNameOf(tx, n.area_code));
  const base = tx.selectFrom('publicity_items as i').innerJoin('claims as c', 'c.id', 'i.claim_id').where('i.notice_id', '=', id);
  const agg = await base
    .select((e) => [e.fn.countAll<string>().as('n'), e.fn.sum<string>('c.amount_fen').as('s')])
    .executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('people as p', 'p.resident_id', 'c.resident_id')
    .select(['p.name', 'c.resident_id', 'c.program', 'c.amount_fen', 'c.payee', 'c.r3_exception_payee'])
    .orderBy('c.program')
    .orderBy('p.name')
    .orderBy('c.id')
    .limit(NOTICE_DOCUMENT_MAX_CLAIMS)
    .execute();
  return {
    kind: 'notice',
    title: '职业技能提升补贴申领公示',
    office,
    businessDate: businessToday(),
    noticeTitle: n.title,
    startsOn: day(n.starts_on),
    endsOn: day(n.ends_on),
    workingDays: Number(n.working_days),
    status: n.status ?? 'open',
    pausedOn: n.paused_on ? day(n.paused_on) : null,
    claims: rows.map((r) => ({
      // The public rule (access.ts): surname only, the ID's birth date hidden, whoever prints it.
      name: maskName(r.name ?? ''),
      residentId: maskResidentId(r.resident_id),
      program: programName(r.program),
      amountFen: r.amount_fen == null ? null : Number(r.amount_fen),
      payee: APPLICANT_NAMES[(r.payee ?? r.r3_exception_payee ?? 'individual') as keyof typeof APPLICANT_NAMES] ?? '—',
    })),
    totalClaims: Number(agg.n),
    totalFen: Number(agg.s ?? 0),
    objectTo: office,
  };
}

// ---------------------------------------------------------------------------------------------
// (b) 审核决定书: the claim's frozen decision with its steps and clauses, as the claim page shows them
// ---------------------------------------------------------------------------------------------
interface TraceLike {
  governingDate?: string;
  steps?: { rule: string; clause: string; result: string; reason: string }[];
}

export async function decisionLetter(tx: Tx, actor: Actor | null, id: string): Promise<DecisionLetter> {
  if (!actor) throw new AppError('unauthenticated', '请先登录');
  const c = await loadClaim(tx, actor, id);
  const office = issuingOffice(c.area_code, await areaNameOf(tx, c.area_code));
  const person = await tx.selectFrom('people').select('name').where('resident_id', '=', c.resident_id).executeTakeFirst();
  const enterprise = c.enterprise_uscc
    ? await tx.selectFrom('enterprises').select('name').where('uscc', '=', c.enterprise_uscc).executeTakeFirst()
    : undefined;
  const provider = c.provider_id
    ? await tx.selectFrom('providers').select('name').where('id', '=', c.provider_id).executeTakeFirst()
    : undefined;
  const trace = (typeof c.trace === 'string' ? JSON.parse(c.trace) : c.trace) as TraceLike | null;
  const citations = ((typeof c.citations === 'string' ? JSON.parse(c.citations) : c.citations) as string[] | null) ?? [];
  const reasons = ((typeof c.reasons === 'string' ? JSON.parse(c.reasons) : c.reasons) as string[] | null) ?? [];
  const missing = c.outcome === 'undecided' ? await describeMissing(tx, actor, c) : [];
  const catalogName = c.occupation_code
    ? ((await tx.selectFrom('catalog_entries').select('name').where('code', '=', c.occupation_code).executeTakeFirst())?.name ?? null)
    : null;
  return {
    kind: 'decision',
    title: '职业技能提升补贴申领审核决定书',
    office,
    businessDate: businessToday(),
    applicantName: person ? personNameFor(actor, c.resident_id, person.name) : '—',
    residentId: residentIdFor(actor, c.resident_id),
    applicant: APPLICANT_NAMES[c.applicant as keyof typeof APPLICANT_NAMES] ?? c.applicant,
    program: programName(c.program),
    clause: citations[0] ?? null,
    enterpriseName: enterprise?.name ?? null,
    providerName: provider?.name ?? null,
    occupation: c.occupation_code ? `${catalogName ?? ''}（${c.occupation_code}）` : null,
    level: c.level ? (LEVEL_NAMES[c.level] ?? c.level) : null,
    startDate: c.start_date,
    endDate: c.end_date,
    status: CLAIM_STATUS_NAMES[c.status] ?? c.status,
    outcome: c.outcome,
    outcomeName: c.outcome ? (OUTCOME_NAMES[c.outcome] ?? c.outcome) : '尚未判定',
    amountFen: c.amount_fen == null ? null : Number(c.amount_fen),
    payee: c.payee ? (APPLICANT_NAMES[c.payee as keyof typeof APPLICANT_NAMES] ?? c.payee) : null,
    decidedOn: c.decided_at ? day(c.decided_at) : null,
    governingDate: trace?.governingDate ?? null,
    policyPackageId: c.policy_package_id,
    citations: citations.map((x) => ({ clause: x, heading: heading(x) })),
    steps: (trace?.steps ?? []).map((s) => ({
      rule: s.rule,
      clause: s.clause,
      heading: heading(s.clause),
      result: s.result,
      reason: s.reason,
    })),
    reasons,
    missing: missing.map((m) => ({
      subject: m.subjectName,
      fact: m.factName,
      when: m.year != null ? `${m.year}年度` : (m.neededOn ?? '—'),
      clause: m.clause,
      howTo: m.howTo,
    })),
    r3Exception:
      c.r3_exception_reason == null
        ? null
        : { reason: c.r3_exception_reason, amountFen: c.r3_exception_amount_fen == null ? null : Number(c.r3_exception_amount_fen) },
  };
}

// ---------------------------------------------------------------------------------------------
// (c) 支付签字清单: a batch's lines for the 经办/复核/支付 signatures (§5.7)
// ---------------------------------------------------------------------------------------------
export async function batchSignatureList(tx: Tx, actor: Actor | null, id: string): Promise<BatchSignatureList> {
  // The batch's own read (getPaymentBatch): offices their area, finance every batch.
  const a = requireRole(actor, 'city', 'county', 'department');
  if (a.role === 'department' && a.department !== 'finance') throw new AppError('forbidden', '只有财政局可以查看支付批次');
  const b = await tx.selectFrom('payment_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b || (a.role === 'county' && a.areaCode !== b.area_code)) throw new AppError('not_found', `没有找到支付批次：${id}`, 'batchId');
  const areaName = await areaNameOf(tx, b.area_code);
  const fund = await tx.selectFrom('funds').select(['source', 'year']).where('id', '=', b.fund_id).executeTakeFirst();
  const base = tx.selectFrom('payment_batch_items as i').where('i.batch_id', '=', id);
  const agg = await base
    .select((e) => [e.fn.countAll<string>().as('n'), e.fn.sum<string>('i.amount_fen').as('s')])
    .executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('claims as c', 'c.id', 'i.claim_id')
    .leftJoin('payments as p', 'p.claim_id', 'i.claim_id')
    .leftJoin('people as pe', 'pe.resident_id', 'c.resident_id')
    .leftJoin('enterprises as e', 'e.uscc', 'c.enterprise_uscc')
    .leftJoin('providers as pr', 'pr.id', 'c.provider_id')
    .select([
      'i.amount_fen',
      'c.program',
      'c.payee',
      'c.r3_exception_payee',
      'c.resident_id',
      'c.enterprise_uscc',
      'c.provider_id',
      'pe.name as person_name',
      'e.name as enterprise_name',
      'e.uscc as enterprise_code',
      'pr.name as provider_name',
      'pr.uscc as provider_code',
      'p.id as payment_id',
    ])
    .orderBy('c.program')
    .orderBy('pe.name')
    .orderBy('i.claim_id')
    .limit(BATCH_DOCUMENT_MAX_LINES)
    .execute();
  const paidBy = await tx
    .selectFrom('audit_log')
    .select('actor')
    .where('entity', '=', 'payment_batch')
    .where('entity_id', '=', id)
    .where('action', 'in', ['payment_batch.start', 'payment_batch.paid'])
    .orderBy('seq')
    .executeTakeFirst();
  return {
    kind: 'batch',
    title: '职业技能提升补贴资金支付签字清单',
    office: issuingOffice(b.area_code, areaName),
    businessDate: businessToday(),
    areaName: areaName ?? b.area_code,
    fundName: fund ? `${fund.year}年${FUND_SOURCE_NAMES[fund.source] ?? fund.source}` : '—',
    status: BATCH_STATUS_NAMES[b.status ?? 'draft'] ?? String(b.status),
    builtOn: day(b.created_at),
    lines: rows.map((l) => {
      const payee = l.payee ?? l.r3_exception_payee ?? 'individual';
      const [holder, ref] =
        payee === 'enterprise'
          ? [l.enterprise_name ?? '—', l.enterprise_code ?? '—']
          : payee === 'institution'
            ? [l.provider_name ?? '—', l.provider_code ?? '—']
            : [personNameFor(a, l.resident_id, l.person_name ?? ''), residentIdFor(a, l.resident_id)];
      return {
        program: programName(l.program),
        payeeKind: APPLICANT_NAMES[payee as keyof typeof APPLICANT_NAMES] ?? payee,
        holder,
        ref,
        amountFen: Number(l.amount_fen),
        paid: l.payment_id != null,
      };
    }),
    totalLines: Number(agg.n),
    totalFen: Number(agg.s ?? 0),
    builtBy: (await personOf(tx, b.created_by)) ?? '—',
    confirmedBy: await personOf(tx, b.confirmed_by),
    paidBy: await personOf(tx, paidBy?.actor),
  };
}

// ---------------------------------------------------------------------------------------------
// (d) 开班审查记录: the class, its hours against the catalog's, the roster and the reviewer's decision
// ---------------------------------------------------------------------------------------------
export async function classReviewRecord(tx: Tx, actor: Actor | null, id: string): Promise<ClassReviewRecord> {
  // The opening review's readers (GET /classes/:id/review), each in the class's own scope.
  const a = requireRole(actor, 'provider', 'county', 'city');
  const c = await tx.selectFrom('classes').selectAll().where('id', '=', id).where(classInScope(a)).executeTakeFirst();
  if (!c) throw notFound('培训班', id);
  const areaName = await areaNameOf(tx, c.area_code);
  const provider = await tx.selectFrom('providers').select('name').where('id', '=', c.provider_id).executeTakeFirst();
  const roster = await tx
    .selectFrom('class_trainees')
    .select((e) => e.fn.countAll<string>().as('n'))
    .where('class_id', '=', id)
    .executeTakeFirstOrThrow();
  const section = CATALOG_SECTION_OF[c.program];
  const entry =
    section && c.occupation_code && c.level ? await catalogEntryOn(tx, section, c.occupation_code, c.level, c.start_date) : undefined;
  const decided = await tx
    .selectFrom('audit_log')
    .select(['actor', 'action'])
    .where('entity', '=', 'class')
    .where('entity_id', '=', id)
    .where('action', 'in', ['class.approve', 'class.return'])
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  const review = (typeof c.review_problems === 'string' ? JSON.parse(c.review_problems) : c.review_problems) as OpeningReview | null;
  return {
    kind: 'class_review',
    title: '职业技能培训开班审查记录',
    office: issuingOffice(c.area_code, areaName),
    businessDate: businessToday(),
    providerName: provider?.name ?? '—',
    program: programName(c.program),
    areaName: areaName ?? c.area_code,
    occupation: c.occupation_code ? `${entry?.name ?? ''}（${c.occupation_code}）` : null,
    level: c.level ? (LEVEL_NAMES[c.level] ?? c.level) : null,
    startDate: c.start_date,
    endDate: c.end_date,
    venue: c.venue,
    hours: Number(c.hours),
    catalog: entry ? { name: `${CATALOG_SECTION_NAMES[section as keyof typeof CATALOG_SECTION_NAMES] ?? ''}`, hours: entry.hours } : null,
    rosterCount: Number(roster.n),
    status: CLASS_STATUS_NAMES[c.status ?? 'draft'] ?? String(c.status),
    decision: decided
      ? {
          act: decided.action === 'class.approve' ? '审查通过' : '退回',
          by: (await personOf(tx, decided.actor)) ?? '—',
          note: c.review_note,
        }
      : null,
    classProblems: (review?.classProblems ?? []).map((p) => ({
      severity: p.severity === 'blocking' ? '不符合' : '提示',
      clause: p.clause,
      message: p.message,
    })),
    traineesWithProblems: (review?.trainees ?? []).filter((t) => t.problems.length > 0).length,
  };
}
