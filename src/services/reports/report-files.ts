// Reports as files: Excel (exceljs) and PDF (pdfkit). Chinese in a PDF needs a CJK font: the first of
// UPSKILL_CJK_FONT and the usual Debian/Noto locations found at run time (fonts-noto-cjk); without one,
// a clear Chinese error instead of a PDF of empty boxes.
import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { formatChineseDate } from '../../policy/dates.ts';
import { xlsxCell } from '../../policy/xlsx-cells.ts';
import { formatYuan } from '../../policy/money.ts';
import type { FundDisclosure } from '../funds/fund-disclosure.ts';
import type { MajorMatterReport } from './major-matters.ts';
import type { Figures, PeriodReport } from './period-report.ts';

export class FontMissingError extends Error {
  readonly code = 'font_missing';
  constructor() {
    super(
      '服务器未安装中文字体，无法生成 PDF：请安装 fonts-noto-cjk（Debian：apt-get install fonts-noto-cjk），或用环境变量 UPSKILL_CJK_FONT 指定中文字体文件',
    );
  }
}

const FONT_CANDIDATES: { path: string; family?: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
];
// The parsed font, per file and face, read and parsed once per process. pdfkit re-parses a font given
// as bytes in every document (the CJK collection's glyph index: ~0.1–0.4 s of CPU per PDF); given an
// already parsed fontkit font it takes it as is and subsets it per document.
const parsedFonts = new Map<string, fontkit.Font>();

/** Whether a CJK font for PDF reports is installed (tests without one skip the PDF bytes, saying so). */
export function cjkFontInstalled(): boolean {
  const fromEnv = process.env.UPSKILL_CJK_FONT;
  return fromEnv ? existsSync(fromEnv) : FONT_CANDIDATES.some((c) => existsSync(c.path));
}

/** The installed CJK font's file and face. Throws FontMissingError when none is installed. */
function cjkFontFile(): { path: string; family?: string } {
  const fromEnv = process.env.UPSKILL_CJK_FONT;
  const candidates = fromEnv ? [{ path: fromEnv, family: process.env.UPSKILL_CJK_FONT_FAMILY }] : FONT_CANDIDATES;
  const found = candidates.find((c) => existsSync(c.path));
  if (!found) throw new FontMissingError();
  return found;
}

/** Writes `doc` in the CJK font from here on (parsed once per process). Throws FontMissingError without one. */
export function useCjkFont(doc: PDFKit.PDFDocument): void {
  const { path, family } = cjkFontFile();
  const key = `${path}\u0000${family ?? ''}`;
  let parsed = parsedFonts.get(key);
  if (!parsed) {
    const opened = fontkit.create(readFileSync(path), family);
    // A collection (.ttc) opened without a face name cannot lay out text: say what to set, not a stack.
    if (!('layout' in opened))
      throw new Error('中文字体文件是字体集合（.ttc）：请用环境变量 UPSKILL_CJK_FONT_FAMILY 指定其中字体的 PostScript 名称');
    parsed = opened;
    parsedFonts.set(key, parsed);
  }
  // pdfkit 0.20 accepts a fontkit font (PDFFontFactory.open checks for `layout`); its types list only bytes and paths.
  doc.registerFont('cjk', parsed as unknown as PDFKit.Mixins.PDFFontSource);
  doc.font('cjk');
}

const yuan = (fen: number | null | undefined) => (fen == null ? '—' : formatYuan(fen));
const pct = (bp: number | null | undefined) => (bp == null ? '未登记' : `${(bp / 100).toFixed(2)}%`);
/** A §1 target of the year, or 不适用 for a year no plan covers. */
const target = (percent: number | null) => (percent == null ? '不适用' : `${percent}%`);
const yuanNumber = (fen: number | null | undefined) => (fen == null ? null : fen / 100);

