// The shapes the API returns (see /api/docs). Types shared with the server are imported type-only,
// so the bundle holds no server code; the API tests pin the server side of each shape.

export type { Role } from '../../src/vocabulary/roles.ts';
import type { TClaim } from '../../src/api/routes/claims.types.ts';
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

/** A claim as the API sends it (the route's schema); the stored trace is the engine's own type. */
export type Claim = Omit<TClaim, 'trace'> & { trace?: Trace | null };

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
