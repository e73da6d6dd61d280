// The key that signs audit checkpoints. It lives outside the database (a file or an environment
// setting), so whoever can rewrite the tables cannot sign a checkpoint for a rewritten chain.
// Ed25519: the server holds the private key; an auditor verifies with the public key alone and
// cannot forge a checkpoint with it.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';

/** Where the keys come from (docs/audit.md). */
export const KEY_SETTINGS = {
  /** Path of the Ed25519 private key (PKCS#8 PEM), e.g. from `upskill audit keygen`. */
  file: 'UPSKILL_AUDIT_KEY_FILE',
  /** The private key itself: its PEM text, or the base64 line between the PEM's header and footer. */
  inline: 'UPSKILL_AUDIT_KEY',
  /** Path of the public key (SPKI PEM) alone: enough to verify, not to sign (an auditor's machine). */
  publicFile: 'UPSKILL_AUDIT_PUBLIC_KEY_FILE',
} as const;

/** A key setting that is present but unusable; names the setting (exit 2 at the CLI). */
export class AuditKeyError extends Error {}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}
export interface VerifyingKey {
  publicKey: KeyObject;
  keyId: string;
}

/** A short, stable name of a public key: the first 16 hex digits of the SHA-256 of its SPKI encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return `ed25519:${createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16)}`;
}

function parsePrivate(text: string, setting: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = trimmed.startsWith('-----')
      ? createPrivateKey({ key: trimmed, format: 'pem' })
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new AuditKeyError(`${setting}：不是有效的私钥（应为 Ed25519 PKCS#8 PEM，可用 upskill audit keygen 生成）`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new AuditKeyError(`${setting}：密钥类型为 ${key.asymmetricKeyType}，应为 Ed25519`);
  return key;
}

function readSetting(path: string, setting: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new AuditKeyError(`${setting}：无法读取密钥文件 ${path}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
}

/** The signing key from the environment, or null when none is configured. */
export function loadSigningKey(env: NodeJS.ProcessEnv = process.env): SigningKey | null {
  let privateKey: KeyObject;
  if (env[KEY_SETTINGS.inline]) privateKey = parsePrivate(env[KEY_SETTINGS.inline]!, KEY_SETTINGS.inline);
  else if (env[KEY_SETTINGS.file]) privateKey = parsePrivate(readSetting(env[KEY_SETTINGS.file]!, KEY_SETTINGS.file), KEY_SETTINGS.file);
  else return null;
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** The key that checks signatures: the public key file when set, else the one derived from the signing key. */
export function loadVerifyingKey(env: NodeJS.ProcessEnv = process.env): VerifyingKey | null {
  const file = env[KEY_SETTINGS.publicFile];
  if (file) {
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey({ key: readSetting(file, KEY_SETTINGS.publicFile), format: 'pem' });
    } catch (e) {
      if (e instanceof AuditKeyError) throw e;
      throw new AuditKeyError(`${KEY_SETTINGS.publicFile}：${file} 不是有效的公钥（应为 Ed25519 SPKI PEM）`);
    }
    if (publicKey.asymmetricKeyType !== 'ed25519')
      throw new AuditKeyError(`${KEY_SETTINGS.publicFile}：密钥类型为 ${publicKey.asymmetricKeyType}，应为 Ed25519`);
    return { publicKey, keyId: keyIdOf(publicKey) };
  }
  const signing = loadSigningKey(env);
  return signing && { publicKey: signing.publicKey, keyId: signing.keyId };
}

/**
 * Writes a new private key (mode 0600, never over an existing file) and returns its public key PEM,
 * to be copied to the auditors (UPSKILL_AUDIT_PUBLIC_KEY_FILE).
 */
export function generateSigningKeyFile(path: string): { publicKeyPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  return { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey) };
}

/** True when a key file can be read by other users of the machine (the operator is warned). */
export function keyFileIsShared(path: string): boolean {
  try {
    return (statSync(path).mode & 0o077) !== 0;
  } catch {
    return false;
  }
}
