// The class application's own checks (开班申请, SPEC §5.3/§5.5): what makes an application well formed,
// each problem with its field path and the clause it rests on. Pure, no I/O: the server refuses an
// application with these (services/classes/class-application.ts) and the provider's form runs the very
// same function in the browser while it is filled in, so the two can never disagree. Whether the class
// may open (licence scope, catalog entry, filing, every trainee's status) needs the records: that is the
// opening review's (services/classes/opening-review.ts).
import type { Clause } from './clauses.ts';
import { LEVELS } from './codes.ts';
import { isIsoDate } from './dates.ts';
import { residentIdProblem, usccProblem, type IdProblem } from './identifiers.ts';

/** Programs trained in classes. §4.1 runs on apprenticeship plans, §4.8 on employment, the allowance and appraisal on other records. */
export const CLASS_PROGRAMS = [
  'skill_upgrade',
  'short_term',
  'pre_job',
  'transfer',
  'employment_skill',
  'entrepreneurship',
  'project_based',
  'safety',
] as const;
export type ClassProgram = (typeof CLASS_PROGRAMS)[number];
/** R11: programs that train an enterprise's employees (each trainee needs an employer). */
export const EMPLOYEE_PROGRAMS: readonly string[] = ['skill_upgrade', 'short_term', 'pre_job', 'transfer', 'safety'];
/** Programs whose catalog entry must exist (§4.2 upgrade; §4.5/§4.6 employment). */
export const CATALOG_SECTION_OF: Partial<Record<string, 'upgrade' | 'employment'>> = {
  skill_upgrade: 'upgrade',
  transfer: 'employment',
  employment_skill: 'employment',
};

const ID_PROBLEMS: Record<IdProblem, string> = {
  length: '应为18位',
  characters: '含有不允许的字符',
  birthDate: '出生日期不存在',
  checkCharacter: '校验码错误',
};

/** Why a resident ID is invalid, in Chinese (GB 11643), or null. */
export function residentIdMessage(id: string): string | null {
  const problem = residentIdProblem(id);
  return problem ? `居民身份证号码${ID_PROBLEMS[problem]}（GB 11643）` : null;
}

/** Why a unified social credit code is invalid, in Chinese (GB 32100), or null. */
export function usccMessage(code: string): string | null {
  const problem = usccProblem(code);
  return problem ? `统一社会信用代码${ID_PROBLEMS[problem]}（GB 32100）` : null;
}

export interface ClassTraineeDraft {
  residentId: string;
  name?: string | null;
  employerUscc?: string | null;
  newHire?: boolean | null;
  contractMonths?: number | null;
}
export interface ClassSessionDraft {
  day: string;
  startsAt: string;
  endsAt: string;
  hours: number;
}
/** The application as the form holds it: any field may still be empty while it is filled in. */
export interface ClassApplicationDraft {
  program: string | null | undefined;
  enterpriseUscc?: string | null;
  occupationCode?: string | null;
  level?: string | null;
  entrepreneurshipType?: string | null;
  projectId?: string | null;
  startDate: string | null | undefined;
  endDate: string | null | undefined;
  hours: number | null | undefined;
  venue?: string | null;
  teachers: { name: string; qualification?: string | null }[];
  trainees: ClassTraineeDraft[];
  sessions: ClassSessionDraft[];
}

