// §4.5 困难企业职工转岗转业培训: employees of an enterprise recognised as in difficulty on the
// training's start date; the catalog's employment-skill standard per qualified trainee, to the enterprise.
import { formatChineseDate } from '../dates.ts';
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
      // Any recognition covering the start date counts (an enterprise may be recognised more than once).
      const { periods, covering } = c.difficulty();
      const start = c.factDate;
      // Read as of the start date: a recognition that begins later is not yet there (facts in time).
      if (!periods.some((p) => p.from <= start)) c.fail('困难企业', '§4.5', '企业未被认定为困难企业');
      else if (covering) {
        c.pass(
          '困难企业',
          '§4.5',
          `企业困难认定期（自${formatChineseDate(covering.from)}${covering.to ? `至${formatChineseDate(covering.to)}` : '起'}）覆盖开班日期`,
        );
      } else c.fail('困难企业', '§4.5', `开班日期${formatChineseDate(start)}不在企业困难认定期内`);
    }
    checkCertificate(c, 'certificates.training');
    const standard = catalogStandardFen(c, 'employment', '§4.5');
    checkQualified(c, '§4.5');
    return standard;
  },
  payee: () => 'enterprise',
};
