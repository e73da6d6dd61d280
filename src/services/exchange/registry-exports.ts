// Exports to other government systems (§5.2 data sharing; docs/registry-exchange.md "Exports"):
//   subsidised   补贴发放人员名单 → the social insurance agency and the employment service, by period of
//                payment: who was paid which subsidy, for which training, how much, when;
//   sanctions    失信行为信息 → the public-credit platform (公共信用信息共享平台), by date of the finding:
//                units by USCC, people by resident ID, with the finding and the act taken.
// Both carry FULL resident IDs and names: each receiving system files the record under the person
// (it matches by ID; a masked ID matches no one). That is why only the city may export, and why each
// export is audited with who, which period, how many rows and the file's SHA-256. Screens keep the one
// masking rule (access.ts); the public sanction list stays masked (surname only, no IDs).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { LEVEL_NAMES, PROGRAM_NAMES, type ProgramCode } from '../../policy/codes.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import { inTransaction } from '../../store/transaction.ts';
import { AREA_NAMES } from '../../vocabulary/areas.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { csvText, writeSheet, XLSX_MIME, CSV_MIME, type SheetColumn } from '../classes/sheet-file.ts';
import { assertDate } from '../identifiers.ts';
import { fenToYuanText } from '../payments/bank-file.ts';
import { SANCTION_NAMES } from '../risk/sanction.ts';
import type { RegistryFile } from './registry-templates.ts';

