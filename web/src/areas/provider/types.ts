// The shapes of the class API the provider's screens read (see /api/docs: /classes, /provider-payments).
export interface ClassSummary {
  id: string;
  number: string;
  providerId: string;
  providerName: string | null;
  enterpriseUscc: string | null;
  enterpriseName: string | null;
  occupationName: string | null;
  program: string;
  areaCode: string;
  occupationCode: string | null;
  level: string | null;
  startDate: string;
  endDate: string;
  status: string;
  trainees: number;
}
export interface Problem {
  rule: string;
  clause: string;
  severity: 'blocking' | 'warning';
  message: string;
}
export interface OpeningReview {
  blocking: boolean;
  classProblems: Problem[];
  trainees: { residentId: string; name: string; problems: Problem[] }[];
}
export interface ClassTrainee {
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
export interface ClassSession {
  id: number;
  day: string;
  startsAt: string;
  endsAt: string;
  hours: number;
}
export interface ClassDetail {
  id: string;
  number: string;
  providerId: string;
  providerName: string | null;
  enterpriseName: string | null;
  projectName: string | null;
  filingNumber: string | null;
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
  teachers: { name: string; qualification?: string | null }[] | null;
  status: string;
  reviewNote: string | null;
  reviewProblems: OpeningReview | null;
  trainees: ClassTrainee[];
  sessions: ClassSession[];
  certificates: { id: number; type: string; number: string; residentId: string; issuedOn: string }[];
  createdBy: string;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string | null;
}
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
