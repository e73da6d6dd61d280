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
export interface AttendanceMark {
  sessionId: number;
  residentId: string;
  present: boolean;
  method: string | null;
  manual: boolean;
  reason: string | null;
  reasonNote: string | null;
  signedAt: string | null;
  signedOutAt: string | null;
  enteredAt: string;
  hours: number;
}
export interface RowIssue {
  row: number;
  column: string;
  message: string;
  text: string;
}
export interface ProviderPayment {
  id: number;
  claimId: string;
  claimNumber: string;
  classId: string | null;
  program: string;
  residentId: string;
  payee: string;
  payeeRef: string | null;
  amountFen: number;
  batchId: string;
  batchNumber: string;
  paidAt: string;
}
