// 证书导入: an issuer's certificates in one .xlsx or CSV file (UTF-8 with or without BOM, or GB18030: the
// registry exchange's reader), from the downloadable template, same columns either way. The file is
// parsed in the sheet thread (classes/sheet-thread.ts) OUTSIDE any transaction, within the upload limits
// (limits.ts); then one transaction checks every row (issue-certificates.ts) and either refuses the whole
// file with each problem by row and column in Chinese, writing nothing, or writes it. Idempotent: rows
// already on record are counted as unchanged, so the same file twice changes nothing.
import { CERTIFICATE_NAMES } from '../../policy/codes.ts';
import { residentIdCheckChar } from '../../policy/identifiers.ts';
import type { Db } from '../../store/database.ts';
import { inTransaction } from '../../store/transaction.ts';
import { requireRole, type Actor } from '../access.ts';
import { csvText, readCsv, readSheet, refuseRows, writeSheet, type RowProblem, type SheetColumn } from '../classes/sheet-file.ts';
import { checkCertificateLines, writeCertificateLines, type CertificateLine, type LineField } from './issue-certificates.ts';
import { levelFromText, typeFromText } from './registry-rules.ts';

export const CERTIFICATE_COLUMNS = {
  issuerCode: '发证机构统一社会信用代码',
  number: '证书编号',
  type: '证书类型',
  residentId: '身份证号',
  name: '姓名',
  occupationCode: '职业（工种）代码',
  level: '等级',
  specificationCode: '专项职业能力规范代码',
  issuedOn: '发证日期',
} as const satisfies Record<LineField, string>;

const TEMPLATE: SheetColumn[] = [
  { header: CERTIFICATE_COLUMNS.issuerCode, width: 30, text: true, note: '已登记的评价机构或自主评价企业' },
  { header: CERTIFICATE_COLUMNS.number, width: 24, text: true, note: '同一发证机构内不重复' },
  { header: CERTIFICATE_COLUMNS.type, width: 18, text: true, note: '职业资格证书、职业技能等级证书、专项职业能力证书或培训合格证书' },
  { header: CERTIFICATE_COLUMNS.residentId, width: 24, text: true, note: '18 位居民身份证号码，以文本填写' },
  { header: CERTIFICATE_COLUMNS.name, width: 14, text: true, note: '与人员登记的姓名一致（实名制）' },
  { header: CERTIFICATE_COLUMNS.occupationCode, width: 20, text: true, note: '补贴目录中的代码，如 6-16-01-03；专项职业能力证书不填' },
  { header: CERTIFICATE_COLUMNS.level, width: 12, text: true, note: '五级至一级（或 5–1）；专项职业能力证书不填' },
  { header: CERTIFICATE_COLUMNS.specificationCode, width: 24, text: true, note: '仅专项职业能力证书填写' },
  { header: CERTIFICATE_COLUMNS.issuedOn, width: 14, text: true, note: '格式 YYYY-MM-DD' },
];

const templateRows = () => {
  const first17 = '51040219900101123';
  return [
    [
      '91510400MA00000000',
      'S202151040000001（示例，请删除本行）',
      CERTIFICATE_NAMES.skill_level,
      first17 + residentIdCheckChar(first17),
      '张三',
      '6-16-01-03',
      '四级',
      '',
      '2021-07-15',
    ],
  ];
};

/** The template: .xlsx (headers with notes, text cells) or CSV (UTF-8 with BOM, as Excel opens it). */
export async function certificateTemplate(format: 'xlsx' | 'csv' = 'xlsx'): Promise<Buffer> {
  return format === 'csv'
    ? csvText(
        TEMPLATE.map((c) => c.header),
        templateRows(),
      )
    : writeSheet('证书', TEMPLATE, templateRows());
}

export async function importCertificates(
  db: Db,
  actor: Actor | null,
  file: unknown,
  fileName: string | null = null,
  format: 'xlsx' | 'csv' = 'xlsx',
): Promise<{ rows: number; added: number; unchanged: number }> {
  const a = requireRole(actor, 'city', 'county', 'enterprise', 'evaluator');
  const C = CERTIFICATE_COLUMNS;
  const required = [C.issuerCode, C.number, C.type, C.residentId, C.name, C.issuedOn];
  const kind = { name: '证书导入文件', layout: 'template' } as const;
  const sheet = format === 'csv' ? await readCsv(file, required, kind) : await readSheet(file, required, kind);
  const problems: RowProblem[] = [];
  const lines: CertificateLine[] = sheet.rows.map((r) => {
    const typeText = r.get(C.type);
    const levelText = r.get(C.level);
    const type = typeFromText(typeText);
    const level = levelText === '' ? null : levelFromText(levelText);
    if (typeText !== '' && !type)
      problems.push({ row: r.row, column: C.type, message: '应为职业资格证书、职业技能等级证书、专项职业能力证书或培训合格证书' });
    if (levelText !== '' && !level)
      problems.push({ row: r.row, column: C.level, message: '等级应为五级（初级）至一级（高级技师），或 5 至 1' });
    if (r.isNumber(C.residentId)) problems.push({ row: r.row, column: C.residentId, message: '应以文本格式填写（数字格式会改变末几位）' });
    return {
      issuerCode: r.get(C.issuerCode),
      number: r.get(C.number),
      type: type ?? (typeText === '' ? '' : 'unknown'),
      residentId: r.get(C.residentId).toUpperCase(),
      name: r.get(C.name),
      occupationCode: r.get(C.occupationCode) || null,
      level: level ?? (levelText === '' ? null : 'unknown'),
      specificationCode: r.get(C.specificationCode) || null,
      issuedOn: r.get(C.issuedOn),
    };
  });
  if (lines.length === 0) problems.push({ row: 2, column: C.number, message: '文件中没有证书（第 2 行起每行一张证书）' });
  return inTransaction(db, async (tx) => {
    const { problems: found, ready } = await checkCertificateLines(tx, a, lines, (i) => `第 ${sheet.rows[i]!.row} 行`);
    const flagged = new Set(problems.map((p) => `${p.row}|${p.column}`));
    for (const p of found) {
      const row = sheet.rows[p.index]!.row;
      const column = C[p.field];
      if (!flagged.has(`${row}|${column}`)) problems.push({ row, column, message: p.message });
    }
    if (problems.length > 0) {
      problems.sort((x, y) => x.row - y.row || sheet.headers.indexOf(x.column) - sheet.headers.indexOf(y.column));
      refuseRows(problems, '证书文件');
    }
    const written = await writeCertificateLines(tx, a, ready, { kind: 'file', fileName });
    return { rows: lines.length, added: written.added, unchanged: written.unchanged };
  });
}
