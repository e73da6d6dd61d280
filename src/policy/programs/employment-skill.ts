// §4.6 就业技能培训: key employment groups; the catalog's employment-skill standard. Free to the
// free groups (the institution claims it); in-school students get 80%, from 就业创业补助资金, and
// that more specific rule wins over the free groups (SPEC Decision).
import { formatYuan, percentOfFen } from '../money.ts';
import { catalogStandardFen } from '../rules/catalog-standard.ts';
import { checkCertificate, checkQualified } from '../rules/certificate.ts';
import { checkKeyGroup, groupNames, memberOf } from '../rules/groups.ts';
import type { Program } from './program.ts';

export const employmentSkill: Program = {
  code: 'employment_skill',
  clause: '§4.6',
  trainsEmployees: false,
  traineeSide: true,
  countsInAnnualCap: true,
  noRepeat: true,
  conditions(c) {
    checkKeyGroup(c, '§4.6');
    checkCertificate(c, 'certificates.employmentSkill', '§4.6');
    const standard = catalogStandardFen(c, 'employment', '§4.6');
    checkQualified(c, '§4.6');
    if (standard === undefined || !c.groups().includes('in_school_student')) return standard;
    const percent = c.param('employmentSkill.inSchoolPercent');
    const amount = percentOfFen(standard, percent);
    c.info(
      '在校大学生',
      '§4.6',
      `受训人员为在校大学生，按目录标准的${percent}%补贴：${formatYuan(standard)} × ${percent}% = ${formatYuan(amount)}（就业创业补助资金）`,
    );
    return amount;
  },
  payee(c) {
    const free = memberOf(c, c.param('groups.free'));
    if (free.length === 0) return c.claim.applicant;
    c.info('免费培训', '§4.6', `受训人员属于免费培训对象（${groupNames(free)}），补贴由培训机构申领，本人不付费`);
    return 'institution';
  },
};
