// Every setting of a server process, read from the environment and checked in this one place when a
// command starts: a bad value stops the start with a message naming the variable, instead of a
// surprise later. docs/operations.md lists them with their defaults; keep the two in step.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { chineseMessage } from './policy/evaluate-input.ts';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const onOff = z.enum(['on', 'off', '1', '0', 'true', 'false']).transform((v) => v === 'on' || v === '1' || v === 'true');
const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, '应为整数')
    .transform(Number)
    .pipe(z.number().int().min(min, `不能小于 ${min}`).max(max, `不能大于 ${max}`));
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));

const schema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), '应为 postgres://… 形式的连接串'),
  UPSKILL_DATA_DIR: z.string().min(1).default('data'),
  PORT: integer(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  UPSKILL_DB_POOL_MAX: integer(1, 200).default(10),
  UPSKILL_LOG: onOff.optional(),
  UPSKILL_LOG_LEVEL: z.enum(LEVELS).default('info'),
  UPSKILL_METRICS_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 16, '至少 16 个字符'),
  // on/off, or the reverse proxies' addresses or subnets, comma-separated (docs/access.md).
  UPSKILL_TRUST_PROXY: z
    .string()
    .default('false')
    .refine(
      (v) => /^(on|off|1|0|true|false)$/.test(v) || /^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/.test(v),
      '应为 on/off，或代理的地址/网段（逗号分隔）',
    )
    .transform((v): boolean | string => (/^(on|1|true)$/.test(v) ? true : /^(off|0|false)$/.test(v) ? false : v)),
  UPSKILL_SECURE_COOKIE: z.enum(['always', 'never']).optional(),
  UPSKILL_ALLOWED_ORIGINS: optionalText.refine(
    (v) => v === undefined || v.split(',').every((o) => /^https?:\/\/[^/\s]+\/?$/.test(o.trim())),
    '应为逗号分隔的来源，如 https://px.example.cn',
  ),
  UPSKILL_FOLD_INTERVAL_MS: integer(1000, 3_600_000).default(30_000),
  UPSKILL_SHUTDOWN_GRACE_MS: integer(0, 600_000).default(10_000),
  UPSKILL_WHAT_IF_KEEP: integer(1, 1000).default(20),
  UPSKILL_WEB_DIST: optionalText.refine((v) => v === undefined || existsSync(v), '目录不存在'),
  UPSKILL_CJK_FONT: optionalText.refine((v) => v === undefined || existsSync(v), '字体文件不存在'),
  UPSKILL_CJK_FONT_FAMILY: optionalText,
  UPSKILL_PAY_DELAY_MS: integer(0, 60_000).default(0),
  // Payees' account numbers are encrypted with it (docs/bank-payments.md): 32 bytes, base64 or hex.
  UPSKILL_ACCOUNT_KEY: optionalText.refine(
    (v) => v === undefined || accountKeyBytes(v) !== null,
    '应为 32 字节的密钥：base64（44 个字符）或 64 位十六进制',
  ),
  // Where the "不是我本人？" link of a trainee's SMS points (docs/notifications.md).
  UPSKILL_PUBLIC_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), '应为 https://… 形式的地址'),
  UPSKILL_OUTBOX_INTERVAL_MS: integer(200, 3_600_000).default(5_000),
  // The HMAC key of the attendance QR codes (docs/attendance.md); required in production.
  UPSKILL_SIGNIN_KEY: optionalText.refine((v) => v === undefined || v.length >= 32, '至少 32 个字符'),
});

/** The 32 key bytes of an UPSKILL_ACCOUNT_KEY value, or null when it is not a 256-bit key. */
function accountKeyBytes(v: string): Buffer | null {
  const t = v.trim();
  const b = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : /^[A-Za-z0-9+/]{43}=?$/.test(t) ? Buffer.from(t, 'base64') : null;
  return b && b.length === 32 ? b : null;
}

/**
 * The development key (tests, the demo, a developer's machine): fixed and public, so it protects
 * nothing — production refuses to start without a key of its own.
 */
export const DEVELOPMENT_ACCOUNT_KEY = Buffer.from('7570736b696c6c2d646576656c6f706d656e742d6163636f756e742d6b657921', 'hex');

type Raw = z.infer<typeof schema>;

