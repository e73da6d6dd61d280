// The shapes the API returns (see /api/docs). Types shared with the server are imported type-only,
// so the bundle holds no server code; the API tests pin the server side of each shape.

export type { Role } from '../../src/vocabulary/roles.ts';
import type { ClaimPageAct } from '../../src/services/claims/claim-states.ts';
import type { Role } from '../../src/vocabulary/roles.ts';

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

// The decision trace is the engine's own type (type-only imports: erased from the bundle).
export type { FactRead, Step as TraceStep, Trace } from '../../src/policy/engine/decision.ts';
import type { Trace } from '../../src/policy/engine/decision.ts';
export type { ParameterRead } from '../../src/policy/policy-package.ts';

export interface Claim {
  id: string;
  /** The claim's number as users know it (SQ-2021-510422-000123). */
  number: string;
  /** Names beside the codes (null where not on record); the trainee's masked as the resident ID is. */
  traineeName: string | null;
  providerName: string | null;
  enterpriseName: string | null;
  classNumber: string | null;
  occupationName: string | null;
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
  /** The bank's refusal of its last payment (the claim is payable again): docs/bank-payments.md. */
  bankFailure?: { reason: string; batchNumber: string; at: string | null } | null;
  trace?: Trace | null;
  /** On the claim's own page: what the viewer may do now (the server's rules). */
  allowedActs?: ClaimPageAct[];
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
  number?: string;
  areaCode: string;
  title: string;
  startsOn: string;
  workingDays: number;
  endsOn: string;
  status: string;
  claims: number;
}
