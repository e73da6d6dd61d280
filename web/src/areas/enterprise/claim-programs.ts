// What each program's claim form asks (SPEC "Decisions by program") and the request body it sends:
// pure, so the body is checked against the server's own schema (test/web/claim-programs.test.ts).
import type { Dayjs } from 'dayjs';

export type Field =
  | 'employer'
  | 'occupation'
  | 'level'
  | 'hours'
  | 'days'
  | 'qualified'
  | 'certificate'
  | 'newHire'
  | 'contractMonths'
  | 'plan'
  | 'insuredMonths'
  | 'trainingClaim'
  | 'entrepreneurshipType'
  | 'provider';

export interface ProgramForm {
  clause: string;
  hint: string;
  fields: Field[];
  certificates?: string[];
  required?: Field[];
}

const LEVEL_CERTS = ['vocational_qualification', 'skill_level'];
const R13_CERTS = ['vocational_qualification', 'skill_level', 'special_ability', 'safety', 'special_operation', 'training'];

/** What each program's rules read (SPEC "Decisions by program"), in the order a user knows it. */
export const PROGRAM_FORMS: Record<string, ProgramForm> = {
  apprenticeship: {
    clause: '§4.1',
    hint: '新招用或转岗的技能岗位职工，劳动合同一年以上，培养计划已列入计划；按月折算，最长24个月；预付款在核定时扣除。',
    fields: ['plan', 'occupation', 'level', 'newHire', 'contractMonths', 'qualified', 'certificate'],
    certificates: LEVEL_CERTS,
    required: ['plan', 'occupation', 'level'],
  },
  skill_upgrade: {
    clause: '§4.2',
    hint: '企业职工参加中长期技能等级提升培训，取得职业资格或职业技能等级证书，按目录标准补贴。',
    fields: ['employer', 'occupation', 'level', 'hours', 'provider', 'qualified', 'certificate'],
    certificates: LEVEL_CERTS,
    required: ['employer', 'occupation', 'level'],
  },
  short_term: {
    clause: '§4.3',
    hint: '在岗职工短期岗位技能培训，培训内容须事先备案，实际参训不少于28学时，考核合格取得证书，每人500元。',
    fields: ['hours', 'qualified', 'certificate'],
    certificates: R13_CERTS,
    required: ['hours'],
  },
  pre_job: {
    clause: '§4.4',
    hint: '新招用职工岗前技能培训，培训内容须事先备案；劳动合同1至2年1000元，2年以上1500元。',
    fields: ['newHire', 'contractMonths', 'qualified', 'certificate'],
    certificates: R13_CERTS,
    required: ['contractMonths'],
  },
  transfer: {
    clause: '§4.5',
    hint: '经认定的困难企业职工转岗转业培训，按就业技能培训目录标准补贴。',
    fields: ['occupation', 'level', 'qualified', 'certificate'],
    certificates: R13_CERTS,
    required: ['occupation', 'level'],
  },
  work_for_training: {
    clause: '§4.8',
    hint: '吸纳贫困劳动力、就业困难人员、零就业家庭成员就业并参保，每人每月200元，最长6个月；不与岗前培训补贴同时享受。',
    fields: ['newHire', 'insuredMonths'],
    required: ['insuredMonths'],
  },
  safety: {
    clause: '§4.10',
    hint: '安全生产和特种作业人员安全技能培训，取得安全合格证书或特种作业操作证书，每人1000元。',
    fields: ['occupation', 'qualified', 'certificate'],
    certificates: ['safety', 'special_operation'],
  },
  employment_skill: {
    clause: '§4.6',
    hint: '重点群体参加就业技能培训，按目录标准补贴；在校大学生按80%；免费群体由培训机构申领。',
    fields: ['occupation', 'level', 'provider', 'qualified', 'certificate'],
    certificates: ['vocational_qualification', 'skill_level', 'special_ability', 'training'],
    required: ['occupation', 'level'],
  },
  living_allowance: {
    clause: '§4.6',
    hint: '贫困劳动力、就业困难人员、零就业家庭成员等在就业技能培训期间，每个实际参训日50元。须选择对应的就业技能培训申领。',
    fields: ['trainingClaim', 'days'],
    required: ['trainingClaim', 'days'],
  },
  entrepreneurship: {
    clause: '§4.7',
    hint: '有创业意愿的重点群体在具备创业培训资质的机构参加创业培训，按培训类别定额补贴。',
    fields: ['entrepreneurshipType', 'provider', 'certificate'],
    certificates: ['entrepreneurship'],
    required: ['entrepreneurshipType', 'provider'],
  },
  appraisal: {
    clause: '§4.0',
    hint: '首次参加职业技能鉴定并取得职业资格或职业技能等级证书的，按目录鉴定补贴标准补贴给本人。',
    fields: ['occupation', 'level', 'certificate'],
    certificates: LEVEL_CERTS,
    required: ['occupation', 'level'],
  },
};
export const ENTERPRISE_PROGRAMS = [
  'apprenticeship',
  'skill_upgrade',
  'short_term',
  'pre_job',
  'transfer',
  'work_for_training',
  'safety',
] as const;
/** R2/R12: what an individual may claim in their own name (§4.2 names the employer; §4.6, §4.7 and appraisal are the trainee's). */
export const INDIVIDUAL_PROGRAMS = ['skill_upgrade', 'employment_skill', 'living_allowance', 'entrepreneurship', 'appraisal'] as const;

