// The cross-program rules as the product names them (R1–R13, SPEC §4.0 and §5.2), beside the clause
// headings of clauses.ts: a screen that shows "R8" can show what R8 is. docs/rules.md says each rule
// at length; test/policy/rule-codes.test.ts holds that every R-code and clause the code cites is
// listed here (or in clauses.ts) and in docs/rules.md.
import type { Clause } from './clauses.ts';

export interface RuleCode {
  /** The rule's short Chinese name. */
  name: string;
  /** The clause of the plan it rests on. */
  clause: Clause;
  /** What the rule does, in one Chinese sentence. */
  summary: string;
}

export const RULE_CODES = {
  R1: {
    name: '证书种类',
    clause: '§4.0',
    summary: '补贴须取得项目规定种类的证书（职业资格、职业技能等级、专项职业能力、安全合格、特种作业操作、培训合格、创业培训合格证书）',
  },
  R2: { name: '申请人与收款方', clause: '§4.0', summary: '个人、企业或培训机构向批准培训的人社部门申请；收款方由项目确定' },
  R3: {
    name: '年度补贴次数',
    clause: '§4.0',
    summary: '每人每个自然年度原则上最多享受 3 次培训补贴（按结业日期计；生活费补贴和鉴定补贴不计）；超出须市人社局书面说明理由的例外',
  },
  R4: { name: '不重复补贴', clause: '§4.0', summary: '同一人同一职业同一等级只补贴一次（跨年度、跨项目）；无等级的项目按各自的关键项' },
  R5: { name: '养老金资格', clause: '§2.2', summary: '开班之日具有按月领取养老金资格的人员不享受任何培训补贴、生活费补贴和鉴定补贴' },
  R6: { name: '初次鉴定', clause: '§4.0', summary: '职业技能鉴定补贴只给初次参加鉴定并取得职业资格或职业技能等级证书的人员' },
  R7: { name: '金额计算', clause: '§4.0', summary: '金额以分为单位精确计算：目录上浮取整到元，其他比例四舍五入到分，依次计算' },
  R8: { name: '职工教育经费', clause: '§5.2', summary: '企业未足额提取使用职工教育经费的，按标准的 80% 补贴给企业（按结业年度）' },
  R9: { name: '企业职工补贴占比', clause: '§5.2', summary: '每年专账资金用于企业职工培训的补贴不低于 60%，低于时预警' },
  R10: { name: '判定结果', clause: '§4.0', summary: '结果为符合、不符合、不适用或待补充事实；缺少的事实不当作“否”或“零”' },
  R11: { name: '用人单位', clause: '§2.1', summary: '企业职工类项目（四（一）至四（五）、四（八）、四（十））的申领须写明用人单位' },
  R12: { name: '劳动者侧项目的申请人', clause: '§4.6', summary: '就业技能培训、生活费补贴和创业培训由劳动者或培训机构申请，企业不得申请' },
  R13: { name: '结业凭证', clause: '§4.0', summary: '培训补贴须凭相应证书申领（以工代训和生活费补贴除外）' },
} as const satisfies Record<string, RuleCode>;

export type RuleCodeId = keyof typeof RULE_CODES;

/** "R8 职工教育经费" for a code the product cites; the code itself when unknown. */
export function ruleLabel(code: string): string {
  const r = (RULE_CODES as Record<string, RuleCode>)[code];
  return r ? `${code} ${r.name}` : code;
}
