// `upskill demo`, part two: two years of work on top of the registries. Everything is
// done through the REAL use cases, by the seeded users as actors (providers open classes, the county
// or city offices review them, enterprises file content and apprenticeship plans, claims are
// decided by the engine, published, approved from the funds and paid), so the audit log is the log
// those acts would leave. The demo's "today" is DEMO_TODAY: classes after it are still applications,
// classes around it are running, older classes are closed and their claims further along.
//
// The use cases' "today" (the business date, business-date.ts) is the story's clock, `world.clock`: the
// seeder moves it forward only (`advanceTo`) — to the day each notice is published, each objection is
// received and resolved, each notice closed — so the publicity rules apply to the demo as to anyone;
// it stands on DEMO_TODAY when the seeding ends.
//
// decideClaims and payPaymentBatch open their own transactions: given the demo's transaction, they join
// it (store/transaction.ts), so an interrupted demo still leaves the store empty.
//
// What the use cases cannot be told, because in production it is the clock:
// - attendance is signed in by the trainees themselves (scan-signin-code.ts), each scan checked at the
//   moment of the story it happens (`withInstant`, services/clock.ts) on its session's day (a business
//   clock of that day for the act), with the code the classroom screen showed then; a few presences
//   are entered by the provider as manual marks with their reasons (record-attendance.ts). Nothing else is
//   written outside the use cases except the `demo.planted` audit entries that label the cases below
//   (and the one roster row of PLANT-OVERLAP-LIVE).
//
// PLANTED IRREGULARITIES (for the risk rules); each is labelled in the audit log with an
// entry `demo.planted` (entity 'demo', entityId = the id below) naming its records:
// - PLANT-PENSIONER     a worker born 1966–1971 put on a roster; after submission the social-insurance
//                       system reports the pension entitlement; the approval review refuses the class
//                       (R5 blocking) and the office returns it with a note naming the person (class 'returned').
// - PLANT-OVERLAP       one person on two §4.6 classes whose sessions overlap: the running class and a
//                       submitted application (its review keeps the 培训时间冲突 warning; approving it
//                       would be refused now that the other class runs).
// - PLANT-SAME-MINUTE   a closed §4.6 class in which every trainee scanned in to every session within the
//                       same minute.
// - PLANT-SHORT-HOURS   a closed §4.2 class of 24 hours for a catalog entry of ≥ 150 hours (缩水培训).
// - PLANT-CERT-REUSE    the same certificate number recorded as a 职业技能等级证书 in one class and as a
//                       培训合格证书 in another (allowed by the database: numbers are unique per type).
// - PLANT-PREJOB-VETERAN an enterprise's §4.4 pre-job class (and claim) lists as a new hire someone who
//                       was on the same enterprise's training more than a year before as its employee.
// - PLANT-OVERLAP-LIVE  a person of one closed §4.6 class also on another provider's class at the same
//                       times: added to its roster after its approval (a paper roster typed in without a
//                       new review — the one roster row written outside the use cases), with attendance.
// - PLANT-CLAIM-TWICE   a provider claims for a trainee of another provider's class, for the same period.
// - PLANT-PENSION-LATE  a trainee of a closed, claimed class whose pension entitlement, dated before the
//                       class started, is reported by the social-insurance system afterwards.
// - PLANT-STUDENT       a full-time college student on a §4.4 pre-job roster in term time, as a new hire.
// - PLANT-COPIED-ROSTER a 2021 §4.6 class whose roster is the roster of a 2020 class (plus one person).
// - PLANT-TEACHER       one teacher named on two running classes of two providers, at two venues, at the same times.
// - PLANT-VENUE         one venue given for two running classes held at the same times.
// - PLANT-OUTSIDE-WINDOW a session whose trainees scanned the code three hours before it began.
// - PLANT-SHARED-DEVICE one phone signing in two trainees of one session.
// - PLANT-MANUAL-SHARE  a class in which about half of the presences were entered by the provider by hand.
// - PLANT-LONG-DAYS     a §4.3 class of 39 hours scheduled in 3 days of 13 hours.
// - PLANT-ONLINE-IN-CLASS, PLANT-ONLINE-LONG-DAY, PLANT-ONLINE-ONE-DEVICE: the online course's cases
//                       (seed-demo-online.ts): online study while signed in to a session, more than 10
//                       hours of study in a day, three trainees on one computer.
// Every risk rule of src/services/risk/rules has at least one planted case (`riskRules` below); the
// rest of the demo is clean: test/services/risk/demo-scan.test.ts scans it and checks both.
import { addDays, addMonths } from '../policy/dates.ts';
import { isWorkingDay } from '../policy/working-calendar.ts';
import { TERM_PERIODS } from '../services/risk/risk-parameters.ts';
import type { Actor, Department, Role } from '../services/access.ts';
import { AppError } from '../services/app-error.ts';
import type { ClassApplication, ClassProgram } from '../services/classes/class-application.ts';
import { createClassOnly } from '../services/classes/create-class.ts';
import { submitClassOnly } from '../services/classes/submit-class.ts';
import { attachClassDocuments } from './seed-demo-documents.ts';
import { approveClassOnly } from '../services/classes/approve-class.ts';
import { returnClass } from '../services/classes/return-class.ts';
import { startClassOnly } from '../services/classes/start-class.ts';
import { MANUAL_REASONS, recordAttendance, type AttendanceInput } from '../services/classes/record-attendance.ts';
import { scanSigninCodesAt } from '../services/attendance/scan-signin-code.ts';
import { sessionInstants } from '../services/attendance/session-moment.ts';
import { signinToken } from '../services/attendance/signin-token.ts';
import { withBusinessClock } from '../services/business-date.ts';
import { ONLINE_PLANTS, seedDemoOnline } from './seed-demo-online.ts';
import { traineeActor } from './demo-actors.ts';
import { withInstant } from '../services/clock.ts';
import { recordAssessment } from '../services/classes/record-assessment.ts';
import { completeAssessmentOnly } from '../services/classes/complete-assessment.ts';
import { recordCertificates, type CertificateInput } from '../services/classes/record-certificate.ts';
import { closeClassOnly } from '../services/classes/close-class.ts';
import { submitClaim, type SubmitClaimInput } from '../services/claims/submit-claim.ts';
import { decideClaims } from '../services/claims/decide-claims.ts';
import { reviewClaim } from '../services/claims/review-claim.ts';
import { rejectClaim } from '../services/claims/reject-claim.ts';
import { withdrawClaim } from '../services/claims/withdraw-claim.ts';
import { approveClaims } from '../services/claims/approve-claim.ts';
import { recordAnnualCapException } from '../services/claims/record-annual-cap-exception.ts';
import { publishClaims } from '../services/publicity/publish-claims.ts';
import { closeNotice } from '../services/publicity/close-notice.ts';
import { objectToClaim } from '../services/publicity/object-to-claim.ts';
import { resolveObjection } from '../services/publicity/resolve-objection.ts';
import { buildPaymentBatch, confirmPaymentBatch } from '../services/payments/build-payment-batch.ts';
import { payPaymentBatch } from '../services/payments/pay-payment-batch.ts';
import { luhnValid, payeeRef, recordPayeeAccount } from '../services/payments/payee-accounts.ts';
import { recordFundAccount } from '../services/funds/record-fund-account.ts';
import type { PayeeKind } from '../store/schema.ts';
import { payAdvance } from '../services/funds/pay-advance.ts';
import { fileContent } from '../services/filings/file-content.ts';
import { reviewFiling } from '../services/filings/review-filing.ts';
import { submitApprenticeshipPlan } from '../services/plans/submit-apprenticeship-plan.ts';
import { changePlanStatus } from '../services/plans/change-plan-status.ts';
import { createProject } from '../services/projects/create-project.ts';
import { recordPersonFact } from '../services/people/record-person-fact.ts';
import { recordDifficulty } from '../services/enterprises/record-difficulty.ts';
import type { CertificateType } from '../policy/codes.ts';
import { appendAudit, type Tx } from '../store/audit-log.ts';
import type { ClassStatus } from '../store/schema.ts';
import type { DemoPerson, DemoWorld } from './seed-demo.ts';
import { GIVEN, SURNAMES } from './fictional-names.ts';

/** The demo's "today": later classes are applications, the open publicity notice runs over it. */
export const DEMO_TODAY = '2021-11-15';
/** The story's first day (攀办发〔2020〕2 号 is dated 14 January 2020): the business clock starts there. */
export const DEMO_START = '2020-01-14';

export const PLANTED_IRREGULARITIES = [
  {
    id: 'PLANT-PENSIONER',
    rule: 'R5',
    riskRules: [],
    what: '花名册中有具有按月领取养老金资格的人员：开班审查（审批时）发现，县（区）人社局退回开班申请（培训班“已退回”，退回意见写明）',
  },
  {
    id: 'PLANT-OVERLAP',
    rule: '§5.3 培训时间冲突',
    riskRules: [],
    what: '同一人员同时在两个就业技能培训班的花名册上，课程时间重叠（一个培训中，一个已提交申请，审查意见中有时间冲突提示）',
  },
  {
    id: 'PLANT-SAME-MINUTE',
    rule: '§5.2 虚假培训',
    riskRules: ['same_minute_signin'],
    what: '一个已结班的就业技能培训班，每次课全部学员在同一分钟内签到',
  },
  {
    id: 'PLANT-SHORT-HOURS',
    rule: '§5.2 缩水培训',
    riskRules: ['short_course'],
    what: '一个已结班的技能等级提升培训班，课时远低于补贴目录课时',
  },
  {
    id: 'PLANT-CERT-REUSE',
    rule: '§5.2 虚假培训',
    riskRules: ['certificate_reuse'],
    what: '同一证书编号既登记为职业技能等级证书，又登记为另一人的培训合格证书',
  },
  {
    id: 'PLANT-PREJOB-VETERAN',
    rule: '§4.4 岗前培训',
    riskRules: ['pre_job_long_employed'],
    what: '企业为已在本企业工作一年以上的职工申领岗前技能培训补贴（该职工一年多以前已作为本企业职工参加培训）',
  },
  {
    id: 'PLANT-OVERLAP-LIVE',
    rule: '§5.2 虚假培训',
    riskRules: ['overlapping_attendance', 'signin_two_classes'],
    what: '同一人员同时在两家机构的培训班上课（开班审查后补录进花名册，并在两班同时扫码签到）',
  },
  {
    id: 'PLANT-CLAIM-TWICE',
    rule: '§5.2 虚假培训',
    riskRules: ['overlapping_claims'],
    what: '培训机构为另一机构培训班的学员申领同一时期的培训补贴',
  },
  {
    id: 'PLANT-PENSION-LATE',
    rule: '§4.0 R5',
    riskRules: ['pension_trainee'],
    what: '已结班并申领的学员，事后社保系统报告其开班前已具有按月领取养老金资格',
  },
  {
    id: 'PLANT-STUDENT',
    rule: '§2 补贴对象',
    riskRules: ['student_in_term'],
    what: '全日制在校大学生在学期内以新录用职工身份参加企业岗前培训',
  },
  {
    id: 'PLANT-COPIED-ROSTER',
    rule: '§5.2 虚假培训',
    riskRules: ['copied_roster'],
    what: '2021 年一个就业技能培训班的花名册套用 2020 年另一个班的花名册',
  },
  {
    id: 'PLANT-TEACHER',
    rule: '§5.3 过程监督',
    riskRules: ['teacher_double_booked'],
    what: '同一教师同一时间在两家机构、两个地点的培训班授课',
  },
  { id: 'PLANT-VENUE', rule: '§5.3 过程监督', riskRules: ['venue_double_booked'], what: '同一场地同一时间举办两个培训班' },
  {
    id: 'PLANT-OUTSIDE-WINDOW',
    rule: '§5.3 过程监督',
    riskRules: ['signin_outside_window'],
    what: '一个课次的学员在开课前三小时扫码签到',
  },
  { id: 'PLANT-SHARED-DEVICE', rule: '§5.3 过程监督', riskRules: ['shared_signin_device'], what: '同一部手机为同一课次的两名学员扫码签到' },
  {
    id: 'PLANT-MANUAL-SHARE',
    rule: '§5.3 过程监督',
    riskRules: ['manual_marks_share'],
    what: '一个培训班约一半的出勤由培训机构手工补录',
  },
  {
    id: 'PLANT-LONG-DAYS',
    rule: '§5.2 缩水培训',
    riskRules: ['excess_daily_hours'],
    what: '一个岗位技能提升短期培训班把 39 学时排在 3 天内（每天 13 学时）',
  },
  // The online course's plants (seed-demo-online.ts).
  ...ONLINE_PLANTS,
] as const;
export type PlantedId = (typeof PLANTED_IRREGULARITIES)[number]['id'];

