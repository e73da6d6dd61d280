// Who is acting, and on which slice of the records (DESIGN.md roles; SPEC §5.7 who does what).
import { AppError } from './app-error.ts';

export const ROLES = ['city', 'county', 'department', 'enterprise', 'provider', 'trainee'] as const;
export type Role = (typeof ROLES)[number];

/** The §5.7 departments and the slice each watches. */
export const DEPARTMENTS = {
  emergency: '市应急管理局',
  veterans: '市退役军人事务局',
  civil_affairs: '市民政局',
  disabled_federation: '市残联',
  housing: '市住房和城乡建设局',
  education: '市教育和体育局',
  finance: '市财政局',
  development_reform: '市发展改革委',
} as const;
export type Department = keyof typeof DEPARTMENTS;

export const ROLE_NAMES: Record<Role, string> = {
  city: '市人社局',
  county: '县（区）人社局',
  department: '行业主管部门',
  enterprise: '企业',
  provider: '培训机构',
  trainee: '劳动者',
};

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

/** Resident IDs in full only for the roles whose work needs them; masked elsewhere (510402********0014). */
export function canSeeFullResidentId(actor: Actor | null, residentId: string): boolean {
  if (!actor) return false;
  if (actor.role === 'city' || actor.role === 'county' || actor.role === 'provider' || actor.role === 'enterprise') return true;
  return actor.role === 'trainee' && actor.residentId === residentId;
}

export function maskResidentId(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '****';
}

export function residentIdFor(actor: Actor | null, id: string): string {
  return canSeeFullResidentId(actor, id) ? id : maskResidentId(id);
}
