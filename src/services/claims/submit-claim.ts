// Submitting a claim (补贴申领): by the individual, the enterprise or the training institution (R2),
// to the HR office of the training's area. The claim carries the facts of the training; the engine
// decides it later (decide-claim.ts), so submission checks only that the records it names exist.
import { newUuid } from '../../store/ids.ts';
import type { ProgramCode } from '../../policy/codes.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Tx } from '../../store/transaction.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { isParty, realNameProblems } from '../people/real-name-check.ts';
import { checkNewClaimCertificate } from '../certificates/check-claim-certificates.ts';

import { CITY_AREA } from '../../vocabulary/areas.ts';
import { notifyClaim } from '../notifications/claim-notices.ts';

/** R11 programs train an enterprise's employees: they go to the employer's HR office. */
const EMPLOYER_PROGRAMS = new Set<ProgramCode>([
  'apprenticeship',
  'skill_upgrade',
  'short_term',
  'pre_job',
  'transfer',
  'work_for_training',
  'safety',
]);

export interface SubmitClaimInput {
  program: ProgramCode;
  applicant?: 'individual' | 'enterprise' | 'institution';
  residentId: string;
  /** The trainee's name as the applicant writes it: an enterprise or institution must (实名制, §5.2). */
  name?: string | null;
  enterpriseUscc?: string | null;
  providerId?: string | null;
  classId?: string | null;
  occupationCode?: string | null;
  level?: number | 'special' | null;
  entrepreneurshipType?: string | null;
  startDate: string;
  endDate: string;
  attendedHours?: number | null;
  attendedDays?: number | null;
  qualified?: boolean | null;
  certificate?: { type: string; number?: string | null } | null;
  newHire?: boolean | null;
  contractMonths?: number | null;
  planApproved?: boolean | null;
  insuredMonths?: number | null;
  trainingClaimId?: string | null;
  projectId?: string | null;
  apprenticeshipPlanId?: string | null;
}

const notOnRecord = (what: string, id: string, field: string) => new AppError('invalid_input', `${field}: 没有登记${what} ${id}`, field);

/** R2: the applicant is who submits; the HR offices may enter a claim on an applicant's behalf. */
function applicantFor(actor: Actor, input: SubmitClaimInput): 'individual' | 'enterprise' | 'institution' {
  switch (actor.role) {
    case 'trainee':
      if (input.residentId !== actor.residentId) throw new AppError('forbidden', '个人只能为本人申领补贴', 'residentId');
      return 'individual';
    case 'enterprise':
      if (input.enterpriseUscc !== actor.enterpriseUscc) throw new AppError('forbidden', '企业只能以本企业名义申领', 'enterpriseUscc');
      return 'enterprise';
    case 'provider':
      if (input.providerId !== actor.providerId) throw new AppError('forbidden', '培训机构只能以本机构名义申领', 'providerId');
      return 'institution';
    default:
      if (!input.applicant) throw new AppError('invalid_input', 'applicant: 代为登记申领时须注明申请人类型', 'applicant');
      return input.applicant;
  }
}