export interface PlantedCase {
  id: PlantedId;
  classIds: string[];
  residentIds: string[];
  claimIds: string[];
  note: string;
}

export interface DemoActivity {
  classes: Record<string, number>;
  claims: Record<string, number>;
  planted: PlantedCase[];
  r3ExceptionClaimId: string | null;
  advanceId: string | null;
}

type Say = (step: string) => void;

// ——— actors ————————————————————————————————————————————————————————————————————————————————

interface Actors {
  city: Actor;
  /** The city's payment duties, one login each (maker–checker). */
  checker: Actor;
  payer: Actor;
  county: Map<string, Actor>;
  finance: Actor;
  provider: Map<string, Actor>;
  enterprise: Map<string, Actor>;
  trainee: Map<string, Actor>;
}

async function loadActors(tx: Tx): Promise<Actors> {
  const users = await tx.selectFrom('users').selectAll().orderBy('username').execute();
  const toActor = (u: (typeof users)[number]): Actor => ({
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    areaCode: u.area_code,
    department: u.department as Department | null,
    enterpriseUscc: u.enterprise_uscc,
    providerId: u.provider_id,
    residentId: u.resident_id,
  });
  const all = users.map(toActor);
  const one = (p: (a: Actor) => boolean) => all.find(p)!;
  return {
    city: one((a) => a.username === 'city'),
    checker: one((a) => a.username === 'city-fuhe'),
    payer: one((a) => a.username === 'city-zhifu'),
    finance: one((a) => a.role === 'department' && a.department === 'finance'),
    county: new Map(all.filter((a) => a.role === 'county').map((a) => [a.areaCode!, a])),
    provider: new Map(all.filter((a) => a.role === 'provider').map((a) => [a.providerId!, a])),
    enterprise: new Map(all.filter((a) => a.role === 'enterprise').map((a) => [a.enterpriseUscc!, a])),
    trainee: new Map(all.filter((a) => a.role === 'trainee').map((a) => [a.residentId!, a])),
  };
}

// ——— the plan of classes ——————————————————————————————————————————————————————————————————————

interface Trainee {
  residentId: string;
  employerUscc: string | null;
  newHire: boolean | null;
  contractMonths: number | null;
}
interface ClassSpec {
  n: number;
  program: ClassProgram;
  providerId: string;
  areaCode: string;
  enterpriseUscc: string | null;
  occupationCode: string | null;
  level: string | null;
  catalogHours: number | null;
  entrepreneurshipType: string | null;
  projectId: string | null;
  filingId: string | null;
  start: string;
  sessions: number;
  hoursPerSession: number;
  status: ClassStatus;
  trainees: Trainee[];
  id?: string;
  plantSameMinute?: boolean;
  /** At least this many trainees on the roster (planted cases that need a full class). */
  minTrainees?: number;
  /** Session times (default 08:30–17:30). */
  times?: { from: string; to: string };
  /** Set when the class is created: its teachers and venue (plants may share them). */
  teachers?: string[];
  venue?: string;
  /** Trainees for whom no claim is made (a planted roster row). */
  noClaim?: Set<string>;
}

const KEY_GROUPS = [
  'poor_family_child',
  'poor_labor',
  'non_continuing_graduate',
  'rural_migrant',
  'laid_off',
  'registered_unemployed',
  'college_graduate',
  'in_school_student',
  'veteran',
  'disabled',
  'employment_difficulty',
  'zero_employment_family',
];
const ALLOWANCE_GROUPS = ['poor_labor', 'employment_difficulty', 'zero_employment_family'];
const EMPLOYEE_CLASS_PROGRAMS: readonly string[] = ['skill_upgrade', 'short_term', 'pre_job', 'transfer', 'safety'];
const SAFETY_CATEGORIES = [
  '电工作业',
  '焊接与热切割作业',
  '高处作业',
  '金属非金属矿山安全作业',
  '危险化学品安全作业',
  '冶金（有色）生产安全作业',
];
const VENUES: Record<string, string> = {
  '510402': '东区炳草岗大街',
  '510403': '西区清香坪',
  '510411': '仁和区宝兴路',
  '510421': '米易县攀莲镇',
  '510422': '盐边县桐子林镇',
};
const TEACHERS = ['杨建国', '李春梅', '王志红', '陈文斌', '刘海燕', '赵德明', '周晓东', '吴丽娟', '郑永刚', '孙秀珍'];

/** Class mix per program and how the non-closed states are spread in it. */
const MIX: { program: ClassProgram; count: number }[] = [
  { program: 'skill_upgrade', count: 48 },
  { program: 'employment_skill', count: 48 },
  { program: 'short_term', count: 24 },
  { program: 'safety', count: 24 },
  { program: 'pre_job', count: 20 },
  { program: 'entrepreneurship', count: 16 },
  { program: 'transfer', count: 10 },
];
const OPEN_STATES: ClassStatus[] = ['running', 'assessed', 'submitted', 'approved', 'draft', 'returned'];

/** `n` working days from `start` (itself included when working). */
function workingDaysFrom(start: string, n: number): string[] {
  const out: string[] = [];
  for (let d = start; out.length < n; d = addDays(d, 1)) if (isWorkingDay(d)) out.push(d);
  return out;
}
const dayNumber = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
const dayFrom = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
function dateBetween(r: DemoWorld['random'], from: string, to: string): string {
  return dayFrom(r.int(dayNumber(from), dayNumber(to)));
}

function classDays(c: ClassSpec): string[] {
  return workingDaysFrom(c.start, c.sessions);
}
const classEnd = (c: ClassSpec) => classDays(c).at(-1)!;

/** A stable number from a text (FNV-1a): the demo's sign-in minutes and manual marks, without drawing on the story's random stream. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
/** The reasons the demo's providers give (其他 would need words of its own). */
const REASONS = MANUAL_REASONS.filter((x) => x !== '其他');

// ——— the seeder ——————————————————————————————————————————————————————————————————————————————

/** The registries as recorded, the actors, and the people split into the pools the classes draw from. */
async function readTheRecords(tx: Tx, world: DemoWorld, progress: Say) {
  const r = world.random;
  const actors = await loadActors(tx);
  const reviewerOf = (area: string) => (area === '510400' ? actors.city : actors.county.get(area)!);
  /** Moves the story's business date forward (never back: the product's "today" does not run backwards). */
  const advanceTo = (day: string) => {
    if (day < world.clock.today) throw new Error(`demo: the business clock would go back from ${world.clock.today} to ${day}`);
    world.clock.today = day;
  };
  /** The first working day after `day` (an office closes a notice on a working day). */
  const nextWorkingDay = (day: string) => {
    let d = addDays(day, 1);
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  };
  const planted: PlantedCase[] = [];
  const enterprisesById = new Map(world.enterprises.map((e) => [e.uscc, e]));

  // Registries as recorded (the world holds only what seed-demo kept in memory).
  const scopes = await tx
    .selectFrom('provider_scopes')
    .select(['provider_id', 'program', 'occupation_code', 'level'])
    .orderBy('id')
    .execute();
  const catalog = await tx.selectFrom('catalog_entries').select(['section', 'code', 'level', 'hours']).orderBy('id').execute();
  const catalogHours = new Map(catalog.map((c) => [`${c.section}|${c.code}|${c.level}`, c.hours == null ? null : Number(c.hours)]));
  const insured = new Map((await tx.selectFrom('enterprises').select(['uscc', 'insured']).execute()).map((e) => [e.uscc, e.insured]));
  const fund2021 = new Set(
    (await tx.selectFrom('enterprise_education_fund').select('uscc').where('year', '=', 2021).execute()).map((f) => f.uscc),
  );
  const fund2020 = new Set(
    (await tx.selectFrom('enterprise_education_fund').select('uscc').where('year', '=', 2020).execute()).map((f) => f.uscc),
  );
  const pensionKnownFalse = new Set(
    (
      await tx.selectFrom('person_facts').select('resident_id').where('fact', '=', 'pensionEntitled').where('value', '=', false).execute()
    ).map((f) => f.resident_id),
  );
  let difficult = (await tx.selectFrom('enterprise_difficulty').select('uscc').orderBy('id').execute()).map((d) => d.uscc);
  if (difficult.length === 0) {
    // Never with the shipped seed; a guard so that §4.5 always has an enterprise in difficulty.
    const e = world.enterprises.find((x) => !x.directlyManaged)!;
    await recordDifficulty(tx, actors.county.get(e.areaCode)!, e.uscc, {
      validFrom: '2020-03-01',
      validTo: '2021-12-31',
      source: '经信部门认定（演示）',
    });
    difficult = [e.uscc];
  }

  // People: key-group people for §4.6/§4.7/§4.9; the others work for the enterprises.
  const usable = world.people.filter((p) => !p.pension);
  const isKey = (p: DemoPerson) =>
    p.groups.some((g) => KEY_GROUPS.includes(g) && g !== 'rural_migrant') || (p.groups.includes('rural_migrant') && r.chance(0.5));
  const keyPool: DemoPerson[] = [];
  const employeePool: DemoPerson[] = [];
  const demoTrainees = new Set(actors.trainee.keys());
  for (const p of usable) (isKey(p) ? keyPool : employeePool).push(p);
  const employerOf = new Map<string, string>();
  for (const p of employeePool) employerOf.set(p.residentId, r.pick(world.enterprises).uscc);
  const used = new Set<string>();
  const take = (pool: DemoPerson[], n: number, filter: (p: DemoPerson) => boolean = () => true): DemoPerson[] => {
    const out: DemoPerson[] = [];
    for (const p of pool) {
      if (out.length >= n) break;
      if (!used.has(p.residentId) && filter(p)) {
        out.push(p);
        used.add(p.residentId);
      }
    }
    return out;
  };
  return {
    tx,
    world,
    progress,
    r,
    actors,
    reviewerOf,
    advanceTo,
    nextWorkingDay,
    planted,
    enterprisesById,
    scopes,
    catalogHours,
    insured,
    fund2021,
    fund2020,
    pensionKnownFalse,
    difficult,
    usable,
    keyPool,
    employeePool,
    demoTrainees,
    employerOf,
    used,
    take,
  };
}
type AfterReadTheRecords = Awaited<ReturnType<typeof readTheRecords>>;

/** §4.9 projects, before their classes (one with an advance). */
async function seedProjects(story: AfterReadTheRecords) {
  const { tx, world, progress, reviewerOf } = story;
  // ——— projects (§4.9), before their classes ———
  progress('项目制培训项目、培训内容备案');
  const projectProviders = world.providers.filter((p) => p.programs.includes('project_based'));
  const projects: { id: string; providerId: string; areaCode: string; count: number }[] = [];
  for (const [i, spec] of [
    {
      name: '2020 年米易县贫困劳动力家政服务项目制培训（演示）',
      provider: projectProviders[projectProviders.length - 1]!,
      count: 60,
      perYuan: 1100,
      selection: 'open_tender' as const,
    },
    {
      name: '2021 年东区退役军人电子商务项目制培训（演示）',
      provider: projectProviders[0]!,
      count: 40,
      perYuan: 1400,
      selection: 'comparison' as const,
    },
  ].entries()) {
    const areaCode = spec.provider.areaCode;
    const p = await createProject(tx, reviewerOf(areaCode), {
      name: spec.name,
      providerId: spec.provider.id,
      areaCode,
      selection: spec.selection,
      perTraineeFen: spec.perYuan * 100,
      traineeCount: spec.count,
      totalFen: spec.perYuan * 100 * spec.count,
      occupationCode: null,
      level: null,
    });
    projects.push({ id: p.id, providerId: spec.provider.id, areaCode, count: spec.count });
    if (i === 0)
      await payAdvance(tx, reviewerOf(areaCode), {
        kind: 'project',
        subjectId: p.id,
        amountFen: Math.floor(spec.perYuan * 100 * spec.count * 0.3),
        paidOn: '2020-06-01',
      });
  }
  return { projects };
}
type AfterSeedProjects = AfterReadTheRecords & Awaited<ReturnType<typeof seedProjects>>;

