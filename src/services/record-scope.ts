// Which records an actor may see or change (DESIGN.md roles; SPEC §5.7 who does what). A record
// outside the actor's slice is reported as not found, so its existence does not leak (404, not 403).
import type { Actor } from './access.ts';
import { ROLE_NAMES } from '../vocabulary/roles.ts';
import { AppError } from './app-error.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names the code users know (a USCC, a provider's code); an internal id (a UUID) is never shown. */
export function notFound(what: string, id: string): AppError {
  return new AppError('not_found', UUID.test(id) ? `没有找到这个${what}，或它不在您的办理范围内` : `没有找到${what}：${id}`);
}

/** Area-scoped roles: the city sees every area, a county only its own. */
export function coversArea(actor: Actor, areaCode: string): boolean {
  if (actor.role === 'city') return true;
  return actor.role === 'county' && actor.areaCode === areaCode;
}

/** Refuses a write by a role that only reads (departments, §5.7) or has no part in it. */
export function forbidden(actor: Actor, what: string): AppError {
  return new AppError('forbidden', `${ROLE_NAMES[actor.role]}无权${what}`);
}

/** County users may act only in their own area: a county user naming another area is refused. */
export function requireOwnArea(actor: Actor, areaCode: string, field: string): void {
  if (actor.role === 'county' && actor.areaCode !== areaCode) {
    throw new AppError('forbidden', `只能在本县（区）范围内登记（${actor.areaCode ?? '未设置辖区'}）`, field);
  }
}