export const EXPORT_KINDS = ['subsidised', 'sanctions'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
/** One export at most this many rows: a longer period is split (a whole year of the city fits). */
export const EXPORT_MAX_ROWS = 50_000;

export const EXPORT_LAYOUTS: Record<ExportKind, { name: string; receiver: string; columns: SheetColumn[] }> = {
  subsidised: {
    name: '补贴发放人员名单',
    receiver: '市社会保险事业管理局、市就业服务管理局',
    columns: [
      { header: '序号', width: 8 },
      { header: '身份证号', width: 22, text: true },
      { header: '姓名', width: 12, text: true },
      { header: '补贴项目', width: 26, text: true },
      { header: '职业（工种）代码', width: 16, text: true },
      { header: '等级', width: 12, text: true },
      { header: '培训开始日期', width: 14, text: true },
      { header: '培训结束日期', width: 14, text: true },
      { header: '工作单位统一社会信用代码', width: 28, text: true },
      { header: '补贴金额（元）', width: 14, text: true },
      { header: '收款方类别', width: 12, text: true },
      { header: '支付日期', width: 14, text: true },
      { header: '申领编号', width: 26, text: true },
      { header: '经办地区', width: 10, text: true },
    ],
  },
  sanctions: {
    name: '失信行为信息',
    receiver: '市公共信用信息共享平台（市发展改革委）',
    columns: [
      { header: '序号', width: 8 },
      { header: '处理编号', width: 26, text: true },
      { header: '主体类别', width: 16, text: true },
      { header: '主体名称', width: 30, text: true },
      { header: '统一社会信用代码', width: 24, text: true },
      { header: '身份证号', width: 22, text: true },
      { header: '处理决定', width: 26, text: true },
      { header: '处理事由', width: 40, text: true },
      { header: '涉及金额（元）', width: 14, text: true },
      { header: '处理日期', width: 14, text: true },
      { header: '处理机关', width: 28, text: true },
      { header: '申领编号', width: 26, text: true },
    ],
  },
};

const PAYEE_NAMES: Record<string, string> = { individual: '个人', enterprise: '企业', institution: '培训机构' };
const UNIT = '法人和其他组织';
const PERSON = '自然人';

export interface ExportInput {
  kind: string;
  from: string;
  to: string;
  format: 'xlsx' | 'csv';
}

/** The export's rows, read in one transaction; the file is built after it and the export audited with the file's digest. */
export async function exportRegistryFile(db: Db, actor: Actor | null, input: ExportInput): Promise<RegistryFile & { rows: number }> {
  const a = requireRole(actor, 'city');
  if (!(EXPORT_KINDS as readonly string[]).includes(input.kind))
    throw new AppError('invalid_input', `kind: 没有这种导出：${input.kind}`, 'kind');
  const kind = input.kind as ExportKind;
  assertDate(input.from, 'query.from');
  assertDate(input.to, 'query.to');
  if (input.to < input.from) throw new AppError('invalid_input', 'query.to: 终止日期早于起始日期', 'query.to');
  const rows = await inTransaction(db, (tx) => (kind === 'subsidised' ? subsidisedRows(tx, input) : sanctionRows(tx, input)));
  if (rows.length > EXPORT_MAX_ROWS)
    throw new AppError(
      'invalid_input',
      `query.to: 该期间有 ${rows.length} 行，超过每次导出 ${EXPORT_MAX_ROWS} 行的上限，请缩短期间分次导出`,
      'query.to',
    );
  const layout = EXPORT_LAYOUTS[kind];
  const numbered = rows.map((r, i) => [String(i + 1), ...r]);
  const stem = `${layout.name}_${input.from}至${input.to}`;
  const file: RegistryFile =
    input.format === 'csv'
      ? {
          fileName: `${stem}.csv`,
          contentType: `${CSV_MIME}; charset=utf-8`,
          body: csvText(
            layout.columns.map((c) => c.header),
            numbered,
          ),
        }
      : { fileName: `${stem}.xlsx`, contentType: XLSX_MIME, body: await writeSheet(layout.name, layout.columns, numbered) };
  await inTransaction(db, (tx) =>
    appendAudit(tx, {
      actor: actorLabel(a),
      action: 'registry.export',
      entity: 'registry_export',
      entityId: `${kind}:${input.from}:${input.to}`,
      data: {
        kind,
        receiver: layout.receiver,
        from: input.from,
        to: input.to,
        format: input.format,
        rows: rows.length,
        fullResidentIds: true,
        sha256: createHash('sha256').update(file.body).digest('hex'),
      },
    }),
  );
  return { ...file, rows: rows.length };
}

/** Payments whose date (Asia/Shanghai) falls in the period, with the claim and the person. */
async function subsidisedRows(tx: Parameters<Parameters<typeof inTransaction>[1]>[0], input: ExportInput): Promise<string[][]> {
  const paidOn = sql<string>`to_char(pay.paid_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  const rows = await tx
    .selectFrom('payments as pay')
    .innerJoin('claims as c', 'c.id', 'pay.claim_id')
    .innerJoin('people as p', 'p.resident_id', 'c.resident_id')
    .select([
      'c.resident_id',
      'p.name',
      'c.program',
      'c.occupation_code',
      'c.level',
      'c.start_date',
      'c.end_date',
      'c.enterprise_uscc',
      'pay.amount_fen',
      'pay.payee',
      paidOn.as('paid_on'),
      'c.number',
      'c.area_code',
    ])
    .where(paidOn, '>=', input.from)
    .where(paidOn, '<=', input.to)
    .orderBy('pay.paid_at')
    .orderBy('pay.id')
    .limit(EXPORT_MAX_ROWS + 1)
    .execute();
  return rows.map((r) => [
    r.resident_id,
    r.name,
    PROGRAM_NAMES[r.program as ProgramCode] ?? r.program,
    r.occupation_code ?? '',
    r.level ? (LEVEL_NAMES[r.level] ?? r.level) : '',
    r.start_date,
    r.end_date,
    r.enterprise_uscc ?? '',
    fenToYuanText(Number(r.amount_fen)),
    PAYEE_NAMES[r.payee] ?? r.payee,
    r.paid_on,
    r.number,
    AREA_NAMES[r.area_code] ?? r.area_code,
  ]);
}

/** Sanctions decided in the period: who (the unit that applied or trained, or the person), the act and why. */
async function sanctionRows(tx: Parameters<Parameters<typeof inTransaction>[1]>[0], input: ExportInput): Promise<string[][]> {
  const rows = await tx
    .selectFrom('risk_sanctions as s')
    .leftJoin('claims as c', 'c.id', 's.claim_id')
    .leftJoin('people as p', 'p.resident_id', 'c.resident_id')
    .leftJoin('providers as pv', 'pv.id', 's.provider_id')
    .leftJoin('enterprises as e', 'e.uscc', 'c.enterprise_uscc')
    .select([
      's.id',
      's.kind',
      's.reason',
      's.amount_fen',
      's.sanctioned_on',
      's.area_code',
      's.claim_id',
      'c.number',
      'c.applicant',
      'c.resident_id',
      'p.name as person_name',
      'pv.name as provider_name',
      'pv.uscc as provider_uscc',
      'e.name as enterprise_name',
      'e.uscc as enterprise_uscc',
    ])
    .where('s.sanctioned_on', '>=', input.from)
    .where('s.sanctioned_on', '<=', input.to)
    .orderBy('s.sanctioned_on')
    .orderBy('s.id')
    .limit(EXPORT_MAX_ROWS + 1)
    .execute();
  return rows.map((r) => {
    // The party as the finding names it (sanction.ts claimParty): the applying unit, else the person.
    const unit =
      r.claim_id === null || (r.applicant === 'institution' && r.provider_name)
        ? { name: r.provider_name ?? '', uscc: r.provider_uscc ?? '' }
        : r.applicant === 'enterprise' && r.enterprise_name
          ? { name: r.enterprise_name, uscc: r.enterprise_uscc ?? '' }
          : null;
    return [
      r.id,
      unit ? UNIT : PERSON,
      unit ? unit.name : (r.person_name ?? ''),
      unit ? unit.uscc : '',
      unit ? '' : (r.resident_id ?? ''),
      SANCTION_NAMES[r.kind],
      r.reason,
      r.amount_fen == null ? '' : fenToYuanText(Number(r.amount_fen)),
      String(r.sanctioned_on).slice(0, 10),
      `${AREA_NAMES[r.area_code] === '攀枝花市' ? '攀枝花市' : `攀枝花市${AREA_NAMES[r.area_code] ?? ''}`}人力资源和社会保障局`,
      r.number ?? '',
    ];
  });
}
