// Where a record is in its lifecycle, in the words users read. The lifecycles themselves (which act
// moves what, and who may take it) are the services' (claims/claim-states.ts, classes/class-status.ts,
// providers/provider-status.ts); the codes and names are here, browser-safe, for server and web alike.

export const CLAIM_STATUSES = ['submitted', 'decided', 'reviewed', 'publicity', 'approved', 'paid', 'rejected', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_NAMES: Record<ClaimStatus, string> = {
  submitted: '已提交',
  decided: '已判定',
  reviewed: '已审核',
  publicity: '公示中',
  approved: '已批准',
  paid: '已支付',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

/** The engine's outcomes (R10) as users read them. */
export const OUTCOME_NAMES: Record<string, string> = {
  eligible: '符合条件',
  ineligible: '不符合条件',
  not_applicable: '无适用政策',
  undecided: '待补充事实',
};

export const CLASS_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'running', 'assessed', 'closed'] as const;
export type ClassStatus = (typeof CLASS_STATUSES)[number];
export const CLASS_STATUS_NAMES: Record<ClassStatus, string> = {
  draft: '草稿',
  submitted: '已提交开班申请',
  approved: '开班审查通过',
  returned: '已退回',
  running: '培训中',
  assessed: '已结业考核',
  closed: '已验收结班',
};

export const PROVIDER_STATUSES = ['listed', 'suspended', 'delisted'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];
export const PROVIDER_STATUS_NAMES: Record<ProviderStatus, string> = { listed: '在册', suspended: '暂停', delisted: '除名' };

export const PROVIDER_KINDS = ['enterprise_center', 'college', 'social_institution', 'evaluation_institution'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export const PROVIDER_KIND_NAMES: Record<ProviderKind, string> = {
  enterprise_center: '企业培训中心',
  college: '职业院校',
  social_institution: '社会培训机构',
  evaluation_institution: '评价机构',
};

/** §4.1 apprenticeship plans. */
export const PLAN_STATUSES = ['submitted', 'listed', 'returned', 'completed', 'failed', 'quit'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_NAMES: Record<PlanStatus, string> = {
  submitted: '已提交',
  listed: '已列入计划',
  returned: '已退回',
  completed: '已完成',
  failed: '未通过考核',
  quit: '中途退出',
};

/** A trainee's "not me" dispute of a claim in their name. */
export const DISPUTE_STATUSES = ['open', 'taken', 'resolved'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const DISPUTE_STATUS_NAMES: Record<DisputeStatus, string> = { open: '待受理', taken: '办理中', resolved: '已办结' };
export const DISPUTE_FINDINGS = ['claim_rejected', 'dismissed'] as const;
export type DisputeFinding = (typeof DISPUTE_FINDINGS)[number];
export const DISPUTE_FINDING_NAMES: Record<DisputeFinding, string> = {
  claim_rejected: '异议成立（申领驳回，已支付的追回）',
  dismissed: '异议不成立',
};

/** A department's notes on the records of its slice (§5.7). */
export const NOTE_KINDS = ['comment', 'flag'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const NOTE_KIND_NAMES: Record<NoteKind, string> = { comment: '意见', flag: '标记' };

/** An enterprise's R8 standing for a year (§5.2: an enterprise payee is paid 80% unless its education fund was fully used). */
export const R8_VERDICT_NAMES = { applies: '适用 80% 规则', not_applies: '按标准全额补贴', unknown: '尚未登记，待补充' } as const;
export type R8Verdict = keyof typeof R8_VERDICT_NAMES;

/** A payment batch: built as a draft, confirmed by a second person, paid (through the bank), or cancelled. */
export const BATCH_STATUSES = ['draft', 'confirmed', 'paying', 'paid', 'cancelled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export const BATCH_STATUS_NAMES: Record<BatchStatus, string> = {
  draft: '草稿（待确认）',
  confirmed: '已确认（待支付）',
  paying: '支付中',
  paid: '已支付',
  cancelled: '已取消',
};

/** A risk-sampled class's on-site inspection (过程监督): planned when drawn, done once its result is recorded. */
export const INSPECTION_STATUSES = ['planned', 'done'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_STATUS_NAMES: Record<InspectionStatus, string> = { planned: '待检查', done: '已检查' };
export const INSPECTION_RESULTS = ['clean', 'irregular'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
export const INSPECTION_RESULT_NAMES: Record<InspectionResult, string> = { clean: '未发现问题', irregular: '发现违规' };

/** A publicity notice (公示): open, paused while an objection is handled, or closed once its days have run. */
export const NOTICE_STATUSES = ['open', 'paused', 'closed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_NAMES: Record<NoticeStatus, string> = { open: '公示中', paused: '异议暂停', closed: '已结束' };
/** An objection to a notice: open until the office finds it upheld or dismissed. */
export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_STATUS_NAMES: Record<ObjectionStatus, string> = { open: '待处理', upheld: '成立', dismissed: '不成立' };
