// The city sets a new password for a login (scrypt-hashed); the user's open sessions end. The audit
// entry records who reset whose password, never the password.
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import { actorLabel, requireRole, type Actor } from '../access.ts';
import { AppError } from '../app-error.ts';
import { hashPassword } from '../auth/passwords.ts';
import { clearLoginThrottle } from '../auth/sessions.ts';
import { notFound } from '../record-scope.ts';
import { passwordProblem } from './create-user.ts';
import { userView, type UserView } from './user-view.ts';

export async function resetUserPassword(tx: Tx, actor: Actor | null, id: string, input: { password: string }): Promise<UserView> {
  const a = requireRole(actor, 'city');
  const user = await tx.selectFrom('users').select(['id', 'username', 'display_name']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!user) throw notFound('用户', id);
  const problem = await passwordProblem(input.password, [user.username, user.display_name]);
  if (problem) throw new AppError('invalid_input', problem, 'password');
  const by = actorLabel(a);
  const row = await tx
    .updateTable('users')
    .set({ password_hash: await hashPassword(input.password), updated_by: by, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
  await tx.deleteFrom('login_attempts').where('username', '=', user.username).where('ok', '=', false).execute();
  await clearLoginThrottle(tx, user.username);
  await appendAudit(tx, { actor: by, action: 'user.reset_password', entity: 'user', entityId: id, data: { username: user.username } });
  return userView(row);
}