/** The plan of classes: programs, providers, occupations, dates and statuses (no roster yet). */
function planClasses(story: AfterSeedProjects) {
  const { world, r, enterprisesById, scopes, catalogHours, difficult, projects } = story;
  // ——— class specs ———
  const specs: ClassSpec[] = [];
  const providersFor = (program: string) => world.providers.filter((p) => p.programs.includes(program));
  const scopeTuples = (providerId: string, program: string) =>
    scopes.filter(
      (s) =>
        s.provider_id === providerId &&
        s.program === program &&
        s.occupation_code != null &&
        s.level != null &&
        ['5', '4'].includes(s.level),
    );
  let n = 0;
  const startFor = (status: ClassStatus, sessions: number): string => {
    switch (status) {
      case 'closed': {
        // Ends by 2021-10-15; starts spread over the two years.
        const start = dateBetween(r, '2020-03-02', '2021-09-10');
        return workingDaysFrom(start, sessions).at(-1)! > '2021-10-15' ? dateBetween(r, '2020-03-02', '2021-06-30') : start;
      }
      case 'assessed':
        return dayFrom(dayNumber('2021-11-10') - Math.ceil(sessions * 1.45) - r.int(0, 10));
      case 'running':
        return dayFrom(dayNumber(DEMO_TODAY) - Math.floor(sessions * 0.7) - r.int(0, 3));
      default:
        return dateBetween(r, '2021-11-16', '2021-11-18');
    }
  };
  for (const { program, count } of MIX) {
    const providers = providersFor(program).filter(
      (p) =>
        !['apprenticeship', 'skill_upgrade', 'transfer', 'employment_skill'].includes(program) || scopeTuples(p.id, program).length > 0,
    );
    for (let k = 0; k < count; k++) {
      const open = k >= Math.round(count * 0.7);
      const status: ClassStatus = open ? OPEN_STATES[(k - Math.round(count * 0.7)) % OPEN_STATES.length]! : 'closed';
      const provider = providers[k % providers.length]!;
      let enterprise: string | null = null;
      if (['short_term', 'pre_job', 'safety'].includes(program)) enterprise = r.pick(world.enterprises).uscc;
      if (program === 'transfer') enterprise = difficult[k % difficult.length]!;
      let occupationCode: string | null = null;
      let level: string | null = null;
      let catalogH: number | null = null;
      if (['skill_upgrade', 'transfer', 'employment_skill'].includes(program)) {
        const t = r.pick(scopeTuples(provider.id, program));
        occupationCode = t.occupation_code;
        level = t.level;
        catalogH = catalogHours.get(`${program === 'skill_upgrade' ? 'upgrade' : 'employment'}|${occupationCode}|${level}`) ?? null;
      }
      if (program === 'safety') occupationCode = r.pick(SAFETY_CATEGORIES);
      const hours =
        catalogH ??
        (program === 'short_term' ? 40 : program === 'pre_job' ? 40 : program === 'safety' ? 48 : program === 'entrepreneurship' ? 80 : 64);
      const sessions = Math.max(3, Math.round(hours / 8));
      const areaCode = enterprise ? enterprisesById.get(enterprise)!.areaCode : provider.areaCode;
      specs.push({
        n: n++,
        program,
        providerId: provider.id,
        areaCode,
        enterpriseUscc: enterprise,
        occupationCode,
        level,
        catalogHours: catalogH,
        entrepreneurshipType: program === 'entrepreneurship' ? r.pick(['GYB', 'SYB', 'SYB', 'IYB', 'SIM']) : null,
        projectId: null,
        filingId: null,
        start: startFor(status, sessions),
        sessions,
        hoursPerSession: 8,
        status,
        trainees: [],
      });
    }
  }
  // §4.9: three classes per project, by its contracted provider (two closed, one running).
  for (const p of projects) {
    for (const [k, status] of (['closed', 'closed', 'running'] as ClassStatus[]).entries()) {
      const start =
        status === 'running'
          ? startFor('running', 10)
          : k === 0
            ? dateBetween(r, p === projects[0] ? '2020-06-08' : '2021-03-01', p === projects[0] ? '2020-09-30' : '2021-05-31')
            : dateBetween(r, p === projects[0] ? '2020-10-12' : '2021-06-01', p === projects[0] ? '2020-12-10' : '2021-08-31');
      specs.push({
        n: n++,
        program: 'project_based',
        providerId: p.providerId,
        areaCode: p.areaCode,
        enterpriseUscc: null,
        occupationCode: null,
        level: null,
        catalogHours: null,
        entrepreneurshipType: null,
        projectId: p.id,
        filingId: null,
        start,
        sessions: 10,
        hoursPerSession: 8,
        status,
        trainees: [],
      });
    }
  }
  return { specs, scopeTuples };
}
type AfterPlanClasses = AfterSeedProjects & ReturnType<typeof planClasses>;

/** The classes the scenarios and planted cases need, chosen before the rosters are drawn. */
function fixScenarios(story: AfterPlanClasses) {
  const { world, insured, fund2021, fund2020, usable, keyPool, demoTrainees, employerOf, used, specs } = story;
  // ——— scenarios fixed before the rosters are drawn ———
  const closedIn = (program: string, from: string, to: string) =>
    specs.filter((s) => s.program === program && s.status === 'closed' && s.start >= from && s.start <= to);
  // The R3 exception: one person on three 2021 trainings and then a §4.8 hire by the same enterprise.
  const r3Enterprise = world.enterprises.find((e) => !e.directlyManaged && insured.get(e.uscc) === true && fund2021.has(e.uscc))!;
  const r3Es = closedIn('employment_skill', '2020-01-01', '2099-01-01').find((s) => s.sessions <= 16)!;
  r3Es.start = '2021-01-11';
  const r3Safety = closedIn('safety', '2020-01-01', '2099-01-01')[0]!;
  const r3Short = closedIn('short_term', '2020-01-01', '2099-01-01')[0]!;
  for (const [s, start] of [
    [r3Safety, '2021-04-12'],
    [r3Short, '2021-06-07'],
  ] as const) {
    s.start = start;
    s.enterpriseUscc = r3Enterprise.uscc;
    s.areaCode = r3Enterprise.areaCode;
  }
  // The short class: a closed §4.2 class whose catalog entry is long.
  const shortHours = specs.find((s) => s.program === 'skill_upgrade' && s.status === 'closed' && (s.catalogHours ?? 0) >= 150);
  if (shortHours) {
    shortHours.sessions = 3;
    shortHours.start = '2021-03-15';
  }
  const sameMinute = specs.filter((s) => s.program === 'employment_skill' && s.status === 'closed' && s !== r3Es)[1]!;
  sameMinute.plantSameMinute = true;
  sameMinute.minTrainees = 8; // the rule judges sessions of 5 or more sign-ins
  // PLANT-COPIED-ROSTER: a 2021 §4.6 class whose roster copies a 2020 one (rosters of 10 or more).
  const planTaken = new Set<ClassSpec>([r3Es, r3Safety, r3Short, sameMinute, ...(shortHours ? [shortHours] : [])]);
  const free = (s: ClassSpec) => s.status === 'closed' && !planTaken.has(s) && s.projectId === null;
  const copySource = specs.find((s) => free(s) && s.program === 'employment_skill' && s.start < '2020-10-01')!;
  const copy = specs.find(
    (s) =>
      free(s) &&
      s.program === 'employment_skill' &&
      s.start > addDays(classEnd(copySource), 30) &&
      s.start >= '2021-01-01' &&
      `${s.occupationCode}|${s.level}` !== `${copySource.occupationCode}|${copySource.level}`,
  )!;
  copySource.minTrainees = 12;
  planTaken.add(copySource).add(copy);
  // PLANT-LONG-DAYS: a §4.3 class of 39 hours squeezed into 3 days of 13 hours.
  const longDays = specs.find((s) => free(s) && s.program === 'short_term')!;
  longDays.sessions = 3;
  longDays.hoursPerSession = 13;
  longDays.times = { from: '07:30', to: '21:30' };
  planTaken.add(longDays);

  // The trainee logins' people: each on a closed 2020 class in 东区 (the area and year of the demo's one
  // paid batch), attending and passing, so that a trainee logging in sees a training, a certificate, claims
  // and a payment. A key-group person on a §4.6 class, anyone else on a §4.2 class with an insured employer;
  // no planted case on those classes.
  const loginClasses = new Map<ClassSpec, DemoPerson[]>();
  const loginEmployer = world.enterprises.find((e) => !e.directlyManaged && insured.get(e.uscc) === true && fund2020.has(e.uscc))!;
  for (const p of usable.filter((x) => demoTrainees.has(x.residentId))) {
    const key = keyPool.includes(p);
    const spec = specs.find(
      (s) =>
        s.status === 'closed' &&
        s.areaCode === '510402' &&
        classEnd(s) <= '2020-12-31' &&
        s.projectId === null &&
        s.enterpriseUscc === null &&
        !planTaken.has(s) &&
        s.program === (key ? 'employment_skill' : 'skill_upgrade'),
    );
    if (!spec) throw new Error(`demo: no closed 2020 class in 东区 for the trainee login of ${p.residentId}`);
    if (!key) employerOf.set(p.residentId, loginEmployer.uscc);
    used.add(p.residentId);
    loginClasses.set(spec, [...(loginClasses.get(spec) ?? []), p]);
  }
  for (const spec of loginClasses.keys()) planTaken.add(spec);
  return { r3Enterprise, r3Es, r3Safety, r3Short, shortHours, sameMinute, planTaken, free, copySource, copy, longDays, loginClasses };
}
type AfterFixScenarios = AfterPlanClasses & ReturnType<typeof fixScenarios>;

