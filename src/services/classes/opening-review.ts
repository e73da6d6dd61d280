// 开班审查 (SPEC §5.5 and §5.3): what must hold before a class opens, checked at submission and again
// at approval (facts change in between). Class-level: the provider listed (§5.5) with a licence scope
// covering program × occupation × level on the start date (§3); the catalog entry in force (§4.2
// upgrade, §4.5/§4.6 employment); a filed or accepted §4.3/§4.4 content filing dated before the start
// (§5.5 Decision); §4.7 an entrepreneurship-qualified provider and a type in force; §4.9 the project's
// contracted provider; a warning when the class has fewer hours than its catalog entry (§5.2 risk). Per trainee: the engine's R5/R3/R4/R11/§4.4×§4.8 verdicts and overlapping classes.
// Decision: a known failure blocks approval; an unknown fact is a warning, listed and kept on the
// class — the claim will be `undecided` on it later, never paid on a guess (R10).
import type { Tx } from '../../store/audit-log.ts';
import { catalogEntryOn } from '../catalog/list-catalog-entries.ts';
import { CATALOG_SECTION_NAMES, LEVEL_NAMES, PROGRAM_NAMES, type ProgramCode } from '../../policy/codes.ts';
import { CATALOG_SECTION_OF } from './class-application.ts';
import { scopeCovers } from '../../policy/class-application.ts';

import { traineeCrossChecks, type ClassUnderReview, type Problem } from './trainee-cross-checks.ts';
import type { ClassStatus } from '../../store/schema.ts';
import { formatChineseDate } from '../../policy/dates.ts';
import { CLASS_STATUS_NAMES } from '../../vocabulary/statuses.ts';
import { ATTACHMENT_KIND_NAMES, requiredClassDocuments, requiredDocumentClause } from '../attachments/attachment-kinds.ts';

export interface OpeningReview {
  blocking: boolean;
  classProblems: Problem[];
  trainees: { residentId: string; name: string; problems: Problem[] }[];
}

const blocking = (rule: string, clause: string, message: string): Problem => ({ rule, clause, severity: 'blocking', message });
const warning = (rule: string, clause: string, message: string): Problem => ({ rule, clause, severity: 'warning', message });

/** Classes whose schedule a person is committed to (drafts and returned applications are not). */
const SCHEDULED: ClassStatus[] = ['submitted', 'approved', 'running', 'assessed', 'closed'];

