// R5 (§4.0): a person entitled to a monthly pension on the training's start date gets no training
// subsidy, living allowance or appraisal subsidy, whether or not the pension is drawn yet.
import type { ClaimContext } from '../engine/claim-context.ts';

export function checkPension(c: ClaimContext): void {
  const entitled = c.personFlag('pensionEntitled');
  c.check('R5', '§4.0', entitled === undefined ? undefined : !entitled, c.personPath('pensionEntitled'), {
    yes: '该人员不具有按月领取养老金资格（R5）',
    no: '该人员具有按月领取养老金资格，不属于培训补贴对象（R5）',
    unknown: '不知道该人员是否具有按月领取养老金资格（R5）',
  });
}