/** Rosters for every class, then the people of the scenarios and planted cases put on theirs. */
function drawRosters(story: AfterFixScenarios) {
  const {
    world,
    progress,
    r,
    pensionKnownFalse,
    usable,
    keyPool,
    employeePool,
    demoTrainees,
    employerOf,
    take,
    projects,
    specs,
    r3Enterprise,
    r3Es,
    r3Safety,
    r3Short,
    planTaken,
    free,
    copySource,
    copy,
    loginClasses,
  } = story;
  // ——— rosters ———
  progress('培训班花名册');
  const classCount = specs.length;
  const perClass = Math.max(3, Math.min(11, Math.floor((usable.length * 0.75) / classCount)));
  for (const s of specs) {
    const size = Math.max(s.minTrainees ?? 3, (perClass + r.int(-perClass / 3, perClass / 3)) | 0);
    for (const p of loginClasses.get(s) ?? []) {
      s.trainees.push({
        residentId: p.residentId,
        employerUscc: keyPool.includes(p) ? null : employerOf.get(p.residentId)!,
        newHire: null,
        contractMonths: null,
      });
    }
    if (s.program === 'pre_job') {
      // New hires of the enterprise: people not yet employed there, and not full-time students.
      for (const p of take(keyPool, size, (x) => !x.groups.includes('in_school_student')))
        s.trainees.push({
          residentId: p.residentId,
          employerUscc: s.enterpriseUscc,
          newHire: true,
          contractMonths: r.pick([12, 24, 24, 36, 36]),
        });
    } else if (s.enterpriseUscc) {
      const own = take(employeePool, size, (p) => employerOf.get(p.residentId) === s.enterpriseUscc);
      const more = own.length < 3 ? take(employeePool, 3 - own.length) : [];
      for (const p of [...own, ...more]) {
        employerOf.set(p.residentId, s.enterpriseUscc);
        s.trainees.push({ residentId: p.residentId, employerUscc: s.enterpriseUscc, newHire: null, contractMonths: null });
      }
    } else if (EMPLOYEE_CLASS_PROGRAMS.includes(s.program)) {
      for (const p of take(employeePool, size))
        s.trainees.push({ residentId: p.residentId, employerUscc: employerOf.get(p.residentId)!, newHire: null, contractMonths: null });
    } else {
      const filter =
        s.program === 'project_based' && s.projectId === projects[1]!.id
          ? (p: DemoPerson) => p.groups.some((g) => g !== 'in_school_student')
          : () => true;
      for (const p of take(keyPool, Math.min(size, s.projectId ? 12 : size), filter))
        s.trainees.push({ residentId: p.residentId, employerUscc: null, newHire: null, contractMonths: null });
    }
  }
  // The R3 person: a poor labourer on all three 2021 classes (hired by the enterprise in March).
  const r3Person = take(keyPool, 1, (p) => p.groups.includes('poor_labor') && pensionKnownFalse.has(p.residentId))[0]!;
  r3Es.trainees.push({ residentId: r3Person.residentId, employerUscc: null, newHire: null, contractMonths: null });
  for (const s of [r3Safety, r3Short])
    s.trainees.push({ residentId: r3Person.residentId, employerUscc: r3Enterprise.uscc, newHire: null, contractMonths: null });

  // PLANT-PREJOB-VETERAN: a 2021 pre-job class lists someone the enterprise trained as its employee over a year before.
  let prejob: { spec: ClassSpec; residentId: string; earlier: ClassSpec } | undefined;
  for (const pj of specs.filter(
    (s) => s.program === 'pre_job' && s.status === 'closed' && s.start >= '2021-01-01' && s.start <= '2021-09-01',
  )) {
    const veteran = (t: Trainee) => t.employerUscc === pj.enterpriseUscc && !demoTrainees.has(t.residentId);
    const earlier = specs.find(
      (s) => s.status === 'closed' && s.start <= addMonths(pj.start, -12) && s.program !== 'pre_job' && s.trainees.some(veteran),
    );
    if (!earlier) continue;
    const t = earlier.trainees.find(veteran)!;
    pj.trainees.push({ residentId: t.residentId, employerUscc: pj.enterpriseUscc, newHire: true, contractMonths: 36 });
    prejob = { spec: pj, residentId: t.residentId, earlier };
    break;
  }
  // PLANT-OVERLAP: a trainee of a running §4.6 class also on a submitted one at the same times.
  const overlapA =
    specs.find((s) => s.program === 'employment_skill' && s.status === 'running' && classEnd(s) >= '2021-11-24') ??
    specs.find((s) => s.status === 'running' && !EMPLOYEE_CLASS_PROGRAMS.includes(s.program) && classEnd(s) >= '2021-11-24')!;
  const overlapB = specs.find((s) => s.program === 'employment_skill' && s.status === 'submitted')!;
  overlapB.start = '2021-11-16';
  const overlapPerson = overlapA.trainees[0]!.residentId;
  overlapB.trainees.push({ residentId: overlapPerson, employerUscc: null, newHire: null, contractMonths: null });
  // PLANT-PENSIONER: a worker born 1966–1971 whose pension entitlement is reported after submission.
  const pensionSpec =
    specs.find((s) => s.status === 'returned' && s.program === 'skill_upgrade') ?? specs.find((s) => s.status === 'returned')!;
  const pensioner =
    take(employeePool, 1, (p) => p.birthYear <= 1971 && pensionKnownFalse.has(p.residentId))[0] ??
    take(keyPool, 1, (p) => p.birthYear <= 1971 && pensionKnownFalse.has(p.residentId))[0]!;
  pensionSpec.trainees.push({
    residentId: pensioner.residentId,
    employerUscc: EMPLOYEE_CLASS_PROGRAMS.includes(pensionSpec.program)
      ? (pensionSpec.enterpriseUscc ?? employerOf.get(pensioner.residentId) ?? world.enterprises[0]!.uscc)
      : null,
    newHire: pensionSpec.program === 'pre_job' ? true : null,
    contractMonths: pensionSpec.program === 'pre_job' ? 24 : null,
  });
  if (prejob) planTaken.add(prejob.spec).add(prejob.earlier);
  // PLANT-COPIED-ROSTER: the 2021 class's roster is the 2020 class's, plus one person of its own.
  copy.trainees = [...copySource.trainees.map((t) => ({ ...t })), copy.trainees[0]!];
  // PLANT-STUDENT: a full-time student as a "new hire" on a pre-job class held in term time.
  const inTerm = (s: ClassSpec) => classDays(s).some((d) => TERM_PERIODS.some((t) => t.from <= d && d <= t.to));
  const studentSpec = specs.find((s) => free(s) && !planTaken.has(s) && s.program === 'pre_job' && inTerm(s))!;
  const student = take(keyPool, 1, (p) => p.groups.includes('in_school_student') && pensionKnownFalse.has(p.residentId))[0]!;
  studentSpec.trainees.push({
    residentId: student.residentId,
    employerUscc: studentSpec.enterpriseUscc,
    newHire: true,
    contractMonths: 12,
  });
  planTaken.add(studentSpec);
  // Pairs of closed classes of two providers held on the same days (every session is a full day).
  const sharedDay = (a: ClassSpec, b: ClassSpec) => {
    const d = new Set(classDays(a));
    return classDays(b).find((x) => d.has(x));
  };
  const pairOf = (ok: (s: ClassSpec) => boolean = () => true, status: ClassStatus = 'closed'): [ClassSpec, ClassSpec] => {
    const pool = specs.filter((s) => s.status === status && s.projectId === null && !planTaken.has(s) && ok(s));
    for (const a of pool) {
      const b = pool.find((x) => x !== a && x.providerId !== a.providerId && sharedDay(a, x));
      if (b) {
        planTaken.add(a).add(b);
        return [a, b];
      }
    }
    throw new Error('demo: no two classes of two providers on the same days');
  };
  const overlapLive = pairOf((s) => !EMPLOYEE_CLASS_PROGRAMS.includes(s.program));
  const claimTwice = pairOf((s) => !EMPLOYEE_CLASS_PROGRAMS.includes(s.program));
  // Two running classes each (inspections are drawn among classes still running: these raise their odds).
  const teacherPair = pairOf(() => true, 'running');
  const venuePair = pairOf(() => true, 'running');
  const RENTED_TEACHER = '欧阳建平';
  for (const s of teacherPair) s.teachers = [RENTED_TEACHER];
  // The scenarios' people complete their trainings (so that their claims exist).
  const mustQualify = new Set([r3Person.residentId, ...(prejob ? [prejob.residentId] : []), ...demoTrainees]);
  const returnedOthers = specs.filter((s) => s.status === 'returned' && s !== pensionSpec);
  return {
    r3Person,
    prejob,
    overlapA,
    overlapB,
    overlapPerson,
    pensionSpec,
    pensioner,
    studentSpec,
    student,
    sharedDay,
    overlapLive,
    claimTwice,
    teacherPair,
    venuePair,
    RENTED_TEACHER,
    mustQualify,
    returnedOthers,
  };
}
type AfterDrawRosters = AfterFixScenarios & ReturnType<typeof drawRosters>;

/** §4.3/§4.4 content filings (§5.5), filed 10–30 days before the start and accepted. */
async function fileContents(story: AfterDrawRosters) {
  const { tx, r, actors, reviewerOf, enterprisesById, specs } = story;
  // ——— content filings (§4.3/§4.4, §5.5), filed 10–30 days before the start and accepted ———
  const filingActor = (uscc: string) =>
    actors.enterprise.get(uscc) ?? reviewerOf(enterprisesById.get(uscc)!.directlyManaged ? '510400' : enterprisesById.get(uscc)!.areaCode);
  const officeOf = (uscc: string) =>
    reviewerOf(enterprisesById.get(uscc)!.directlyManaged ? '510400' : enterprisesById.get(uscc)!.areaCode);
  for (const s of specs.filter((x) => x.program === 'short_term' || x.program === 'pre_job')) {
    const e = enterprisesById.get(s.enterpriseUscc!)!;
    const f = await fileContent(tx, filingActor(e.uscc), {
      enterpriseUscc: e.uscc,
      program: s.program as 'short_term' | 'pre_job',
      title:
        s.program === 'short_term' ? `${s.start.slice(0, 7)} 岗位技能提升短期培训内容` : `${s.start.slice(0, 7)} 新入职员工岗前培训内容`,
      content:
        s.program === 'short_term'
          ? '安全生产规程、岗位操作规范、设备点检与维护、质量控制（40 课时）'
          : '企业规章制度、岗位安全操作、职业道德、岗位实操（40 课时）',
      filedOn: dayFrom(dayNumber(s.start) - r.int(10, 30)),
    });
    s.filingId = f.id;
    if (s.status !== 'draft') await reviewFiling(tx, officeOf(e.uscc), f.id, { verdict: 'accepted', note: null });
  }
  return { officeOf };
}
type AfterFileContents = AfterDrawRosters & Awaited<ReturnType<typeof fileContents>>;

