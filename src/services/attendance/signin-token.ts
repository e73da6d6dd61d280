// The attendance QR code (§5.3 过程监督; docs/attendance.md): a token naming one class session, whether
// it signs in or out, and the 30-second window it was shown in, signed with HMAC-SHA256 under the
// server's key. The classroom screen shows a new one every window; a token is accepted in its own
// window and the next (a scan that began just before the code changed still counts), so a photo of
// the code sent home stops working within a minute.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNIN_KEY_SETTING = 'UPSKILL_SIGNIN_KEY';
export const WINDOW_MS = 30_000;
export type SigninKind = 'in' | 'out';

let drawn: Buffer | undefined;
/**
 * The key: the setting (production must set it: settings.ts stops the start otherwise), else a key
 * drawn once per process — codes then last only as long as the process, which is all a 30-second
 * code needs on one development server.
 */
export function signinKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const set = env[SIGNIN_KEY_SETTING];
  if (set && set.length >= 32) return Buffer.from(set, 'utf8');
  drawn ??= randomBytes(32);
  return drawn;
}

export const windowOf = (at: Date): number => Math.floor(at.getTime() / WINDOW_MS);

const mac = (sessionId: number, kind: SigninKind, window: number, key: Buffer) =>
  createHmac('sha256', key).update(`upskill-signin:v1:${sessionId}:${kind}:${window}`).digest('base64url');

/** The token of `sessionId` for the window containing `at`. */
export function signinToken(sessionId: number, kind: SigninKind, at: Date, key: Buffer = signinKey()): string {
  const window = windowOf(at);
  return `${sessionId}.${kind}.${window}.${mac(sessionId, kind, window, key)}`;
}

/** When the screen should show the next code, and until when this one is accepted. */
export function tokenTimes(at: Date): { refreshAt: Date; validUntil: Date } {
  const w = windowOf(at);
  return { refreshAt: new Date((w + 1) * WINDOW_MS), validUntil: new Date((w + 2) * WINDOW_MS) };
}

export type TokenCheck =
  { ok: true; sessionId: number; kind: SigninKind; window: number } | { ok: false; why: 'malformed' | 'forged' | 'expired' | 'future' };

/** Reads a token at instant `at`: genuine (our key) and shown in the current or the previous window. */
export function checkSigninToken(token: string, at: Date, key: Buffer = signinKey()): TokenCheck {
  const m = /^(\d{1,12})\.(in|out)\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, why: 'malformed' };
  const sessionId = Number(m[1]);
  const kind = m[2] as SigninKind;
  const window = Number(m[3]);
  const expected = Buffer.from(mac(sessionId, kind, window, key));
  const given = Buffer.from(m[4]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, why: 'forged' };
  const current = windowOf(at);
  if (window > current) return { ok: false, why: 'future' };
  if (window < current - 1) return { ok: false, why: 'expired' };
  return { ok: true, sessionId, kind, window };
}

/** What is stored of the mobile page's device id: its SHA-256, never the id itself. */
export const deviceHash = (deviceId: string): string => createHash('sha256').update(`upskill-device:${deviceId}`).digest('hex');
