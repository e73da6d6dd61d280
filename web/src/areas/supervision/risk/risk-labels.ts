// Chinese names of the fraud-risk codes the API returns (rules, levels, sanctions, inspection results)
// and of the keys of the evidence rows. They mirror the server's tables (src/services/risk); the test
// test/web/risk-labels.test.ts fails when the two drift apart.

/** Each rule's short Chinese name (the server's RiskRule.title). */
export const RISK_RULE_NAMES: Record<string, string> = {
  overlapping_attendance: '同一人同时参加两个培训班',
  overlapping_claims: '不同机构为同一人申领同期培训补贴',
  pension_trainee: '具有养老金领取资格的人员参训',
  student_in_term: '在校学生学期内以企业职工身份参训',
  copied_roster: '花名册与其他培训班高度重合',
  teacher_double_booked: '同一教师同一时间在两地授课',
  venue_double_booked: '同一场地同一时间举办两个培训班',
  same_minute_signin: '全体学员在同一分钟内签到',
  signin_outside_window: '扫码签到时间不在课次时间内',
  shared_signin_device: '同一设备为多人扫码签到',
  signin_two_classes: '同一人同时在两个班扫码签到',
  manual_marks_share: '手工补录考勤比例过高',
  excess_daily_hours: '单日课时超过可能的上限',
  online_during_session: '网络学习与课堂出勤时间重叠',
  excess_daily_study: '一人单日学习时间超过可能的上限',
  shared_online_device: '同一设备为多人网络学习',
  short_course: '课时远低于目录标准课时',
  certificate_reuse: '证书编号重复使用',
  pre_job_long_employed: '岗前培训对象早已在本企业就业',
};

export const RISK_LEVEL_NAMES: Record<string, string> = { high: '高', medium: '中', low: '低' };
export const RISK_LEVEL_COLORS: Record<string, string> = { high: 'red', medium: 'orange', low: 'gold' };
/** Mirrors RISK_LEVELS (risk-parameters.ts). */
export const LEVELS = { findingWeight: { high: 40, medium: 25 }, score: { high: 60, medium: 30 } } as const;
export const levelOf = (scale: { high: number; medium: number }, value: number): 'high' | 'medium' | 'low' =>
  value >= scale.high ? 'high' : value >= scale.medium ? 'medium' : 'low';

export const SUBJECT_KIND_NAMES: Record<string, string> = { class: '培训班', claim: '补贴申领', provider: '培训机构' };

export const SANCTION_KIND_NAMES: Record<string, string> = {
  claim_rejected: '驳回补贴申领',
  money_recovered: '追回已拨付补贴',
  provider_suspended: '暂停培训机构补贴性培训资格',
  provider_delisted: '取消培训机构补贴性培训资格',
};

export { INSPECTION_RESULT_NAMES, INSPECTION_STATUS_NAMES } from '../../../../../src/vocabulary/statuses.ts';

/** Evidence keys as read by a person. Unknown keys show as they are. */
export const EVIDENCE_LABELS: Record<string, string> = {
  classId: '培训班',
  claimId: '申领',
  providerId: '培训机构',
  residentId: '身份证号',
  personName: '姓名',
  startDate: '开始日期',
  endDate: '结束日期',
  classes: '涉及的培训班',
  claims: '涉及的申领',
  trainees: '学员',
  sharedTrainees: '相同学员',
  overlappingSessions: '时间重叠的课次',
  byDateRangeOnly: '仅按培训期判断',
  day: '日期',
  a: '前一班时间',
  b: '后一班时间',
  program: '培训项目',
  status: '状态',
  fact: '事实依据',
  value: '取值',
  asOf: '起始日期',
  source: '来源',
  shared: '相同学员人数',
  jaccard: '重合度',
  likelyCopy: '疑似套用的班',
  venue: '场地',
  teacher: '教师',
  sessions: '课次',
  sessionId: '课次编号',
  signers: '签到人数',
  firstSignIn: '最早签到',
  lastSignIn: '最晚签到',
  spreadSeconds: '签到时间跨度（秒）',
  signIns: '签到记录',
  signedAt: '签到时间',
  limitHours: '每天学时上限',
  days: '超限日期',
  hours: '学时',
  time: '时间',
  occupationCode: '工种代码',
  level: '等级',
  declaredHours: '申报学时',
  scheduledHours: '排课学时',
  catalogEntry: '目录条目',
  section: '目录类别',
  name: '名称',
  share: '最低比例',
  number: '证书编号',
  uses: '使用记录',
  type: '证书类型',
  date: '日期',
  termDays: '学期内上课日',
  terms: '学期',
  enterpriseUscc: '企业统一社会信用代码',
  enterpriseName: '企业',
  earlierEmployment: '此前的就业记录',
  ref: '记录编号',
  overlaps: '时间重叠',
  sessionClassId: '课堂所在培训班',
  sessionTime: '课次时间',
  method: '出勤方式',
  onlineClassId: '网络学习所在培训班',
  online: '网络学习计时',
  minutes: '重叠分钟',
  onlineHours: '网络学习（小时）',
  classroomHours: '课堂出勤（学时）',
  device: '设备摘要',
  people: '学习人员',
  viewings: '学习次数',
  first: '首次学习',
};

const VALUE_NAMES: Record<string, string> = {
  certificate: '证书登记',
  claim: '补贴申领',
  class: '培训班',
  plan: '学徒培养计划',
  in_school_student: '全日制在校学生',
  pensionEntitled: '按月领取养老金资格',
  upgrade: '技能等级提升目录',
  employment: '就业技能目录',
};

/** A value of an evidence row as shown (true → 是, ratios as %, codes named). */
export function evidenceValue(key: string, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return key === 'jaccard' || key === 'share' ? `${Math.round(v * 100)}%` : String(v);
  if (typeof v === 'string') return VALUE_NAMES[v] ?? v;
  return JSON.stringify(v);
}
