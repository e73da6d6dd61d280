// Who reads risk findings and scores: the city (all), a county (findings and scores touching its area),
// and the finance bureau (§5.7 funds and their audit: all, with personal data masked). The other
// departments' slices (programs, groups) do not map simply onto findings that span classes, claims
// and providers, so they are not admitted: the city or county shares what concerns them.
import { type Actor, maskResidentId, requireActor, canSeeFullResidentId } from '../access.ts';
import { forbidden } from '../record-scope.ts';

export function requireRiskReader(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (a.role === 'city' || a.role === 'county') return a;
  if (a.role === 'department' && a.department === 'finance') return a;
  throw forbidden(a, '查看风险线索');
}

/** The county an actor is confined to, or null for the whole city. */
export const confinedArea = (a: Actor): string | null => (a.role === 'county' ? a.areaCode ?? '' : null);

const maskName = (name: string): string => (name.length <= 1 ? '*' : `${name[0]}${'*'.repeat(Math.min(name.length - 1, 2))}`);

/** Evidence as the actor may see it: resident IDs and people's names masked for roles that don't need them. */
export function evidenceFor(actor: Actor, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => evidenceFor(actor, v));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const full = typeof o.residentId === 'string' && canSeeFullResidentId(actor, o.residentId);
    return Object.fromEntries(Object.entries(o).map(([k, v]) => {
      if (k === 'residentId' && typeof v === 'string') return [k, full ? v : maskResidentId(v)];
      if (k === 'personName' && typeof v === 'string') return [k, full ? v : maskName(v)];
      return [k, evidenceFor(actor, v)];
    }));
  }
  return value;
}

/** A person's name as published (public sanction list): the surname only. */
export const publicName = maskName;
