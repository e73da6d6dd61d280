// §4.1 企业新型学徒制培训: new hires and newly transferred skill-post workers on a contract of 12+
// months, trained jointly by the enterprise and a college under a listed plan; a yearly rate by
// level, prorated by whole months of the apprenticeship from 12 to 24 (SPEC Decision), to the enterprise.
import { LEVEL_NAMES } from '../codes.ts';
import { wholeMonths } from '../dates.ts';
import { formatYuan, prorateFen, yuanToFen } from '../money.ts';
import { checkCertificate, checkQualified } from '../rules/certificate.ts';
import type { Program } from './program.ts';

export const apprenticeship: Program = {
  code: 'apprenticeship',
  clause: '§4.1',
  trainsEmployees: true,
  traineeSide: false,
  countsInAnnualCap: true,
  noRepeat: true,
  conditions(c) {
    c.check('新招用或转岗', '§4.1', c.claimFact('newHire'), c.claimPath('newHire'), {
      yes: '学徒为技能岗位新招用或新转岗人员',
      no: '学徒不是技能岗位新招用或新转岗人员',
      unknown: '不知道学徒是否为新招用或新转岗人员',
    });
    const minContract = c.param('apprenticeship.minContractMonths');
    const contract = c.claimFact('contractMonths');
    if (contract === undefined) c.unknownFact('劳动合同', '§4.1', '不知道劳动合同期限', [c.claimPath('contractMonths')]);
    else if (contract >= minContract) c.pass('劳动合同', '§4.1', `劳动合同期限${contract}个月，不少于${minContract}个月`);
    else c.fail('劳动合同', '§4.1', `劳动合同期限${contract}个月，不足${minContract}个月`);
    c.check('列入计划', '§4.1', c.claimFact('planApproved'), c.claimPath('planApproved'), {
      yes: '已经人社部门审核列入企业新型学徒制培训计划',
      no: '未列入人社部门审核的企业新型学徒制培训计划',
      unknown: '不知道是否已列入企业新型学徒制培训计划',
    });
    const rates = c.param('apprenticeship.yearlyRateYuan') as Record<string, number | undefined>;
    const level = c.claimFact('level');
    let yearlyFen: number | undefined;
    if (level === undefined) c.unknownFact('等级', '§4.1', '申领未载明培养等级', [c.claimPath('level')]);
    else if (rates[String(level)] === undefined)
      c.fail('等级', '§4.1', `培养等级${LEVEL_NAMES[String(level)]}不在学徒制补贴等级（初级、中级、高级工）内`);
    else {
      yearlyFen = yuanToFen(rates[String(level)]!);
      c.pass('等级', '§4.1', `培养等级${LEVEL_NAMES[String(level)]}，每人每年补贴 ${formatYuan(yearlyFen)}`);
    }
    const range = c.param('apprenticeship.monthsRange');
    const months = wholeMonths(c.claim.startDate, c.claim.endDate);
    const paidMonths = Math.min(months, range.max);
    if (months < range.min) c.fail('培养期限', '§4.1', `培养期限${months}个整月，不足${range.min}个月`);
    else c.pass('培养期限', '§4.1', `培养期限${months}个整月${months > range.max ? `，超过${range.max}个月的按${range.max}个月计` : ''}`);
    checkCertificate(c, 'certificates.skillLevel');
    checkQualified(c, '§4.1');
    if (yearlyFen === undefined || months < range.min) return undefined;
    const amount = prorateFen(yearlyFen, paidMonths, 12);
    c.info('金额', '§4.1', `${formatYuan(yearlyFen)} × ${paidMonths} ÷ 12 = ${formatYuan(amount)}（按分四舍五入）`);
    return amount;
  },
  payee: () => 'enterprise',
};
