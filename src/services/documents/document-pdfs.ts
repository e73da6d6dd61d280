// The office's printed documents: pure functions from a document view (document-views.ts) to a PDF,
// with the reports' CJK font and layout (report-files.ts). Each names its issuing office and the
// business date; no internal identifier (a record's UUID) is ever printed.
import { formatChineseDate } from '../../policy/dates.ts';
import { formatYuan } from '../../policy/money.ts';
import { heading, pdf, table } from '../reports/report-files.ts';
import type {
  BatchSignatureList,
  ClassReviewRecord,
  DecisionLetter,
  DocumentHead,
  NoticeDocument,
  OfficeDocument,
} from './document-views.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Engine reasons may name another record by its internal key; the paper never shows one. */
const clean = (text: string) => text.replace(UUID, '（另一记录）');
const date = (iso: string | null | undefined) => (iso ? formatChineseDate(iso.slice(0, 10)) : '—');
const yuan = (fen: number | null | undefined) => (fen == null ? '—' : formatYuan(fen));
const STEP_RESULTS: Record<string, string> = { pass: '符合', fail: '不符合', unknown: '缺少事实', info: '说明' };

function head(doc: PDFKit.PDFDocument, d: DocumentHead, subtitle?: string) {
  doc.fontSize(12).fillColor('#333').text(d.office, { align: 'center' }).moveDown(0.3);
  doc.fontSize(18).fillColor('#000').text(d.title, { align: 'center' }).moveDown(0.3);
  if (subtitle) doc.fontSize(11).fillColor('#444').text(clean(subtitle), { align: 'center' }).fillColor('#000');
  doc.moveDown(0.8);
}

/** The issuing office and date at the end, where the seal goes. */
function foot(doc: PDFKit.PDFDocument, d: DocumentHead) {
  if (doc.y > doc.page.height - 150) doc.addPage();
  doc.moveDown(1.5);
  const x = doc.page.margins.left;
  const w = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.fontSize(11).text(`${d.office}（盖章）`, x, doc.y, { width: w, align: 'right' });
  doc.text(date(d.businessDate), x, doc.y, { width: w, align: 'right' });
}

function para(doc: PDFKit.PDFDocument, text: string, size = 10.5) {
  doc.x = doc.page.margins.left;
  doc.fontSize(size).text(clean(text), { lineGap: 3 }).moveDown(0.4);
}

export function noticePdf(d: NoticeDocument): Promise<Buffer> {
  return pdf((doc) => {
    head(doc, d, d.noticeTitle);
    para(
      doc,
      `根据《攀枝花市职业技能提升行动实施方案（2019—2021年）》（攀办发〔2020〕2 号）关于补贴审核公示的规定（§5.5），现将下列 ${d.totalClaims} 笔职业技能提升补贴申领予以公示，补贴金额合计 ${yuan(d.totalFen)}。`,
    );
    para(
      doc,
      `公示期：${date(d.startsOn)}起 ${d.workingDays} 个工作日，至 ${date(d.endsOn)}止${d.status === 'paused' ? `（因收到异议，自 ${date(d.pausedOn)}起暂停计算）` : d.status === 'closed' ? '（已结束）' : ''}。`,
    );
    para(
      doc,
      `公示期内，任何单位和个人对公示内容有异议的，可向${d.objectTo}书面反映，或在本系统“公开信息—公示”页面对相应申领提出异议；请写明异议事实和联系方式。受理异议期间公示暂停计算，异议处理完毕后继续。`,
    );
    heading(doc, '公示名单（姓名仅显示姓氏，身份证号隐去出生日期）');
    table(
      doc,
      [30, 70, 130, 140, 80, 50],
      ['序号', '姓名', '身份证号', '培训项目', '补贴金额', '收款方'],
      d.claims.map((c, i) => [String(i + 1), c.name, c.residentId, c.program, yuan(c.amountFen), c.payee]),
    );
    if (d.claims.length < d.totalClaims)
      para(doc, `（本页列出前 ${d.claims.length} 笔，其余 ${d.totalClaims - d.claims.length} 笔见系统公示页面。）`, 9);
    foot(doc, d);
  }, d.title);
}

