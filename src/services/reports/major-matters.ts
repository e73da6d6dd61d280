// 重大事项专报 (§5.3): an office flags a matter (a suspected fake training, a provider under
// investigation…) naming the claims, classes and providers it concerns; its ad-hoc report gathers
// those records with their money, risk findings and sanctions. The city flags anywhere, a county in
// its own area; both read the matters of their slice.
import { appendAudit } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import type { RiskSubjectKind } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { coversArea, requireOwnArea } from '../record-scope.ts';
import { COUNTY_AREA_CODES } from '../targets/task-units.ts';
import { programName } from './report-period.ts';
import { newUuid } from '../../store/ids.ts';

export interface FlagMatterInput {
  title: string;
  areaCode: string;
  flaggedOn: string;
  summary: string;
  claimIds?: string[];
  classIds?: string[];
  providerIds?: string[];
}
export interface MajorMatterView {
  id: string;
  title: string;
  areaCode: string;
  flaggedOn: string;
  summary: string;
  claimIds: string[];
  classIds: string[];
  providerIds: string[];
  createdBy: string;
}

const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
const view = (m: {
  id: string;
  title: string;
  area_code: string;
  flagged_on: string;
  summary: string;
  claim_ids: unknown;
  class_ids: unknown;
  provider_ids: unknown;
  created_by: string;
}): MajorMatterView => ({
  id: m.id,
  title: m.title,
  areaCode: m.area_code,
  flaggedOn: m.flagged_on,
  summary: m.summary,
  claimIds: list(m.claim_ids),
  classIds: list(m.class_ids),
  providerIds: list(m.provider_ids),
  createdBy: m.created_by,
});

async function requireAll(tx: Tx, a: Actor, table: 'claims' | 'classes' | 'providers', ids: string[], field: string) {
  if (ids.length === 0) return;
  const rows = await tx.selectFrom(table).select(['id', 'area_code']).where('id', 'in', ids).execute();
  const found = new Map(rows.map((r) => [r.id, r.area_code]));
  ids.forEach((id, i) => {
    // A record outside a county's area is "not found" to it, like everywhere else (record-scope.ts).
    if (!found.has(id) || (table !== 'providers' && !coversArea(a, found.get(id)!))) {
      throw new AppError(
        'invalid_input',
        `${field}[${i}]: 没有找到${{ claims: '申领', classes: '培训班', providers: '培训机构' }[table]} ${id}`,
        `${field}[${i}]`,
      );
    }
  });
  if (new Set(ids).size !== ids.length) throw new AppError('invalid_input', `${field}: 有重复的编号`, field);
}

export async function flagMajorMatter(tx: Tx, actor: Actor | null, input: FlagMatterInput): Promise<MajorMatterView> {
  const a = requireRole(actor, 'city', 'county');
  if (!(COUNTY_AREA_CODES as readonly string[]).includes(input.areaCode) && input.areaCode !== '510400') {
    throw new AppError('invalid_input', `areaCode: ${input.areaCode} 不是本市的行政区划代码`, 'areaCode');
  }
  requireOwnArea(a, input.areaCode, 'areaCode');
  const claimIds = input.claimIds ?? [];
  const classIds = input.classIds ?? [];
  const providerIds = input.providerIds ?? [];
  if (claimIds.length + classIds.length + providerIds.length === 0)
    throw new AppError('invalid_input', 'claimIds: 至少注明一笔申领、一个培训班或一家培训机构', 'claimIds');
  await requireAll(tx, a, 'claims', claimIds, 'claimIds');
  await requireAll(tx, a, 'classes', classIds, 'classIds');
  await requireAll(tx, a, 'providers', providerIds, 'providerIds');
  const id = `MM-${input.flaggedOn.replace(/-/g, '')}-${newUuid().slice(0, 6)}`;
  await tx
    .insertInto('major_matters')
    .values({
      id,
      title: input.title,
      area_code: input.areaCode,
      flagged_on: input.flaggedOn,
      summary: input.summary,
      claim_ids: JSON.stringify(claimIds),
      class_ids: JSON.stringify(classIds),
      provider_ids: JSON.stringify(providerIds),
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .execute();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'matter.flag',
    entity: 'major_matter',
    entityId: id,
    data: { ...input, claimIds, classIds, providerIds },
  });
  return {
    id,
    title: input.title,
    areaCode: input.areaCode,
    flaggedOn: input.flaggedOn,
    summary: input.summary,
    claimIds,
    classIds,
    providerIds,
    createdBy: actorLabel(a),
  };
}