/** Class applications: venues and teachers, submission, review, approval or return. */
async function reviewApplications(story: AfterFileContents) {
  const {
    tx,
    world,
    progress,
    r,
    actors,
    reviewerOf,
    planted,
    enterprisesById,
    specs,
    copySource,
    copy,
    longDays,
    overlapA,
    overlapB,
    overlapPerson,
    pensionSpec,
    pensioner,
    studentSpec,
    student,
    sharedDay,
    overlapLive,
    teacherPair,
    venuePair,
    RENTED_TEACHER,
    returnedOthers,
  } = story;
  // ——— classes: applications, review, running, assessment, certificates, closing ———
  progress(`培训班（${specs.length} 个）：开班申请与审查`);
  const classReviewer = (s: ClassSpec) =>
    s.enterpriseUscc && enterprisesById.get(s.enterpriseUscc)!.directlyManaged ? actors.city : reviewerOf(s.areaCode);
  const providerActor = (s: ClassSpec) => actors.provider.get(s.providerId) ?? classReviewer(s);
  // A provider names each trainee by ID and name, as the real-name check asks (§5.2).
  const nameOf = new Map((await tx.selectFrom('people').select(['resident_id', 'name']).execute()).map((p) => [p.resident_id, p.name]));
  const application = (s: ClassSpec): ClassApplication => {
    const days = classDays(s);
    return {
      providerId: s.providerId,
      program: s.program,
      areaCode: s.areaCode,
      enterpriseUscc: s.enterpriseUscc,
      occupationCode: s.occupationCode,
      level: s.level,
      entrepreneurshipType: s.entrepreneurshipType,
      projectId: s.projectId,
      filingId: s.filingId,
      startDate: days[0]!,
      endDate: days.at(-1)!,
      hours: s.sessions * s.hoursPerSession,
      venue: s.venue!,
      teachers: s.teachers!.map((name, i) => ({ name, qualification: i === 0 ? '高级技师' : '讲师' })),
      trainees: s.trainees.map((t) => ({ ...t, name: nameOf.get(t.residentId) ?? null })),
      sessions: days.map((day) => ({ day, startsAt: s.times?.from ?? '08:30', endsAt: s.times?.to ?? '17:30', hours: s.hoursPerSession })),
    };
  };
  // Applications first and in date order (a class's review sees the classes approved before it);
  // the overlap plant needs its two classes submitted before either is approved.
  const ordered = [...specs].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.n - b.n));
  // Venues and teachers: each class its own room; each provider its own teachers, none of them in two
  // classes on one day (a provider takes on a teacher when all of its own are busy).
  const staff = new Map<string, string[]>();
  const busy = new Map<string, Set<string>>();
  const teacherNames = new Set<string>();
  const newTeacher = (): string => {
    for (let k = teacherNames.size; ; k++) {
      const name =
        k < TEACHERS.length
          ? TEACHERS[k]!
          : `${[...SURNAMES][(k * 7) % [...SURNAMES].length]}${GIVEN[(k * 3) % GIVEN.length]}${GIVEN[(k * 5 + 1) % GIVEN.length]}`;
      if (!teacherNames.has(name)) {
        teacherNames.add(name);
        return name;
      }
    }
  };
  for (const s of ordered) {
    s.venue = `${VENUES[s.areaCode] ?? '攀枝花市'}${r.int(1, 300)}号 培训楼${r.int(1, 6)}层 ${s.n + 101} 教室（演示）`;
    const days = classDays(s);
    const mine = staff.get(s.providerId) ?? [];
    staff.set(s.providerId, mine);
    const names = [...(s.teachers ?? [])];
    while (names.length < 2) {
      let t = mine.find((x) => !names.includes(x) && !days.some((d) => busy.get(x)?.has(d)));
      if (!t) mine.push((t = newTeacher()));
      names.push(t);
    }
    for (const t of names) for (const d of days) busy.set(t, (busy.get(t) ?? new Set()).add(d));
    s.teachers = names;
  }
  venuePair[1].venue = venuePair[0].venue;
  for (const s of ordered) {
    s.id = await createClassOnly(tx, providerActor(s), application(s));
  }
  // Their documents, uploaded before submission (attachments are fixed once an application is
  // submitted). The first two applications left awaiting review go without, on purpose: their
  // reviews show the 开班附件 warning where it is true.
  const withoutDocuments = new Set(ordered.filter((s) => s.status === 'submitted').slice(0, 2));
  await attachClassDocuments(
    tx,
    ordered
      .filter((s) => s.status !== 'draft' && !withoutDocuments.has(s))
      .map((s) => ({ id: s.id!, program: s.program, uploader: providerActor(s) })),
  );
  for (const s of [...ordered.filter((x) => x !== overlapB && x !== overlapA)]) {
    if (s.status === 'draft') continue;
    await submitClassOnly(tx, providerActor(s), s.id!);
    if (s.status === 'submitted' || s.status === 'returned') continue;
    await approveClassOnly(tx, classReviewer(s), s.id!, { note: '开班审查通过' });
  }
  await submitClassOnly(tx, providerActor(overlapA), overlapA.id!);
  await submitClassOnly(tx, providerActor(overlapB), overlapB.id!); // warning: same person, same times, on a submitted class
  await approveClassOnly(tx, classReviewer(overlapA), overlapA.id!, { note: '开班审查通过' });
  planted.push({
    id: 'PLANT-OVERLAP',
    classIds: [overlapA.id!, overlapB.id!],
    residentIds: [overlapPerson],
    claimIds: [],
    note: `同一人员在培训中的 ${overlapA.id} 与已提交的 ${overlapB.id} 上，${overlapB.start} 起课程时间重叠（后者审查意见中有“培训时间冲突”提示）`,
  });
  // Returned applications: one for the pensioner (refused at approval), the others for an ordinary reason.
  await recordPersonFact(tx, reviewerOf(world.people.find((p) => p.residentId === pensioner.residentId)!.areaCode), pensioner.residentId, {
    fact: 'pensionEntitled',
    value: true,
    source: '社会保险系统（演示）：达到法定退休年龄',
    asOf: '2021-11-01',
  });
  let refusal = '';
  try {
    await approveClassOnly(tx, classReviewer(pensionSpec), pensionSpec.id!, { note: null });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'invalid_transition') throw e;
    refusal = e.message;
  }
  if (!refusal.includes('养老金')) throw new Error(`demo: the pensioner's class was not refused at approval (${refusal || 'approved'})`);
  await returnClass(tx, classReviewer(pensionSpec), pensionSpec.id!, {
    note: `开班审查未通过：${pensioner.name} 自 2021-11-01 具有按月领取养老金资格（R5），不能参加补贴性培训。请调整花名册后重新提交。`,
  });
  planted.push({ id: 'PLANT-PENSIONER', classIds: [pensionSpec.id!], residentIds: [pensioner.residentId], claimIds: [], note: refusal });
  for (const s of returnedOthers) {
    await returnClass(tx, classReviewer(s), s.id!, {
      note: r.pick([
        '授课教师资格证明未附，请补充后重新提交',
        '培训场地消防验收材料缺失，请补充',
        '课程表与目录课时不一致，请核对后重新提交',
      ]),
    });
  }
  // PLANT-OVERLAP-LIVE: after approval, a trainee of one class is typed into another provider's
  // roster for the same days (no use case allows it: the one roster row written directly). No claim.
  const [olA, olB] = overlapLive;
  const olPerson = olA.trainees[0]!;
  await tx
    .insertInto('class_trainees')
    .values({ class_id: olB.id!, resident_id: olPerson.residentId, employer_uscc: null, new_hire: null, contract_months: null })
    .execute();
  olB.trainees.push({ ...olPerson });
  olB.noClaim = new Set([olPerson.residentId]);
  planted.push({
    id: 'PLANT-OVERLAP-LIVE',
    classIds: [olA.id!, olB.id!],
    residentIds: [olPerson.residentId],
    claimIds: [],
    note: `${olPerson.residentId} 是培训班 ${olA.id} 的学员，开班审查后又被补录进同期的培训班 ${olB.id}（另一家机构），两班 ${sharedDay(olA, olB)} 起同时上课`,
  });
  planted.push({
    id: 'PLANT-TEACHER',
    classIds: teacherPair.map((s) => s.id!),
    residentIds: [],
    claimIds: [],
    note: `教师“${RENTED_TEACHER}”同时列在 ${teacherPair[0].providerId} 的培训班 ${teacherPair[0].id} 和 ${teacherPair[1].providerId} 的培训班 ${teacherPair[1].id} 上，${sharedDay(...teacherPair)} 起两地同时授课`,
  });
  planted.push({
    id: 'PLANT-VENUE',
    classIds: venuePair.map((s) => s.id!),
    residentIds: [],
    claimIds: [],
    note: `场地“${venuePair[0].venue}”同时用于培训班 ${venuePair[0].id} 和 ${venuePair[1].id}，${sharedDay(...venuePair)} 起同时上课`,
  });
  planted.push({
    id: 'PLANT-COPIED-ROSTER',
    classIds: [copySource.id!, copy.id!],
    residentIds: copySource.trainees.map((t) => t.residentId),
    claimIds: [],
    note: `培训班 ${copy.id}（${copy.start}）的花名册是培训班 ${copySource.id}（${copySource.start}）的 ${copySource.trainees.length} 人，另加 1 人`,
  });
  planted.push({
    id: 'PLANT-STUDENT',
    classIds: [studentSpec.id!],
    residentIds: [student.residentId],
    claimIds: [],
    note: `全日制在校大学生 ${student.name} 作为新录用职工列入岗前培训班 ${studentSpec.id}（${studentSpec.start} 起，学期内）`,
  });
  planted.push({
    id: 'PLANT-LONG-DAYS',
    classIds: [longDays.id!],
    residentIds: [],
    claimIds: [],
    note: `培训班 ${longDays.id} 申报 ${longDays.sessions * longDays.hoursPerSession} 学时，排在 ${longDays.sessions} 天内，每天 ${longDays.times!.from}–${longDays.times!.to}、${longDays.hoursPerSession} 学时`,
  });
  return { classReviewer, providerActor, ordered, nameOf };
}
type AfterReviewApplications = AfterFileContents & Awaited<ReturnType<typeof reviewApplications>>;

