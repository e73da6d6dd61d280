// Who reads risk findings and scores: the city (all), a county (findings and scores touching its area),
// and the finance bureau (§5.7 funds and their audit: all, with personal data masked). The other
// departments' slices (programs, groups) do not map simply onto findings that span classes, claims
// and providers, so they are not admitted: the city or county shares what concerns them.
import { type Actor, maskName, maskPersonalData, requireActor } from '../access.ts';
import { forbidden } from '../record-scope.ts';

export function requireRiskReader(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (a.role === 'city' || a.role === 'county') return a;
  if (a.role === 'department' && a.department === 'finance') return a;
  throw forbidden(a, '查看风险线索');
}

/** The county an actor is confined to, or null for the whole city. */
export const confinedArea = (a: Actor): string | null => (a.role === 'county' ? (a.areaCode ?? '') : null);

/** Evidence as the actor may see it: resident IDs and people's names by the one rule (access.ts). */
export function evidenceFor(actor: Actor, value: unknown): unknown {
  return maskPersonalData(actor, value);
}

/** A person's name as published (public sanction list): the surname only. */
export const publicName = maskName;
