// One class with its roster (resident IDs masked where the role does not need them), schedule,
// attendance per trainee, assessment results, certificates and its last opening-review findings.
import { residentIdFor, requireActor, type Actor } from '../access.ts';
import { notFound } from '../record-scope.ts';
import type { Tx } from '../../store/audit-log.ts';
import { classInScope } from './class-scope.ts';
import type { ClassApplication } from './class-application.ts';
import type { OpeningReview } from './opening-review.ts';
import { reviewFor } from './review-problems.ts';

export interface ClassTraineeView {
  residentId: string;
  name: string;
  employerUscc: string | null;
  newHire: boolean | null;
  contractMonths: number | null;
  sessionsPresent: number;
  hoursPresent: number;
  qualified: boolean | null;
  assessedOn: string | null;
}
export interface ClassView {
  id: string;
  number: string;
  providerName: string | null;
  enterpriseName: string | null;
  projectName: string | null;
  filingNumber: string | null;
  providerId: string;
  program: string;
  areaCode: string;
  enterpriseUscc: string | null;
  occupationCode: string | null;
  level: string | null;
  entrepreneurshipType: string | null;
  projectId: string | null;
  filingId: string | null;
  startDate: string;
  endDate: string;
  hours: number;
  venue: string;
  teachers: ClassApplication['teachers'] | null;
  status: string;
  reviewNote: string | null;
  reviewProblems: OpeningReview | null;
  trainees: ClassTraineeView[];
  sessions: { id: number; day: string; startsAt: string; endsAt: string; hours: number }[];
  certificates: { id: number; type: string; number: string; residentId: string; issuedOn: string }[];
  createdBy: string;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** The stored review as the actor may see it (reviewFor); an enterprise only its own employees' lines. */
function reviewProblemsFor(a: Actor, review: OpeningReview | null, visible: Set<string>): OpeningReview | null {
  if (!review || a.role === 'trainee') return null;
  if (a.role !== 'enterprise') return reviewFor(a, review);
  return reviewFor(a, { ...review, trainees: (review.trainees ?? []).filter((t) => visible.has(t.residentId)) });
}

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

export async function getClass(tx: Tx, actor: Actor | null, id: string): Promise<ClassView> {
  const a = requireActor(actor);
  const c = await tx.selectFrom('classes').selectAll().where('id', '=', id).where(classInScope(a)).executeTakeFirst();
  if (!c) throw notFound('培训班', id);
  let roster = await tx
    .selectFrom('class_trainees')
    .innerJoin('people', 'people.resident_id', 'class_trainees.resident_id')
    .leftJoin('assessment_results', (j) =>
      j
        .onRef('assessment_results.class_id', '=', 'class_trainees.class_id')
        .onRef('assessment_results.resident_id', '=', 'class_trainees.resident_id'),
    )
    .select([
      'class_trainees.resident_id',
      'people.name',
      'class_trainees.employer_uscc',
      'class_trainees.new_hire',
      'class_trainees.contract_months',
      'assessment_results.qualified',
      'assessment_results.assessed_on',
    ])
    .where('class_trainees.class_id', '=', id)
    .orderBy('people.name')
    .orderBy('class_trainees.resident_id')
    .execute();
  // A trainee sees the class, and only their own line of its roster; an enterprise only its own
  // employees' lines (or, with no employer named, those of a class it runs), never other employers' staff.
  if (a.role === 'trainee') roster = roster.filter((r) => r.resident_id === a.residentId);
  if (a.role === 'enterprise')
    roster = roster.filter(
      (r) => r.employer_uscc === a.enterpriseUscc || (r.employer_uscc === null && c.enterprise_uscc === a.enterpriseUscc),
    );
  const sessions = await tx
    .selectFrom('class_sessions')
    .selectAll()
    .where('class_id', '=', id)
    .orderBy('day')
    .orderBy('starts_at')
    .execute();
  const present = await tx
    .selectFrom('attendance')
    .innerJoin('class_sessions', 'class_sessions.id', 'attendance.session_id')
    .select((eb) => ['attendance.resident_id', eb.fn.coalesce('attendance.hours', 'class_sessions.hours').as('hours')])
    .where('class_sessions.class_id', '=', id)
    .where('attendance.present', '=', true)
    .execute();
  const certificates = await tx.selectFrom('certificates').selectAll().where('class_id', '=', id).orderBy('id').execute();
  const visible = new Set(roster.map((r) => r.resident_id));
  const names = await tx
    .selectFrom('classes')
    .where('classes.id', '=', id)
    .select((eb) => [
      eb.selectFrom('providers as np').select('np.name').whereRef('np.id', '=', 'classes.provider_id').as('provider'),
      eb.selectFrom('enterprises as ne').select('ne.name').whereRef('ne.uscc', '=', 'classes.enterprise_uscc').as('enterprise'),
      eb.selectFrom('projects as nj').select('nj.name').whereRef('nj.id', '=', 'classes.project_id').as('project'),
      eb.selectFrom('content_filings as nf').select('nf.number').whereRef('nf.id', '=', 'classes.filing_id').as('filing'),
    ])
    .executeTakeFirstOrThrow();
  return {
    id: c.id,
    number: c.number,
    providerName: names.provider ?? null,
    enterpriseName: names.enterprise ?? null,
    projectName: names.project ?? null,
    filingNumber: names.filing ?? null,
    providerId: c.provider_id,
    program: c.program,
    areaCode: c.area_code,
    enterpriseUscc: c.enterprise_uscc,
    occupationCode: c.occupation_code,
    level: c.level,
    entrepreneurshipType: c.entrepreneurship_type,
    projectId: c.project_id,
    filingId: c.filing_id,
    startDate: c.start_date,
    endDate: c.end_date,
    hours: Number(c.hours),
    venue: c.venue,
    teachers: json(c.teachers) as ClassApplication['teachers'] | null,
    status: c.status,
    reviewNote: c.review_note,
    reviewProblems: reviewProblemsFor(a, json(c.review_problems) as OpeningReview | null, visible),
    trainees: roster.map((r) => {
      const mine = present.filter((p) => p.resident_id === r.resident_id);
      return {
        residentId: residentIdFor(a, r.resident_id),
        name: r.name,
        employerUscc: r.employer_uscc,
        newHire: r.new_hire,
        contractMonths: r.contract_months,
        sessionsPresent: mine.length,
        hoursPresent: mine.reduce((s, p) => s + Number(p.hours), 0),
        qualified: r.qualified ?? null,
        assessedOn: r.assessed_on ?? null,
      };
    }),
    sessions: sessions.map((s) => ({
      id: Number(s.id),
      day: s.day,
      startsAt: s.starts_at.slice(0, 5),
      endsAt: s.ends_at.slice(0, 5),
      hours: Number(s.hours),
      requiresSignout: s.requires_signout,
    })),
    certificates: certificates
      .filter((x) => visible.has(x.resident_id))
      .map((x) => ({
        id: Number(x.id),
        type: x.type,
        number: x.number,
        residentId: residentIdFor(a, x.resident_id),
        issuedOn: x.issued_on,
      })),
    createdBy: c.created_by,
    createdAt: c.created_at.toISOString(),
    updatedBy: c.updated_by,
    updatedAt: c.updated_at?.toISOString() ?? null,
  };
}
