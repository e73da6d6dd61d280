// Sessions live in the database: the cookie holds a random token, the table only its hash.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { appendAudit, type Tx } from '../../store/audit-log.ts';
import type { Db } from '../../store/database.ts';
import { inTransaction } from '../../store/transaction.ts';
import { actorLabel, type Actor, type Department, type Role } from '../access.ts';
import { AppError } from '../app-error.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

const SESSION_HOURS = 12;

/**
 * Login throttling. Every attempt is counted BEFORE its password is checked, in one statement over
 * three counters, so parallel guesses are each counted and only the first few are ever checked:
 *  - per user name from one address: after PAIR_LIMIT attempts in the window that address is refused
 *    for that user (the owner, from anywhere else, is not);
 *  - per source address, all user names: ADDRESS_LIMIT attempts, then the address is refused;
 *  - per user name from every address: past USER_SLOWDOWN_AFTER, each answer for that user is slowed
 *    (doubling, at most MAX_DELAY_MS) — a spread-out guesser is slowed, the owner still gets in.
 * A successful login gives its attempt back. Counters live in login_throttle, one row per key.
 */
export const THROTTLE = {
  windowMinutes: 15,
  pairLimit: 5,
  addressLimit: 30,
  userSlowdownAfter: 5,
  firstDelayMs: 200,
  maxDelayMs: 3000,
} as const;

/** The slowdown for a user name that has had `attempts` attempts in the window. */
export function loginDelayMs(attempts: number): number {
  const over = attempts - THROTTLE.userSlowdownAfter;
  return over <= 0 ? 0 : Math.min(THROTTLE.firstDelayMs * 2 ** (over - 1), THROTTLE.maxDelayMs);
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A hash no password matches, checked when the user does not exist, so both answers take one scrypt. */
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(24).toString('base64')));

interface Counted {
  addr: number;
  user: number;
  pair: number;
  windowStarted: Date;
}

/** Adds this attempt to the three counters in one statement (a new window when the last one is over). */
async function countAttempt(db: Db, username: string, ip: string): Promise<Counted> {
  const keys = { addr: `addr:${ip}`, user: `user:${username}`, pair: `pair:${ip}|${username}` };
  const window = sql.raw(`interval '${THROTTLE.windowMinutes} minutes'`);
  const { rows } = await sql<{ key: string; failures: number; window_started: Date }>`
    insert into login_throttle (key, failures, window_started)
    values (${keys.addr}, 1, now()), (${keys.user}, 1, now()), (${keys.pair}, 1, now())
    on conflict (key) do update set
      failures = case when login_throttle.window_started < now() - ${window} then 1 else login_throttle.failures + 1 end,
      window_started = case when login_throttle.window_started < now() - ${window} then now() else login_throttle.window_started end
    returning key, failures, window_started`.execute(db);
  const of = (key: string) => rows.find((r) => r.key === key)!;
  return {
    addr: Number(of(keys.addr).failures),
    user: Number(of(keys.user).failures),
    pair: Number(of(keys.pair).failures),
    windowStarted: new Date(of(keys.pair).window_started),
  };
}

/** A successful login gives its attempt back: the pair starts afresh, the address and user counters lose one. */
async function giveBack(tx: Tx, username: string, ip: string): Promise<void> {
  await tx.deleteFrom('login_throttle').where('key', '=', `pair:${ip}|${username}`).execute();
  await tx
    .updateTable('login_throttle')
    .set({ failures: sql`greatest(failures - 1, 0)` })
    .where('key', 'in', [`addr:${ip}`, `user:${username}`])
    .execute();
}

/** The user's throttle counters cleared (the city reset the password). */
export async function clearLoginThrottle(tx: Tx, username: string): Promise<void> {
  await tx
    .deleteFrom('login_throttle')
    .where((eb) => eb.or([eb('key', '=', `user:${username}`), eb('key', 'like', `pair:%|${username.replace(/[%_\\]/g, '\\$&')}`)]))
    .execute();
}

export async function logIn(
  db: Db,
  username: string,
  password: string,
  ip: string,
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const counted = await countAttempt(db, username, ip);
  if (counted.pair > THROTTLE.pairLimit || counted.addr > THROTTLE.addressLimit) {
    await db.insertInto('login_attempts').values({ username, ip, ok: false }).execute();
    const left = Math.max(1, Math.ceil((counted.windowStarted.getTime() + THROTTLE.windowMinutes * 60_000 - Date.now()) / 60_000));
    throw new AppError(
      'rate_limited',
      counted.pair > THROTTLE.pairLimit
        ? `登录失败次数过多，请${left}分钟后再试`
        : `该地址登录尝试过于频繁，请${THROTTLE.windowMinutes}分钟后再试`,
    );
  }
  await sleep(loginDelayMs(counted.user));
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  // One scrypt whether or not the user exists (a dummy hash otherwise): the timing does not tell.
  const matches = await verifyPassword(password, user?.password_hash ?? (await dummy()));
  const ok = user !== undefined && user.active && matches;
  return inTransaction(db, async (tx) => {
    await tx.insertInto('login_attempts').values({ username, ip, ok }).execute();
    if (!ok || !user) {
      await appendAudit(tx, {
        actor: 'public',
        action: 'auth.login_failed',
        entity: 'user',
        entityId: user?.id ?? username.slice(0, 100),
        data: { username: username.slice(0, 100), ip, reason: !user ? 'unknown_user' : !user.active ? 'inactive' : 'wrong_password' },
      });
      return null;
    }
    await giveBack(tx, username, ip);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
    await tx
      .insertInto('sessions')
      .values({ token_hash: hashToken(token), user_id: user.id, expires_at: expiresAt })
      .execute();
    const actor = toActor(user);
    await appendAudit(tx, { actor: actorLabel(actor), action: 'auth.login', entity: 'user', entityId: user.id, data: { ip } });
    return { token, actor, expiresAt };
  }).then((result) => {
    if (!result) throw new AppError('unauthenticated', '用户名或密码错误');
    return result;
  });
}

export async function logOut(db: Db, token: string, ip: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const ended = await tx.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).returning('user_id').executeTakeFirst();
    if (!ended) return;
    const user = await tx.selectFrom('users').selectAll().where('id', '=', ended.user_id).executeTakeFirst();
    await appendAudit(tx, {
      actor: user ? actorLabel(toActor(user)) : 'public',
      action: 'auth.logout',
      entity: 'user',
      entityId: ended.user_id,
      data: { ip },
    });
  });
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
  id: string;
  username: string;
  display_name: string;
  role: string;
  area_code: string | null;
  department: string | null;
  enterprise_uscc: string | null;
  provider_id: string | null;
  resident_id: string | null;
  issuer_id?: string | null;
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
    issuerId: u.issuer_id ?? null,
  };
}
