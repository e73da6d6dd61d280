// The shapes of the class API the provider's screens read (see /api/docs: /classes, /provider-payments).
export type {
  TClassSummary as ClassSummary,
  TProblem as Problem,
  TOpeningReview as OpeningReview,
  TClassTrainee as ClassTrainee,
  TClassView as ClassDetail,
} from '../../../../src/api/routes/classes.types.ts';
import type { TClassView } from '../../../../src/api/routes/classes.types.ts';
export type ClassSession = TClassView['sessions'][number];
export type {
  TAttendanceMark as AttendanceMark,
  TProviderPayment as ProviderPayment,
  TRowIssue as RowIssue,
} from '../../../../src/api/routes/class-files.types.ts';
