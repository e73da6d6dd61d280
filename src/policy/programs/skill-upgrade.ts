// §4.2 技能等级提升培训: medium/long courses for enterprise employees; the catalog's upgrade
// standard for the occupation and level, paid to whoever applied (R2).
import { catalogStandardFen } from '../rules/catalog-standard.ts';
import { checkCertificate, checkQualified } from '../rules/certificate.ts';
import type { Program } from './program.ts';

export const skillUpgrade: Program = {
  code: 'skill_upgrade',
  clause: '§4.2',
  trainsEmployees: true,
  traineeSide: false,
  countsInAnnualCap: true,
  noRepeat: true,
  conditions(c) {
    checkCertificate(c, 'certificates.skillLevel');
    const standard = catalogStandardFen(c, 'upgrade', '§4.2');
    checkQualified(c, '§4.2');
    return standard;
  },
  payee: (c) => c.claim.applicant,
};