export async function submitClaim(
  tx: Tx,
  actor: Actor | null,
  input: SubmitClaimInput,
): Promise<{ id: string; number: string; areaCode: string }> {
  const a = requireRole(actor, 'trainee', 'enterprise', 'provider', 'city', 'county');
  const applicant = applicantFor(a, input);
  if (input.endDate < input.startDate) throw new AppError('invalid_input', 'endDate: 结业日期早于开班日期', 'endDate');
  // A party names the trainee by ID and name and is told only "not valid", whether the ID is
  // unregistered or the name differs: a claim form must not tell it who is registered (§5.2).
  if (isParty(a)) {
    const refused = (await realNameProblems(tx, a, [{ residentId: input.residentId, name: input.name }]))[0];
    if (refused) throw new AppError('invalid_input', `${refused.field}: ${refused.message}`, refused.field);
  }
  const person = await tx
    .selectFrom('people')
    .select(['resident_id', 'area_code'])
    .where('resident_id', '=', input.residentId)
    .executeTakeFirst();
  if (!person) throw notOnRecord('人员', input.residentId, 'residentId');
  const enterprise = input.enterpriseUscc
    ? await tx
        .selectFrom('enterprises')
        .select(['uscc', 'area_code', 'directly_managed'])
        .where('uscc', '=', input.enterpriseUscc)
        .executeTakeFirst()
    : undefined;
  if (input.enterpriseUscc && !enterprise) throw notOnRecord('企业', input.enterpriseUscc, 'enterpriseUscc');
  if (input.providerId && !(await tx.selectFrom('providers').select('id').where('id', '=', input.providerId).executeTakeFirst())) {
    throw notOnRecord('培训机构', input.providerId, 'providerId');
  }
  const klass = input.classId
    ? await tx.selectFrom('classes').select(['id', 'area_code']).where('id', '=', input.classId).executeTakeFirst()
    : undefined;
  if (input.classId && !klass) throw notOnRecord('培训班', input.classId, 'classId');
  const project = input.projectId
    ? await tx.selectFrom('projects').select(['id', 'area_code']).where('id', '=', input.projectId).executeTakeFirst()
    : undefined;
  if (input.projectId && !project) throw notOnRecord('项目', input.projectId, 'projectId');
  if (input.apprenticeshipPlanId) {
    const plan = await tx
      .selectFrom('apprenticeship_plans')
      .select(['resident_id', 'enterprise_uscc'])
      .where('id', '=', input.apprenticeshipPlanId)
      .executeTakeFirst();
    if (!plan) throw notOnRecord('学徒培养计划', input.apprenticeshipPlanId, 'apprenticeshipPlanId');
    if (plan.resident_id !== input.residentId)
      throw new AppError('invalid_input', 'apprenticeshipPlanId: 学徒培养计划不是该人员的', 'apprenticeshipPlanId');
  }
  if (input.trainingClaimId) {
    // §4.6 living allowance: it names the same person's employment-skill training (evaluate.md trainingRef).
    const training = await tx
      .selectFrom('claims')
      .select(['resident_id', 'program'])
      .where('id', '=', input.trainingClaimId)
      .executeTakeFirst();
    if (!training) throw notOnRecord('申领', input.trainingClaimId, 'trainingClaimId');
    if (training.program !== 'employment_skill' || training.resident_id !== input.residentId) {
      throw new AppError('invalid_input', 'trainingClaimId: 不是同一人员的就业技能培训申领', 'trainingClaimId');
    }
  }
  // R2: to the HR office that approved the training: the class's or project's area; an employer's
  // programs go to the employer's office (the city directly manages the big enterprises, §5.7).
  const areaCode =
    klass?.area_code ??
    project?.area_code ??
    (enterprise && EMPLOYER_PROGRAMS.has(input.program)
      ? enterprise.directly_managed
        ? CITY_AREA
        : enterprise.area_code
      : person.area_code);
  if (a.role === 'county' && a.areaCode !== areaCode)
    throw new AppError('forbidden', `只能登记本县（区）的申领（该申领属于 ${areaCode}）`, 'residentId');

  const id = `CL-${newUuid()}`;
  const { number } = await tx
    .insertInto('claims')
    .values({
      id,
      program: input.program,
      applicant,
      applicant_ref:
        a.role === 'trainee' ? a.residentId : a.role === 'enterprise' ? a.enterpriseUscc : a.role === 'provider' ? a.providerId : null,
      resident_id: input.residentId,
      enterprise_uscc: input.enterpriseUscc ?? null,
      class_id: input.classId ?? null,
      provider_id: input.providerId ?? null,
      area_code: areaCode,
      occupation_code: input.occupationCode ?? null,
      level: input.level == null ? null : String(input.level),
      entrepreneurship_type: input.entrepreneurshipType ?? null,
      start_date: input.startDate,
      end_date: input.endDate,
      attended_hours: input.attendedHours ?? null,
      attended_days: input.attendedDays ?? null,
      qualified: input.qualified ?? null,
      certificate_type: input.certificate?.type ?? null,
      certificate_number: input.certificate?.number ?? null,
      new_hire: input.newHire ?? null,
      contract_months: input.contractMonths ?? null,
      plan_approved: input.planApproved ?? null,
      insured_months: input.insuredMonths ?? null,
      training_claim_id: input.trainingClaimId ?? null,
      project_id: input.projectId ?? null,
      apprenticeship_plan_id: input.apprenticeshipPlanId ?? null,
      status: 'submitted',
      outcome: null,
      amount_fen: null,
      payee: null,
      citations: null,
      reasons: null,
      missing: null,
      trace: null,
      policy_package_id: null,
      decided_at: null,
      r3_exception_reason: null,
      created_by: actorLabel(a),
      updated_by: null,
      updated_at: null,
    })
    .returning('number')
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actorLabel(a),
    action: 'claim.submit',
    entity: 'claim',
    entityId: id,
    data: { number, to: 'submitted', program: input.program, applicant, areaCode, residentId: input.residentId },
  });
  // The certificate registry's check (§4.0 R1/R13), stored with the claim once the registry is in force.
  await checkNewClaimCertificate(tx, actorLabel(a), { id, endDate: input.endDate, certificateType: input.certificate?.type ?? null });
  await notifyClaim(tx, { id, number, program: input.program, resident_id: input.residentId }, 'submitted');
  return { id, number, areaCode };
}
