// Row types of the system of record, as Kysely sees them (see migrations/ for the DDL).
import type { ColumnType, Generated } from 'kysely';
import type { PaymentDuty } from '../vocabulary/roles.ts';
import type { ClaimStatus, ClassStatus, DisputeFinding } from '../vocabulary/statuses.ts';

export type { ClaimStatus, ClassStatus, DisputeFinding, PaymentDuty };

/** Who created/changed a record and when. */
interface Stamped {
  created_by: string;
  created_at: Generated<Date>;
  updated_by: string | null;
  updated_at: Date | null;
}
type Optional<T> = ColumnType<T, T | undefined, T>;

export interface AreaTable {
  code: string;
  name: string;
  level: 'city' | 'county';
}
export interface PersonTable extends Stamped {
  resident_id: string;
  name: string;
  area_code: string;
  phone: string | null;
}
export interface PersonFactTable {
  id: Generated<number>;
  resident_id: string;
  fact: string;
  value: boolean;
  source: string;
  as_of: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface EnterpriseTable extends Stamped {
  uscc: string;
  name: string;
  area_code: string;
  industry: string;
  insured: boolean | null;
  directly_managed: Optional<boolean>;
  dispatching_agency_uscc: string | null;
}
export interface EducationFundTable {
  uscc: string;
  year: number;
  fully_used: boolean;
  source: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface DifficultyTable {
  id: Generated<number>;
  uscc: string;
  valid_from: string;
  valid_to: string | null;
  source: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface HeadcountTable {
  uscc: string;
  year: number;
  main_post_employees: number;
  /** Added by 2026-11-25T1260-headcounts: who entered the figure (null on rows written before). */
  recorded_by: ColumnType<string | null, string | null | undefined, string | null>;
  recorded_at: Generated<Date>;
}
export interface ProviderTable extends Stamped {
  id: string;
  name: string;
  kind: string;
  uscc: string | null;
  area_code: string;
  status: Optional<'listed' | 'suspended' | 'delisted'>;
  entrepreneurship_qualified: Optional<boolean>;
}
export interface ProviderScopeTable {
  id: Generated<number>;
  provider_id: string;
  program: string;
  occupation_code: string | null;
  level: string | null;
  valid_from: string;
  valid_to: string | null;
}
export interface CatalogEntryTable extends Stamped {
  id: Generated<number>;
  section: string;
  code: string;
  name: string;
  level: string;
  base_standard_fen: number;
  industry: string;
  uplift_rate: string;
  appraisal_standard_fen: number | null;
  hours: number | null;
  effective_from: string | null;
  effective_to: string | null;
  edition: Optional<string | null>;
}
export interface EntrepreneurshipTypeTable extends Stamped {
  id: Generated<number>;
  code: string;
  name: string;
  amount_fen: number;
  effective_from: Optional<string | null>;
  effective_to: Optional<string | null>;
}
export interface PolicyPackageTable extends Stamped {
  id: string;
  title: string;
  precedence: number;
  data: unknown;
}
export interface ContentFilingTable extends Stamped {
  id: string;
  enterprise_uscc: string;
  program: string;
  title: string;
  content: string;
  filed_on: string;
  status: Optional<'filed' | 'accepted' | 'returned'>;
}
export interface ApprenticeshipPlanTable extends Stamped {
  id: string;
  enterprise_uscc: string;
  provider_id: string | null;
  resident_id: string;
  occupation_code: string;
  level: string;
  start_date: string;
  end_date: string;
  contract_months: number;
  status: Optional<'submitted' | 'listed' | 'returned' | 'completed' | 'failed' | 'quit'>;
}
export interface ProjectTable extends Stamped {
  id: string;
  name: string;
  provider_id: string;
  area_code: string;
  selection: string;
  per_trainee_fen: number;
  trainee_count: number;
  total_fen: number;
  occupation_code: string | null;
  level: string | null;
  status: Optional<string>;
}
export interface ClassTable extends Stamped {
  id: string;
  provider_id: string;
  program: string;
  area_code: string;
  enterprise_uscc: string | null;
  occupation_code: string | null;
  level: string | null;
  entrepreneurship_type: string | null;
  project_id: string | null;
  filing_id: string | null;
  start_date: string;
  end_date: string;
  hours: number;
  venue: string;
  teachers: Optional<unknown>;
  status: Optional<ClassStatus>;
  review_note: string | null;
  review_problems: Optional<unknown>;
}
export interface ClassTraineeTable {
  class_id: string;
  resident_id: string;
  employer_uscc: string | null;
  new_hire: boolean | null;
  contract_months: number | null;
}
export interface ClassSessionTable {
  id: Generated<number>;
  class_id: string;
  day: string;
  starts_at: string;
  ends_at: string;
  hours: number;
  /** The session counts only the span between a QR sign-in and sign-out (docs/attendance.md). */
  requires_signout: Generated<boolean>;
}
export interface AttendanceTable {
  session_id: number;
  resident_id: string;
  present: boolean;
  /** A QR sign-in's real server time; null for a manual mark (it claims the session's time). */
  signed_at: Date | null;
  method: string | null;
  recorded_by: string;
  /** Entered by the provider (grid, sheet) rather than signed in by the trainee. */
  manual: Generated<boolean>;
  /** 忘带手机 / 设备故障 / 网络故障 / 其他 (with manual_note) / 历史数据 (rows before sign-in existed). */
  manual_reason: string | null;
  manual_note: string | null;
  entered_at: Generated<Date>;
  signed_out_at: Date | null;
  /** SHA-256 of the device id the mobile page keeps: never the id itself, never personal data. */
  device_hash: string | null;
  /** Attended hours proven by a QR span (sign-out sessions); null reads as the session's hours. */
  hours: number | null;
}
export interface AssessmentTable {
  class_id: string;
  resident_id: string;
  qualified: boolean;
  assessed_on: string;
  recorded_by: string;
}
export interface CertificateTable {
  id: Generated<number>;
  type: string;
  number: string;
  resident_id: string;
  class_id: string | null;
  occupation_code: string | null;
  level: string | null;
  issued_on: string;
  issuer: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface ClaimTable extends Stamped {
  id: string;
  program: string;
  applicant: string;
  applicant_ref: string | null;
  resident_id: string;
  enterprise_uscc: string | null;
  class_id: string | null;
  provider_id: string | null;
  area_code: string;
  occupation_code: string | null;
  level: string | null;
  entrepreneurship_type: string | null;
  start_date: string;
  end_date: string;
  attended_hours: number | null;
  attended_days: number | null;
  qualified: boolean | null;
  certificate_type: string | null;
  certificate_number: string | null;
  new_hire: boolean | null;
  contract_months: number | null;
  plan_approved: boolean | null;
  insured_months: number | null;
  training_claim_id: string | null;
  project_id: string | null;
  status: ClaimStatus;
  outcome: string | null;
  amount_fen: number | null;
  payee: string | null;
  citations: unknown;
  reasons: unknown;
  missing: unknown;
  trace: unknown;
  policy_package_id: string | null;
  decided_at: Date | null;
  r3_exception_reason: string | null;
  r3_exception_by: Optional<string | null>;
  r3_exception_at: Optional<Date | null>;
  r3_exception_amount_fen: Optional<number | null>;
  r3_exception_payee: Optional<string | null>;
  fund_source: Optional<'special_action' | 'employment_fund' | null>;
  apprenticeship_plan_id: Optional<string | null>;
}
export interface ReviewTable {
  id: Generated<number>;
  claim_id: string;
  verdict: string;
  note: string | null;
  reviewer: string;
  reviewed_at: Generated<Date>;
}
export interface PublicityNoticeTable extends Stamped {
  id: string;
  area_code: string;
  title: string;
  starts_on: string;
  working_days: number;
  ends_on: string;
  status: Optional<'open' | 'paused' | 'closed'>;
  paused_on: Optional<string | null>;
  days_left: Optional<number | null>;
  segment_start: Optional<string | null>;
  /** The business day it was published and closed (null on notices written before they were recorded). */
  published_on: Optional<string | null>;
  closed_on: Optional<string | null>;
}
export interface PublicityItemTable {
  notice_id: string;
  claim_id: string;
}
export interface ObjectionTable {
  id: string;
  notice_id: string;
  claim_id: string | null;
  text: string;
  raised_by: string;
  raised_at: Generated<Date>;
  status: Optional<'open' | 'upheld' | 'dismissed'>;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  /** The business day it was received and resolved (the system's date, not typed by the objector). */
  received_on: Optional<string | null>;
  resolved_on: Optional<string | null>;
}
export interface FundTable extends Stamped {
  id: string;
  source: 'special_action' | 'employment_fund';
  year: number;
  budget_fen: number;
}
export interface ReservationTable {
  claim_id: string;
  fund_id: string;
  amount_fen: number;
  status: Optional<'reserved' | 'paid' | 'released'>;
  reserved_by: string;
  reserved_at: Generated<Date>;
}
export interface PaymentBatchTable extends Stamped {
  id: string;
  fund_id: string;
  area_code: string;
  status: Optional<'draft' | 'confirmed' | 'paying' | 'paid' | 'cancelled'>;
  total_fen: Optional<number>;
  confirmed_by: Optional<string | null>;
  cancel_reason: Optional<string | null>;
}
export interface PaymentBatchItemTable {
  batch_id: string;
  claim_id: string;
  amount_fen: number;
}
export interface PaymentTable {
  id: Generated<number>;
  claim_id: string;
  batch_id: string;
  payee: string;
  payee_ref: string | null;
  amount_fen: number;
  paid_at: Generated<Date>;
}
export interface AdvanceTable extends Stamped {
  id: string;
  kind: 'apprenticeship' | 'project';
  subject_id: string;
  fund_id: string;
  amount_fen: number;
  status: Optional<'paid' | 'settled' | 'recovering' | 'recovered'>;
}
export interface AdvanceDeductionTable {
  claim_id: string;
  advance_id: string;
  amount_fen: number;
}
export interface RecoveryTable {
  id: Generated<number>;
  advance_id: string | null;
  claim_id: string | null;
  amount_fen: number;
  reason: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface UserTable extends Stamped {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  role: string;
  area_code: string | null;
  department: string | null;
  enterprise_uscc: string | null;
  provider_id: string | null;
  resident_id: string | null;
  active: Optional<boolean>;
}
export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Date;
}
export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  ok: boolean;
  at: Generated<Date>;
}
/** Login attempts counted per key (`addr:…`, `user:…`, `pair:…`) in the current window (auth/sessions.ts). */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started: Date;
}
export interface AuditLogTable {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  data: unknown;
  prev_hash: string;
  hash: string;
}

export interface RiskScanTable {
  id: string;
  parameters_version: string;
  findings: number;
  unknown: unknown;
  scanned_by: string;
  scanned_at: Generated<Date>;
}
export interface RiskFindingTable {
  id: string;
  scan_id: string;
  rule: string;
  title: string;
  clause: string;
  weight: number;
  explanation: string;
  evidence: unknown;
}
export type RiskSubjectKind = 'class' | 'claim' | 'provider';
export interface RiskFindingSubjectTable {
  scan_id: string;
  finding_id: string;
  kind: RiskSubjectKind;
  ref: string;
  resident_id: string | null;
  area_code: string | null;
}
export interface RiskScoreTable {
  scan_id: string;
  kind: RiskSubjectKind;
  ref: string;
  area_code: string | null;
  score: number;
  rules: unknown;
  findings: number;
}
export interface RiskSampleTable {
  id: string;
  seed: string;
  scan_id: string | null;
  area_code: string | null;
  population: number;
  drawn: number;
  parameters: unknown;
  created_by: string;
  created_at: Generated<Date>;
}
export interface RiskInspectionTable {
  id: string;
  sample_id: string;
  class_id: string;
  score: number;
  probability: number;
  draw: number;
  status: Optional<'planned' | 'done'>;
  result: 'clean' | 'irregular' | null;
  note: string | null;
  inspected_on: string | null;
  inspected_by: string | null;
  recorded_at: Date | null;
}
export type SanctionKind = 'claim_rejected' | 'money_recovered' | 'provider_suspended' | 'provider_delisted';
export interface RiskSanctionTable {
  id: string;
  kind: SanctionKind;
  claim_id: string | null;
  provider_id: string | null;
  recovery_id: number | null;
  amount_fen: number | null;
  area_code: string;
  reason: string;
  basis: unknown;
  public_party: string;
  sanctioned_on: string;
  created_by: string;
  created_at: Generated<Date>;
}
export interface ProviderEvaluationTable {
  id: string;
  provider_id: string;
  evaluator: string;
  evaluated_on: string;
  score: number;
  pass_score: number;
  passed: boolean;
  note: string | null;
  status_change: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface Database {
  areas: AreaTable;
  people: PersonTable;
  person_facts: PersonFactTable;
  enterprises: EnterpriseTable;
  enterprise_education_fund: EducationFundTable;
  enterprise_difficulty: DifficultyTable;
  enterprise_headcounts: HeadcountTable;
  providers: ProviderTable;
  provider_scopes: ProviderScopeTable;
  catalog_entries: CatalogEntryTable;
  entrepreneurship_types: EntrepreneurshipTypeTable;
  policy_packages: PolicyPackageTable;
  content_filings: ContentFilingTable;
  apprenticeship_plans: ApprenticeshipPlanTable;
  projects: ProjectTable;
  classes: ClassTable;
  class_trainees: ClassTraineeTable;
  class_sessions: ClassSessionTable;
  attendance: AttendanceTable;
  assessment_results: AssessmentTable;
  certificates: CertificateTable;
  claims: ClaimTable;
  reviews: ReviewTable;
  publicity_notices: PublicityNoticeTable;
  publicity_items: PublicityItemTable;
  objections: ObjectionTable;
  funds: FundTable;
  reservations: ReservationTable;
  payment_batches: PaymentBatchTable;
  payment_batch_items: PaymentBatchItemTable;
  payments: PaymentTable;
  advances: AdvanceTable;
  advance_deductions: AdvanceDeductionTable;
  recoveries: RecoveryTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  risk_scans: RiskScanTable;
  risk_findings: RiskFindingTable;
  risk_finding_subjects: RiskFindingSubjectTable;
  risk_scores: RiskScoreTable;
  risk_samples: RiskSampleTable;
  risk_inspections: RiskInspectionTable;
  risk_sanctions: RiskSanctionTable;
  provider_evaluations: ProviderEvaluationTable;
  claim_disputes: ClaimDisputeTable;
  oversight_notes: OversightNoteTable;
}

// Parties: trainees' disputes of claims (异议案件) and departments' comments and flags.
export type DisputeStatus = 'open' | 'taken' | 'resolved';
export interface ClaimDisputeTable {
  id: string;
  claim_id: string;
  resident_id: string;
  area_code: string;
  reason: string;
  status: Optional<DisputeStatus>;
  taken_by: string | null;
  taken_at: Date | null;
  finding: DisputeFinding | null;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_by: string;
  created_at: Generated<Date>;
}
export interface OversightNoteTable {
  id: string;
  subject_kind: 'claim' | 'class';
  subject_id: string;
  area_code: string;
  kind: 'comment' | 'flag';
  text: string;
  department: string;
  author: string;
  created_at: Generated<Date>;
  status: 'raised' | 'cleared' | null;
  cleared_by: string | null;
  cleared_at: Date | null;
  clear_note: string | null;
}

/** A dated change of one policy parameter recorded by the city (carried by the local package `package_id`). */
export interface PolicyChangeTable {
  id: string;
  package_id: string;
  base_package_id: string;
  parameter: string;
  value: unknown;
  valid_from: string;
  valid_to: string | null;
  reason: string;
  created_by: string;
  created_at: Generated<Date>;
}
// (declaration merging: the admin tables join Database here, so the edit stays an append)
export interface Database {
  policy_changes: PolicyChangeTable;
}
// Supervision (#6 §1, §5.3): annual tasks, employment figures, flagged major matters.
export interface AnnualTaskTable {
  id: Generated<number>;
  year: number;
  unit_kind: 'area' | 'department';
  unit: string;
  program: string;
  target: number;
  note: string | null;
  created_by: string;
  created_at: Generated<Date>;
  updated_by: string | null;
  updated_at: Date | null;
}
export interface EmploymentFigureTable {
  area_code: string;
  year: number;
  employed: number;
  skilled: number;
  high_skilled: number;
  source: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface MajorMatterTable extends Stamped {
  id: string;
  title: string;
  area_code: string;
  flagged_on: string;
  summary: string;
  claim_ids: unknown;
  class_ids: unknown;
  provider_ids: unknown;
}
export interface Database {
  annual_tasks: AnnualTaskTable;
  employment_figures: EmploymentFigureTable;
  major_matters: MajorMatterTable;
}
// The period reports' running figures (#6): totals by program × area × year × quarter × status, and the
// deltas the claims triggers append until foldClaimPeriodDeltas moves them into the totals.
export interface ClaimPeriodFigureTable {
  year: number;
  quarter: number;
  program: string;
  area_code: string;
  status: string;
  claims: string | number;
  amount_fen: string | number;
}
export interface Database {
  claim_period_totals: ClaimPeriodFigureTable;
  claim_period_deltas: ClaimPeriodFigureTable;
  what_if_jobs: WhatIfJobTable;
  what_if_job_claims: WhatIfJobClaimTable;
}

// Migration 2026-12-06T1080: what-if runs, shared by every API instance.
export interface WhatIfJobTable {
  id: string;
  status: 'running' | 'done' | 'failed';
  input: unknown;
  started_by: string;
  started_at: Generated<Date>;
  finished_at: Date | null;
  heartbeat_at: Generated<Date>;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  error: string | null;
  result: unknown;
}
export interface WhatIfJobClaimTable {
  job_id: string;
  claim_id: string;
  program: string;
  area_code: string;
  resident_id: string;
  status: string;
  start_date: string;
  frozen_outcome: string | null;
  frozen_amount_fen: number | null;
  before_outcome: string;
  before_amount_fen: number;
  after_outcome: string;
  after_amount_fen: number;
  delta_fen: number;
}

// Facts in time (2026-12-06T1060): dated enterprise facts (参保) and the office's cases for decisions a
// changed fact would change after approval.
export interface EnterpriseFactTable {
  id: Generated<number>;
  uscc: string;
  fact: 'insured';
  value: boolean;
  source: string;
  as_of: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface FactCaseTable {
  id: Generated<number>;
  claim_id: string;
  area_code: string;
  subject_kind: 'person' | 'enterprise';
  subject_id: string;
  fact: string;
  change: unknown;
  claim_status: string;
  before_outcome: string;
  before_amount_fen: number;
  after_outcome: string;
  after_amount_fen: number;
  after_reasons: unknown;
  status: Optional<'open' | 'closed'>;
  raised_by: string;
  raised_at: Generated<Date>;
  closed_by: Optional<string | null>;
  closed_at: Optional<Date | null>;
  resolution: Optional<string | null>;
}
export interface Database {
  enterprise_facts: EnterpriseFactTable;
  fact_cases: FactCaseTable;
}
// Money controls: the payment duties a login holds (经办 build, 复核 confirm, 支付 pay), set by the city.
export interface UserTable {
  payment_duties: Optional<PaymentDuty[]>;
  /** An evaluation body's login (role 'evaluator'): the issuer it acts for (2026-12-06T2100). */
  issuer_id: Optional<string | null>;
}
// Record numbers (2026-12-06T1220-record-numbers): assigned by the database on insert, never by the caller.
export interface RecordCounterTable {
  prefix: string;
  year: number;
  area_code: string;
  last_value: number;
}
export interface ClaimTable {
  number: Generated<string>;
}
export interface ClassTable {
  number: Generated<string>;
}
export interface PublicityNoticeTable {
  number: Generated<string>;
}
export interface PaymentBatchTable {
  number: Generated<string>;
}
export interface ContentFilingTable {
  number: Generated<string>;
}
export interface ApprenticeshipPlanTable {
  number: Generated<string>;
}
export interface ProjectTable {
  number: Generated<string>;
}
export interface Database {
  record_counters: RecordCounterTable;
}
// The certificate registry (2026-12-06T1420-certificate-registry; docs/certificates.md).
export interface CertificateIssuerTable {
  id: string;
  kind: 'evaluation_body' | 'enterprise';
  name: string;
  code: string;
  area_code: string;
  enterprise_uscc: string | null;
  created_by: string;
  created_at: Generated<Date>;
}
export interface IssuerApprovalTable {
  id: Generated<number>;
  issuer_id: string;
  document: string;
  occupations: string[];
  valid_from: string;
  valid_to: string | null;
  outsiders: boolean;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface AbilitySpecificationTable {
  code: string;
  name: string;
  area_code: string;
  valid_from: string;
  valid_to: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface RegistryCertificateTable {
  id: Generated<number>;
  issuer_id: string;
  number: string;
  type: string;
  resident_id: string;
  occupation_code: string | null;
  level: string | null;
  specification_code: string | null;
  issued_on: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
  /** Revocation (2026-12-06T2100-certificate-revocation): the business date, reason and who; final. */
  revoked_on: Optional<string | null>;
  revoked_reason: Optional<string | null>;
  revoked_by: Optional<string | null>;
  revoked_at: Optional<Date | null>;
}
export interface CertificateRegistrySettingTable {
  id: Generated<boolean>;
  in_force_from: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export type CertificateCheckStatus = 'verified' | 'not_found' | 'mismatch' | 'outsider' | 'not_applicable' | 'revoked';
export interface ClaimCertificateCheckTable {
  claim_id: string;
  status: CertificateCheckStatus;
  registry_certificate_id: number | null;
  reasons: unknown;
  checked_by: string;
  checked_at: Generated<Date>;
}
export interface ClaimCertificateExplanationTable {
  claim_id: string;
  reason: string;
  explained_by: string;
  explained_at: Generated<Date>;
}
export interface Database {
  certificate_issuers: CertificateIssuerTable;
  issuer_approvals: IssuerApprovalTable;
  ability_specifications: AbilitySpecificationTable;
  registry_certificates: RegistryCertificateTable;
  certificate_registry_settings: CertificateRegistrySettingTable;
  claim_certificate_checks: ClaimCertificateCheckTable;
  claim_certificate_explanations: ClaimCertificateExplanationTable;
}

// Money that reaches a bank and the trainees told (migration 2026-12-06T1410-bank-payments).
export type PayeeKind = 'individual' | 'enterprise' | 'institution';
export interface PayeeAccountTable {
  payee: PayeeKind;
  payee_ref: string;
  kind: 'social_security_card' | 'bank';
  account_name: string;
  bank_name: string;
  /** `v1:<iv>:<tag>:<ciphertext>` (base64), AES-256-GCM: src/services/payments/account-crypto.ts. */
  account_cipher: string;
  /** HMAC-SHA256 of the digits under the key's MAC half: equality without the number. */
  account_hmac: string;
  created_by: string;
  created_at: Generated<Date>;
  updated_by: string | null;
  updated_at: Date | null;
}
export interface FundTable {
  payer_account_name: Optional<string | null>;
  payer_account_no: Optional<string | null>;
  payer_bank_name: Optional<string | null>;
}
export interface PaymentBatchItemTable {
  line_no: number;
  bank_issue: Optional<number | null>;
  /** The HMAC of the account the bank file carried for this line (the return must name the same). */
  bank_account_hmac: Optional<string | null>;
  outcome: Optional<'paid' | 'failed' | null>;
  bank_ref: Optional<string | null>;
  failure_reason: Optional<string | null>;
  settled_at: Optional<Date | null>;
}
export interface PaymentTable {
  bank_ref: Optional<string | null>;
}
export interface BankFileTable {
  batch_id: string;
  issue: number;
  authorized_by: string;
  reason: string | null;
  created_at: Generated<Date>;
  downloaded_by: Optional<string | null>;
  downloaded_at: Optional<Date | null>;
  lines: Optional<number | null>;
  total_fen: Optional<number | null>;
}
export interface BankReturnTable {
  id: Generated<number>;
  batch_id: string;
  issue: number;
  file_sha256: string;
  file_name: string | null;
  lines: number;
  paid: number;
  failed: number;
  paid_fen: number;
  failed_fen: number;
  imported_by: string;
  imported_at: Generated<Date>;
}
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unaddressed';
export interface OutboxTable {
  id: Generated<number>;
  channel: Optional<'sms'>;
  topic: string;
  resident_id: string | null;
  recipient: string | null;
  body: string;
  ref: string | null;
  status: Optional<OutboxStatus>;
  attempts: Optional<number>;
  next_attempt_at: Optional<Date>;
  last_error: Optional<string | null>;
  created_at: Generated<Date>;
  sent_at: Optional<Date | null>;
}
export interface Database {
  payee_accounts: PayeeAccountTable;
  bank_files: BankFileTable;
  bank_returns: BankReturnTable;
  outbox: OutboxTable;
}
// Supporting documents (2026-12-06T1730-attachments; docs/attachments.md).
export interface AttachmentTable {
  id: string;
  record_kind: 'class' | 'claim' | 'objection' | 'dispute';
  record_id: string;
  kind: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_by_name: string;
  uploaded_at: Generated<Date>;
  replaces: string | null;
  replaced_by: string | null;
  replaced_at: Date | null;
}
export interface Database {
  attachments: AttachmentTable;
}
// Sign-in codes texted to a trainee (2026-12-06T1730-attachments-sms-signin; docs/attendance.md).
export interface SigninSmsCodeTable {
  id: string;
  session_id: number;
  resident_id: string;
  kind: 'in' | 'out';
  code_hash: string;
  expires_at: Date;
  attempts: Generated<number>;
  used_at: Date | null;
  created_at: Generated<Date>;
}
export interface Database {
  signin_sms_codes: SigninSmsCodeTable;
}
// Online learning (2026-12-06T1710-online-learning; docs/online-learning.md).
export interface OnlineLessonTable {
  id: Generated<number>;
  class_id: string;
  title: string;
  kind: 'video' | 'document';
  duration_seconds: number;
  content_type: string | null;
  file_name: string | null;
  size_bytes: number | null;
  sha256: string | null;
  uploaded_by: string | null;
  uploaded_at: Date | null;
  created_by: string;
  created_at: Generated<Date>;
  published_at: Date | null;
  published_by: string | null;
}
export interface OnlineLessonChunkTable {
  lesson_id: number;
  n: number;
  data: Uint8Array;
}
export interface OnlineQuestionTable {
  id: Generated<number>;
  lesson_id: number;
  prompt: string;
  /** The choices, as a JSON array of texts. */
  options: ColumnType<string[], string, string>;
  answer: number;
  created_at: Generated<Date>;
}
export interface OnlineViewingTable {
  id: Generated<number>;
  lesson_id: number;
  class_id: string;
  resident_id: string;
  device_hash: string;
  started_at: Date;
  last_beat_at: Date;
  closed_at: Date | null;
  counted_ms: Generated<number>;
  next_check_at: Date | null;
  check_question_id: number | null;
  check_asked_at: Date | null;
  wrong_answers: Generated<number>;
  /** The span the last counted beat extended (online_study_spans), when the counting is continuous. */
  span_id: number | null;
}
export interface OnlineProgressTable {
  lesson_id: number;
  resident_id: string;
  counted_ms: Generated<number>;
  updated_at: Date | null;
}
export interface OnlineStudySpanTable {
  id: Generated<number>;
  viewing_id: number;
  lesson_id: number;
  class_id: string;
  resident_id: string;
  from_at: Date;
  to_at: Date;
  counted_ms: number;
}
export interface Database {
  online_lessons: OnlineLessonTable;
  online_lesson_chunks: OnlineLessonChunkTable;
  online_questions: OnlineQuestionTable;
  online_viewings: OnlineViewingTable;
  online_progress: OnlineProgressTable;
  online_study_spans: OnlineStudySpanTable;
}
// Registry exchange (2026-12-06T1700-registry-exchange, docs/registry-exchange.md).
export interface PersonFactTable {
  /** The registry import the fact came from; null when recorded by hand. */
  registry_import_id: Optional<number | null>;
  /** The extract's row (Excel row number, header = 1). */
  registry_row: Optional<number | null>;
}
export interface RegistryImportTable {
  id: Generated<number>;
  source: string;
  extract_date: string;
  file_name: string | null;
  file_format: 'xlsx' | 'csv';
  file_sha256: string;
  rows: number;
  facts_added: Optional<number>;
  conflicts: Optional<number>;
  redecided: Optional<number>;
  cases: Optional<number>;
  report: unknown;
  imported_by: string;
  imported_at: Generated<Date>;
}
export interface RegistryInsuredSpellTable {
  id: Generated<number>;
  resident_id: string;
  uscc: string;
  employer_name: string;
  from_month: string;
  to_month: string | null;
  import_id: number;
  registry_row: number;
}
export interface RegistryConflictTable {
  id: Generated<number>;
  import_id: number;
  resident_id: string | null;
  fact: string;
  source: string;
  on_date: string;
  value: boolean;
  registry_row: number;
  other_source: string;
  other_value: boolean;
  other_detail: string;
  status: Optional<'open' | 'closed'>;
  closed_by: Optional<string | null>;
  closed_at: Optional<Date | null>;
  resolution: Optional<string | null>;
}
// Evidence from its source (2026-12-06T2130-exchange-evidence): 参保 from the social-insurance extract,
// conflicts about an enterprise, and a batch paid outside the bank file (线下支付) with its reference.
export interface EnterpriseFactTable {
  /** The registry import the fact came from; null when recorded by hand. */
  registry_import_id: Optional<number | null>;
  registry_row: Optional<number | null>;
}
export interface RegistryConflictTable {
  /** Exactly one of resident_id (a person's fact) and uscc (an enterprise's). */
  uscc: Optional<string | null>;
}
export interface PaymentBatchTable {
  offline_ref: Optional<string | null>;
  offline_by: Optional<string | null>;
  offline_at: Optional<Date | null>;
}
export interface Database {
  registry_imports: RegistryImportTable;
  registry_insured_spells: RegistryInsuredSpellTable;
  registry_conflicts: RegistryConflictTable;
}
// Open classes, public training bases, textbooks, competitions (2026-12-06T1720-open-classes; docs/open-classes.md).
export interface ClassTable {
  public_enrolment: Generated<boolean>;
  seats: Optional<number | null>;
  enrol_by: Optional<string | null>;
  textbook_id: Optional<number | null>;
}
export type ClassApplicationStatus = 'applied' | 'accepted' | 'declined' | 'withdrawn';
export interface ClassApplicationTable {
  id: string;
  number: Generated<string>;
  class_id: string;
  resident_id: string;
  status: Optional<ClassApplicationStatus>;
  note: string | null;
  decline_reason: Optional<string | null>;
  applied_at: Generated<Date>;
  decided_by: Optional<string | null>;
  decided_at: Optional<Date | null>;
}
export interface TextbookTable {
  id: Generated<number>;
  occupation_code: string;
  title: string;
  kind: 'standard' | 'local';
  publisher: string | null;
  edition: string | null;
  created_by: string;
  created_at: Generated<Date>;
}
export interface TrainingBaseTable {
  id: string;
  name: string;
  address: string;
  area_code: string;
  equipment: Optional<string>;
  capacity: number;
  created_by: string;
  created_at: Generated<Date>;
}
export interface BaseConsumableTable {
  id: Generated<number>;
  base_id: string;
  name: string;
  unit: string;
  price_fen: number;
}
export type BookerRole = 'provider' | 'enterprise' | 'college' | 'city' | 'county';
export interface BaseBookingTable {
  id: string;
  number: Generated<string>;
  base_id: string;
  class_id: string | null;
  booker_role: BookerRole;
  booker_name: string;
  booker_ref: string | null;
  day: string;
  starts_at: string;
  ends_at: string;
  seats: number;
  purpose: Optional<string>;
  consumables_fen: number;
  status: Optional<'booked' | 'cancelled'>;
  cancel_reason: Optional<string | null>;
  cancelled_by: Optional<string | null>;
  cancelled_at: Optional<Date | null>;
  created_by: string;
  created_at: Generated<Date>;
}
export interface BaseBookingItemTable {
  booking_id: string;
  consumable_id: number;
  name: string;
  unit: string;
  unit_price_fen: number;
  quantity: number;
  line_fen: number;
}
export interface BaseBookingSlotTable {
  base_id: string;
  day: string;
  slot: number;
  booking_id: string;
}
export interface CompetitionTable {
  id: Generated<number>;
  name: string;
  held_on: string;
  occupation_code: string;
  organiser: string;
  area_code: string;
  created_by: string;
  created_at: Generated<Date>;
}
export interface CompetitionResultTable {
  competition_id: number;
  resident_id: string;
  rank: number | null;
  award: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}
export interface Database {
  class_applications: ClassApplicationTable;
  textbooks: TextbookTable;
  training_bases: TrainingBaseTable;
  base_consumables: BaseConsumableTable;
  base_bookings: BaseBookingTable;
  base_booking_items: BaseBookingItemTable;
  base_booking_slots: BaseBookingSlotTable;
  competitions: CompetitionTable;
  competition_results: CompetitionResultTable;
}