/** Running classes: attendance, assessment, certificates, closing; sign-in times on the story's clock. */
async function runClasses(story: AfterReviewApplications) {
  const {
    tx,
    progress,
    r,
    planted,
    specs,
    shortHours,
    sameMinute,
    planTaken,
    free,
    r3Person,
    mustQualify,
    classReviewer,
    providerActor,
    ordered,
  } = story;
  progress('培训班：开班、考勤、结业考核、证书、验收');
  const certSeq: Record<string, number> = {};
  const certPrefix: Record<string, string> = {
    skill_level: 'S',
    vocational_qualification: 'Q',
    special_ability: 'Z',
    safety: 'A',
    special_operation: 'T',
    training: 'P',
    entrepreneurship: 'C',
  };
  let reusedNumber: { number: string; classId: string; residentId: string } | undefined;
  const certTypeOf = (s: ClassSpec): CertificateType => {
    switch (s.program) {
      case 'skill_upgrade':
        return 'skill_level';
      // A 专项职业能力证书 certifies a 专项 catalog entry; a class of a graded occupation yields a level
      // or qualification certificate (the draw is kept, so the demo's other random choices stay put).
      case 'transfer':
        return r.chance(0.5) ? 'skill_level' : s.level === 'special' ? 'special_ability' : 'vocational_qualification';
      case 'employment_skill':
        return r.chance(0.8) ? 'skill_level' : s.level === 'special' ? 'special_ability' : 'vocational_qualification';
      case 'entrepreneurship':
        return 'entrepreneurship';
      case 'safety':
        return r.chance(0.5) ? 'special_operation' : 'safety';
      default:
        return 'training';
    }
  };
  /** Per class and trainee: hours and days present, result, certificate. */
  const outcomes = new Map<
    string,
    Map<string, { hours: number; days: number; qualified: boolean; cert: { type: CertificateType; number: string } | null }>
  >();
  // The attendance plants: classes no other plant uses, chosen before any class runs.
  const plantable = (s: ClassSpec) =>
    free(s) && !planTaken.has(s) && s.sessions >= 3 && s.trainees.length >= 3 && s.sessions * s.trainees.length >= 40;
  const outsideWindow = specs.find(plantable)!;
  planTaken.add(outsideWindow);
  const sharedDevice = specs.find(plantable)!;
  planTaken.add(sharedDevice);
  const manualHeavy = specs.find(plantable)!;
  planTaken.add(manualHeavy);
  const overlapPeople = new Set(planted.find((p) => p.id === 'PLANT-OVERLAP-LIVE')?.residentIds ?? []);
  const plantNotes = new Map<string, string>();
  for (const s of ordered.filter((x) => ['running', 'assessed', 'closed'].includes(x.status))) {
    const actor = providerActor(s);
    await startClassOnly(tx, actor, s.id!);
    const view = await tx
      .selectFrom('class_sessions')
      .select(['id', 'day', 'hours', 'starts_at', 'ends_at'])
      .where('class_id', '=', s.id!)
      .orderBy('day')
      .execute();
    const per = new Map(
      s.trainees.map((t) => [
        t.residentId,
        { hours: 0, days: 0, qualified: false, cert: null as { type: CertificateType; number: string } | null },
      ]),
    );
    const diligence = new Map(s.trainees.map((t) => [t.residentId, mustQualify.has(t.residentId) ? 1 : r.chance(0.1) ? 0.8 : 0.98]));
    for (const [index, session] of view.entries()) {
      if (session.day > DEMO_TODAY) break;
      const marks = s.trainees.map((t) => ({
        residentId: t.residentId,
        // The planted double attender is there every time (both classes' sign-ins show it).
        present: r.chance(diligence.get(t.residentId)!) || overlapPeople.has(t.residentId),
        method: s.plantSameMinute ? '人脸识别' : r.pick(['人脸识别', '人脸识别', '指纹', '签到表']),
      }));
      // Most trainees scan the code; about one presence in 40 is entered by hand (a phone left at
      // home, a dead battery…), and in PLANT-MANUAL-SHARE every other one.
      const sessionId = Number(session.id);
      const manual = (rid: string) => {
        const h = hashOf(`${rid}|manual|${sessionId}`);
        return s === manualHeavy ? h % 2 === 0 : h % 40 === 0;
      };
      const { start } = sessionInstants(session);
      const plantHere = index === 1;
      const scans = marks.filter((m) => m.present && !manual(m.residentId));
      // Each scan with its own instant and code, the session's scans in one call (scanSigninCodesAt).
      const timed = scans.map((m, k) => {
        const h = hashOf(`${m.residentId}|${sessionId}`);
        const seconds = s.plantSameMinute ? 7 * 60 - (h % 55) : s === outsideWindow && plantHere ? 3 * 3600 + (h % 600) : 60 + (h % 1500);
        const at = new Date(start.getTime() - seconds * 1000);
        // PLANT-SHARED-DEVICE: the second trainee signs in on the first one's phone.
        const device = s === sharedDevice && plantHere && k === 1 ? scans[0]!.residentId : m.residentId;
        return {
          actor: traineeActor(m.residentId),
          at,
          token: signinToken(sessionId, 'in', at),
          deviceId: `demo-phone-${device}`,
          sessionId,
        };
      });
      await withBusinessClock({ today: session.day }, () => scanSigninCodesAt(tx, sessionId, timed));
      if (s === sharedDevice && plantHere && scans.length > 1)
        plantNotes.set('PLANT-SHARED-DEVICE', `${session.day} 的课次，${scans[1]!.residentId} 用 ${scans[0]!.residentId} 的手机扫码签到`);
      if (s === outsideWindow && plantHere)
        plantNotes.set('PLANT-OUTSIDE-WINDOW', `${session.day} 的课次，${scans.length} 名学员在开课前约三小时扫码签到`);
      const entered: AttendanceInput['marks'] = marks
        .filter((m) => !m.present || manual(m.residentId))
        .map((m) => ({
          residentId: m.residentId,
          present: m.present,
          method: '培训机构登记',
          reason: m.present ? REASONS[hashOf(`${m.residentId}|reason|${sessionId}`) % REASONS.length]! : null,
        }));
      const typedAt = new Date(sessionInstants(session).end.getTime() + 30 * 60_000);
      if (entered.length) await withInstant(typedAt, () => recordAttendance(tx, actor, s.id!, { sessionId, marks: entered }));
      for (const m of marks)
        if (m.present) {
          const o = per.get(m.residentId)!;
          o.hours += Number(session.hours);
          o.days++;
        }
    }
    outcomes.set(s.id!, per);
    if (s.status === 'running') continue;
    const end = classEnd(s);
    const results = s.trainees.map((t) => {
      const o = per.get(t.residentId)!;
      o.qualified = mustQualify.has(t.residentId) || (o.days >= s.sessions * 0.8 && r.chance(0.93));
      return { residentId: t.residentId, qualified: o.qualified, assessedOn: end };
    });
    if (!results.some((x) => x.qualified)) {
      // A class in which nobody passed would not be run to its end in the demo: its best attender passes.
      const best = [...s.trainees].sort((x, y) => per.get(y.residentId)!.days - per.get(x.residentId)!.days)[0]!;
      per.get(best.residentId)!.qualified = true;
      results.find((x) => x.residentId === best.residentId)!.qualified = true;
    }
    await recordAssessment(tx, actor, s.id!, { results });
    await completeAssessmentOnly(tx, actor, s.id!);
    // The class's certificates in one call (recordCertificates), in roster order.
    const certificates: CertificateInput[] = [];
    for (const t of s.trainees) {
      const o = per.get(t.residentId)!;
      if (!o.qualified) continue;
      const type = certTypeOf(s);
      certSeq[type] = (certSeq[type] ?? 0) + 1;
      let number = `${certPrefix[type]}${end.slice(0, 4)}5104${String(certSeq[type]).padStart(6, '0')}`;
      if (type === 'skill_level' && s.program === 'skill_upgrade' && s.status === 'closed' && !reusedNumber)
        reusedNumber = { number, classId: s.id!, residentId: t.residentId };
      else if (
        type === 'training' &&
        s.program === 'short_term' &&
        s.status === 'closed' &&
        reusedNumber &&
        !planted.some((p) => p.id === 'PLANT-CERT-REUSE') &&
        t.residentId !== r3Person.residentId
      ) {
        number = reusedNumber.number;
        planted.push({
          id: 'PLANT-CERT-REUSE',
          classIds: [reusedNumber.classId, s.id!],
          residentIds: [reusedNumber.residentId, t.residentId],
          claimIds: [],
          note: `证书编号 ${number} 既是职业技能等级证书（${reusedNumber.classId}），又是培训合格证书（${s.id}）`,
        });
      }
      const issuer =
        s.program === 'safety'
          ? '攀枝花市应急管理局（演示）'
          : s.program === 'entrepreneurship'
            ? '攀枝花市就业服务管理局（演示）'
            : '攀枝花示例职业技能鉴定所（虚构）';
      // Issued a few days after the class ends, and never after the demo's today (a certificate is not dated ahead).
      const issued = addDays(end, r.int(3, 12));
      certificates.push({ residentId: t.residentId, type, number, issuedOn: issued > DEMO_TODAY ? DEMO_TODAY : issued, issuer });
      o.cert = { type, number };
    }
    await recordCertificates(tx, actor, s.id!, certificates);
    if (s.status === 'closed') await closeClassOnly(tx, classReviewer(s), s.id!, { note: '结业考核验收合格' });
  }
  planted.push({
    id: 'PLANT-OUTSIDE-WINDOW',
    classIds: [outsideWindow.id!],
    residentIds: [],
    claimIds: [],
    note: `培训班 ${outsideWindow.id}：${plantNotes.get('PLANT-OUTSIDE-WINDOW') ?? ''}`,
  });
  planted.push({
    id: 'PLANT-SHARED-DEVICE',
    classIds: [sharedDevice.id!],
    residentIds: [],
    claimIds: [],
    note: `培训班 ${sharedDevice.id}：${plantNotes.get('PLANT-SHARED-DEVICE') ?? ''}`,
  });
  planted.push({
    id: 'PLANT-MANUAL-SHARE',
    classIds: [manualHeavy.id!],
    residentIds: [],
    claimIds: [],
    note: `培训班 ${manualHeavy.id} 约一半的出勤为手工补录（原因：${MANUAL_REASONS.slice(0, 3).join('、')}）`,
  });
  planted.push({
    id: 'PLANT-SAME-MINUTE',
    classIds: [sameMinute.id!],
    residentIds: sameMinute.trainees.map((t) => t.residentId),
    claimIds: [],
    note: '每次课全部学员的扫码签到时间都在开课前 7 分钟的同一分钟内',
  });
  if (shortHours) {
    planted.push({
      id: 'PLANT-SHORT-HOURS',
      classIds: [shortHours.id!],
      residentIds: [],
      claimIds: [],
      note: `${shortHours.occupationCode} ${shortHours.level} 级目录课时 ${shortHours.catalogHours}，本班只有 ${shortHours.sessions * shortHours.hoursPerSession} 课时`,
    });
  }
  return { outcomes };
}
type AfterRunClasses = AfterReviewApplications & Awaited<ReturnType<typeof runClasses>>;

/** §4.1 apprenticeship plans in every status, and an advance on the listed one. */
async function seedApprenticeshipPlans(story: AfterRunClasses) {
  const { tx, world, progress, actors, insured, fund2021, fund2020, employeePool, take, scopeTuples, officeOf } = story;
  // ——— apprenticeship plans (§4.1) ———
  progress('企业新型学徒制培养计划');
  const apprEnterprises = world.enterprises.filter((e) => insured.get(e.uscc) === true && fund2021.has(e.uscc) && fund2020.has(e.uscc));
  const apprProvider = world.providers.find((p) => p.programs.includes('apprenticeship'))!;
  const apprScope = scopeTuples(apprProvider.id, 'apprenticeship');
  const plans: {
    id: string;
    status: string;
    uscc: string;
    person: DemoPerson;
    occupationCode: string;
    level: string;
    start: string;
    end: string;
  }[] = [];
  for (const [i, plan] of [
    { start: '2020-03-02', end: '2021-03-01', status: 'completed' },
    { start: '2020-07-01', end: '2021-12-31', status: 'listed', advance: true },
    { start: '2020-09-01', end: '2021-08-31', status: 'quit' },
    { start: '2021-11-01', end: '2022-10-31', status: 'submitted' },
  ].entries()) {
    const e = apprEnterprises[i % apprEnterprises.length]!;
    const person = take(employeePool, 1)[0]!;
    const t = apprScope[(i * 5) % apprScope.length]!;
    const end = plan.end > '2021-12-31' ? '2021-12-31' : plan.end;
    const actor = actors.enterprise.get(e.uscc) ?? officeOf(e.uscc);
    const p = await submitApprenticeshipPlan(tx, actor, {
      enterpriseUscc: e.uscc,
      providerId: apprProvider.id,
      residentId: person.residentId,
      name: person.name,
      occupationCode: t.occupation_code!,
      level: t.level!,
      startDate: plan.start,
      endDate: end,
      contractMonths: 36,
    });
    if (plan.status !== 'submitted')
      await changePlanStatus(tx, officeOf(e.uscc), p.id, { status: 'listed', note: '列入 2020 年企业新型学徒制培训计划' });
    if (plan.status === 'completed' || plan.status === 'quit') {
      await changePlanStatus(tx, actor, p.id, {
        status: plan.status as 'completed' | 'quit',
        note: plan.status === 'quit' ? '学徒中途离职' : '学徒期满，取得职业技能等级证书',
      });
    }
    plans.push({
      id: p.id,
      status: plan.status,
      uscc: e.uscc,
      person,
      occupationCode: t.occupation_code!,
      level: t.level!,
      start: plan.start,
      end,
    });
  }
  const listedPlan = plans.find((p) => p.status === 'listed')!;
  const advance = await payAdvance(tx, officeOf(listedPlan.uscc), {
    kind: 'apprenticeship',
    subjectId: listedPlan.id,
    amountFen: 250_000,
    paidOn: '2020-07-20',
  });
  return { apprProvider, plans, advance };
}
type AfterSeedApprenticeshipPlans = AfterRunClasses & Awaited<ReturnType<typeof seedApprenticeshipPlans>>;

