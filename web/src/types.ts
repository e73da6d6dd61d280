// The shapes the API returns (see /api/docs). Types shared with the server are imported type-only,
// so the bundle holds no server code; the API tests pin the server side of each shape.

export type { Role } from '../../src/vocabulary/roles.ts';
import type { TClaim } from '../../src/api/routes/claims.types.ts';
import type { TSessionUser } from '../../src/api/routes/auth.types.ts';
import type { TCatalogEntry } from '../../src/api/routes/catalog.types.ts';
import type { TProviderView } from '../../src/api/routes/providers.types.ts';
import type { TNoticeView } from '../../src/api/routes/publicity.types.ts';

/** The signed-in user (GET /auth/session, /auth/me). */
export type Me = TSessionUser;

// The decision trace is the engine's own type (type-only imports: erased from the bundle).
export type { FactRead, Step as TraceStep, Trace } from '../../src/policy/engine/decision.ts';
import type { Trace } from '../../src/policy/engine/decision.ts';
export type { ParameterRead } from '../../src/policy/policy-package.ts';

/** A claim as the API sends it (the route's schema); the stored trace is the engine's own type. */
export type Claim = Omit<TClaim, 'trace'> & { trace?: Trace | null };

export type CatalogEntry = TCatalogEntry;
export type Provider = TProviderView;
export type PublicityNotice = TNoticeView;

/** A schema's type as it arrives in JSON: a `z.date()` field is serialized as its ISO string. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer I)[]
    ? Wire<I>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
