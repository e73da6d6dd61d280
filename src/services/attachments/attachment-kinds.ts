// The kinds of supporting document (附件) each record carries, and which ones a class application
// must carry for its program. One table, read by the upload (a kind the record does not take is
// refused), the list (what is still missing) and the opening review (a missing required document).
import type { ProgramCode } from '../../policy/codes.ts';

export const RECORD_KINDS = ['class', 'claim', 'objection', 'dispute'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_KIND_NAMES: Record<RecordKind, string> = {
  class: '开班申请',
  claim: '补贴申领',
  objection: '公示异议',
  dispute: '异议案件',
};

export const ATTACHMENT_KINDS = [
  'teaching_plan',
  'teacher_qualifications',
  'labour_contracts',
  'filing_materials',
  'certificate_scan',
  'objection_evidence',
  'dispute_evidence',
  'other',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_NAMES: Record<AttachmentKind, string> = {
  teaching_plan: '教学计划',
  teacher_qualifications: '师资资质',
  labour_contracts: '劳动合同',
  filing_materials: '备案材料',
  certificate_scan: '证书扫描件',
  objection_evidence: '异议证据',
  dispute_evidence: '争议证据',
  other: '其他材料',
};

/** The kinds each record takes, in the order the screens list them. */
export const KINDS_OF_RECORD: Record<RecordKind, readonly AttachmentKind[]> = {
  class: ['teaching_plan', 'teacher_qualifications', 'labour_contracts', 'filing_materials', 'other'],
  claim: ['certificate_scan', 'other'],
  objection: ['objection_evidence', 'other'],
  dispute: ['dispute_evidence', 'other'],
};

/**
 * The documents an opening review expects with a class application (§5.3 开班申请, §5.5): every class
 * shows how it will be taught and by whom (教学计划, 师资资质). Where the subsidy rests on employment
 * with the enterprise — §4.1 apprenticeship (contract ≥ 12 months), §4.3 short-term post training and
 * §4.4 pre-job training (new hires) — the labour contracts; where §5.5 requires the enterprise to file
 * the training content before training (§4.3, §4.4), the filing itself.
 */
export function requiredClassDocuments(program: string): AttachmentKind[] {
  const out: AttachmentKind[] = ['teaching_plan', 'teacher_qualifications'];
  const p = program as ProgramCode;
  if (p === 'apprenticeship' || p === 'short_term' || p === 'pre_job') out.push('labour_contracts');
  if (p === 'short_term' || p === 'pre_job') out.push('filing_materials');
  return out;
}

/** The clause each required document rests on, for the review's problem line. */
export function requiredDocumentClause(kind: AttachmentKind, program: string): string {
  if (kind === 'labour_contracts') return program === 'apprenticeship' ? '§4.1' : program === 'short_term' ? '§4.3' : '§4.4';
  return kind === 'filing_materials' ? '§5.5' : '§5.3';
}
