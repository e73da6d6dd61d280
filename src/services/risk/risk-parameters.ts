// The fraud-risk parameters (§5.2 虚假培训/缩水培训, §5.3 过程监督), as dated data in ONE place: every
// threshold, weight and calendar the risk rules read, each with where it comes from. A rule never
// holds a literal of its own. The plan names no figures for these; they are the city bureau's
// working settings (the plan's interpreter, §end), dated so a later change is a new version, not an edit.

export interface RiskParameters {
  /** Version recorded on every scan, so a finding can be read against the settings that produced it. */
  version: string;
  effectiveFrom: string;
  /** copied_roster: Jaccard overlap of two rosters at or above which one is "largely copied" (审计常见：冒名、套用名单). */
  rosterJaccard: number;
  /** copied_roster: both rosters must have at least this many trainees (small classes share people by chance). */
  rosterMinTrainees: number;
  /** same_minute_signin: a session whose every QR sign-in falls within this many seconds is implausible. */
  signInSpreadSeconds: number;
  /** same_minute_signin: only sessions with at least this many timed sign-ins are judged. */
  signInMinSigners: number;
  /** manual_marks_share: a class or provider whose manual marks exceed this share of its presences (§5.3). */
  manualShareMax: number;
  /** manual_marks_share: only classes (providers) with at least this many presences are judged. */
  manualShareMinMarks: number;
  /** signin_outside_window: a QR sign-in earlier than this many minutes before the session starts is out of it. */
  signInEarlyMinutes: number;
  /** shared_signin_device: one device signing in this many different people to one session. */
  sharedDeviceMinPeople: number;
  /** excess_daily_hours, excess_daily_study: more hours than this on one day is not possible to attend (8 h working day + 2 h). */
  maxHoursPerDay: number;
  /** shared_online_device: one device studying online as this many different people. */
  sharedOnlineDeviceMinPeople: number;
  /** short_course: class hours below this share of the catalog entry's hours are 缩水培训 (SPEC §4.0 Decision). */
  catalogHoursShare: number;
  /** pre_job_long_employed: evidence of employment by the same enterprise this many months or more before the start. */
  preJobEmployedMonths: number;
  /** Inspection sampling (过程监督): probability = base + (max − base) × score / 100. */
  sampleBaseProbability: number;
  sampleMaxProbability: number;
  /** Third-party evaluation (§5.3): a score below this fails, and the provider loses its listing. */
  evaluationPassScore: number;
}

export const RISK_PARAMETERS: RiskParameters = {
  // risk-2020.2 (2026-12-06): rules read attendance as it happened — QR sign-ins' real times, manual
  // marks by their share (docs/attendance.md); signin_off_day, which read the entry time, retired.
  // risk-2020.3 (2026-12-06): online study time (§5.4) read too — online_during_session, excess_daily_study,
  // shared_online_device (docs/online-learning.md).
  version: 'risk-2020.3',
  effectiveFrom: '2020-01-14', // the plan's issue date (SPEC §end)
  rosterJaccard: 0.8, // "a roster largely copied" read as ≥ 80% Jaccard overlap
  rosterMinTrainees: 10, // classes of ≥ 10 trainees
  signInSpreadSeconds: 60, // "everyone signing in the same minute"
  signInMinSigners: 5, // below 5 people, one minute is ordinary (a small group arrives together)
  manualShareMax: 0.3, // a phone left at home or a dead battery is an exception; nearly a third of a class is a pattern
  manualShareMinMarks: 20, // fewer presences than that (a few people, a few sessions) say nothing about a share
  signInEarlyMinutes: 60, // arriving an hour early happens; a sign-in hours before the session does not prove the session
  sharedDeviceMinPeople: 2, // a phone signs in its owner: a second person on the same phone is someone signing for another
  maxHoursPerDay: 10, // > 10 hours of sessions on one day
  sharedOnlineDeviceMinPeople: 3, // a household may share one computer (two people); a device studying for three or more is a pattern
  catalogHoursShare: 0.5, // < 50% of the catalog hours in force on the start date
  preJobEmployedMonths: 12, // §4.4 trains "newly hired" staff; employed ≥ 12 months earlier is not new
  sampleBaseProbability: 0.05, // every class has a floor chance of a visit (随机抽查)
  sampleMaxProbability: 0.9, // a class at score 100 is almost surely visited
  evaluationPassScore: 60, // the usual pass mark of a 100-point evaluation (合格线)
};

