// R11 (§2.1): the enterprise programs train an enterprise's employees; a claim naming no employer
// is ineligible. A dispatched worker's employer is the user enterprise that runs the training.
import { ClaimContext } from '../engine/claim-context.ts';

export function checkEmployer(c: ClaimContext): boolean {
  if (c.enterprise) {
    const name = c.enterprise.value.name ? `${c.enterprise.value.name}（${c.enterprise.value.uscc}）` : c.enterprise.value.uscc;
    return c.pass('R11', '§2.1', `受训人员为企业职工，用工单位：${name}（R11）`);
  }
  return c.fail('R11', '§2.1', '该项目培训对象为企业职工，申领未载明用工企业（R11）');
}
