// The columns a claim list exports to Excel, one definition each; every claim screen picks the ones it shows.
import { APPLICANT_NAMES, areaName, CLAIM_STATUS_NAMES, nameOf, OUTCOME_NAMES, PROGRAM_NAMES } from './labels.ts';
import type { ExportColumn } from './list.tsx';
import type { Claim } from './types.ts';

export const CLAIM_COLUMNS = {
  id: { title: '申领编号', value: (c) => c.number, width: 24 },
  traineeName: { title: '姓名', value: (c) => c.traineeName ?? '' },
  provider: {
    title: '培训机构',
    value: (c) => (c.providerName ? `${c.providerName}（${c.providerId}）` : (c.providerId ?? '')),
    width: 30,
  },
  enterprise: { title: '企业', value: (c) => c.enterpriseName ?? c.enterpriseUscc ?? '', width: 30 },
  program: { title: '培训项目', value: (c) => nameOf(PROGRAM_NAMES, c.program), width: 24 },
  applicant: { title: '申请人', value: (c) => nameOf(APPLICANT_NAMES, c.applicant) },
  residentId: { title: '身份证号', value: (c) => c.residentId, width: 22 },
  area: { title: '地区', value: (c) => areaName(c.areaCode) },
  // Dates as ISO text: the workbook writer stores them as real date cells (list.tsx xlsxCell).
  startDate: { title: '开始日期', value: (c) => c.startDate, width: 16 },
  endDate: { title: '结束日期', value: (c) => c.endDate, width: 16 },
  status: { title: '状态', value: (c) => nameOf(CLAIM_STATUS_NAMES, c.status) },
  outcome: { title: '判定结果', value: (c) => (c.outcome ? nameOf(OUTCOME_NAMES, c.outcome) : '未判定') },
  // Yuan as a number, so the sheet can sum it; fen are exact, the division only formats.
  amount: {
    title: '核定金额（元）',
    value: (c) => (c.outcome === 'undecided' ? '待定' : c.outcome == null || c.amountFen == null ? null : c.amountFen / 100),
    width: 16,
  },
} satisfies Record<string, ExportColumn<Claim>>;

const C = CLAIM_COLUMNS;
/** A claim list's full export (申领列表 and the departments' view of it). */
export const CLAIM_EXPORT: ExportColumn<Claim>[] = [
  C.id,
  C.traineeName,
  C.program,
  C.residentId,
  C.provider,
  C.enterprise,
  C.area,
  C.startDate,
  C.endDate,
  C.status,
  C.outcome,
  C.amount,
];
