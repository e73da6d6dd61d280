// The shapes the API returns (see /api/docs). Kept here, not imported from the server, so the bundle
// holds no server code; the API tests pin the server side of each shape.

export type Role = 'city' | 'county' | 'department' | 'enterprise' | 'provider' | 'trainee';

export interface Me {
  username: string;
  displayName: string;
  role: Role;
  areaCode: string | null;
  department: string | null;
  enterpriseUscc: string | null;
  providerId: string | null;
  residentId: string | null;
}

export interface FactRead {
  path: string;
  value: unknown;
}

export interface ParameterRead {
  name: string;
  value: unknown;
  clause: string;
  from: string;
  to: string | null;
}

export interface TraceStep {
  rule: string;
  clause: string;
  result: 'pass' | 'fail' | 'unknown' | 'info';
  reason: string;
  missing?: string[];
  facts?: FactRead[];
  parameters?: ParameterRead[];
}

export interface Trace {
  policyPackage: string | null;
  governingDate: string;
  steps: TraceStep[];
}

export interface Claim {
  id: string;
  program: string;
  applicant: string;
  status: string;
  areaCode: string;
  residentId: string;
  enterpriseUscc: string | null;
  providerId: string | null;
  classId: string | null;
  occupationCode: string | null;
  level: string | null;
  startDate: string;
  endDate: string;
  outcome: string | null;
  amountFen: number | null;
  payee: string | null;
  citations: string[];
  reasons: string[];
  missing: string[];
  policyPackageId: string | null;
  decidedAt: string | null;
  fundSource: string | null;
  r3Exception: { reason: string; by: string | null; at: string | null; amountFen: number | null; payee: string | null } | null;
  trace?: Trace | null;
}

export interface CatalogEntry {
  id: number;
  section: string;
  code: string;
  name: string;
  level: string;
  levelName: string;
  baseStandardFen: number;
  industry: string;
  upliftRate: number;
  effectiveStandardFen: number;
  appraisalStandardFen: number | null;
  hours: number | null;
  edition: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export interface ProviderScope {
  id: number;
  program: string;
  occupationCode: string | null;
  level: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface Provider {
  id: string;
  name: string;
  kind: string;
  uscc: string | null;
  areaCode: string;
  status: string;
  entrepreneurshipQualified: boolean;
  scopes: ProviderScope[];
}

export interface PublicityNotice {
  id: string;
  areaCode: string;
  title: string;
  startsOn: string;
  workingDays: number;
  endsOn: string;
  status: string;
  claims: number;
}
