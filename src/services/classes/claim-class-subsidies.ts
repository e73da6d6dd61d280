// 申领补贴 for a class (R2: the training institution may be the applicant): once the HR office has
// accepted and closed the class (结业考核验收, §5.3), the provider submits one claim per trainee from
// the class's own records — attended hours and days, the assessment result, the certificate — so
// nothing is typed twice. Trainees who already have a live claim for this class are skipped (a
// rejected or withdrawn one does not count); the engine decides each claim later, as for any claim.
import type { ProgramCode } from '../../policy/codes.ts';
import { EMPLOYEE_PROGRAMS } from '../../policy/class-application.ts';
import { attendedWithOnline } from '../../policy/online-learning.ts';
import { onlineCreditRule, onlineSecondsOf } from '../online/online-hours.ts';
import { requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { Tx } from '../../store/audit-log.ts';
import { submitClaim } from '../claims/submit-claim.ts';
import { classForChange } from './class-scope.ts';
import { assertClassStatus } from './class-status.ts';

export interface ClassClaimsInput {
  /** Whom to claim for; absent → every trainee of the roster without a live claim for this class. */
  residentIds?: string[] | null;
}

export async function claimClassSubsidies(
  tx: Tx,
  actor: Actor | null,
  classId: string,
  input: ClassClaimsInput,
): Promise<{ submitted: number; claimIds: string[]; skipped: number }> {
  const a = requireRole(actor, 'provider');
  const cls = await classForChange(tx, a, classId);
  assertClassStatus(cls.status, ['closed'], '申领补贴（培训班须经人社部门结业验收）');
  const roster = await tx
    .selectFrom('class_trainees')
    .leftJoin('assessment_results', (j) =>
      j
        .onRef('assessment_results.class_id', '=', 'class_trainees.class_id')
        .onRef('assessment_results.resident_id', '=', 'class_trainees.resident_id'),
    )
    // The roster passed the real-name check when it was accepted; the claim names each trainee as registered.
    .innerJoin('people', 'people.resident_id', 'class_trainees.resident_id')
    .select([
      'class_trainees.resident_id',
      'people.name',
      'class_trainees.employer_uscc',
      'class_trainees.new_hire',
      'class_trainees.contract_months',
      'assessment_results.qualified',
    ])
    .where('class_trainees.class_id', '=', classId)
    .orderBy('class_trainees.resident_id')
    .execute();
  const onRoster = new Set(roster.map((r) => r.resident_id));
  (input.residentIds ?? []).forEach((id, i) => {
    if (!onRoster.has(id)) throw new AppError('invalid_input', `residentIds[${i}]: 该人员不在本班花名册中`, `residentIds[${i}]`);
  });
  const claimed = new Set(
    (
      await tx
        .selectFrom('claims')
        .select('resident_id')
        .where('class_id', '=', classId)
        .where('program', '=', cls.program)
        .where('status', 'not in', ['rejected', 'withdrawn'])
        .execute()
    ).map((c) => c.resident_id),
  );
  const wanted = input.residentIds ? new Set(input.residentIds) : null;
  const todo = roster.filter((r) => (wanted ? wanted.has(r.resident_id) : true) && !claimed.has(r.resident_id));
  const skipped = (wanted ? wanted.size : roster.length) - todo.length;
  if (todo.length === 0) return { submitted: 0, claimIds: [], skipped };

  const attendance = await tx
    .selectFrom('attendance')
    .innerJoin('class_sessions', 'class_sessions.id', 'attendance.session_id')
    // A QR span proves its own hours (sessions that require sign-out); other marks count the session's.
    .select((eb) => [
      'attendance.resident_id',
      'attendance.present',
      'class_sessions.day',
      eb.fn.coalesce('attendance.hours', 'class_sessions.hours').as('hours'),
    ])
    .where('class_sessions.class_id', '=', classId)
    .execute();
  const certificates = await tx
    .selectFrom('certificates')
    .select(['resident_id', 'type', 'number'])
    .where('class_id', '=', classId)
    .orderBy('id')
    .execute();
  // Online study counts for §4.2/§4.3/§4.6 classes only, up to the dated share of the class's hours (§5.4).
  const online = await onlineCreditRule(tx, cls);
  const onlineSeconds = online.counts ? await onlineSecondsOf(tx, classId) : new Map<string, number>();
  const level = cls.level == null ? null : cls.level === 'special' ? ('special' as const) : Number(cls.level);
  const claimIds: string[] = [];
  for (const t of todo) {
    const marked = attendance.filter((x) => x.resident_id === t.resident_id);
    const mine = marked.filter((x) => x.present);
    const cert = certificates.find((c) => c.resident_id === t.resident_id);
    const seconds = onlineSeconds.get(t.resident_id);
    const classroomHours = marked.length ? mine.reduce((s, x) => s + Number(x.hours), 0) : null;
    const { attendedHours } = attendedWithOnline(
      classroomHours,
      seconds === undefined ? null : seconds / 3600,
      cls.program,
      online.capHours ?? 0,
    );
    const { id } = await submitClaim(tx, a, {
      program: cls.program as ProgramCode,
      residentId: t.resident_id,
      name: t.name,
      enterpriseUscc: t.employer_uscc ?? (EMPLOYEE_PROGRAMS.includes(cls.program) ? cls.enterprise_uscc : null),
      providerId: cls.provider_id,
      classId,
      occupationCode: cls.occupation_code,
      level,
      entrepreneurshipType: cls.entrepreneurship_type,
      startDate: cls.start_date,
      endDate: cls.end_date,
      // Facts not on record stay unknown (null), never zero or false: the engine lists them.
      attendedHours,
      attendedDays: marked.length ? new Set(mine.filter((x) => Number(x.hours) > 0).map((x) => x.day)).size : null,
      qualified: t.qualified ?? null,
      certificate: cert ? { type: cert.type, number: cert.number } : null,
      newHire: t.new_hire,
      contractMonths: t.contract_months,
      projectId: cls.project_id,
    });
    claimIds.push(id);
  }
  return { submitted: claimIds.length, claimIds, skipped };
}
