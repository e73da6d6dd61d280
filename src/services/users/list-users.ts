// The users and their roles (city only): filtered by role, area, department, active, and a name search.
import type { Tx } from '../../store/audit-log.ts';
import { requireRole, type Actor } from '../access.ts';
import { readPage, type Page, type PageQuery } from '../paging.ts';
import { userView, type UserView } from './user-view.ts';

export const USER_SORTS = { username: 'username', displayName: 'display_name', role: 'role', createdAt: 'created_at' } as const;

export interface ListUsersInput extends PageQuery<keyof typeof USER_SORTS> {
  role?: string;
  areaCode?: string;
  department?: string;
  active?: 'true' | 'false';
  q?: string;
}

export async function listUsers(tx: Tx, actor: Actor | null, input: ListUsersInput): Promise<Page<UserView>> {
  requireRole(actor, 'city');
  let q = tx.selectFrom('users').selectAll();
  if (input.role) q = q.where('role', '=', input.role);
  if (input.areaCode) q = q.where('area_code', '=', input.areaCode);
  if (input.department) q = q.where('department', '=', input.department);
  if (input.active) q = q.where('active', '=', input.active === 'true');
  if (input.q) {
    const like = `%${input.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('username', 'like', like), eb('display_name', 'like', like)]));
  }
  const page = await readPage(q, input, USER_SORTS, 'username', 'id');
  return { ...page, items: page.items.map(userView) };
}