export function decisionLetterPdf(d: DecisionLetter): Promise<Buffer> {
  return pdf((doc) => {
    head(doc, d);
    para(doc, `${d.applicantName}（身份证号 ${d.residentId}）：`, 11);
    para(
      doc,
      `你（单位）以${d.applicant}身份申领的${d.program}补贴（培训期间 ${date(d.startDate)}至${date(d.endDate)}${d.occupation ? `，职业（工种）${d.occupation}` : ''}${d.level ? `，${d.level}` : ''}${d.enterpriseName ? `，所在企业 ${d.enterpriseName}` : ''}${d.providerName ? `，培训机构 ${d.providerName}` : ''}），经按攀办发〔2020〕2 号的规定审核，决定如下：`,
    );
    heading(doc, '一、审核结果');
    const amount = d.outcome === 'undecided' ? '待定（缺少下列事实，补充后重新判定）' : d.outcome === null ? '尚未判定' : yuan(d.amountFen);
    table(
      doc,
      [130, 360],
      ['项目', '内容'],
      [
        ['判定结果', d.outcomeName],
        ['补贴金额', amount],
        ['收款方', d.outcome === 'undecided' || d.outcome === null ? '待定' : (d.payee ?? '—')],
        ['申领状态', d.status],
        ['适用日期', date(d.governingDate)],
        ['判定日期', date(d.decidedOn)],
        ['依据政策版本', d.policyPackageId ?? '—'],
      ],
    );
    if (d.r3Exception) para(doc, `已登记年度补贴次数例外（R3）：${d.r3Exception.reason}；例外金额 ${yuan(d.r3Exception.amountFen)}。`);
    if (d.outcome === 'undecided') {
      heading(doc, '二、待补充的事实');
      d.missing.forEach((m, i) => para(doc, `${i + 1}. ${m.subject}：${m.fact}（${m.when}，${m.clause}）。${m.howTo}。`, 9.5));
      if (d.missing.length === 0) para(doc, '（缺少的事实已补充，待重新判定。）', 9);
    }
    heading(doc, `${d.outcome === 'undecided' ? '三' : '二'}、依据条款`);
    para(doc, d.citations.length ? d.citations.map((c) => `${c.clause} ${c.heading}`).join('；') : '—');
    heading(doc, `${d.outcome === 'undecided' ? '四' : '三'}、判定过程`);
    if (d.steps.length) {
      d.steps.forEach((s, i) =>
        para(doc, `第 ${i + 1} 步【${STEP_RESULTS[s.result] ?? s.result}】${s.rule}　${s.clause} ${s.heading}：${s.reason}`, 9.5),
      );
    } else if (d.reasons.length) {
      d.reasons.forEach((r, i) => para(doc, `${i + 1}. ${r}`, 9.5));
    } else para(doc, '尚未判定。', 9.5);
    para(doc, '如对本决定有异议，可自收到之日起向出具本决定书的人力资源和社会保障部门提出，或通过本系统“我的申领”提出异议。', 9.5);
    foot(doc, d);
  }, d.title);
}

export function batchSignaturePdf(d: BatchSignatureList): Promise<Buffer> {
  return pdf((doc) => {
    head(doc, d, `${d.areaName}　${d.fundName}　编制日期 ${date(d.builtOn)}　状态：${d.status}`);
    table(
      doc,
      [30, 120, 50, 90, 130, 70],
      ['序号', '培训项目', '收款方', '户名', '身份证号/统一社会信用代码', '金额'],
      d.lines.map((l, i) => [String(i + 1), l.program, l.payeeKind, l.holder, l.ref, `${yuan(l.amountFen)}${l.paid ? ' 已付' : ''}`]),
    );
    if (d.lines.length < d.totalLines)
      para(doc, `（本清单列出前 ${d.lines.length} 行，其余 ${d.totalLines - d.lines.length} 行见系统支付批次页面。）`, 9);
    para(doc, `合计：${d.totalLines} 笔，金额 ${yuan(d.totalFen)}。`, 11);
    heading(doc, '签字（§5.7：经办、复核、支付由不同人员办理）');
    table(
      doc,
      [80, 160, 150, 100],
      ['环节', '系统记录的办理人', '签字', '日期'],
      [
        ['经办（编制）', d.builtBy, '', ''],
        ['复核（确认）', d.confirmedBy ?? '尚未复核', '', ''],
        ['支付', d.paidBy ?? '尚未支付', '', ''],
      ],
    );
    foot(doc, d);
  }, d.title);
}

export function classReviewPdf(d: ClassReviewRecord): Promise<Buffer> {
  return pdf((doc) => {
    head(doc, d, `${d.providerName}　${d.program}`);
    const hoursNote =
      d.catalog?.hours != null
        ? d.hours < d.catalog.hours
          ? `少于目录课时 ${d.catalog.hours} 学时（§5.2 缩水培训风险，课时不决定补贴）`
          : `不少于目录课时 ${d.catalog.hours} 学时`
        : '目录未列课时';
    table(
      doc,
      [130, 360],
      ['项目', '内容'],
      [
        ['培训机构', d.providerName],
        ['培训项目', d.program],
        ['职业（工种）', d.occupation ?? '—'],
        ['等级', d.level ?? '—'],
        ['所在地区', d.areaName],
        ['培训期间', `${date(d.startDate)}至${date(d.endDate)}`],
        ['培训地点', d.venue],
        ['计划课时', `${d.hours} 学时，${hoursNote}`],
        ['目录', d.catalog ? `${d.catalog.name}（§4.0）` : '—'],
        ['花名册人数', `${d.rosterCount} 人`],
        ['当前状态', d.status],
      ],
    );
    heading(doc, '审查发现');
    if (d.classProblems.length) {
      d.classProblems.forEach((p, i) => para(doc, `${i + 1}. 【${p.severity}】${p.clause} ${p.message}`, 9));
    } else para(doc, d.decision ? '班级层面未发现问题。' : '尚未审查。');
    para(
      doc,
      `学员逐人核查（R5 养老金、R3 本年次数、R4 同工种同等级、培训时间冲突）：${d.traineesWithProblems ? `${d.traineesWithProblems} 名学员有需核实事项，明细见系统开班审查页面` : '未发现问题'}。`,
    );
    heading(doc, '审查意见');
    table(
      doc,
      [130, 360],
      ['项目', '内容'],
      d.decision
        ? [
            ['审查决定', d.decision.act],
            ['审查人', d.decision.by],
            ['意见或理由', d.decision.note ?? '—'],
          ]
        : [
            ['审查决定', '尚未审查'],
            ['审查人', ''],
            ['意见或理由', ''],
          ],
    );
    para(doc, '审查人签字：____________　　　日期：____________');
    foot(doc, d);
  }, d.title);
}

/** The PDF of any office document. */
export function documentPdf(d: OfficeDocument): Promise<Buffer> {
  switch (d.kind) {
    case 'notice':
      return noticePdf(d);
    case 'decision':
      return decisionLetterPdf(d);
    case 'batch':
      return batchSignaturePdf(d);
    case 'class_review':
      return classReviewPdf(d);
  }
}
