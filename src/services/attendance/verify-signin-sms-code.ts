// The second step of sign-in without an account: the texted code, checked against its hash. Each
// check counts against the code in one statement before the comparison (parallel guesses are all
// counted); a code is good for its minutes, its attempts and ONE sign-in (used_at, set only where
// still empty: a replay finds it used). Every refusal reads the same — wrong, expired, used up or a
// request that was never for anyone — so the check says nothing about who exists. A refusal is
// returned, not thrown, so that the attempt it counted is committed.
import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../store/transaction.ts';
import { now } from '../clock.ts';
import { recordScan, type ScanResult } from './scan-signin-code.ts';
import { deviceHash } from './signin-token.ts';
import { SMS_CODE, smsCodeHash } from './send-signin-sms-code.ts';

export interface VerifySmsCodeInput {
  challengeId: string;
  code: string;
  deviceId: string;
}

export const CODE_REFUSED = `验证码不正确或已失效（${SMS_CODE.ttlMinutes} 分钟内有效，每个验证码最多尝试 ${SMS_CODE.maxAttempts} 次，只能使用一次），请核对短信或重新获取`;

export async function verifySigninSmsCode(tx: Tx, input: VerifySmsCodeInput): Promise<{ ok: true; result: ScanResult } | { ok: false }> {
  const at = now();
  const row = await tx
    .updateTable('signin_sms_codes')
    .set({ attempts: sql`attempts + 1` })
    .where('id', '=', input.challengeId)
    .where('used_at', 'is', null)
    .where('attempts', '<', SMS_CODE.maxAttempts)
    .returning(['id', 'session_id', 'resident_id', 'kind', 'code_hash', 'expires_at'])
    .executeTakeFirst();
  if (!row || new Date(row.expires_at).getTime() <= at.getTime()) return { ok: false };
  const given = Buffer.from(smsCodeHash(row.id, input.code), 'hex');
  if (!timingSafeEqual(given, Buffer.from(row.code_hash, 'hex'))) return { ok: false };
  const used = await tx
    .updateTable('signin_sms_codes')
    .set({ used_at: at })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!used) return { ok: false };
  const result = await recordScan(tx, {
    who: 'public:sms-code',
    residentId: row.resident_id,
    sessionId: Number(row.session_id),
    kind: row.kind,
    at,
    device: deviceHash(input.deviceId),
    method: 'qr_code_sms',
  });
  return { ok: true, result };
}
