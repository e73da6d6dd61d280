// Who is acting, and on which slice of the records (DESIGN.md roles; SPEC §5.7 who does what).
import { residentIdCheckChar } from '../policy/identifiers.ts';
import { AppError } from './app-error.ts';
import type { Department, Role } from '../vocabulary/roles.ts';
import { ROLE_NAMES } from '../vocabulary/roles.ts';

export type { Department, Role } from '../vocabulary/roles.ts';

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  areaCode: string | null;
  department: Department | null;
  enterpriseUscc: string | null;
  providerId: string | null;
  residentId: string | null;
  /** An evaluation body's login (role 'evaluator'): the certificate issuer it acts for. */
  issuerId?: string | null;
}

/** What the audit log records as the actor. */
export function actorLabel(actor: Actor | null): string {
  return actor ? `${actor.role}:${actor.username}` : 'public';
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthenticated', '请先登录');
  return actor;
}

export function requireRole(actor: Actor | null, ...roles: Role[]): Actor {
  const a = requireActor(actor);
  if (!roles.includes(a.role)) throw new AppError('forbidden', `${ROLE_NAMES[a.role]}无权进行此操作`);
  return a;
}

// ---------------------------------------------------------------------------------------------
// Personal data: ONE rule, here. Every route's JSON passes through maskPersonalData (api/app.ts, a
// preSerialization hook), and the services' own views call the same functions.
//
//   role          resident ID and name of a person it is shown
//   city, county  in full (their scope already confines a county to its area)
//   provider      in full: it only ever sees people through a relationship the office accepted
//   enterprise    (person-scope.ts, class-scope.ts: approved rosters, listed plans, the person's own
//                 claim), and an enterprise only its own employees' lines of a roster
//   evaluator     in full: an evaluation body sees only the holders of the certificates it issued
//                 itself (list-registry-certificates.ts), people it wrote into the registry
//   trainee       in full for themself; nobody else
//   department    masked (510402********0014, 张**): §5.7 slices read figures and flag cases, they do
//                 not need to identify people; the HR office does that
//   public        masked
//
//   Payees' bank and social-security card account numbers: masked for EVERY role, the office's too
//   (6217********1234: the first and last four digits, enough to tell two accounts apart and for the
//   payee to recognise theirs). The number in full is read only by the separate, audited act of
//   revealing it (payments/payee-accounts.ts) and in the bank's payment file.
// ---------------------------------------------------------------------------------------------

/** Whether the actor is shown this person's resident ID and name in full (the table above). */
export function canSeeFullResidentId(actor: Actor | null, residentId: string): boolean {
  if (!actor) return false;
  if (
    actor.role === 'city' ||
    actor.role === 'county' ||
    actor.role === 'provider' ||
    actor.role === 'enterprise' ||
    actor.role === 'evaluator'
  )
    return true;
  return actor.role === 'trainee' && actor.residentId === residentId;
}

const FULL_ID = /^\d{17}[\dX]$/;
const ID_IN_TEXT = /(?<![\dA-Za-z])\d{17}[\dX](?![\dA-Za-z])/g;

export function maskResidentId(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '****';
}

/** 6217000012345678901 → 6217***********8901: an account number as every screen and list shows it. */
export function maskAccountNumber(digits: string): string {
  return digits.length <= 8
    ? '*'.repeat(Math.max(4, digits.length))
    : `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}

/** 张三丰 → 张**: only the surname is shown (also the public notices' and sanction list's rule). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '*';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

export function residentIdFor(actor: Actor | null, id: string): string {
  return !FULL_ID.test(id) || canSeeFullResidentId(actor, id) ? id : maskResidentId(id);
}

/** A person's name as the actor may see it: in full where the ID is, masked where the ID is masked. */
export function personNameFor(actor: Actor | null, residentId: string, name: string): string {
  return FULL_ID.test(residentId) && canSeeFullResidentId(actor, residentId) ? name : maskName(name);
}

/** Keys that hold a person's name when the same object holds their `residentId`. */
const NAME_KEYS = new Set(['name', 'personName', 'traineeName']);

/**
 * Any response as the actor may see it: every `residentId` (and the name beside it) and every resident
 * ID written inside a text passed through the rule above. Idempotent: masked values stay as they are.
 */
export function maskPersonalData<T>(actor: Actor | null, value: T): T {
  if (actor?.role === 'city') return value;
  return walk(actor, value) as T;
}

function walk(actor: Actor | null, value: unknown): unknown {
  // In a text, an 18-character run is a resident ID when its check character says so (GB 11643).
  if (typeof value === 'string')
    return value.replace(ID_IN_TEXT, (id) => (residentIdCheckChar(id.slice(0, 17)) === id[17] ? residentIdFor(actor, id) : id));
  if (Array.isArray(value)) return value.map((v) => walk(actor, v));
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof Uint8Array) return value;
  const o = value as Record<string, unknown>;
  const id = typeof o.residentId === 'string' ? o.residentId : null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (id !== null && k === 'residentId') out[k] = residentIdFor(actor, id);
    else if (id !== null && NAME_KEYS.has(k) && typeof v === 'string')
      out[k] = FULL_ID.test(id) ? personNameFor(actor, id, v) : maskName(v);
    else if (/uscc/i.test(k))
      out[k] = v; // enterprise codes are not personal data
    else if (k === 'accountNumber')
      out[k] = v; // an account number has its own rule above: masked by the use cases, in full only by the audited reveal
    else out[k] = walk(actor, v);
  }
  return out;
}
