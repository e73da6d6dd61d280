// §4.9 项目制培训: the public employment service buys a training project from an institution chosen
// by tender or comparison; settled per qualified trainee at the contract price, never above the
// contract total (SPEC Decision), to the institution.
import { formatYuan, yuanToFen } from '../money.ts';
import { checkCertificate, checkQualified } from '../rules/certificate.ts';
import type { Program } from './program.ts';

export const projectBased: Program = {
  code: 'project_based',
  clause: '§4.9',
  trainsEmployees: false,
  traineeSide: false,
  countsInAnnualCap: true,
  noRepeat: true,
  conditions(c) {
    checkCertificate(c, 'certificates.training');
    checkQualified(c, '§4.9');
    const projectId = c.claimFact('projectId');
    const price = c.claimFact('contractPerTraineeYuan');
    const total = c.claimFact('contractTotalYuan');
    const missing: string[] = [];
    if (projectId === undefined) missing.push(c.claimPath('projectId'));
    if (price === undefined) missing.push(c.claimPath('contractPerTraineeYuan'));
    if (total === undefined) missing.push(c.claimPath('contractTotalYuan'));
    if (projectId === undefined || price === undefined || total === undefined) {
      c.unknownFact('项目合同', '§4.9', '不知道项目编号、合同单价或合同总额', missing);
      return undefined;
    }
    const priceFen = yuanToFen(price);
    const totalFen = yuanToFen(total);
    if (priceFen <= 0) {
      c.fail('项目合同', '§4.9', '项目合同单价为0');
      return undefined;
    }
    const used = c.batch.ledger.projectUsedFen(projectId);
    const left = totalFen - used.total;
    if (left <= 0) {
      c.fail('项目合同', '§4.9', `项目 ${projectId} 合同总额 ${formatYuan(totalFen)} 已全部结算`);
      return undefined;
    }
    if (used.unknown.length > 0) {
      c.unknownFact('项目合同', '§4.9', `项目 ${projectId} 有单价不明的在案申领，不能确定合同余额`, used.unknown);
      return undefined;
    }
    const amount = Math.min(priceFen, left);
    c.granted = { fen: amount };
    c.pass(
      '项目合同',
      '§4.9',
      amount < priceFen
        ? `项目 ${projectId} 合同单价 ${formatYuan(priceFen)}，合同总额 ${formatYuan(totalFen)} 仅余 ${formatYuan(left)}，按余额结算`
        : `项目 ${projectId} 按合同单价 ${formatYuan(priceFen)} 结算（合同总额 ${formatYuan(totalFen)}，已结算 ${formatYuan(used.total)}）`,
    );
    return amount;
  },
  payee: () => 'institution',
};