/**
 * Term time of full-time colleges (the in_school_student rule): spring 3/1–6/30 and autumn 9/1–1/15,
 * the usual Sichuan college calendar, as dated periods. 2020's spring term ran online (疫情) but was
 * still term time: a student was enrolled and taught, not free to be an enterprise employee.
 */
export const TERM_PERIODS: readonly { from: string; to: string; name: string }[] = [
  { from: '2019-09-01', to: '2020-01-15', name: '2019—2020 学年第一学期' },
  { from: '2020-03-01', to: '2020-06-30', name: '2019—2020 学年第二学期' },
  { from: '2020-09-01', to: '2021-01-15', name: '2020—2021 学年第一学期' },
  { from: '2021-03-01', to: '2021-06-30', name: '2020—2021 学年第二学期' },
  { from: '2021-09-01', to: '2022-01-15', name: '2021—2022 学年第一学期' },
];

/**
 * Weight of each rule in a risk score (0–100). A subject's score is the sum of the weights of the
 * distinct rules that name it, capped at 100: one rule firing many times is one signal, two rules
 * are two. Heavier: rules that are near-proof of fake training (two places at once, reused
 * certificates); lighter: signals with innocent explanations (a short course, an off-day sign-in).
 */
export const RULE_WEIGHTS: Record<string, number> = {
  overlapping_attendance: 35,
  overlapping_claims: 35,
  pension_trainee: 40,
  student_in_term: 25,
  copied_roster: 40,
  teacher_double_booked: 25,
  venue_double_booked: 20,
  same_minute_signin: 30,
  signin_outside_window: 20,
  manual_marks_share: 20,
  shared_signin_device: 35,
  signin_two_classes: 35,
  excess_daily_hours: 25,
  online_during_session: 35,
  excess_daily_study: 30,
  shared_online_device: 30,
  short_course: 30,
  certificate_reuse: 45,
  pre_job_long_employed: 30,
};

/**
 * Risk levels for the screens and filters: a finding's level from its rule's weight, a subject's from
 * its score. Working settings of the city bureau like the weights (no figures in the plan).
 */
export const RISK_LEVELS = {
  /** Finding weight: high ≥ 40 (near-proof of fake training), medium ≥ 25, low below. */
  findingWeight: { high: 40, medium: 25 },
  /** Subject score (0–100): high ≥ 60 (two strong rules), medium ≥ 30, low below. */
  score: { high: 60, medium: 30 },
} as const;
export type RiskLevel = 'high' | 'medium' | 'low';
export const RISK_LEVEL_NAMES: Record<RiskLevel, string> = { high: '高', medium: '中', low: '低' };
/** [min, max) of a level on a scale (max null: no upper bound). */
export function levelRange(scale: { high: number; medium: number }, level: RiskLevel): [number, number | null] {
  return level === 'high' ? [scale.high, null] : level === 'medium' ? [scale.medium, scale.high] : [0, scale.medium];
}

/** Claim statuses that no longer count (a rejected or withdrawn claim cannot be fraud money). */
export const DEAD_CLAIM_STATUSES = ['rejected', 'withdrawn'] as const;
/** Class statuses that are only applications (never ran): rules read classes from approval on. */
export const LIVE_CLASS_STATUSES = ['approved', 'running', 'assessed', 'closed'] as const;
/** Programs trained in classes whose trainees are enterprise employees (R11), for student_in_term. */
export const EMPLOYEE_CLASS_PROGRAMS = ['skill_upgrade', 'short_term', 'pre_job', 'transfer', 'safety'] as const;
