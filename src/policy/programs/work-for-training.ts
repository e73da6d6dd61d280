// §4.8 以工代训: an insured enterprise that takes on a poor labourer, an employment-difficulty person
// or a zero-employment family member gets 200 yuan per insured month, at most 6 months per person in
// total across employers (SPEC Decision: a lifetime maximum); not with §4.4 for the same hire.
import { wholeMonths } from '../dates.ts';
import { formatYuan, yuanToFen } from '../money.ts';
import { groupNames, memberOf } from '../rules/groups.ts';
import type { Program } from './program.ts';

export const workForTraining: Program = {
  code: 'work_for_training',
  clause: '§4.8',
  trainsEmployees: true,
  traineeSide: false,
  countsInAnnualCap: true,
  noRepeat: false,
  conditions(c) {
    if (c.enterprise) {
      c.check('参保企业', '§4.8', c.enterpriseFlag('insured'), c.enterprisePath('insured'), {
        yes: '企业为参保企业',
        no: '企业不是参保企业',
        unknown: '不知道企业是否参保',
      });
    }
    const groups = memberOf(c, c.param('groups.hardship'));
    if (groups.length > 0) c.pass('吸纳对象', '§4.8', `吸纳对象属于${groupNames(groups)}`);
    else c.fail('吸纳对象', '§4.8', '吸纳对象不是贫困劳动力、就业困难人员或零就业家庭成员');
    c.check('新吸纳就业', '§4.8', c.claimFact('newHire'), c.claimPath('newHire'), {
      yes: '该人员为企业新吸纳就业',
      no: '该人员不是企业新吸纳就业',
      unknown: '不知道该人员是否为企业新吸纳就业',
    });
    const employer = c.claim.enterpriseUscc;
    if (employer != null) {
      const earlier = c.batch.ledger.preJobAt(c.claim.personId, employer);
      if (earlier) c.fail('同一雇主', '§4.8', `该人员在本企业已有岗前技能培训补贴申领（${earlier}），两项补贴不可重复享受`);
      else c.pass('同一雇主', '§4.8', '该人员在本企业没有岗前技能培训补贴记录');
    }
    const insured = c.claimFact('insuredMonths');
    const period = wholeMonths(c.claim.startDate, c.claim.endDate);
    if (insured === undefined) {
      c.unknownFact('参保月数', '§4.8', '不知道以工代训参保月数', [c.claimPath('insuredMonths')]);
      // The lifetime maximum does not need this claim's months: once used up, any month is beyond it,
      // and a failure wins over the unknown months (SPEC Decisions by program).
      // Read without a trace entry unless it decides (an explained trace stays as it was otherwise).
      const used = c.batch.ledger.workForTrainingMonths(c.claim.personId);
      const max = c.pkg.read('workForTraining.maxMonths', c.date).value;
      if (max - used.total <= 0) {
        c.param('workForTraining.maxMonths'); // into the failing step's trace
        c.fail('补贴月数', '§4.8', `该人员已享受以工代训补贴${used.total}个月，达到每人最长${max}个月`);
      }
      return undefined;
    }
    if (insured <= 0) {
      c.fail('参保月数', '§4.8', '以工代训参保月数为0');
      return undefined;
    }
    if (insured > period) {
      c.fail('参保月数', '§4.8', `参保${insured}个月，超过起止日期内的${period}个整月`);
      return undefined;
    }
    const max = c.param('workForTraining.maxMonths');
    const used = c.batch.ledger.workForTrainingMonths(c.claim.personId);
    const left = max - used.total;
    if (left <= 0) {
      c.fail('补贴月数', '§4.8', `该人员已享受以工代训补贴${used.total}个月，达到每人最长${max}个月`);
      return undefined;
    }
    if (used.unknown.length > 0) {
      c.unknownFact('补贴月数', '§4.8', '该人员有月数不明的以工代训申领，不能确定剩余可补贴月数', used.unknown);
      return undefined;
    }
    const months = Math.min(insured, left);
    c.pass(
      '补贴月数',
      '§4.8',
      months < insured
        ? `参保${insured}个月；该人员已享受${used.total}个月，最长${max}个月，只补剩余${months}个月`
        : `参保${insured}个月；该人员已享受${used.total}个月，未超过最长${max}个月`,
    );
    const monthly = yuanToFen(c.param('workForTraining.monthlyYuan'));
    const amount = monthly * months;
    c.granted = { months };
    c.info('金额', '§4.8', `${formatYuan(monthly)} × ${months}个月 = ${formatYuan(amount)}`);
    return amount;
  },
  payee: () => 'enterprise',
};