// ----------------------------------------------------------------------------------------------
// Excel
// ----------------------------------------------------------------------------------------------
type Col = { header: string; width?: number };
// Every cell through xlsxCell: an ISO date or timestamp becomes a date cell with a Chinese format.
function sheet(book: ExcelJS.Workbook, name: string, cols: Col[], rows: (string | number | null)[][]) {
  const ws = book.addWorksheet(name.slice(0, 31));
  ws.columns = cols.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? Math.max(12, c.header.length * 2 + 2) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const cells = r.map((v) => xlsxCell(v));
    const added = ws.addRow(cells.map((c) => c.value));
    cells.forEach((c, i) => {
      if (c.numFmt) added.getCell(i + 1).numFmt = c.numFmt;
    });
  }
  return ws;
}
const FIGURE_COLS: Col[] = [
  { header: '申领笔数（有效）' },
  { header: '培训人次' },
  { header: '批准笔数' },
  { header: '批准金额（元）', width: 16 },
  { header: '支付笔数' },
  { header: '支付金额（元）', width: 16 },
  { header: '驳回笔数' },
];
const figureCells = (f: Figures) => [
  f.claims,
  f.trainings,
  f.approvedCount,
  yuanNumber(f.approvedFen),
  f.paidCount,
  yuanNumber(f.paidFen),
  f.rejected,
];

