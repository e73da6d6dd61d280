// §4.7 创业培训: key groups wanting to start a business, at a qualified institution; the amount of
// the training type (each within 200–1500 yuan), to the applicant (trainee or institution).
import { formatYuan, yuanToFen } from '../money.ts';
import { checkCertificate } from '../rules/certificate.ts';
import { checkKeyGroup } from '../rules/groups.ts';
import type { Program } from './program.ts';

export const entrepreneurship: Program = {
  code: 'entrepreneurship',
  clause: '§4.7',
  trainsEmployees: false,
  traineeSide: true,
  countsInAnnualCap: true,
  noRepeat: true,
  conditions(c) {
    checkKeyGroup(c, '§4.7');
    checkCertificate(c, 'certificates.entrepreneurship', '§4.7');
    const code = c.claimFact('entrepreneurshipType');
    if (code === undefined) {
      c.unknownFact('创业培训类别', '§4.7', '申领未载明创业培训类别', [c.claimPath('entrepreneurshipType')]);
      return undefined;
    }
    const type = c.batch.entrepreneurshipTypes.get(code);
    if (!type) {
      c.fail('创业培训类别', '§4.7', `创业培训类别 ${code} 不在补贴目录中`);
      return undefined;
    }
    const amount = yuanToFen(type.amountYuan);
    c.pass('创业培训类别', '§4.7', `创业培训类别 ${type.name ?? code}，每人补贴 ${formatYuan(amount)}`);
    return amount;
  },
  payee: (c) => c.claim.applicant,
};