export async function reviewClassOpening(
  tx: Tx,
  cls: ClassUnderReview & {
    provider_id: string;
    filing_id: string | null;
    hours: number;
    public_enrolment?: boolean;
    seats?: number | null;
  },
): Promise<OpeningReview> {
  const classProblems: Problem[] = [];
  const level = cls.level == null ? '' : `（${LEVEL_NAMES[cls.level] ?? cls.level}）`;
  const provider = await tx.selectFrom('providers').selectAll().where('id', '=', cls.provider_id).executeTakeFirstOrThrow();
  if (provider.status !== 'listed') {
    classProblems.push(
      blocking(
        '机构目录清单',
        '§5.5',
        `培训机构“${provider.name}”不在目录清单内（当前状态：${provider.status === 'suspended' ? '暂停' : '除名'}），不能开班`,
      ),
    );
  }
  // §3 with the same pure check the provider's form runs (src/policy/class-application.ts).
  const scopes = await tx
    .selectFrom('provider_scopes')
    .select(['program', 'occupation_code', 'level', 'valid_from', 'valid_to'])
    .where('provider_id', '=', cls.provider_id)
    .execute();
  const scope = scopeCovers(
    scopes.map((x) => ({
      program: x.program,
      occupationCode: x.occupation_code,
      level: x.level,
      validFrom: x.valid_from,
      validTo: x.valid_to,
    })),
    { program: cls.program, occupationCode: cls.occupation_code, level: cls.level, startDate: cls.start_date },
  );
  if (!scope) {
    classProblems.push(
      blocking(
        '培训资质范围',
        '§3',
        `培训机构在开班日期 ${formatChineseDate(cls.start_date)} 的资质范围不包括${PROGRAM_NAMES[cls.program as ProgramCode]}${cls.occupation_code ? ` 工种 ${cls.occupation_code}` : ''}${level}`,
      ),
    );
  }
  const section = CATALOG_SECTION_OF[cls.program];
  if (section && cls.occupation_code && cls.level) {
    const entry = await catalogEntryOn(tx, section, cls.occupation_code, cls.level, cls.start_date);
    if (!entry) {
      classProblems.push(
        blocking(
          '补贴目录',
          '§4.0',
          `${CATALOG_SECTION_NAMES[section]}在 ${formatChineseDate(cls.start_date)} 没有工种 ${cls.occupation_code}${level} 的条目`,
        ),
      );
    } else if (entry.hours != null && Number(cls.hours) < entry.hours) {
      // Catalog hours do not gate the subsidy (§4.0 Decision); a course shorter than them is the §5.2
      // 缩水培训 risk, so the reviewer is told and the class may still open.
      classProblems.push(
        warning(
          '目录课时',
          '§5.2',
          `本班课时 ${Number(cls.hours)} 学时，少于${CATALOG_SECTION_NAMES[section]}（§4.0）中工种 ${cls.occupation_code}${level}的课时 ${entry.hours} 学时；课时不决定补贴，但有§5.2 缩水培训风险，请核实培训安排`,
        ),
      );
    }
  }
  if (cls.program === 'short_term' || cls.program === 'pre_job') {
    const clause = cls.program === 'short_term' ? '§4.3' : '§4.4';
    const filing = cls.filing_id
      ? await tx.selectFrom('content_filings').selectAll().where('id', '=', cls.filing_id).executeTakeFirst()
      : undefined;
    if (!filing) classProblems.push(blocking('培训内容备案', '§5.5', `${clause} 培训须先由企业将培训内容报人社部门备案，开班申请未附备案`));
    else if (filing.program !== cls.program)
      classProblems.push(
        blocking('培训内容备案', '§5.5', `所附备案是${PROGRAM_NAMES[filing.program as ProgramCode]}的备案，与本班项目不符`),
      );
    else if (filing.status === 'returned') classProblems.push(blocking('培训内容备案', '§5.5', '所附培训内容备案已被退回'));
    else if (!(filing.filed_on < cls.start_date)) {
      classProblems.push(
        blocking(
          '培训内容备案',
          '§5.5',
          `培训内容备案日期 ${formatChineseDate(filing.filed_on)} 不早于开班日期 ${formatChineseDate(cls.start_date)}，备案应在培训前完成`,
        ),
      );
    }
  }
  if (cls.program === 'entrepreneurship') {
    if (!provider.entrepreneurship_qualified)
      classProblems.push(blocking('创业培训资质', '§4.7', `培训机构“${provider.name}”不具备创业培训资质`));
    const type = await tx
      .selectFrom('entrepreneurship_types')
      .select('id')
      .where('code', '=', cls.entrepreneurship_type ?? '')
      .where((eb) => eb.or([eb('effective_from', 'is', null), eb('effective_from', '<=', cls.start_date)]))
      .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', cls.start_date)]))
      .executeTakeFirst();
    if (!type)
      classProblems.push(
        blocking(
          '创业培训类别',
          '§4.7',
          `创业培训类别 ${cls.entrepreneurship_type ?? ''} 在 ${formatChineseDate(cls.start_date)} 不在目录内`,
        ),
      );
  }
  const trainees = await tx
    .selectFrom('class_trainees')
    .innerJoin('people', 'people.resident_id', 'class_trainees.resident_id')
    .select([
      'class_trainees.resident_id',
      'people.name',
      'class_trainees.employer_uscc',
      'class_trainees.new_hire',
      'class_trainees.contract_months',
    ])
    .where('class_id', '=', cls.id)
    .orderBy('class_trainees.resident_id')
    .execute();
  if (cls.program === 'project_based' && cls.project_id) {
    const project = await tx.selectFrom('projects').selectAll().where('id', '=', cls.project_id).executeTakeFirstOrThrow();
    if (project.provider_id !== cls.provider_id)
      classProblems.push(blocking('项目承训机构', '§4.9', '本班培训机构不是该项目通过招标或比选确定的承训机构'));
    if (trainees.length > project.trainee_count)
      classProblems.push(blocking('项目人数', '§4.9', `花名册 ${trainees.length} 人，超过项目合同人数 ${project.trainee_count} 人`));
  }
  // A class open to public enrolment (§5.5, docs/open-classes.md) fills its roster from applications
  // once approved, each accepted person passing the per-trainee checks below.
  if (trainees.length === 0) {
    if (cls.public_enrolment && cls.seats != null)
      classProblems.push(warning('花名册', '§5.5', `花名册暂无学员：本班面向社会公开报名（名额 ${cls.seats} 名），学员录取时逐一审查`));
    else classProblems.push(blocking('花名册', '§5.3', '花名册为空，开班申请应附学员花名册'));
  }
  classProblems.push(...(await missingDocuments(tx, cls)));

  const verdicts = await traineeCrossChecks(tx, cls, trainees);
  if (verdicts.notInForce) classProblems.push(blocking('有效期', '§end', verdicts.notInForce));
  const overlaps = await overlappingClasses(
    tx,
    cls,
    trainees.map((t) => t.resident_id),
  );
  const list = trainees.map((t) => ({
    residentId: t.resident_id,
    name: t.name,
    problems: [...(verdicts.problems.get(t.resident_id) ?? []), ...(overlaps.get(t.resident_id) ?? [])],
  }));
  const isBlocking =
    classProblems.some((p) => p.severity === 'blocking') || list.some((t) => t.problems.some((p) => p.severity === 'blocking'));
  return { blocking: isBlocking, classProblems, trainees: list };
}