/** Claims submitted by those who file them, and decided by the engine. */
async function submitAndDecideClaims(story: AfterSeedApprenticeshipPlans) {
  const {
    tx,
    world,
    progress,
    r,
    actors,
    reviewerOf,
    planted,
    enterprisesById,
    pensionKnownFalse,
    usable,
    keyPool,
    take,
    specs,
    r3Enterprise,
    r3Es,
    r3Safety,
    r3Short,
    r3Person,
    prejob,
    officeOf,
    providerActor,
    ordered,
    outcomes,
    apprProvider,
    plans,
    nameOf,
  } = story;
  // ——— claims ———
  progress('补贴申领：提交');
  const claimOf = new Map<string, { id: string; end: string; area: string; program: string; residentId: string; classId: string | null }>();
  const later: (() => Promise<void>)[] = []; // claims of the latest classes, submitted after the decisions (they stay 'submitted')
  const submit = async (actor: Actor, input: SubmitClaimInput) => {
    const c = await submitClaim(tx, actor, { ...input, name: input.name ?? nameOf.get(input.residentId) ?? null });
    claimOf.set(c.id, {
      id: c.id,
      end: input.endDate,
      area: c.areaCode,
      program: input.program,
      residentId: input.residentId,
      classId: input.classId ?? null,
    });
    return c.id;
  };
  const toLevel = (level: string | null) => (level == null ? null : level === 'special' ? ('special' as const) : Number(level));
  const trainingClaims: { id: string; spec: ClassSpec; residentId: string; days: number }[] = [];
  let duplicate: string | undefined;
  const closed = ordered.filter((s) => s.status === 'closed');
  // The latest closed classes' claims arrive after the decisions below (they stay 'submitted').
  const latest = new Set(
    [...closed]
      .sort((a, b) => (classEnd(a) < classEnd(b) ? -1 : classEnd(a) > classEnd(b) ? 1 : a.n - b.n))
      .slice(-Math.max(4, Math.round(closed.length * 0.05)))
      .filter((s) => s !== r3Es && s !== r3Safety && s !== r3Short),
  );
  for (const s of closed) {
    const per = outcomes.get(s.id!)!;
    const days = classDays(s);
    const work = async () => {
      for (const t of s.trainees) {
        const o = per.get(t.residentId)!;
        // Providers claim for the qualified; one class in ten claims for everyone (the unqualified are refused).
        if (!o.qualified && s.n % 10 !== 3) continue;
        if (s.noClaim?.has(t.residentId)) continue;
        const enterpriseApplicant = t.employerUscc ? actors.enterprise.get(t.employerUscc) : undefined;
        const payeeEnterprise = ['short_term', 'pre_job', 'transfer', 'safety'].includes(s.program);
        const actor = payeeEnterprise && enterpriseApplicant ? enterpriseApplicant : providerActor(s);
        const input: SubmitClaimInput = {
          program: s.program,
          residentId: t.residentId,
          enterpriseUscc: t.employerUscc ?? (EMPLOYEE_CLASS_PROGRAMS.includes(s.program) ? s.enterpriseUscc : null),
          providerId: s.providerId,
          classId: s.id!,
          occupationCode: s.occupationCode,
          level: toLevel(s.level),
          entrepreneurshipType: s.entrepreneurshipType,
          startDate: days[0]!,
          endDate: days.at(-1)!,
          attendedHours: o.hours,
          attendedDays: o.days,
          qualified: o.qualified,
          certificate: o.cert,
          newHire: t.newHire,
          contractMonths: t.contractMonths,
          projectId: s.projectId,
        };
        const id = await submit(actor, input);
        if (s.program === 'employment_skill') trainingClaims.push({ id, spec: s, residentId: t.residentId, days: o.days });
        if (prejob && s === prejob.spec && t.residentId === prejob.residentId) {
          planted.push({
            id: 'PLANT-PREJOB-VETERAN',
            classIds: [prejob.earlier.id!, s.id!],
            residentIds: [t.residentId],
            claimIds: [id],
            note: `${t.residentId} 在 ${prejob.earlier.start} 已作为企业 ${s.enterpriseUscc} 的职工参加培训班 ${prejob.earlier.id}，${days[0]} 又被列为该企业新入职员工参加岗前培训并申领`,
          });
        }
        if (!duplicate && s.program === 'employment_skill' && actor.role === 'provider') {
          // A provider submits one claim twice by mistake and withdraws the copy.
          duplicate = await submit(actor, input);
        }
        // R6: a trainee's first appraisal, claimed by the trainee (or entered by the office for them).
        if (o.cert && o.cert.type === 'skill_level' && r.chance(0.25)) {
          const mine = actors.trainee.get(t.residentId);
          await submit(mine ?? reviewerOf(s.areaCode), {
            program: 'appraisal',
            applicant: mine ? undefined : 'individual',
            residentId: t.residentId,
            providerId: s.providerId,
            classId: s.id!,
            occupationCode: s.occupationCode,
            level: toLevel(s.level),
            startDate: days[0]!,
            endDate: days.at(-1)!,
            qualified: true,
            certificate: o.cert,
          });
        }
      }
    };
    if (latest.has(s)) later.push(work);
    else await work();
  }
  // §4.8 work-for-training: poor labourers and others hard to employ, hired by insured enterprises.
  const w4t = take(
    keyPool,
    Math.max(4, Math.min(16, Math.floor(usable.length / 300))),
    (p) => p.groups.some((g) => ALLOWANCE_GROUPS.includes(g)) && pensionKnownFalse.has(p.residentId),
  );
  const submitW4t = async (p: DemoPerson, uscc: string, start: string, months: number) => {
    const e = enterprisesById.get(uscc)!;
    const mine = actors.enterprise.get(uscc);
    return submit(mine ?? officeOf(uscc), {
      program: 'work_for_training',
      applicant: mine ? undefined : 'enterprise',
      residentId: p.residentId,
      enterpriseUscc: e.uscc,
      startDate: start,
      endDate: addDays(addMonths(start, months), -1),
      newHire: true,
      insuredMonths: months,
    });
  };

  for (const p of w4t)
    await submitW4t(p, r.pick(world.enterprises).uscc, dateBetween(r, '2020-03-01', '2020-12-01').slice(0, 8) + '01', r.pick([3, 6, 6]));
  // Withdrawn: the provider's duplicate, before any decision.
  if (duplicate) {
    const c = claimOf.get(duplicate)!;
    const spec = specs.find((s) => s.id === c.classId)!;
    await withdrawClaim(tx, providerActor(spec), { claimId: duplicate, reason: '重复提交，撤回' });
  }
  // Claims submitted in one transaction share their submission time, and the engine decides a
  // person's claims in submission order: so the ones that read others (the allowance its training,
  // the R3 case the person's three trainings) are submitted, and decided, after those.
  progress('补贴申领：政策引擎判定');
  const decideAll = async () => {
    for (const area of [...actors.county.keys()]) await decideClaims(tx, actors.county.get(area)!, {});
    await decideClaims(tx, actors.city, {});
  };
  await decideAll();

  // §4.6 living allowances, naming the training claim (the trainee's own, entered by the office).
  const allowanceOf = (residentId: string) => {
    const p = world.people.find((x) => x.residentId === residentId)!;
    return (
      p.groups.some((g) => ALLOWANCE_GROUPS.includes(g)) ||
      (p.groups.includes('non_continuing_graduate') && p.groups.includes('urban_dibao_family'))
    );
  };
  for (const tc of trainingClaims.filter((x) => allowanceOf(x.residentId) && x.days > 0)) {
    const days = classDays(tc.spec);
    await submit(reviewerOf(tc.spec.areaCode), {
      program: 'living_allowance',
      applicant: 'individual',
      residentId: tc.residentId,
      classId: tc.spec.id!,
      trainingClaimId: tc.id,
      startDate: days[0]!,
      endDate: days.at(-1)!,
      attendedDays: tc.days,
    });
  }
  // §4.1: the completed apprenticeship, claimed by its enterprise.
  const done = plans.find((p) => p.status === 'completed')!;
  const apprClaim = await submit(actors.enterprise.get(done.uscc) ?? officeOf(done.uscc), {
    program: 'apprenticeship',
    applicant: actors.enterprise.has(done.uscc) ? undefined : 'enterprise',
    residentId: done.person.residentId,
    enterpriseUscc: done.uscc,
    providerId: apprProvider.id,
    occupationCode: done.occupationCode,
    level: toLevel(done.level),
    startDate: done.start,
    endDate: done.end,
    qualified: true,
    certificate: { type: 'skill_level', number: `S20215104A${String(1).padStart(5, '0')}` },
    newHire: true,
    contractMonths: 36,
    apprenticeshipPlanId: done.id,
  });
  // The R3 case: the person's fourth subsidised training of 2021 (three classes, then this hire).
  const r3Claim = await submitW4t(r3Person, r3Enterprise.uscc, '2021-03-01', 6);
  await decideAll();
  return { later, submit, toLevel, apprClaim, r3Claim };
}
type AfterSubmitAndDecideClaims = AfterSeedApprenticeshipPlans & Awaited<ReturnType<typeof submitAndDecideClaims>>;

/** The offices' review, two waves of publicity (one objection upheld, one pending), approval and one paid batch. */
async function reviewPublishAndPay(story: AfterSubmitAndDecideClaims) {
  const { tx, progress, actors, reviewerOf, advanceTo, nextWorkingDay, apprClaim, r3Claim } = story;
  progress('补贴申领：审核、公示、批准、支付');
  // The city's R3 exception (§4.0 "原则上"), then its review.
  const r3Row = await tx.selectFrom('claims').select(['status', 'outcome', 'trace']).where('id', '=', r3Claim).executeTakeFirstOrThrow();
  let r3ExceptionClaimId: string | null = null;
  const r3Steps = (r3Row.trace as { steps: { rule: string; result: string }[] } | null)?.steps ?? [];
  if (r3Row.outcome === 'ineligible' && r3Steps.filter((s) => s.result === 'fail').every((s) => s.rule === 'R3')) {
    await recordAnnualCapException(tx, actors.city, {
      claimId: r3Claim,
      reason:
        '该劳动者为建档立卡贫困劳动力，2021 年先后参加就业技能培训、安全技能培训、岗位技能培训后被企业吸纳就业，以工代训有利于稳定就业；依“原则上”条款经局务会研究同意作为例外（演示）',
    });
    r3ExceptionClaimId = r3Claim;
  } else {
    throw new Error(
      `demo: the R3 case was decided ${r3Row.outcome} (${r3Steps
        .filter((s) => s.result !== 'pass')
        .map((s) => `${s.rule}:${s.result}`)
        .join(', ')})`,
    );
  }
  const decided = await tx
    .selectFrom('claims')
    .select(['id', 'outcome', 'area_code', 'end_date', 'trace', 'r3_exception_reason', 'program'])
    .where('status', '=', 'decided')
    .orderBy('end_date')
    .orderBy('id')
    .execute();
  const endOf = (c: { end_date: string | Date }) => (c.end_date instanceof Date ? c.end_date.toISOString().slice(0, 10) : c.end_date);
  // Rejected: most ineligible decisions (the reason is the engine's first); the rest wait on the desk.
  for (const [i, c] of decided.filter((x) => x.outcome === 'ineligible' && !x.r3_exception_reason).entries()) {
    if (i % 3 === 2) continue;
    const failed = ((c.trace as { steps: { result: string; reason: string }[] } | null)?.steps ?? []).find((x) => x.result === 'fail');
    await rejectClaim(tx, reviewerOf(c.area_code), { claimId: c.id, reason: `经审核不符合补贴条件：${failed?.reason ?? '见判定说明'}` });
  }
  const eligible = decided.filter((c) => c.outcome === 'eligible' || c.r3_exception_reason);
  const wave = (c: (typeof eligible)[number]) =>
    unreviewed.has(c.id) ? 'U' : endOf(c) <= '2021-03-31' ? 'A' : endOf(c) <= '2021-07-31' ? 'B' : 'C';
  // The latest eligible decisions wait for the office's review (left 'decided').
  const unreviewed = new Set(
    eligible
      .filter((c) => c.id !== r3ExceptionClaimId)
      .slice(-Math.max(3, Math.round(eligible.length * 0.03)))
      .map((c) => c.id),
  );
  for (const c of eligible) {
    if (unreviewed.has(c.id)) continue;
    await reviewClaim(tx, reviewerOf(c.area_code), {
      claimId: c.id,
      note: c.r3_exception_reason ? '按市人社局年度次数例外审核' : '材料齐全，审核通过',
    });
  }
  // Wave A: published in summer 2021, closed, approved (amounts reserved from the funds).
  const byArea = (list: typeof eligible) => {
    const m = new Map<string, string[]>();
    for (const c of list) m.set(c.area_code, [...(m.get(c.area_code) ?? []), c.id]);
    return m;
  };
  const waveA = byArea(eligible.filter((c) => wave(c) === 'A' && c.id !== r3ExceptionClaimId));
  // Every area's notice is published on Monday 5 July 2021 and runs 5 working days.
  advanceTo('2021-07-05');
  const waveANotices: { area: string; ids: string[]; id: string; endsOn: string }[] = [];
  for (const [area, ids] of waveA) {
    const notice = await publishClaims(tx, reviewerOf(area), {
      areaCode: area,
      title: `${area} 2021 年第二批职业技能提升补贴公示（演示）`,
      startsOn: '2021-07-05',
      claimIds: ids,
    });
    waveANotices.push({ area, ids, id: notice.id, endsOn: notice.endsOn });
  }
  // An objection upheld: the trainee says she never attended (the claim is rejected). Received on the
  // 7th, it pauses the notice until the office resolves it on the 14th; the notice then runs its 3 days left.
  let rejectedByObjection: string | undefined;
  const objected = waveANotices.find((n) => n.ids.length > 3);
  if (objected) {
    advanceTo('2021-07-07');
    const ob = await objectToClaim(tx, null, {
      noticeId: objected.id,
      claimId: objected.ids[1]!,
      text: '本人未参加该培训，申领信息有误（实名举报，演示）',
    });
    advanceTo('2021-07-14');
    const res = await resolveObjection(tx, reviewerOf(objected.area), {
      objectionId: ob.id,
      verdict: 'upheld',
      resolution: '经核查考勤与签到记录，学员未实际参训，异议成立',
    });
    objected.endsOn = res.endsOn;
    rejectedByObjection = objected.ids[1];
  }
  // The offices close their notices on the first working day after the last one has run, and approve.
  advanceTo(
    nextWorkingDay(
      waveANotices
        .map((n) => n.endsOn)
        .sort()
        .at(-1)!,
    ),
  );
  for (const { area, ids, id } of waveANotices) {
    const reviewer = reviewerOf(area);
    await closeNotice(tx, reviewer, { noticeId: id });
    // The notice's claims approved in one call (approveClaims), in the notice's order.
    await approveClaims(
      tx,
      reviewer,
      ids.filter((claimId) => claimId !== rejectedByObjection),
    );
  }
  // The §4.1 claim goes the same way (its plan was listed; no advance to settle on this one).
  // One payment batch paid (东区, 2020 special-action fund): built by 东区 (经办), confirmed by the
  // city's 复核, paid by the city's 支付 — three people; another built and waiting for confirmation.
  // Before the batches: each fund's payer account, and a receiving account for every payee of an
  // approved claim (fictional numbers that pass the checks), recorded by the city through the use cases.
  await seedDemoAccounts(tx, actors.city);
  const paidBatch = await buildPaymentBatch(tx, actors.county.get('510402')!, { areaCode: '510402', fundId: 'F-SA-2020' });
  await confirmPaymentBatch(tx, actors.checker, { batchId: paidBatch.id });
  // Paid before the bank-file exchange existed: 线下支付 with the bank's (fictional) voucher number.
  await payPaymentBatch(tx, actors.payer, { batchId: paidBatch.id, bankRef: 'YH2021110300001' });
  try {
    await buildPaymentBatch(tx, actors.county.get('510403')!, { areaCode: '510403', fundId: 'F-SA-2020' });
  } catch (e) {
    if (!(e instanceof AppError)) throw e; // nothing approved there for that fund: no draft batch
  }
  // Wave B: published on Friday 2021-11-12, still open on DEMO_TODAY; one area's notice paused by an
  // objection received on DEMO_TODAY and not yet resolved.
  const waveB = byArea(eligible.filter((c) => wave(c) === 'B' && c.id !== r3ExceptionClaimId));
  advanceTo('2021-11-12');
  const waveBNotices: { ids: string[]; id: string }[] = [];
  for (const [area, ids] of waveB) {
    const notice = await publishClaims(tx, reviewerOf(area), {
      areaCode: area,
      title: `${area} 2021 年第三批职业技能提升补贴公示（演示）`,
      startsOn: '2021-11-12',
      claimIds: ids,
    });
    waveBNotices.push({ ids, id: notice.id });
  }
  advanceTo(DEMO_TODAY);
  const toPause = waveBNotices.find((n) => n.ids.length > 1);
  if (toPause)
    await objectToClaim(tx, null, {
      noticeId: toPause.id,
      claimId: toPause.ids[0]!,
      text: '该企业此期培训实际只上了两天课（匿名反映，演示）',
    });
  void apprClaim;
  return { r3ExceptionClaimId };
}
type AfterReviewPublishAndPay = AfterSubmitAndDecideClaims & Awaited<ReturnType<typeof reviewPublishAndPay>>;

