// Chinese names of the codes the API returns. The plan's own code lists come from the pure policy
// modules (shared with the engine); the few workflow names below mirror the server's tables, and
// test/web/labels.test.ts fails when the two drift apart.
import type { Role } from './types.ts';

export {
  APPLICANT_NAMES,
  CATALOG_SECTION_NAMES,
  CERTIFICATE_NAMES,
  INDUSTRY_NAMES,
  LEVEL_NAMES,
  PROGRAM_NAMES,
} from '../../src/policy/codes.ts';

export const ROLE_NAMES: Record<Role, string> = {
  city: '市人社局',
  county: '县（区）人社局',
  department: '行业主管部门',
  enterprise: '企业',
  provider: '培训机构',
  trainee: '劳动者',
};

export const AREA_NAMES: Record<string, string> = {
  '510400': '攀枝花市',
  '510402': '东区',
  '510403': '西区',
  '510411': '仁和区',
  '510421': '米易县',
  '510422': '盐边县',
};

export const CLAIM_STATUS_NAMES: Record<string, string> = {
  submitted: '已提交',
  decided: '已判定',
  reviewed: '已审核',
  publicity: '公示中',
  approved: '已批准',
  paid: '已支付',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

export const OUTCOME_NAMES: Record<string, string> = {
  eligible: '符合',
  ineligible: '不符合',
  not_applicable: '不适用',
  undecided: '待补充事实',
};

export const STEP_RESULT_NAMES: Record<string, string> = {
  pass: '符合',
  fail: '不符合',
  unknown: '缺少事实',
  info: '说明',
};

export const PROVIDER_KIND_NAMES: Record<string, string> = {
  enterprise_center: '企业培训中心',
  college: '职业院校',
  social_institution: '社会培训机构',
  evaluation_institution: '评价机构',
};

export const PROVIDER_STATUS_NAMES: Record<string, string> = { listed: '在册', suspended: '暂停', delisted: '除名' };

export const CLASS_STATUS_NAMES: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交开班申请',
  approved: '开班审查通过',
  returned: '已退回',
  running: '培训中',
  assessed: '已结业考核',
  closed: '已验收结班',
};

export const areaName = (code: string | null | undefined): string => (code ? (AREA_NAMES[code] ?? code) : '—');
export const nameOf = (names: Record<string, string>, code: string | null | undefined): string =>
  code == null ? '—' : (names[code] ?? code);

// Parties (issue #5): disputes, department notes, filings, plans, advances (test/web/parties-labels.test.ts).
export const DISPUTE_STATUS_NAMES: Record<string, string> = { open: '待受理', taken: '办理中', resolved: '已办结' };
export const DISPUTE_FINDING_NAMES: Record<string, string> = {
  claim_rejected: '异议成立（申领驳回，已支付的追回）',
  dismissed: '异议不成立',
};
export const NOTE_KIND_NAMES: Record<string, string> = { comment: '意见', flag: '标记' };
export const FLAG_STATUS_NAMES: Record<string, string> = { raised: '待处理', cleared: '已解除' };
export const FILING_STATUS_NAMES: Record<string, string> = { filed: '已报送', accepted: '已通过', returned: '已退回' };
export const PLAN_STATUS_NAMES: Record<string, string> = {
  submitted: '已提交',
  listed: '已列入计划',
  returned: '已退回',
  completed: '已完成',
  failed: '未通过考核',
  quit: '中途退出',
};
export const ADVANCE_STATUS_NAMES: Record<string, string> = {
  paid: '已预付，待结算',
  settled: '已结算',
  recovering: '追回中',
  recovered: '已追回',
};
export const DEPARTMENT_NAMES: Record<string, string> = {
  emergency: '市应急管理局',
  veterans: '市退役军人事务局',
  civil_affairs: '市民政局',
  disabled_federation: '市残联',
  housing: '市住房和城乡建设局',
  education: '市教育和体育局',
  finance: '市财政局',
  development_reform: '市发展改革委',
};