/**
 * The documents the program requires (attachment-kinds.ts) that the application does not carry (a
 * replaced file counts through its successor). Decision: a warning the reviewer weighs, not a block —
 * the plan names no document list, and papers handed in at the counter are not in the system; a
 * reviewer who needs them returns the application.
 */
async function missingDocuments(tx: Tx, cls: { id: string; program: string }): Promise<Problem[]> {
  const required = requiredClassDocuments(cls.program);
  const present = await tx
    .selectFrom('attachments')
    .select('kind')
    .distinct()
    .where('record_kind', '=', 'class')
    .where('record_id', '=', cls.id)
    .where('replaced_by', 'is', null)
    .execute();
  const have = new Set(present.map((r) => r.kind));
  return required
    .filter((k) => !have.has(k))
    .map((k) =>
      warning(
        '开班附件',
        requiredDocumentClause(k, cls.program),
        `开班申请未附${ATTACHMENT_KIND_NAMES[k]}（${PROGRAM_NAMES[cls.program as ProgramCode] ?? cls.program}须附），请在“附件”中上传`,
      ),
    );
}

/**
 * The same person in two classes at once: sessions on the same day whose times overlap; when either
 * class has no schedule, overlapping date ranges. Against a class already approved (or later) this
 * blocks; against one only submitted it is a warning, so that two pending applications do not block
 * each other — whichever is approved first makes the other one fail.
 */
export async function overlappingClasses(tx: Tx, cls: ClassUnderReview, ids: string[]): Promise<Map<string, Problem[]>> {
  const out = new Map<string, Problem[]>();
  if (ids.length === 0) return out;
  const others = await tx
    .selectFrom('class_trainees')
    .innerJoin('classes', 'classes.id', 'class_trainees.class_id')
    .select(['classes.id', 'classes.number', 'classes.status', 'classes.start_date', 'classes.end_date', 'class_trainees.resident_id'])
    .where('class_trainees.resident_id', 'in', ids)
    .where('classes.id', '!=', cls.id)
    .where('classes.status', 'in', SCHEDULED)
    .where('classes.start_date', '<=', cls.end_date)
    .where('classes.end_date', '>=', cls.start_date)
    .orderBy('classes.start_date')
    .orderBy('classes.id')
    .orderBy('class_trainees.resident_id')
    .execute();
  if (others.length === 0) return out;
  const classIds = [...new Set([cls.id, ...others.map((o) => o.id)])];
  const sessions = await tx
    .selectFrom('class_sessions')
    .select(['class_id', 'day', 'starts_at', 'ends_at'])
    .where('class_id', 'in', classIds)
    .orderBy('day')
    .orderBy('starts_at')
    .execute();
  const byClass = new Map<string, typeof sessions>();
  for (const s of sessions) byClass.set(s.class_id, [...(byClass.get(s.class_id) ?? []), s]);
  const mine = byClass.get(cls.id) ?? [];
  for (const o of others) {
    const theirs = byClass.get(o.id) ?? [];
    let clash: string | undefined;
    if (mine.length === 0 || theirs.length === 0) {
      clash = `培训期间 ${formatChineseDate(cls.start_date)}至${formatChineseDate(cls.end_date)}与培训班 ${o.number}（${formatChineseDate(o.start_date)}至${formatChineseDate(o.end_date)}）重叠`;
    } else {
      const hit = mine.find((m) => theirs.some((t) => t.day === m.day && m.starts_at < t.ends_at && t.starts_at < m.ends_at));
      if (hit)
        clash = `${formatChineseDate(hit.day)} ${hit.starts_at.slice(0, 5)}–${hit.ends_at.slice(0, 5)} 的课程与培训班 ${o.number} 的课程时间重叠`;
    }
    if (!clash) continue;
    const committed = o.status !== 'submitted';
    out.set(o.resident_id, [
      ...(out.get(o.resident_id) ?? []),
      {
        rule: '培训时间冲突',
        clause: '§5.3',
        severity: committed ? 'blocking' : 'warning',
        message: `同一人员不能同时参加两个培训班：${clash}（该班${CLASS_STATUS_NAMES[o.status]}）`,
      },
    ]);
  }
  return out;
}
