// The HR offices' slice of the review screens' records (notices, payment batches): the city all, a
// county its own area. A record outside it is "not found" (its existence does not leak).
import { requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';

export const requireOffice = (actor: Actor | null): Actor => requireRole(actor, 'city', 'county');

/** The area a county is confined to, or null for the city. */
export const officeArea = (a: Actor): string | null => (a.role === 'county' ? (a.areaCode ?? '') : null);

export function requireInArea(a: Actor, areaCode: string, what: string, _id: string): void {
  const area = officeArea(a);
  if (area !== null && area !== areaCode) throw new AppError('not_found', `没有找到这个${what}`, 'id');
}