/** The latest classes' claims, the planted cases that follow the payments, and their audit labels. */
async function finishPlantedCases(story: AfterReviewPublishAndPay) {
  const { tx, world, reviewerOf, planted, demoTrainees, planTaken, r3Person, claimTwice, providerActor, later, submit, toLevel } = story;
  // The latest classes' claims: submitted now, not yet decided.
  for (const work of later) await work();

  // PLANT-CLAIM-TWICE: a provider claims for another provider's trainee, for the same days.
  const [ctA, ctB] = claimTwice;
  const first = await tx
    .selectFrom('claims')
    .select(['id', 'resident_id'])
    .where('class_id', '=', ctA.id!)
    .where('program', '=', ctA.program)
    .where('status', 'not in', ['rejected', 'withdrawn'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const ctDays = classDays(ctB);
  const second = await submit(providerActor(ctB), {
    program: ctB.program,
    residentId: first.resident_id,
    providerId: ctB.providerId,
    classId: ctB.id!,
    occupationCode: ctB.occupationCode,
    level: toLevel(ctB.level),
    entrepreneurshipType: ctB.entrepreneurshipType,
    projectId: ctB.projectId,
    startDate: ctDays[0]!,
    endDate: ctDays.at(-1)!,
    attendedHours: ctB.sessions * ctB.hoursPerSession,
    attendedDays: ctB.sessions,
    qualified: true,
    certificate: null,
  });
  planted.push({
    id: 'PLANT-CLAIM-TWICE',
    classIds: [ctA.id!, ctB.id!],
    residentIds: [first.resident_id],
    claimIds: [first.id, second],
    note: `${ctB.providerId} 为 ${ctA.providerId} 培训班 ${ctA.id} 的学员 ${first.resident_id} 申领同期（${ctDays[0]} 起）培训补贴（申领 ${second}，原申领 ${first.id}）`,
  });
  // PLANT-PENSION-LATE: a paid trainee's pension entitlement, dated before the class, reported afterwards.
  const paid = await tx
    .selectFrom('claims as c')
    .innerJoin('classes as k', 'k.id', 'c.class_id')
    .select(['c.id', 'c.resident_id', 'c.class_id', 'k.start_date'])
    .where('c.status', '=', 'paid')
    .where(
      'c.class_id',
      'not in',
      [...planTaken].map((x) => x.id!),
    )
    .where('c.resident_id', '!=', r3Person.residentId)
    .orderBy('c.id')
    .executeTakeFirstOrThrow();
  const pensionFrom = addDays(String(paid.start_date).slice(0, 10), -20);
  await recordPersonFact(tx, reviewerOf(world.people.find((p) => p.residentId === paid.resident_id)!.areaCode), paid.resident_id, {
    fact: 'pensionEntitled',
    value: true,
    source: `社会保险系统（演示）：2021-11-10 补报，${pensionFrom} 起按月领取养老金`,
    asOf: pensionFrom,
  });
  planted.push({
    id: 'PLANT-PENSION-LATE',
    classIds: [paid.class_id!],
    residentIds: [paid.resident_id],
    claimIds: [paid.id],
    note: `申领 ${paid.id}（已支付）的学员自 ${pensionFrom} 起按月领取养老金，开班后才由社保系统补报`,
  });

  // What the trainee logins were put on their classes for (see loginClasses): a certificate and a paid claim each.
  for (const residentId of demoTrainees) {
    const paid = await tx
      .selectFrom('payments')
      .innerJoin('claims', 'claims.id', 'payments.claim_id')
      .select('claims.id')
      .where('claims.resident_id', '=', residentId)
      .executeTakeFirst();
    const certificate = await tx.selectFrom('certificates').select('id').where('resident_id', '=', residentId).executeTakeFirst();
    if (!paid || !certificate) throw new Error(`demo: the trainee login of ${residentId} has ${paid ? 'no certificate' : 'no paid claim'}`);
  }

  // Labels for the planted cases, in the audit log.
  for (const p of planted) await appendAudit(tx, { actor: 'demo', action: 'demo.planted', entity: 'demo', entityId: p.id, data: { ...p } });
}

/**
 * The two years, stage by stage. Each stage takes the story so far (what the stages before it produced)
 * and returns what it adds; the order is the story's and fixes every random draw, so reordering stages
 * or the draws inside them changes the demo (test/store/demo-determinism.test.ts compares two seedings,
 * test/store/demo-data.test.ts checks what they hold).
 */
export async function seedDemoActivity(tx: Tx, world: DemoWorld, progress: Say = () => {}): Promise<DemoActivity> {
  const records = await readTheRecords(tx, world, progress);
  const s1 = { ...records, ...(await seedProjects(records)) };
  const s2 = { ...s1, ...planClasses(s1) };
  const s3 = { ...s2, ...fixScenarios(s2) };
  const s4 = { ...s3, ...drawRosters(s3) };
  const s5 = { ...s4, ...(await fileContents(s4)) };
  const s6 = { ...s5, ...(await reviewApplications(s5)) };
  const s7 = { ...s6, ...(await runClasses(s6)) };
  const s8 = { ...s7, ...(await seedApprenticeshipPlans(s7)) };
  const s9 = { ...s8, ...(await submitAndDecideClaims(s8)) };
  const s10 = { ...s9, ...(await reviewPublishAndPay(s9)) };
  // The online course of one running class (§5.4), with its own draws: the story's are untouched.
  s10.planted.push(
    ...(await seedDemoOnline(tx, {
      classes: s10.ordered.map((c) => ({ id: c.id!, status: c.status, program: c.program, provider: s10.providerActor(c) })),
      today: DEMO_TODAY,
    })),
  );
  await finishPlantedCases(s10);
  const { planted, advance, r3ExceptionClaimId } = s10;
  const classes = Object.fromEntries(
    (
      await tx
        .selectFrom('classes')
        .select(['status', ({ fn }) => fn.countAll<number>().as('n')])
        .groupBy('status')
        .orderBy('status')
        .execute()
    ).map((x) => [x.status, Number(x.n)]),
  );
  const claims = Object.fromEntries(
    (
      await tx
        .selectFrom('claims')
        .select(['status', ({ fn }) => fn.countAll<number>().as('n')])
        .groupBy('status')
        .orderBy('status')
        .execute()
    ).map((x) => [x.status, Number(x.n)]),
  );
  return { classes, claims, planted, r3ExceptionClaimId, advanceId: advance.id };
}

const DEMO_BANKS = ['中国工商银行攀枝花分行', '中国农业银行攀枝花分行', '中国建设银行攀枝花分行', '攀枝花农村商业银行'];

/** A fictional social-security card number: 19 digits (6217 99…), its last one the Luhn check digit. */
export function demoCardNumber(n: number): string {
  const body = `621799${String(n).padStart(12, '0')}`;
  for (let d = 0; d < 10; d++) if (luhnValid(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable');
}

/** The funds' payer accounts and the receiving accounts of every payee of an approved claim (docs/bank-payments.md). */
async function seedDemoAccounts(tx: Tx, city: Actor): Promise<void> {
  const funds = await tx.selectFrom('funds').select('id').orderBy('id').execute();
  for (const [i, f] of funds.entries())
    await recordFundAccount(tx, city, f.id, {
      accountName: '攀枝花市就业服务管理局（演示）',
      accountNumber: `5100168000005250${String(i + 1).padStart(4, '0')}`,
      bankName: '中国建设银行攀枝花分行',
    });
  const claims = await tx
    .selectFrom('claims')
    .select(['payee', 'r3_exception_payee', 'resident_id', 'enterprise_uscc', 'provider_id'])
    .where('status', '=', 'approved')
    .orderBy('id')
    .execute();
  const payees = new Map<string, { payee: PayeeKind; ref: string }>();
  for (const c of claims) {
    const payee = (c.payee ?? c.r3_exception_payee) as PayeeKind;
    const ref = payeeRef(payee, c);
    if (ref) payees.set(`${payee}:${ref}`, { payee, ref });
  }
  let n = 0;
  for (const { payee, ref } of [...payees.values()].sort((a, b) => (a.payee + a.ref).localeCompare(b.payee + b.ref))) {
    n++;
    const name =
      payee === 'individual'
        ? (await tx.selectFrom('people').select('name').where('resident_id', '=', ref).executeTakeFirstOrThrow()).name
        : payee === 'enterprise'
          ? (await tx.selectFrom('enterprises').select('name').where('uscc', '=', ref).executeTakeFirstOrThrow()).name
          : (await tx.selectFrom('providers').select('name').where('id', '=', ref).executeTakeFirstOrThrow()).name;
    await recordPayeeAccount(tx, city, {
      payee,
      payeeRef: ref,
      accountName: name,
      bankName: DEMO_BANKS[n % DEMO_BANKS.length]!,
      accountNumber: payee === 'individual' ? demoCardNumber(n) : `5101${String(n).padStart(14, '0')}`,
    });
  }
}
