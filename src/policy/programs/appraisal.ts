// §4.0 职业技能鉴定补贴 (R6): a trainee's first skill appraisal ever that yields a vocational
// qualification or skill-level certificate; the catalog's appraisal standard (no uplift), to the person.
import { checkCertificate } from '../rules/certificate.ts';
import { appraisalStandardFen } from '../rules/catalog-standard.ts';
import type { Program } from './program.ts';

export const appraisal: Program = {
  code: 'appraisal',
  clause: '§4.0',
  trainsEmployees: false,
  traineeSide: false,
  countsInAnnualCap: false,
  noRepeat: false,
  conditions(c) {
    checkCertificate(c, 'certificates.skillLevel');
    const attempts = c.batch.ledger.appraisalAttempts(c.claim.personId);
    const earlier = c.personFlag('earlierAppraisal');
    if (attempts.length > 0) {
      c.fail('初次鉴定', '§4.0', `该人员已有鉴定补贴申领（${attempts.join('、')}），本次不是初次参加职业技能鉴定（R6）`);
    } else {
      c.check('初次鉴定', '§4.0', earlier === undefined ? undefined : !earlier, c.personPath('earlierAppraisal'), {
        yes: '该人员为初次参加职业技能鉴定（R6）',
        no: '该人员此前参加过职业技能鉴定，不是初次（R6）',
        unknown: '不知道该人员此前是否参加过职业技能鉴定（R6）',
      });
    }
    return appraisalStandardFen(c);
  },
  payee: () => 'individual',
};
