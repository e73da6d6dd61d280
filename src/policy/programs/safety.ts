// §4.10 高危行业安全技能培训: safety-production operators and special-operation workers of any
// enterprise (SPEC Decision); a flat amount per certified trainee, to the enterprise.
import { formatYuan, yuanToFen } from '../money.ts';
import { checkCertificate } from '../rules/certificate.ts';
import type { Program } from './program.ts';

export const safety: Program = {
  code: 'safety',
  clause: '§4.10',
  trainsEmployees: true,
  traineeSide: false,
  countsInAnnualCap: true,
  noRepeat: true,
  conditions(c) {
    checkCertificate(c, 'certificates.safety', '§4.10');
    const amount = yuanToFen(c.param('safety.amountYuan'));
    c.info('金额', '§4.10', `安全技能培训每人补贴 ${formatYuan(amount)}`);
    return amount;
  },
  payee: () => 'enterprise',
};
