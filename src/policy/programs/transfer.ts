// §4.5 困难企业职工转岗转业培训: employees of an enterprise recognised as in difficulty on the
// training's start date; the catalog's employment-skill standard per qualified trainee, to the enterprise.
import { formatChineseDate, within } from '../dates.ts';
import { catalogStandardFen } from '../rules/catalog-standard.ts';
import { checkCertificate, checkQualified } from '../rules/certificate.ts';
import type { Program } from './program.ts';

export const transfer: Program = {
  code: 'transfer',
  clause: '§4.5',
  trainsEmployees: true,
  traineeSide: false,
  countsInAnnualCap: true,
  noRepeat: true,
  conditions(c) {
    if (c.enterprise) {
      const difficulty = c.enterpriseFact('difficulty');
      const start = c.claim.startDate;
      if (!difficulty) c.fail('困难企业', '§4.5', '企业未被认定为困难企业');
      else if (within(start, difficulty.from, difficulty.to)) {
        c.pass('困难企业', '§4.5', `企业困难认定期（自${formatChineseDate(difficulty.from)}${difficulty.to ? `至${formatChineseDate(difficulty.to)}` : '起'}）覆盖开班日期`);
      } else c.fail('困难企业', '§4.5', `开班日期${formatChineseDate(start)}不在企业困难认定期内`);
    }
    checkCertificate(c, 'certificates.training');
    const standard = catalogStandardFen(c, 'employment', '§4.5');
    checkQualified(c, '§4.5');
    return standard;
  },
  payee: () => 'enterprise',
};
