// §4.3 短期岗位技能培训: on-the-job employees, at least 28 class hours attended, a flat amount to the
// enterprise; the content is the enterprise's own, filed before the start (checked at class opening).
import { formatYuan, yuanToFen } from '../money.ts';
import { checkCertificate, checkQualified } from '../rules/certificate.ts';
import type { Program } from './program.ts';

export const shortTerm: Program = {
  code: 'short_term',
  clause: '§4.3',
  trainsEmployees: true,
  traineeSide: false,
  countsInAnnualCap: true,
  noRepeat: false,
  conditions(c) {
    const minHours = c.param('shortTerm.minAttendedHours');
    const hours = c.claimFact('attendedHours');
    if (hours === undefined) c.unknownFact('学时', '§4.3', '不知道实到学时', [c.claimPath('attendedHours')]);
    else if (hours >= minHours) c.pass('学时', '§4.3', `实到${hours}学时，不低于${minHours}学时`);
    else c.fail('学时', '§4.3', `实到${hours}学时，低于${minHours}学时`);
    checkCertificate(c, 'certificates.training');
    checkQualified(c, '§4.3');
    const amount = yuanToFen(c.param('shortTerm.amountYuan'));
    c.info('金额', '§4.3', `短期岗位技能培训每人补贴 ${formatYuan(amount)}`);
    return amount;
  },
  payee: () => 'enterprise',
};
