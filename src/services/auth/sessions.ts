// Sessions live in the database: the cookie holds a random token, the table only its hash.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../store/database.ts';
import type { Actor, Department, Role } from '../access.ts';
import { AppError } from '../app-error.ts';
import { verifyPassword } from './passwords.ts';

const SESSION_HOURS = 12;
/** Failed logins allowed per user name within the window before further attempts are refused. */
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MINUTES = 15;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function logIn(db: Db, username: string, password: string, ip: string): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const since = new Date(Date.now() - FAILURE_WINDOW_MINUTES * 60_000);
  const failures = await db
    .selectFrom('login_attempts')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('username', '=', username)
    .where('ok', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(failures.n) >= MAX_FAILURES) {
    throw new AppError('rate_limited', `登录失败次数过多，请${FAILURE_WINDOW_MINUTES}分钟后再试`);
  }
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const ok = user !== undefined && user.active && (await verifyPassword(password, user.password_hash));
  await db.insertInto('login_attempts').values({ username, ip, ok }).execute();
  if (!ok || !user) throw new AppError('unauthenticated', '用户名或密码错误');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  await db.insertInto('sessions').values({ token_hash: hashToken(token), user_id: user.id, expires_at: expiresAt }).execute();
  return { token, actor: toActor(user), expiresAt };
}

export async function logOut(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function actorForToken(db: Db, token: string | undefined): Promise<Actor | null> {
  if (!token) return null;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', new Date())
    .where('users.active', '=', true)
    .executeTakeFirst();
  return row ? toActor(row) : null;
}

function toActor(u: {
  id: string; username: string; display_name: string; role: string; area_code: string | null; department: string | null;
  enterprise_uscc: string | null; provider_id: string | null; resident_id: string | null;
}): Actor {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    areaCode: u.area_code,
    department: u.department as Department | null,
    enterpriseUscc: u.enterprise_uscc,
    providerId: u.provider_id,
    residentId: u.resident_id,
  };
}
