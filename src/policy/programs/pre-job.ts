// §4.4 岗前技能培训: newly hired staff; the amount by the labour contract's term (1–2 years, 2+);
// once per person and employer, and not with §4.8 for the same hire (whichever is claimed second fails).
import { formatYuan, yuanToFen } from '../money.ts';
import { checkCertificate, checkQualified } from '../rules/certificate.ts';
import type { Program } from './program.ts';

export const preJob: Program = {
  code: 'pre_job',
  clause: '§4.4',
  trainsEmployees: true,
  traineeSide: false,
  countsInAnnualCap: true,
  noRepeat: false,
  conditions(c) {
    c.check('新录用', '§4.4', c.claimFact('newHire'), c.claimPath('newHire'), {
      yes: '受训人员为企业新录用人员',
      no: '受训人员不是企业新录用人员',
      unknown: '不知道受训人员是否为企业新录用人员',
    });
    const bands = c.param('preJob.amountByContract');
    const contract = c.claimFact('contractMonths');
    let amount: number | undefined;
    if (contract === undefined) c.unknownFact('劳动合同', '§4.4', '不知道劳动合同期限', [c.claimPath('contractMonths')]);
    else {
      const band = bands.filter((b) => contract >= b.minMonths).at(-1);
      if (!band) c.fail('劳动合同', '§4.4', `劳动合同期限${contract}个月，不足${bands[0]!.minMonths}个月`);
      else {
        amount = yuanToFen(band.amountYuan);
        c.pass('劳动合同', '§4.4', `劳动合同期限${contract}个月（不少于${band.minMonths}个月），每人补贴 ${formatYuan(amount)}`);
      }
    }
    checkCertificate(c, 'certificates.training');
    checkQualified(c, '§4.4');
    const employer = c.claim.enterpriseUscc;
    if (employer != null) {
      const ledger = c.batch.ledger;
      const earlierPreJob = ledger.preJobAt(c.claim.personId, employer);
      const earlierWork = ledger.workForTrainingAt(c.claim.personId, employer);
      if (earlierPreJob) c.fail('同一雇主', '§4.4', `该人员在本企业已有岗前技能培训补贴申领（${earlierPreJob}），每人每企业限一次`);
      if (earlierWork) c.fail('同一雇主', '§4.8', `该人员在本企业已有以工代训补贴申领（${earlierWork}），两项补贴不可重复享受`);
      if (!earlierPreJob && !earlierWork) c.pass('同一雇主', '§4.4', '该人员在本企业没有岗前技能培训或以工代训补贴记录');
    }
    return amount;
  },
  payee: () => 'enterprise',
};
