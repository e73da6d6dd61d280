// Every fraud-risk rule (§5.2/§5.3), in the order a scan runs them. One file per rule.
import { certificateReuse } from './certificate-reuse.ts';
import { copiedRoster } from './copied-roster.ts';
import { excessDailyHours } from './excess-daily-hours.ts';
import { excessDailyStudy } from './excess-daily-study.ts';
import { onlineDuringSession } from './online-during-session.ts';
import { sharedOnlineDevice } from './shared-online-device.ts';
import { overlappingAttendance } from './overlapping-attendance.ts';
import { overlappingClaims } from './overlapping-claims.ts';
import { pensionTrainee } from './pension-trainee.ts';
import { preJobLongEmployed } from './pre-job-long-employed.ts';
import type { RiskRule } from './rule-kit.ts';
import { sameMinuteSignin } from './same-minute-signin.ts';
import { shortCourse } from './short-course.ts';
import { manualMarksShare } from './manual-marks-share.ts';
import { sharedSigninDevice } from './shared-signin-device.ts';
import { signinOutsideWindow } from './signin-outside-window.ts';
import { signinTwoClasses } from './signin-two-classes.ts';
import { studentInTerm } from './student-in-term.ts';
import { teacherDoubleBooked } from './teacher-double-booked.ts';
import { venueDoubleBooked } from './venue-double-booked.ts';

export const RISK_RULES: readonly RiskRule[] = [
  overlappingAttendance,
  overlappingClaims,
  pensionTrainee,
  studentInTerm,
  copiedRoster,
  teacherDoubleBooked,
  venueDoubleBooked,
  sameMinuteSignin,
  signinOutsideWindow,
  sharedSigninDevice,
  signinTwoClasses,
  manualMarksShare,
  excessDailyHours,
  onlineDuringSession,
  excessDailyStudy,
  sharedOnlineDevice,
  shortCourse,
  certificateReuse,
  preJobLongEmployed,
];
