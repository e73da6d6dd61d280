// §4.6 生活费补贴: during an employment-skill training, 50 yuan per attended day (transport
// included) to poor labourers, the employment-difficulty, zero-employment families, and 两后生 who are
// rural or from urban subsistence-allowance families. It follows the decision of the training it names,
// whatever that training's result; never more days than the training ran. Not counted in R3.
import { daysInclusive, formatChineseDate } from '../dates.ts';
import type { ClaimContext } from '../engine/claim-context.ts';
import { formatYuan, yuanToFen } from '../money.ts';
import { RESULT_RULES } from '../rules/certificate.ts';
import { groupNames, memberOf } from '../rules/groups.ts';
import type { Program } from './program.ts';

function checkAllowanceGroup(c: ClaimContext): void {
  const hardship = memberOf(c, c.param('groups.hardship'));
  if (hardship.length > 0) {
    c.pass('生活费对象', '§4.6', `受训人员属于${groupNames(hardship)}`);
    return;
  }
  const groups = c.groups();
  if (!groups.includes('non_continuing_graduate')) {
    c.fail('生活费对象', '§4.6', '受训人员不属于生活费补贴对象（贫困劳动力、就业困难人员、零就业家庭成员或农村、城市低保家庭的两后生）');
  } else if (groups.includes('urban_dibao_family')) {
    c.pass('生活费对象', '§4.6', '受训人员为城市低保家庭的未继续升学初高中毕业生');
  } else {
    c.check('生活费对象', '§4.6', c.personFlag('rural'), c.personPath('rural'), {
      yes: '受训人员为农村户籍的未继续升学初高中毕业生',
      no: '受训人员为未继续升学初高中毕业生，但既非农村学员也非城市低保家庭学员',
      unknown: '受训人员为未继续升学初高中毕业生，不知道是否为农村学员',
    });
  }
}

/** The training the allowance names must stand: on record, or decided failing nothing but its result. */
function checkNamedTraining(c: ClaimContext, trainingRef: string): { startDate: string; endDate: string } | undefined {
  const training = c.batch.claimByRef.get(trainingRef)!;
  const t = training.value;
  if (t.status != null) {
    if (t.status === 'rejected' || t.status === 'withdrawn') {
      c.fail('所属培训', '§4.6', `所属就业技能培训申领（${training.path}）已${t.status === 'rejected' ? '驳回' : '撤回'}`);
    } else c.pass('所属培训', '§4.6', `所属就业技能培训申领（${training.path}）已在案`);
    return t;
  }
  const decided = c.batch.trainingOutcomes.get(trainingRef)!;
  const failing = decided.steps.filter((s) => s.result === 'fail' && !RESULT_RULES.has(s.rule));
  const unknown = decided.steps.filter((s) => s.result === 'unknown' && !RESULT_RULES.has(s.rule));
  if (failing.length > 0) {
    c.fail('所属培训', '§4.6', `所属就业技能培训（${training.path}）不符合补贴条件：${failing.map((s) => s.reason).join('；')}`);
  } else if (unknown.length > 0) {
    c.unknownFact(
      '所属培训',
      '§4.6',
      `所属就业技能培训（${training.path}）尚不能认定`,
      unknown.flatMap((s) => s.missing ?? []),
    );
  } else {
    c.pass('所属培训', '§4.6', `所属就业技能培训（${training.path}）符合补贴条件（生活费不论培训结果）`);
  }
  return t;
}

export const livingAllowance: Program = {
  code: 'living_allowance',
  clause: '§4.6',
  trainsEmployees: false,
  traineeSide: true,
  countsInAnnualCap: false,
  noRepeat: false,
  conditions(c) {
    checkAllowanceGroup(c);
    const ref = c.claimFact('trainingRef');
    if (ref === undefined) {
      c.unknownFact('所属培训', '§4.6', '申领未载明所属的就业技能培训', [c.claimPath('trainingRef')]);
      return undefined;
    }
    const training = checkNamedTraining(c, ref);
    if (!training) return undefined;
    const { startDate, endDate } = c.claim;
    if (startDate >= training.startDate && endDate <= training.endDate) {
      c.pass(
        '培训期间',
        '§4.6',
        `补贴期间在培训期间（${formatChineseDate(training.startDate)}至${formatChineseDate(training.endDate)}）内`,
      );
    } else {
      c.fail(
        '培训期间',
        '§4.6',
        `补贴期间${formatChineseDate(startDate)}至${formatChineseDate(endDate)}超出培训期间（${formatChineseDate(training.startDate)}至${formatChineseDate(training.endDate)}）`,
      );
    }
    const days = c.claimFact('attendedDays');
    if (days === undefined) {
      c.unknownFact('天数', '§4.6', '不知道实到培训天数', [c.claimPath('attendedDays')]);
      return undefined;
    }
    if (days <= 0) {
      c.fail('天数', '§4.6', '实到培训天数为0');
      return undefined;
    }
    const ran = daysInclusive(training.startDate, training.endDate);
    const earlier = c.batch.ledger.allowanceDaysOn(ref);
    if (earlier.total + days > ran) {
      c.fail('天数', '§4.6', `该培训共${ran}天，已计生活费${earlier.total}天，本次${days}天将超过培训天数`);
      return undefined;
    }
    if (earlier.unknown.length > 0) {
      c.unknownFact('天数', '§4.6', '该培训已有天数不明的生活费申领，不能确认累计天数未超过培训天数', earlier.unknown);
      return undefined;
    }
    c.pass('天数', '§4.6', `实到${days}天；该培训共${ran}天，连同已计${earlier.total}天未超过`);
    const daily = yuanToFen(c.param('livingAllowance.dailyYuan'));
    const amount = daily * days;
    c.info('金额', '§4.6', `${formatYuan(daily)} × ${days}天 = ${formatYuan(amount)}（含交通费）`);
    return amount;
  },
  payee: () => 'individual',
};