export interface Settings {
  production: boolean;
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  dbPoolMax: number;
  /** Request logs (JSON lines on stdout): on by default in production, off otherwise. */
  requestLog: boolean;
  logLevel: (typeof LEVELS)[number];
  /** When set, /metrics answers only `Authorization: Bearer <token>`; when not, only the local machine. */
  metricsToken: string | undefined;
  /** `true`, or the reverse proxies' addresses: the client's address and scheme from X-Forwarded-*. */
  trustProxy: boolean | string;
  foldIntervalMs: number;
  shutdownGraceMs: number;
  whatIfKeep: number;
  /**
   * The 256-bit key of the payees' account numbers: the development key outside production when unset;
   * null in production when unset (the server refuses to start: requireAccountKey).
   */
  accountKey: Buffer | null;
  /** The web app's public address, for links in messages to trainees (a relative path when unset). */
  publicUrl: string | undefined;
  outboxIntervalMs: number;
  /** Whether UPSKILL_SIGNIN_KEY is set (its value is read where codes are signed: signin-token.ts). */
  signinKeySet: boolean;
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误，无法启动：\n${problems.map((p) => `  ${p}`).join('\n')}\n（各配置项及默认值见 docs/operations.md）`);
    this.name = 'SettingsError';
  }
}

let current: Settings | undefined;

/** This process's settings, read and checked on first use (a command's start). */
export function settings(): Settings {
  current ??= readSettings();
  return current;
}

/** Reads and checks the settings; throws SettingsError naming every bad variable. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const input = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = schema.safeParse(input, { error: chineseMessage });
  if (!parsed.success) {
    throw new SettingsError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0]);
        const value = env[name];
        return `${name}=${value === undefined ? '（未设置）' : JSON.stringify(name.includes('TOKEN') || name.includes('KEY') || name === 'DATABASE_URL' ? '…' : value)}：${i.message}`;
      }),
    );
  }
  const r: Raw = parsed.data;
  const production = r.NODE_ENV === 'production';
  return {
    production,
    databaseUrl: r.DATABASE_URL,
    dataDir: r.UPSKILL_DATA_DIR,
    port: r.PORT,
    host: r.HOST,
    dbPoolMax: r.UPSKILL_DB_POOL_MAX,
    requestLog: r.UPSKILL_LOG ?? production,
    logLevel: r.UPSKILL_LOG_LEVEL,
    metricsToken: r.UPSKILL_METRICS_TOKEN,
    trustProxy: r.UPSKILL_TRUST_PROXY,
    foldIntervalMs: r.UPSKILL_FOLD_INTERVAL_MS,
    shutdownGraceMs: r.UPSKILL_SHUTDOWN_GRACE_MS,
    whatIfKeep: r.UPSKILL_WHAT_IF_KEEP,
    accountKey: r.UPSKILL_ACCOUNT_KEY !== undefined ? accountKeyBytes(r.UPSKILL_ACCOUNT_KEY)! : production ? null : DEVELOPMENT_ACCOUNT_KEY,
    publicUrl: r.UPSKILL_PUBLIC_URL?.replace(/\/$/, ''),
    outboxIntervalMs: r.UPSKILL_OUTBOX_INTERVAL_MS,
    signinKeySet: r.UPSKILL_SIGNIN_KEY !== undefined,
  };
}

/**
 * Stops a production server without the key of the attendance QR codes (serve checks it at start):
 * several instances must sign and check the same codes, and a restart must not void the one on the
 * classroom screen. Elsewhere each process draws one (signin-token.ts).
 */
export function requireSigninKey(config: Settings = settings()): void {
  if (config.production && !config.signinKeySet)
    throw new SettingsError(['UPSKILL_SIGNIN_KEY=（未设置）：生产环境必须设置签到二维码的密钥（至少 32 个字符，如 openssl rand -hex 32）']);
}

/** The account key, or the error that stops a production server without one (serve checks it at start). */
export function requireAccountKey(config: Settings = settings()): Buffer {
  if (config.accountKey) return config.accountKey;
  throw new SettingsError([
    'UPSKILL_ACCOUNT_KEY=（未设置）：生产环境必须设置收款账户加密密钥（32 字节，base64 或 64 位十六进制，可用 openssl rand -base64 32 生成）；密钥丢失则已登记的账号无法解密，请与数据库分开妥善备份',
  ]);
}
