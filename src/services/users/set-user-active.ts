// The city disables a login (its sessions end at once) or enables it again; never its own.
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { notFound } from '../record-scope.ts';
import { userView, type UserView } from './user-view.ts';

export async function setUserActive(
  tx: Tx,
  actor: Actor | null,
  id: string,
  input: { active: boolean; reason: string },
): Promise<UserView> {
  const a = requireRole(actor, 'city');
  const user = await tx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!user) throw notFound('用户', id);
  if (user.id === a.userId && !input.active) throw new AppError('invalid_transition', '不能停用自己的账号', 'active');
  if (user.active === input.active) throw new AppError('invalid_transition', `账号已是“${input.active ? '启用' : '停用'}”状态`, 'active');
  const by = actorLabel(a);
  const row = await tx
    .updateTable('users')
    .set({ active: input.active, updated_by: by, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (!input.active) await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
  await appendAudit(tx, {
    actor: by,
    action: input.active ? 'user.enable' : 'user.disable',
    entity: 'user',
    entityId: id,
    data: { username: user.username, from: user.active, to: input.active, reason: input.reason },
  });
  return userView(row);
}
