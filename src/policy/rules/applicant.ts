// R12 (§4.0 with §4.6, §4.7): trainee-side programs are claimed by the trainee or the training
// institution, never by an enterprise.
import { APPLICANT_NAMES } from '../codes.ts';
import type { ClaimContext } from '../engine/claim-context.ts';

export function checkTraineeSideApplicant(c: ClaimContext): boolean {
  const applicant = c.claimFact('applicant')!;
  return applicant === 'enterprise'
    ? c.fail('R12', '§4.0', '该项目只能由劳动者本人或培训机构申领，企业不能作为申请人（R12）')
    : c.pass('R12', '§4.0', `申请人为${APPLICANT_NAMES[applicant]}（R12）`);
}