const MATTER_SORTS = { flaggedOn: 'flagged_on', title: 'title' } as const;

export async function listMajorMatters(
  db: Db,
  actor: Actor | null,
  q: { page?: number; pageSize?: number; sort?: keyof typeof MATTER_SORTS; order?: 'asc' | 'desc'; areaCode?: string },
) {
  const a = requireRole(actor, 'city', 'county');
  let query = db.selectFrom('major_matters');
  if (a.role === 'county') query = query.where('area_code', '=', a.areaCode ?? '');
  if (q.areaCode) query = query.where('area_code', '=', q.areaCode);
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  const order = q.order ?? 'desc';
  const rows = await query
    .selectAll()
    .orderBy(MATTER_SORTS[q.sort ?? 'flaggedOn'], order)
    .orderBy('id', order)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map(view), total, page, pageSize };
}

export interface MajorMatterReport {
  matter: MajorMatterView;
  areaName: string;
  generatedAt: string;
  title: string;
  claims: {
    id: string;
    number: string;
    program: string;
    programName: string;
    status: string;
    areaCode: string;
    providerId: string | null;
    endDate: string;
    amountFen: number | null;
    paidFen: number | null;
    recoveredFen: number;
  }[];
  classes: {
    id: string;
    number: string;
    program: string;
    programName: string;
    status: string;
    providerId: string;
    startDate: string;
    endDate: string;
    trainees: number;
  }[];
  providers: { id: string; name: string; status: string; areaCode: string }[];
  findings: { rule: string; title: string; clause: string; subjects: number }[];
  sanctions: { id: string; kind: string; reason: string; amountFen: number | null; sanctionedOn: string }[];
  totals: { claims: number; amountFen: number; paidFen: number; recoveredFen: number };
}