export interface ApplicationProblem {
  /** The field path in the application (`startDate`, `trainees[2].residentId`). */
  field: string;
  message: string;
  /** The clause the check rests on; null for plain form (a date that does not exist). */
  clause: Clause | null;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const blank = (v: string | null | undefined) => v == null || v.trim() === '';

/** Problems of one roster line (shared by the form, the application and the Excel roster import). */
export function traineeProblems(t: ClassTraineeDraft, at = ''): ApplicationProblem[] {
  const out: ApplicationProblem[] = [];
  const f = (name: string) => (at ? `${at}.${name}` : name);
  const id = residentIdMessage(t.residentId);
  if (id) out.push({ field: f('residentId'), message: id, clause: null });
  if (t.employerUscc != null) {
    const u = usccMessage(t.employerUscc);
    if (u) out.push({ field: f('employerUscc'), message: u, clause: null });
  }
  if (t.contractMonths != null && !(Number.isInteger(t.contractMonths) && t.contractMonths >= 0)) {
    out.push({ field: f('contractMonths'), message: '劳动合同期限应为不小于 0 的整数（月）', clause: null });
  }
  return out;
}

/**
 * Every problem of the application, in form order. An empty list means the application is well
 * formed; the server refuses it on the first problem, the form shows them all next to their fields.
 */
export function classApplicationProblems(input: ClassApplicationDraft): ApplicationProblem[] {
  const out: ApplicationProblem[] = [];
  const add = (field: string, message: string, clause: Clause | null = null) => out.push({ field, message, clause });
  const program = input.program ?? '';
  if (!(CLASS_PROGRAMS as readonly string[]).includes(program)) {
    add('program', program ? `不是以培训班形式组织的项目：${program}` : '请选择培训项目', '§4.0');
  }
  if (input.level != null && !LEVELS.map(String).includes(input.level)) add('level', `等级应为 ${LEVELS.join('、')} 之一`);
  if (CATALOG_SECTION_OF[program]) {
    if (blank(input.occupationCode)) add('occupationCode', '该项目按补贴目录的工种和等级开班，应填写工种', '§4.0');
    if (blank(input.level)) add('level', '该项目按补贴目录的工种和等级开班，应填写等级', '§4.0');
  }
  if (program === 'safety' && blank(input.occupationCode)) add('occupationCode', '安全技能培训应填写作业类别', '§4.10');
  if (program === 'entrepreneurship' && blank(input.entrepreneurshipType)) add('entrepreneurshipType', '创业培训应填写培训类别', '§4.7');
  if (program === 'project_based' && blank(input.projectId)) add('projectId', '项目制培训应填写所属项目', '§4.9');
  if ((program === 'short_term' || program === 'pre_job') && blank(input.enterpriseUscc)) {
    add('enterpriseUscc', '短期岗位技能培训和岗前技能培训由企业组织，应填写企业', program === 'short_term' ? '§4.3' : '§4.4');
  }
  if (!blank(input.enterpriseUscc)) {
    const u = usccMessage(input.enterpriseUscc!);
    if (u) add('enterpriseUscc', u);
  }

  const startOk = input.startDate != null && isIsoDate(input.startDate);
  const endOk = input.endDate != null && isIsoDate(input.endDate);
  if (!startOk) add('startDate', '不是有效日期（应为存在的日期，格式 YYYY-MM-DD）');
  if (!endOk) add('endDate', '不是有效日期（应为存在的日期，格式 YYYY-MM-DD）');
  if (startOk && endOk && input.endDate! < input.startDate!) add('endDate', '结业日期早于开班日期');
  if (!(input.hours != null && input.hours > 0)) add('hours', '课时应大于 0');
  if (input.venue != null && input.venue.trim() === '') add('venue', '应填写培训地点', '§5.3');

  input.teachers.forEach((t, i) => {
    if (t.name.trim() === '') add(`teachers[${i}].name`, '不能为空');
  });

  const seen = new Set<string>();
  input.trainees.forEach((t, i) => {
    const at = `trainees[${i}]`;
    out.push(...traineeProblems(t, at));
    if (seen.has(t.residentId)) add(`${at}.residentId`, '同一人员在花名册中重复', '§5.2');
    seen.add(t.residentId);
  });

  input.sessions.forEach((s, i) => {
    const at = `sessions[${i}]`;
    if (!isIsoDate(s.day)) add(`${at}.day`, '不是有效日期（应为存在的日期，格式 YYYY-MM-DD）');
    else if (startOk && endOk && (s.day < input.startDate! || s.day > input.endDate!))
      add(`${at}.day`, '课程日期不在开班日期和结业日期之间', '§5.3');
    const timesOk = TIME.test(s.startsAt) && TIME.test(s.endsAt);
    if (!TIME.test(s.startsAt)) add(`${at}.startsAt`, '时间格式应为 HH:MM');
    if (!TIME.test(s.endsAt)) add(`${at}.endsAt`, '时间格式应为 HH:MM');
    if (timesOk && s.endsAt <= s.startsAt) add(`${at}.endsAt`, '下课时间应晚于上课时间');
    if (!(s.hours > 0)) add(`${at}.hours`, '课时应大于 0');
  });
  return out;
}

/** A problem as one line: the message with its clause, e.g. "应填写企业（§4.3）". */
export function problemText(p: ApplicationProblem): string {
  return p.clause && !p.message.includes(`（${p.clause}）`) ? `${p.message}（${p.clause}）` : p.message;
}

/** One licence-scope line of a provider (§3): a program, optionally one occupation and level, for a period. */
export interface ScopeLine {
  program: string;
  occupationCode: string | null;
  level: string | null;
  validFrom: string;
  validTo: string | null;
}

/**
 * §3: whether a provider's licence scope covers the class — its program, occupation and level — on
 * the start date (a line without an occupation or level covers them all). The opening review refuses
 * a class outside it; the form warns as soon as the choice is made.
 */
export function scopeCovers(
  scopes: readonly ScopeLine[],
  cls: { program: string; occupationCode?: string | null; level?: string | null; startDate: string },
): boolean {
  return scopes.some(
    (s) =>
      s.program === cls.program &&
      (s.occupationCode == null || s.occupationCode === (cls.occupationCode ?? '')) &&
      (s.level == null || s.level === (cls.level ?? '')) &&
      s.validFrom <= cls.startDate &&
      (s.validTo == null || s.validTo >= cls.startDate),
  );
}
