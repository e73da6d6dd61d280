// The eight class programs for the public (§4.2–§4.10, the programs a class is opened for): what each
// subsidises, worded from the governing policy package's dated parameters on a date, with the clause
// of the program and of every parameter it reads. No amount is written here: each comes from the package.
import { CLAUSE_HEADINGS } from '../../policy/clauses.ts';
import { GROUP_NAMES, CERTIFICATE_NAMES, INDUSTRY_NAMES, PROGRAM_NAMES, type ProgramCode } from '../../policy/codes.ts';
import { formatYuan, yuanToFen } from '../../policy/money.ts';
import { PolicySet, type LoadedPackage, type ParameterName } from '../../policy/policy-package.ts';
import { PROGRAM_RULES } from '../../policy/programs/index.ts';
import type { Tx } from '../../store/audit-log.ts';
import { CLASS_PROGRAMS } from '../classes/class-application.ts';
import type { Page } from '../paging.ts';
import { packagesOnRecord } from '../policy/parameter-change.ts';

export interface ProgramParameterView {
  name: string;
  description: string;
  clause: string;
  value: unknown;
  from: string;
  to: string | null;
}
export interface ProgramView {
  program: string;
  name: string;
  clause: string;
  clauseHeading: string;
  subsidises: string;
  payee: string;
  packageId: string | null;
  packageTitle: string | null;
  inForce: { from: string; to: string } | null;
  parameters: ProgramParameterView[];
}

const yuan = (y: number) => formatYuan(yuanToFen(y));
const names = (codes: readonly string[], table: Record<string, string>) => codes.map((c) => table[c] ?? c).join('、');

type Read = <N extends ParameterName>(
  name: N,
) => ReturnType<LoadedPackage['read']> & { value: import('../../policy/policy-package.ts').ParameterValueOf<N> };

/** Per program: what it pays for, who is paid, and the parameters the wording reads. */
const WORDING: Record<(typeof CLASS_PROGRAMS)[number], { payee: string; text(read: Read): string }> = {
  skill_upgrade: {
    payee: '个人或企业（按申领方）',
    text: (r) =>
      `企业职工取得职业资格或职业技能等级证书（${names(r('certificates.skillLevel').value, CERTIFICATE_NAMES)}），按补贴目录标准补贴；` +
      `${names(r('catalog.priorityIndustries').value, INDUSTRY_NAMES)}等重点产业工种上浮 ${Math.round(r('catalog.upliftBounds').value.min * 100)}%—${Math.round(r('catalog.upliftBounds').value.max * 100)}%；` +
      `企业未足额提取使用职工教育经费的按 ${r('enterprise.reducedRatePercent').value}% 补贴`,
  },
  short_term: {
    payee: '企业',
    text: (r) =>
      `企业职工岗位技能培训，参训满 ${r('shortTerm.minAttendedHours').value} 学时并取得培训合格证书，每人 ${yuan(r('shortTerm.amountYuan').value)}`,
  },
  pre_job: {
    payee: '企业',
    text: (r) =>
      `企业新录用人员岗前培训，按劳动合同期限补贴：${r('preJob.amountByContract')
        .value.map((b) => `${b.minMonths} 个月以上 ${yuan(b.amountYuan)}`)
        .join('，')}`,
  },
  transfer: {
    payee: '企业',
    text: (r) =>
      `困难企业职工转岗转业培训，取得证书（${names(r('certificates.training').value, CERTIFICATE_NAMES)}）后按就业技能培训目录标准补贴`,
  },
  employment_skill: {
    payee: '培训机构（免费培训对象）或个人',
    text: (r) =>
      `重点就业群体（${names(r('groups.key').value, GROUP_NAMES)}）就业技能培训，按就业技能培训目录标准补贴；` +
      `非毕业年度在校大学生按 ${r('employmentSkill.inSchoolPercent').value}%；` +
      `其中${names(r('groups.hardship').value, GROUP_NAMES)}另按每天 ${yuan(r('livingAllowance.dailyYuan').value)} 发放生活费补贴`,
  },
  entrepreneurship: {
    payee: '个人或培训机构（按申领方）',
    text: (r) =>
      `取得创业培训合格证书，按创业培训类别补贴，每人 ${yuan(r('entrepreneurship.amountBoundsYuan').value.min)}—${yuan(r('entrepreneurship.amountBoundsYuan').value.max)}`,
  },
  project_based: {
    payee: '培训机构',
    text: (r) =>
      `公共就业服务机构通过招标或比选购买培训项目，按合同约定的每人标准结算，不超过合同总额；可预付不超过 ${r('advance.maxPercent').value}%`,
  },
  safety: {
    payee: '企业',
    text: (r) =>
      `高危行业企业安全生产人员和特种作业人员取得${names(r('certificates.safety').value, CERTIFICATE_NAMES)}，每人 ${yuan(r('safety.amountYuan').value)}`,
  },
};

export async function listPrograms(tx: Tx, input: { onDate?: string }): Promise<Page<ProgramView>> {
  const policies = new PolicySet(await packagesOnRecord(tx));
  const items = CLASS_PROGRAMS.map((program): ProgramView => {
    const rule = PROGRAM_RULES[program as ProgramCode];
    // The date the wording is read on: the one asked for, else the last day the program is in force.
    const anyPkg = policies.packages.find((p) => p.data.programs.includes(program as ProgramCode));
    const date = input.onDate ?? anyPkg?.window(program as ProgramCode).to;
    const pkg = date ? policies.governing(program as ProgramCode, date) : undefined;
    const base = {
      program,
      name: PROGRAM_NAMES[program as ProgramCode],
      clause: rule.clause,
      clauseHeading: CLAUSE_HEADINGS[rule.clause],
      payee: WORDING[program].payee,
    };
    if (!pkg || !date) {
      return { ...base, subsidises: '该日期不在方案施行期限内', packageId: null, packageTitle: null, inForce: null, parameters: [] };
    }
    const used: ProgramParameterView[] = [];
    const read = ((name: ParameterName) => {
      const v = pkg.read(name, date);
      if (!used.some((u) => u.name === name))
        used.push({ name, description: pkg.data.parameters[name]!.description, clause: v.clause, value: v.value, from: v.from, to: v.to });
      return v;
    }) as Read;
    const w = pkg.window(program as ProgramCode);
    return {
      ...base,
      subsidises: WORDING[program].text(read),
      packageId: pkg.id,
      packageTitle: pkg.data.title,
      inForce: { from: w.from, to: w.to },
      parameters: used,
    };
  });
  return { items, total: items.length, page: 1, pageSize: items.length };
}