export async function majorMatterReport(db: Db, actor: Actor | null, id: string): Promise<MajorMatterReport> {
  const a = requireRole(actor, 'city', 'county');
  const row = await db.selectFrom('major_matters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !coversArea(a, row.area_code)) throw new AppError('not_found', `没有找到重大事项：${id}`, 'id');
  const matter = view(row);
  const claims = matter.claimIds.length
    ? await db
        .selectFrom('claims as c')
        .leftJoin('payments as p', 'p.claim_id', 'c.id')
        .select([
          'c.id',
          'c.number',
          'c.program',
          'c.status',
          'c.area_code',
          'c.provider_id',
          'c.end_date',
          'c.amount_fen',
          'c.outcome',
          'c.r3_exception_amount_fen',
          'p.amount_fen as paid',
        ])
        .where('c.id', 'in', matter.claimIds)
        .orderBy('c.id')
        .execute()
    : [];
  const recovered = matter.claimIds.length
    ? new Map(
        (
          await db
            .selectFrom('recoveries')
            .select(['claim_id', (eb) => eb.fn.sum<number>('amount_fen').as('n')])
            .where('claim_id', 'in', matter.claimIds)
            .groupBy('claim_id')
            .execute()
        ).map((r) => [r.claim_id!, Number(r.n)]),
      )
    : new Map<string, number>();
  const classes = matter.classIds.length
    ? await db
        .selectFrom('classes as k')
        .select([
          'k.id',
          'k.number',
          'k.program',
          'k.status',
          'k.provider_id',
          'k.start_date',
          'k.end_date',
          (eb) =>
            eb
              .selectFrom('class_trainees as t')
              .select((e2) => e2.fn.countAll<number>().as('n'))
              .whereRef('t.class_id', '=', 'k.id')
              .as('trainees'),
        ])
        .where('k.id', 'in', matter.classIds)
        .orderBy('k.id')
        .execute()
    : [];
  const providers = matter.providerIds.length
    ? await db
        .selectFrom('providers')
        .select(['id', 'name', 'status', 'area_code'])
        .where('id', 'in', matter.providerIds)
        .orderBy('id')
        .execute()
    : [];
  // Findings of the latest scan naming any of the records.
  const scan = await db.selectFrom('risk_scans').select('id').orderBy('scanned_at', 'desc').limit(1).executeTakeFirst();
  const refs: [RiskSubjectKind, string][] = [
    ...matter.claimIds.map((r): [RiskSubjectKind, string] => ['claim', r]),
    ...matter.classIds.map((r): [RiskSubjectKind, string] => ['class', r]),
    ...matter.providerIds.map((r): [RiskSubjectKind, string] => ['provider', r]),
  ];
  const findings =
    scan && refs.length
      ? await db
          .selectFrom('risk_finding_subjects as s')
          .innerJoin('risk_findings as f', 'f.id', 's.finding_id')
          .select(['f.rule', 'f.title', 'f.clause', (eb) => eb.fn.count<number>('s.ref').distinct().as('n')])
          .where('s.scan_id', '=', scan.id)
          .where((eb) => eb.or(refs.map(([kind, ref]) => eb.and([eb('s.kind', '=', kind), eb('s.ref', '=', ref)]))))
          .groupBy(['f.rule', 'f.title', 'f.clause'])
          .orderBy('f.rule')
          .execute()
      : [];
  const sanctions =
    matter.claimIds.length || matter.providerIds.length
      ? await db
          .selectFrom('risk_sanctions')
          .select(['id', 'kind', 'reason', 'amount_fen', 'sanctioned_on'])
          .where((eb) =>
            eb.or([
              ...(matter.claimIds.length ? [eb('claim_id', 'in', matter.claimIds)] : []),
              ...(matter.providerIds.length ? [eb('provider_id', 'in', matter.providerIds)] : []),
            ]),
          )
          .orderBy('sanctioned_on')
          .execute()
      : [];
  const claimRows = claims.map((c) => ({
    id: c.id,
    number: c.number,
    program: c.program,
    programName: programName(c.program),
    status: c.status,
    areaCode: c.area_code,
    providerId: c.provider_id,
    endDate: c.end_date,
    amountFen:
      c.outcome === 'eligible' && c.amount_fen != null
        ? Number(c.amount_fen)
        : c.r3_exception_amount_fen != null
          ? Number(c.r3_exception_amount_fen)
          : null,
    paidFen: c.paid == null ? null : Number(c.paid),
    recoveredFen: recovered.get(c.id) ?? 0,
  }));
  const areaName =
    (await db.selectFrom('areas').select('name').where('code', '=', matter.areaCode).executeTakeFirst())?.name ?? matter.areaCode;
  return {
    matter,
    areaName,
    generatedAt: new Date().toISOString(),
    title: `重大事项专报：${matter.title}`,
    claims: claimRows,
    classes: classes.map((k) => ({
      id: k.id,
      number: k.number,
      program: k.program,
      programName: programName(k.program),
      status: k.status,
      providerId: k.provider_id,
      startDate: k.start_date,
      endDate: k.end_date,
      trainees: Number(k.trainees ?? 0),
    })),
    providers: providers.map((p) => ({ id: p.id, name: p.name, status: p.status, areaCode: p.area_code })),
    findings: findings.map((f) => ({ rule: f.rule, title: f.title, clause: f.clause, subjects: Number(f.n) })),
    sanctions: sanctions.map((s) => ({
      id: s.id,
      kind: s.kind,
      reason: s.reason,
      amountFen: s.amount_fen == null ? null : Number(s.amount_fen),
      sanctionedOn: s.sanctioned_on,
    })),
    totals: {
      claims: claimRows.length,
      amountFen: claimRows.reduce((s, c) => s + (c.amountFen ?? 0), 0),
      paidFen: claimRows.reduce((s, c) => s + (c.paidFen ?? 0), 0),
      recoveredFen: claimRows.reduce((s, c) => s + c.recoveredFen, 0),
    },
  };
}