export interface Values {
  program: string;
  residentId?: string;
  name?: string;
  enterpriseUscc?: string;
  period?: [Dayjs, Dayjs];
  occupationCode?: string;
  level?: string;
  attendedHours?: number;
  attendedDays?: number;
  qualified?: 'yes' | 'no';
  certificate?: { type?: string; number?: string };
  /** Asked explicitly (§4.0): the rules read a missing certificate as none, so a blank is never sent for "unknown". */
  certificateHeld?: 'yes' | 'no' | 'pending';
  newHire?: 'yes' | 'no';
  contractMonths?: number;
  apprenticeshipPlanId?: string;
  insuredMonths?: number;
  trainingClaimId?: string;
  entrepreneurshipType?: string;
  providerId?: string;
  classId?: string;
}
export const KNOWN = [
  'program',
  'residentId',
  'name',
  'enterpriseUscc',
  'startDate',
  'endDate',
  'occupationCode',
  'level',
  'attendedHours',
  'attendedDays',
  'qualified',
  'certificate.type',
  'certificate.number',
  'newHire',
  'contractMonths',
  'apprenticeshipPlanId',
  'insuredMonths',
  'trainingClaimId',
  'entrepreneurshipType',
  'providerId',
  'classId',
];

const yesNo = (v: 'yes' | 'no' | undefined) => (v === undefined ? null : v === 'yes');
const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** The request body from the form: only the chosen program's facts; an empty answer is sent as unknown (null). */
export function claimBody(v: Values, form: ProgramForm, fixed: { residentId?: string | null; enterpriseUscc?: string | null }) {
  const has = (f: Field) => form.fields.includes(f);
  const level = v.level === undefined ? null : v.level === 'special' ? 'special' : Number(v.level);
  return {
    program: v.program,
    residentId: fixed.residentId ?? v.residentId?.trim(),
    ...(fixed.residentId ? {} : { name: trimmed(v.name) }),
    enterpriseUscc: fixed.enterpriseUscc ?? (has('employer') ? trimmed(v.enterpriseUscc) : null),
    startDate: v.period?.[0].format('YYYY-MM-DD'),
    endDate: v.period?.[1].format('YYYY-MM-DD'),
    classId: trimmed(v.classId),
    ...(has('occupation') ? { occupationCode: trimmed(v.occupationCode) } : {}),
    ...(has('level') ? { level } : {}),
    ...(has('hours') ? { attendedHours: v.attendedHours ?? null } : {}),
    ...(has('days') ? { attendedDays: v.attendedDays ?? null } : {}),
    ...(has('qualified') ? { qualified: yesNo(v.qualified) } : {}),
    ...(has('certificate')
      ? {
          certificate:
            v.certificateHeld !== 'no' && v.certificate?.type ? { type: v.certificate.type, number: trimmed(v.certificate.number) } : null,
        }
      : {}),
    ...(has('newHire') ? { newHire: yesNo(v.newHire) } : {}),
    ...(has('contractMonths') ? { contractMonths: v.contractMonths ?? null } : {}),
    ...(has('plan') ? { apprenticeshipPlanId: v.apprenticeshipPlanId ?? null } : {}),
    ...(has('insuredMonths') ? { insuredMonths: v.insuredMonths ?? null } : {}),
    ...(has('trainingClaim') ? { trainingClaimId: v.trainingClaimId ?? null } : {}),
    ...(has('entrepreneurshipType') ? { entrepreneurshipType: v.entrepreneurshipType ?? null } : {}),
    ...(has('provider') ? { providerId: trimmed(v.providerId) } : {}),
  };
}
