// The class application (开班申请): program, occupation + level, dates, hours, venue, teachers, roster
// and schedule. Checked here for what makes it a well-formed application, with field paths; whether
// it may open (scope, catalog, filing, every trainee's cross-program status) is the opening review's.
import {
  CATALOG_SECTION_OF,
  CLASS_PROGRAMS,
  classApplicationProblems,
  EMPLOYEE_PROGRAMS,
  problemText,
  type ClassProgram,
} from '../../policy/class-application.ts';
import type { Actor } from '../access.ts';
import { actorLabel } from '../access.ts';
import { AppError } from '../app-error.ts';
import { limits } from '../limits.ts';
import { requireOwnArea } from '../record-scope.ts';
import type { Tx } from '../../store/audit-log.ts';
import { realNameProblems } from '../people/real-name-check.ts';

// The lists live with the pure checks (src/policy/class-application.ts); re-exported for the services.
export { CATALOG_SECTION_OF, CLASS_PROGRAMS, EMPLOYEE_PROGRAMS, type ClassProgram };

export interface ClassTraineeInput {
  residentId: string;
  /** The name as written on the roster, checked against the register (§5.2); a party must give it. */
  name?: string | null;
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

export async function checkClassApplication(tx: Tx, actor: Actor, input: ClassApplication): Promise<void> {
  // The form's own checks, the same function the provider's browser runs (src/policy/class-application.ts).
  const problems = classApplicationProblems(input);
  const program = problems.find((p) => p.field === 'program');
  if (program) throw bad('program', problemText(program));
  if (actor.role === 'provider' && actor.providerId !== input.providerId)
    throw new AppError('forbidden', '只能为本机构申请开班', 'providerId');
  requireOwnArea(actor, input.areaCode, 'areaCode');
  // Size limits (limits.ts): a class's roster × schedule is what its attendance sheet and grid are built from.
  const lim = limits();
  if (input.trainees.length > lim.classTrainees)
    throw bad('trainees', `每班学员最多 ${lim.classTrainees} 名，本申请有 ${input.trainees.length} 名`);
  if (input.sessions.length > lim.classSessions)
    throw bad('sessions', `每班课次最多 ${lim.classSessions} 个，本申请有 ${input.sessions.length} 个`);
  const first = problems[0];
  if (first) throw bad(first.field, problemText(first));

  const area = await tx.selectFrom('areas').select('code').where('code', '=', input.areaCode).executeTakeFirst();
  if (!area) throw bad('areaCode', `没有这个行政区划：${input.areaCode}`);
  const provider = await tx.selectFrom('providers').select('id').where('id', '=', input.providerId).executeTakeFirst();
  if (!provider) throw bad('providerId', `没有这个培训机构：${input.providerId}`);
  if (input.enterpriseUscc != null) {
    if (!(await tx.selectFrom('enterprises').select('uscc').where('uscc', '=', input.enterpriseUscc).executeTakeFirst()))
      throw bad('enterpriseUscc', '该企业尚未登记');
  }
  if (input.projectId != null && !(await tx.selectFrom('projects').select('id').where('id', '=', input.projectId).executeTakeFirst())) {
    throw bad('projectId', '没有这个项目');
  }
  if (input.filingId != null) {
    const filing = await tx.selectFrom('content_filings').select(['enterprise_uscc']).where('id', '=', input.filingId).executeTakeFirst();
    if (!filing || filing.enterprise_uscc !== input.enterpriseUscc) throw bad('filingId', '没有该企业的这份培训内容备案');
  }

  const seen = new Set(input.trainees.map((t) => t.residentId));
  if (seen.size > 0) {
    const realName = (await realNameProblems(tx, actor, input.trainees))[0];
    if (realName) throw bad(`trainees[${realName.index}].${realName.field}`, realName.message);
    const employers = [...new Set(input.trainees.map((t) => t.employerUscc).filter((u): u is string => u != null))];
    if (employers.length > 0) {
      const knownE = new Set(
        (await tx.selectFrom('enterprises').select('uscc').where('uscc', 'in', employers).execute()).map((e) => e.uscc),
      );
      const j = input.trainees.findIndex((t) => t.employerUscc != null && !knownE.has(t.employerUscc));
      if (j >= 0) throw bad(`trainees[${j}].employerUscc`, '该企业尚未登记');
    }
  }
}

/** Writes the application's details, roster and schedule (replacing those of a draft being edited). */
export async function writeClassApplication(tx: Tx, actor: Actor, id: string, input: ClassApplication, isNew: boolean): Promise<void> {
  const details = {
    provider_id: input.providerId,
    program: input.program,
    area_code: input.areaCode,
    enterprise_uscc: input.enterpriseUscc ?? null,
    occupation_code: input.occupationCode ?? null,
    level: input.level ?? null,
    entrepreneurship_type: input.entrepreneurshipType ?? null,
    project_id: input.projectId ?? null,
    filing_id: input.filingId ?? null,
    start_date: input.startDate,
    end_date: input.endDate,
    hours: input.hours,
    venue: input.venue,
    teachers: JSON.stringify(input.teachers),
  };
  if (isNew) {
    await tx
      .insertInto('classes')
      .values({ id, ...details, status: 'draft', review_note: null, created_by: actorLabel(actor), updated_by: null, updated_at: null })
      .execute();
  } else {
    await tx
      .updateTable('classes')
      .set({ ...details, updated_by: actorLabel(actor), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await tx.deleteFrom('class_trainees').where('class_id', '=', id).execute();
    await tx.deleteFrom('class_sessions').where('class_id', '=', id).execute();
  }
  if (input.trainees.length > 0) {
    await tx
      .insertInto('class_trainees')
      .values(
        input.trainees.map((t) => ({
          class_id: id,
          resident_id: t.residentId,
          employer_uscc: t.employerUscc ?? null,
          new_hire: t.newHire ?? null,
          contract_months: t.contractMonths ?? null,
        })),
      )
      .execute();
  }
  if (input.sessions.length > 0) {
    await tx
      .insertInto('class_sessions')
      .values(input.sessions.map((s) => ({ class_id: id, day: s.day, starts_at: s.startsAt, ends_at: s.endsAt, hours: s.hours })))
      .execute();
  }
}
