// The class application (开班申请): program, occupation + level, dates, hours, venue, teachers, roster
// and schedule. Checked here for what makes it a well-formed application, with field paths; whether
// it may open (scope, catalog, filing, every trainee's cross-program status) is the opening review's.
import { LEVELS } from '../../policy/codes.ts';
import { actorLabel, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { assertDate, assertResidentId, assertUscc } from '../identifiers.ts';
import { requireOwnArea } from '../record-scope.ts';
import type { Tx } from '../../store/audit-log.ts';

/** Programs trained in classes. §4.1 runs on apprenticeship plans, §4.8 on employment, the allowance and appraisal on other records. */
export const CLASS_PROGRAMS = ['skill_upgrade', 'short_term', 'pre_job', 'transfer', 'employment_skill', 'entrepreneurship', 'project_based', 'safety'] as const;
export type ClassProgram = (typeof CLASS_PROGRAMS)[number];
/** R11: programs that train an enterprise's employees (each trainee needs an employer). */
export const EMPLOYEE_PROGRAMS: readonly string[] = ['skill_upgrade', 'short_term', 'pre_job', 'transfer', 'safety'];
/** Programs whose catalog entry must exist (§4.2 upgrade; §4.5/§4.6 employment). */
export const CATALOG_SECTION_OF: Partial<Record<string, 'upgrade' | 'employment'>> = { skill_upgrade: 'upgrade', transfer: 'employment', employment_skill: 'employment' };

export interface ClassTraineeInput {
  residentId: string;
  employerUscc?: string | null;
  newHire?: boolean | null;
  contractMonths?: number | null;
}
export interface ClassSessionInput {
  day: string;
  startsAt: string;
  endsAt: string;
  hours: number;
}
export interface ClassApplication {
  providerId: string;
  program: ClassProgram;
  areaCode: string;
  enterpriseUscc?: string | null;
  occupationCode?: string | null;
  level?: string | null;
  entrepreneurshipType?: string | null;
  projectId?: string | null;
  filingId?: string | null;
  startDate: string;
  endDate: string;
  hours: number;
  venue: string;
  teachers: { name: string; qualification?: string | null }[];
  trainees: ClassTraineeInput[];
  sessions: ClassSessionInput[];
}

const bad = (field: string, message: string) => new AppError('invalid_input', `${field}: ${message}`, field);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export async function checkClassApplication(tx: Tx, actor: Actor, input: ClassApplication): Promise<void> {
  if (!CLASS_PROGRAMS.includes(input.program)) throw bad('program', `不是以培训班形式组织的项目：${input.program}`);
  if (actor.role === 'provider' && actor.providerId !== input.providerId) throw new AppError('forbidden', '只能为本机构申请开班', 'providerId');
  requireOwnArea(actor, input.areaCode, 'areaCode');
  assertDate(input.startDate, 'startDate');
  assertDate(input.endDate, 'endDate');
  if (input.endDate < input.startDate) throw bad('endDate', '结业日期早于开班日期');
  if (!(input.hours > 0)) throw bad('hours', '课时应大于 0');
  if (input.level != null && !LEVELS.map(String).includes(input.level)) throw bad('level', `等级应为 ${LEVELS.join('、')} 之一`);
  if (CATALOG_SECTION_OF[input.program] && (input.occupationCode == null || input.level == null)) {
    throw bad(input.occupationCode == null ? 'occupationCode' : 'level', '该项目按补贴目录的工种和等级开班，应填写工种和等级（§4.0）');
  }
  if (input.program === 'safety' && input.occupationCode == null) throw bad('occupationCode', '安全技能培训应填写作业类别（§4.10）');
  if (input.program === 'entrepreneurship' && input.entrepreneurshipType == null) throw bad('entrepreneurshipType', '创业培训应填写培训类别（§4.7）');
  if (input.program === 'project_based' && input.projectId == null) throw bad('projectId', '项目制培训应填写所属项目（§4.9）');
  if ((input.program === 'short_term' || input.program === 'pre_job') && input.enterpriseUscc == null) {
    throw bad('enterpriseUscc', '短期岗位技能培训和岗前技能培训由企业组织，应填写企业（§4.3、§4.4）');
  }

  const area = await tx.selectFrom('areas').select('code').where('code', '=', input.areaCode).executeTakeFirst();
  if (!area) throw bad('areaCode', `没有这个行政区划：${input.areaCode}`);
  const provider = await tx.selectFrom('providers').select('id').where('id', '=', input.providerId).executeTakeFirst();
  if (!provider) throw bad('providerId', `没有这个培训机构：${input.providerId}`);
  if (input.enterpriseUscc != null) {
    assertUscc(input.enterpriseUscc, 'enterpriseUscc');
    if (!(await tx.selectFrom('enterprises').select('uscc').where('uscc', '=', input.enterpriseUscc).executeTakeFirst())) throw bad('enterpriseUscc', '该企业尚未登记');
  }
  if (input.projectId != null && !(await tx.selectFrom('projects').select('id').where('id', '=', input.projectId).executeTakeFirst())) {
    throw bad('projectId', `没有这个项目：${input.projectId}`);
  }
  if (input.filingId != null) {
    const filing = await tx.selectFrom('content_filings').select(['enterprise_uscc']).where('id', '=', input.filingId).executeTakeFirst();
    if (!filing || filing.enterprise_uscc !== input.enterpriseUscc) throw bad('filingId', '没有该企业的这份培训内容备案');
  }

  input.teachers.forEach((t, i) => { if (t.name.trim() === '') throw bad(`teachers[${i}].name`, '不能为空'); });
  const seen = new Set<string>();
  for (const [i, t] of input.trainees.entries()) {
    const at = `trainees[${i}]`;
    assertResidentId(t.residentId, `${at}.residentId`);
    if (seen.has(t.residentId)) throw bad(`${at}.residentId`, '同一人员在花名册中重复');
    seen.add(t.residentId);
    if (t.contractMonths != null && !(t.contractMonths >= 0)) throw bad(`${at}.contractMonths`, '不得小于 0');
    if (t.employerUscc != null) assertUscc(t.employerUscc, `${at}.employerUscc`);
  }
  if (seen.size > 0) {
    const known = new Set((await tx.selectFrom('people').select('resident_id').where('resident_id', 'in', [...seen]).execute()).map((p) => p.resident_id));
    const i = input.trainees.findIndex((t) => !known.has(t.residentId));
    if (i >= 0) throw bad(`trainees[${i}].residentId`, '该人员尚未登记，请先登记人员信息（实名制，§5.2）');
    const employers = [...new Set(input.trainees.map((t) => t.employerUscc).filter((u): u is string => u != null))];
    if (employers.length > 0) {
      const knownE = new Set((await tx.selectFrom('enterprises').select('uscc').where('uscc', 'in', employers).execute()).map((e) => e.uscc));
      const j = input.trainees.findIndex((t) => t.employerUscc != null && !knownE.has(t.employerUscc));
      if (j >= 0) throw bad(`trainees[${j}].employerUscc`, '该企业尚未登记');
    }
  }
  input.sessions.forEach((s, i) => {
    const at = `sessions[${i}]`;
    assertDate(s.day, `${at}.day`);
    if (s.day < input.startDate || s.day > input.endDate) throw bad(`${at}.day`, '课程日期不在开班日期和结业日期之间');
    if (!TIME.test(s.startsAt)) throw bad(`${at}.startsAt`, '时间格式应为 HH:MM');
    if (!TIME.test(s.endsAt)) throw bad(`${at}.endsAt`, '时间格式应为 HH:MM');
    if (s.endsAt <= s.startsAt) throw bad(`${at}.endsAt`, '下课时间应晚于上课时间');
    if (!(s.hours > 0)) throw bad(`${at}.hours`, '课时应大于 0');
  });
}

/** Writes the application's details, roster and schedule (replacing those of a draft being edited). */
export async function writeClassApplication(tx: Tx, actor: Actor, id: string, input: ClassApplication, isNew: boolean): Promise<void> {
  const details = {
    provider_id: input.providerId, program: input.program, area_code: input.areaCode, enterprise_uscc: input.enterpriseUscc ?? null,
    occupation_code: input.occupationCode ?? null, level: input.level ?? null, entrepreneurship_type: input.entrepreneurshipType ?? null,
    project_id: input.projectId ?? null, filing_id: input.filingId ?? null, start_date: input.startDate, end_date: input.endDate,
    hours: input.hours, venue: input.venue, teachers: JSON.stringify(input.teachers),
  };
  if (isNew) {
    await tx.insertInto('classes').values({ id, ...details, status: 'draft', review_note: null, created_by: actorLabel(actor), updated_by: null, updated_at: null }).execute();
  } else {
    await tx.updateTable('classes').set({ ...details, updated_by: actorLabel(actor), updated_at: new Date() }).where('id', '=', id).execute();
    await tx.deleteFrom('class_trainees').where('class_id', '=', id).execute();
    await tx.deleteFrom('class_sessions').where('class_id', '=', id).execute();
  }
  if (input.trainees.length > 0) {
    await tx.insertInto('class_trainees').values(input.trainees.map((t) => ({
      class_id: id, resident_id: t.residentId, employer_uscc: t.employerUscc ?? null, new_hire: t.newHire ?? null, contract_months: t.contractMonths ?? null,
    }))).execute();
  }
  if (input.sessions.length > 0) {
    await tx.insertInto('class_sessions').values(input.sessions.map((s) => ({ class_id: id, day: s.day, starts_at: s.startsAt, ends_at: s.endsAt, hours: s.hours }))).execute();
  }
}