export async function periodReportWorkbook(r: PeriodReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = sheet(
    book,
    '概况',
    [
      { header: '项目', width: 30 },
      { header: '内容', width: 60 },
    ],
    [
      ['报表', r.title],
      ['期间', `${formatChineseDate(r.period.from)}—${formatChineseDate(r.period.to)}（按培训结束日期）`],
      ['范围', r.scope.label],
      ['有效申领', r.summary.claims],
      ['培训人次', r.summary.trainings],
      ['批准金额（元）', yuanNumber(r.summary.approvedFen)],
      ['支付金额（元）', yuanNumber(r.summary.paidFen)],
      ...(r.enterpriseShare ? [['企业职工培训补贴占比（R9，§5.2）', r.enterpriseShare.message]] : []),
      ...(r.r8 ? [['职工教育经费与 80% 补贴（R8，§5.2）', r.r8.message]] : []),
      ['生成时间', r.generatedAt],
    ],
  );
  ws.getColumn(1).font = { bold: true };
  sheet(
    book,
    '分项目',
    [{ header: '培训项目', width: 28 }, ...FIGURE_COLS],
    r.byProgram.map((p) => [p.programName, ...figureCells(p)]),
  );
  sheet(
    book,
    '分地区',
    [{ header: '地区', width: 14 }, ...FIGURE_COLS],
    r.byArea.map((a) => [a.areaName, ...figureCells(a)]),
  );
  sheet(
    book,
    '季度趋势',
    [{ header: '季度', width: 14 }, ...FIGURE_COLS],
    r.trend.map((t) => [t.label, ...figureCells(t)]),
  );
  sheet(
    book,
    '年度任务进度',
    [
      { header: '承担单位', width: 20 },
      { header: '培训项目', width: 28 },
      { header: '年度任务' },
      { header: '累计完成' },
      { header: '应完成（按进度）', width: 18 },
      { header: '完成率' },
      { header: '是否滞后' },
    ],
    r.tasks.map((t) => [
      t.unitName,
      t.programName,
      t.target,
      t.done,
      t.expected,
      pct(t.doneBasisPoints),
      t.lagging ? `滞后（差 ${t.shortfall}）` : '正常',
    ]),
  );
  if (r.funds) {
    sheet(
      book,
      '资金',
      [
        { header: '资金', width: 28 },
        { header: '年度' },
        { header: '预算（元）', width: 16 },
        { header: '预留（元）', width: 16 },
        { header: '已支付（元）', width: 16 },
        { header: '预支（元）', width: 16 },
        { header: '追回（元）', width: 16 },
        { header: '余额（元）', width: 16 },
      ],
      r.funds.map((f) => [
        f.sourceName,
        f.year,
        yuanNumber(f.budgetFen),
        yuanNumber(f.reservedFen),
        yuanNumber(f.paidFen),
        yuanNumber(f.advancedFen),
        yuanNumber(f.recoveredFen),
        yuanNumber(f.remainingFen),
      ]),
    );
  }
  if (r.r8) {
    sheet(
      book,
      'R8核减（§5.2）',
      [
        { header: '企业', width: 36 },
        { header: '统一社会信用代码', width: 22 },
        { header: '按比例补贴笔数', width: 16 },
        { header: '核减金额（元）', width: 16 },
      ],
      r.r8.top.map((e) => [e.name, e.uscc, e.reducedClaims, e.reductionFen == null ? '不详' : yuanNumber(e.reductionFen)]),
    );
  }
  if (r.goals) {
    sheet(
      book,
      '目标（§1）',
      [
        { header: '地区/产业', width: 16 },
        { header: '指标', width: 36 },
        { header: '现状', width: 16 },
        { header: '目标', width: 10 },
        { header: '是否达到', width: 10 },
      ],
      [
        ...[...r.goals.areas, ...(r.goals.areas.length > 1 ? [r.goals.city] : [])].flatMap((a) => [
          [
            a.areaName,
            '技能劳动者占就业人员比例',
            pct(a.skilledBasisPoints),
            target(r.goals!.skilledTargetPercent),
            a.skilledMet == null ? '未登记' : a.skilledMet ? '是' : '否',
          ],
          [
            a.areaName,
            '高技能人才占技能劳动者比例',
            pct(a.highSkilledBasisPoints),
            target(r.goals!.highSkilledTargetPercent),
            a.highSkilledMet == null ? '未登记' : a.highSkilledMet ? '是' : '否',
          ],
        ]),
        ...r.goals.rotation.map((x) => [
          x.industryName,
          `主要岗位职工轮训（已培训 ${x.trained} / ${x.mainPostEmployees} 人）`,
          pct(x.trainedBasisPoints),
          '100%',
          x.met == null ? '数据不全' : x.met ? '是' : '否',
        ]),
      ],
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function matterReportWorkbook(r: MajorMatterReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  sheet(
    book,
    '事项',
    [
      { header: '项目', width: 16 },
      { header: '内容', width: 80 },
    ],
    [
      ['标题', r.matter.title],
      ['地区', r.areaName],
      ['发现日期', formatChineseDate(r.matter.flaggedOn)],
      ['情况', r.matter.summary],
      ['涉及申领', r.totals.claims],
      ['核定金额（元）', yuanNumber(r.totals.amountFen)],
      ['已支付（元）', yuanNumber(r.totals.paidFen)],
      ['已追回（元）', yuanNumber(r.totals.recoveredFen)],
    ],
  );
  sheet(
    book,
    '申领',
    [
      { header: '申领编号', width: 28 },
      { header: '培训项目', width: 26 },
      { header: '状态' },
      { header: '培训机构' },
      { header: '结束日期', width: 16 },
      { header: '核定金额（元）', width: 16 },
      { header: '已支付（元）', width: 16 },
      { header: '已追回（元）', width: 16 },
    ],
    r.claims.map((c) => [
      c.number,
      c.programName,
      c.status,
      c.providerId ?? '',
      c.endDate,
      yuanNumber(c.amountFen),
      yuanNumber(c.paidFen),
      yuanNumber(c.recoveredFen),
    ]),
  );
  sheet(
    book,
    '培训班',
    [
      { header: '班级编号', width: 28 },
      { header: '培训项目', width: 26 },
      { header: '状态' },
      { header: '培训机构' },
      { header: '开班日期', width: 14 },
      { header: '结业日期', width: 14 },
      { header: '学员人数' },
    ],
    r.classes.map((k) => [k.number, k.programName, k.status, k.providerId, k.startDate, k.endDate, k.trainees]),
  );
  sheet(
    book,
    '培训机构',
    [{ header: '编号' }, { header: '名称', width: 40 }, { header: '状态' }],
    r.providers.map((p) => [p.id, p.name, p.status]),
  );
  sheet(
    book,
    '风险线索',
    [{ header: '规则' }, { header: '线索', width: 40 }, { header: '条款' }, { header: '涉及对象' }],
    r.findings.map((f) => [f.rule, f.title, f.clause, f.subjects]),
  );
  sheet(
    book,
    '查处',
    [
      { header: '编号', width: 24 },
      { header: '类型', width: 18 },
      { header: '原因', width: 40 },
      { header: '金额（元）' },
      { header: '日期', width: 14 },
    ],
    r.sanctions.map((s) => [s.id, s.kind, s.reason, yuanNumber(s.amountFen), s.sanctionedOn]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function disclosureWorkbook(d: FundDisclosure): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  sheet(
    book,
    '资金',
    [
      { header: '资金', width: 28 },
      { header: '年度' },
      { header: '预算（元）', width: 16 },
      { header: '已使用（元）', width: 16 },
      { header: '已支付（元）', width: 16 },
      { header: '余额（元）', width: 16 },
    ],
    d.funds.map((f) => [
      f.sourceName,
      f.year,
      yuanNumber(f.budgetFen),
      yuanNumber(f.spentFen),
      yuanNumber(f.paidFen),
      yuanNumber(f.remainingFen),
    ]),
  );
  const cols: Col[] = [
    { header: '笔数' },
    { header: '人数' },
    { header: '批准金额（元）', width: 16 },
    { header: '已支付（元）', width: 16 },
  ];
  const cells = (x: { claims: number; people: number; approvedFen: number; paidFen: number }) => [
    x.claims,
    x.people,
    yuanNumber(x.approvedFen),
    yuanNumber(x.paidFen),
  ];
  sheet(
    book,
    '分项目',
    [{ header: '培训项目', width: 28 }, ...cols],
    [...d.byProgram.map((x) => [x.name, ...cells(x)]), ['合计', ...cells(d.totals)]],
  );
  sheet(
    book,
    '分地区',
    [{ header: '地区', width: 14 }, ...cols],
    d.byArea.map((x) => [x.name, ...cells(x)]),
  );
  sheet(
    book,
    '分培训机构',
    [{ header: '培训机构', width: 40 }, ...cols],
    d.byProvider.map((x) => [x.name, ...cells(x)]),
  );
  sheet(
    book,
    '说明',
    [{ header: '说明', width: 100 }],
    [[`${d.period.label}（${formatChineseDate(d.period.from)}—${formatChineseDate(d.period.to)}）`], [d.note]],
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

// ----------------------------------------------------------------------------------------------
// PDF
// ----------------------------------------------------------------------------------------------
/** An A4 PDF in the CJK font, built by `build` (also used by the office's documents, src/services/documents). */
export function pdf(build: (doc: PDFKit.PDFDocument) => void, title = 'upskill report'): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: title, Producer: 'upskill' } });
  useCjkFont(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  build(doc);
  doc.end();
  return done;
}

/** A simple table: header row, then rows; a new page when the next row would not fit. */
export function table(doc: PDFKit.PDFDocument, widths: number[], header: string[], rows: string[][]) {
  const x0 = doc.page.margins.left;
  const rowHeight = 18;
  const draw = (cells: string[], bold: boolean) => {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = x0;
    if (bold)
      doc
        .rect(
          x0,
          y - 2,
          widths.reduce((s, w) => s + w, 0),
          rowHeight,
        )
        .fill('#eef2f7')
        .fillColor('#000');
    cells.forEach((c, i) => {
      doc.fontSize(9).text(c, x + 3, y + 2, { width: widths[i]! - 6, height: rowHeight, ellipsis: true, lineBreak: false });
      x += widths[i]!;
    });
    doc.y = y + rowHeight;
    doc.x = x0;
  };
  draw(header, true);
  for (const r of rows) draw(r, false);
  doc.moveDown(0.8);
}

export function heading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.x = doc.page.margins.left;
  doc.fontSize(13).fillColor('#1f3b63').text(text).fillColor('#000').moveDown(0.4);
}

/** Horizontal bars: one per label, scaled to the largest value. */
function bars(doc: PDFKit.PDFDocument, items: { label: string; value: number; text: string }[]) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const x0 = doc.page.margins.left;
  for (const item of items) {
    if (doc.y + 16 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    doc.fontSize(8).text(item.label, x0, y + 2, { width: 130, lineBreak: false, ellipsis: true });
    doc
      .rect(x0 + 135, y + 2, Math.max(1, (item.value / max) * 250), 10)
      .fill('#3b6fb6')
      .fillColor('#000');
    doc.fontSize(8).text(item.text, x0 + 395, y + 2, { width: 110, lineBreak: false });
    doc.y = y + 16;
  }
  doc.x = x0;
  doc.moveDown(0.8);
}

export function periodReportPdf(r: PeriodReport): Promise<Buffer> {
  return pdf((doc) => {
    doc.fontSize(17).text(r.title, { align: 'center' }).moveDown(0.3);
    doc
      .fontSize(10)
      .fillColor('#555')
      .text(
        `期间：${formatChineseDate(r.period.from)}—${formatChineseDate(r.period.to)}（按培训结束日期）　范围：${r.scope.label}　依据：攀办发〔2020〕2 号 §5.3`,
        { align: 'center' },
      )
      .fillColor('#000')
      .moveDown(1);
    heading(doc, '一、总体情况');
    doc
      .fontSize(10)
      .text(
        `有效申领 ${r.summary.claims} 笔，培训 ${r.summary.trainings} 人次；批准 ${r.summary.approvedCount} 笔 ${yuan(r.summary.approvedFen)}，已支付 ${r.summary.paidCount} 笔 ${yuan(r.summary.paidFen)}；驳回 ${r.summary.rejected} 笔。`,
      );
    if (r.enterpriseShare) doc.text(r.enterpriseShare.message);
    if (r.r8) doc.text(r.r8.message);
    doc.moveDown(0.8);
    heading(doc, '二、分项目批准金额');
    bars(
      doc,
      r.byProgram.map((p) => ({ label: p.programName, value: p.approvedFen, text: yuan(p.approvedFen) })),
    );
    table(
      doc,
      [150, 55, 55, 90, 55, 90],
      ['培训项目', '有效申领', '培训人次', '批准金额', '支付笔数', '支付金额'],
      r.byProgram.map((p) => [
        p.programName,
        String(p.claims),
        String(p.trainings),
        yuan(p.approvedFen),
        String(p.paidCount),
        yuan(p.paidFen),
      ]),
    );
    heading(doc, '三、分地区');
    table(
      doc,
      [150, 55, 55, 90, 55, 90],
      ['地区', '有效申领', '培训人次', '批准金额', '支付笔数', '支付金额'],
      r.byArea.map((a) => [a.areaName, String(a.claims), String(a.trainings), yuan(a.approvedFen), String(a.paidCount), yuan(a.paidFen)]),
    );
    heading(doc, '四、年度任务进度与通报');
    table(
      doc,
      [90, 150, 60, 60, 60, 80],
      ['承担单位', '培训项目', '年度任务', '累计完成', '完成率', '进度'],
      r.tasks.map((t) => [
        t.unitName,
        t.programName,
        String(t.target),
        String(t.done),
        pct(t.doneBasisPoints),
        t.lagging ? `滞后，差 ${t.shortfall}` : '正常',
      ]),
    );
    doc
      .fontSize(10)
      .text(
        r.laggards.length
          ? `通报：${r.laggards.map((t) => `${t.unitName}“${t.programName}”完成 ${pct(t.doneBasisPoints)}`).join('；')}。`
          : '本期没有进度滞后的任务。',
      )
      .moveDown(0.8);
    if (r.funds) {
      heading(doc, '五、资金');
      table(
        doc,
        [130, 75, 75, 75, 75, 70],
        ['资金', '预算', '预留', '已支付', '预支−追回', '余额'],
        r.funds.map((f) => [
          `${f.year}年${f.sourceName}`,
          yuan(f.budgetFen),
          yuan(f.reservedFen),
          yuan(f.paidFen),
          yuan(f.advancedFen - f.recoveredFen),
          yuan(f.remainingFen),
        ]),
      );
    }
    if (r.goals) {
      heading(doc, `${r.funds ? '六' : '五'}、目标（§1）`);
      const rows = [...r.goals.areas, ...(r.goals.areas.length > 1 ? [r.goals.city] : [])].map((a) => [
        a.areaName,
        pct(a.skilledBasisPoints),
        pct(a.highSkilledBasisPoints),
      ]);
      table(
        doc,
        [120, 180, 180],
        [
          '地区',
          `技能劳动者占就业人员（目标 ${target(r.goals.skilledTargetPercent)}）`,
          `高技能人才占技能劳动者（目标 ${target(r.goals.highSkilledTargetPercent)}）`,
        ],
        rows,
      );
      table(
        doc,
        [120, 120, 120, 120],
        ['产业', '主要岗位职工', '已培训（不重复）', '轮训完成率'],
        r.goals.rotation.map((x) => [
          x.industryName,
          x.enterprisesWithoutHeadcount ? `${x.mainPostEmployees}（${x.enterprisesWithoutHeadcount} 家未报）` : String(x.mainPostEmployees),
          String(x.trained),
          pct(x.trainedBasisPoints),
        ]),
      );
      if (r.goals.missing.length)
        doc
          .fontSize(9)
          .fillColor('#a15c00')
          .text(`缺少数据：${r.goals.missing.join('；')}`)
          .fillColor('#000');
    }
  });
}

export function matterReportPdf(r: MajorMatterReport): Promise<Buffer> {
  return pdf((doc) => {
    doc.fontSize(17).text(r.title, { align: 'center' }).moveDown(0.3);
    doc
      .fontSize(10)
      .fillColor('#555')
      .text(`${r.areaName}　发现日期：${formatChineseDate(r.matter.flaggedOn)}　登记：${r.matter.createdBy}　依据：§5.3`, {
        align: 'center',
      })
      .fillColor('#000')
      .moveDown(1);
    heading(doc, '一、基本情况');
    doc.fontSize(10).text(r.matter.summary).moveDown(0.5);
    doc
      .text(
        `涉及申领 ${r.totals.claims} 笔，核定金额 ${yuan(r.totals.amountFen)}，已支付 ${yuan(r.totals.paidFen)}，已追回 ${yuan(r.totals.recoveredFen)}。`,
      )
      .moveDown(0.8);
    heading(doc, '二、涉及申领');
    table(
      doc,
      [130, 120, 60, 80, 55, 55],
      ['申领编号', '培训项目', '状态', '核定金额', '已支付', '已追回'],
      r.claims.map((c) => [c.number, c.programName, c.status, yuan(c.amountFen), yuan(c.paidFen), yuan(c.recoveredFen)]),
    );
    heading(doc, '三、涉及培训班与机构');
    table(
      doc,
      [130, 120, 60, 110, 60],
      ['班级', '培训项目', '状态', '期间', '学员'],
      r.classes.map((k) => [
        k.number,
        k.programName,
        k.status,
        `${formatChineseDate(k.startDate)}—${formatChineseDate(k.endDate)}`,
        String(k.trainees),
      ]),
    );
    table(
      doc,
      [80, 280, 80],
      ['编号', '名称', '状态'],
      r.providers.map((p) => [p.id, p.name, p.status]),
    );
    heading(doc, '四、风险线索与查处');
    table(
      doc,
      [60, 260, 60, 80],
      ['规则', '线索', '条款', '涉及对象'],
      r.findings.map((f) => [f.rule, f.title, f.clause, String(f.subjects)]),
    );
    table(
      doc,
      [120, 90, 170, 80],
      ['编号', '类型', '原因', '金额'],
      r.sanctions.map((s) => [s.id, s.kind, s.reason, yuan(s.amountFen)]),
    );
  });
}
