// Payees' account numbers at rest (docs/bank-payments.md): AES-256-GCM with a key from configuration
// (UPSKILL_ACCOUNT_KEY, settings.ts), and an HMAC-SHA256 of the number for equality checks. Two
// sub-keys are derived from the one configured key with HKDF, so the MAC can never decrypt anything.
// The stored form is `v1:<iv>:<tag>:<ciphertext>` in base64; the GCM tag makes a changed cipher text
// fail to decrypt instead of reading as another number.
//
// The IV is random (12 bytes) except under the demo's seeded id source, where it is derived from the
// payee and the number (HMAC under the MAC key): the demo is the same on every run
// (test/store/demo-determinism.test.ts), and a derived IV repeats only for the same payee and number,
// which reveals no more than the HMAC column already does.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { requireAccountKey } from '../../settings.ts';
import { underIdSource } from '../../store/ids.ts';

interface Keys {
  enc: Buffer;
  mac: Buffer;
}
let cached: { master: Buffer; keys: Keys } | undefined;

function keys(): Keys {
  const master = requireAccountKey();
  if (cached?.master !== master) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
    cached = { master, keys: { enc: derive('upskill payee account encryption'), mac: derive('upskill payee account mac') } };
  }
  return cached.keys;
}

/** The keyed hash of an account number (digits only): equal numbers, equal hashes; no way back. */
export function accountHmac(digits: string): string {
  return createHmac('sha256', keys().mac).update(`account:${digits}`).digest('base64');
}

/** Encrypts an account number; `context` (the payee) feeds the demo's derived IV only. */
export function encryptAccount(digits: string, context: string): string {
  const k = keys();
  const iv = underIdSource() ? createHmac('sha256', k.mac).update(`iv:${context}:${digits}`).digest().subarray(0, 12) : randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', k.enc, iv);
  const ct = Buffer.concat([cipher.update(digits, 'utf8'), cipher.final()]);
  return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${ct.toString('base64')}`;
}

export function decryptAccount(stored: string): string {
  const [v, iv, tag, ct] = stored.split(':');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('收款账户密文格式不可识别');
  try {
    const d = createDecipheriv('aes-256-gcm', keys().enc, Buffer.from(iv, 'base64'));
    d.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(ct, 'base64')), d.final()]).toString('utf8');
  } catch {
    // A wrong key (UPSKILL_ACCOUNT_KEY changed) or a changed cipher text: never a wrong number.
    throw new Error('收款账户无法解密：加密密钥与登记时不一致，或密文已被改动；请检查 UPSKILL_ACCOUNT_KEY');
  }
}
