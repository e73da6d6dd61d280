// The server's settings are read and checked in one place at start (src/settings.ts, listed in
// docs/operations.md): defaults when unset, and a bad value stops the start naming the variable.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_ACCOUNT_KEY, readSettings, requireAccountKey, requireSigninKey, SettingsError } from '../../src/settings.ts';

describe('Settings', () => {
  it('have their documented defaults when nothing is set', () => {
    expect(readSettings({})).toEqual({
      production: false,
      databaseUrl: undefined,
      dataDir: 'data',
      port: 3000,
      host: '127.0.0.1',
      dbPoolMax: 10,
      requestLog: false,
      logLevel: 'info',
      metricsToken: undefined,
      trustProxy: false,
      foldIntervalMs: 30_000,
      shutdownGraceMs: 10_000,
      whatIfKeep: 20,
      accountKey: DEVELOPMENT_ACCOUNT_KEY,
      publicUrl: undefined,
      outboxIntervalMs: 5_000,
      signinKeySet: false,
    });
  });

  it('need an account key in production, and refuse one that is not 256 bits without echoing it', () => {
    const production = { NODE_ENV: 'production' };
    expect(readSettings(production).accountKey).toBeNull();
    expect(() => requireAccountKey(readSettings(production))).toThrow(/UPSKILL_ACCOUNT_KEY=（未设置）：生产环境必须设置收款账户加密密钥/);
    const key = Buffer.alloc(32, 7);
    expect(readSettings({ ...production, UPSKILL_ACCOUNT_KEY: key.toString('base64') }).accountKey).toEqual(key);
    expect(readSettings({ UPSKILL_ACCOUNT_KEY: key.toString('hex') }).accountKey).toEqual(key);
    try {
      readSettings({ UPSKILL_ACCOUNT_KEY: 'c2hvcnQtc2VjcmV0' });
      expect.unreachable();
    } catch (e) {
      expect((e as SettingsError).problems).toEqual(['UPSKILL_ACCOUNT_KEY="…"：应为 32 字节的密钥：base64（44 个字符）或 64 位十六进制']);
    }
  });

  it('turn the request log on in production unless UPSKILL_LOG says off', () => {
    expect(readSettings({ NODE_ENV: 'production' }).requestLog).toBe(true);
    expect(readSettings({ NODE_ENV: 'production', UPSKILL_LOG: 'off' }).requestLog).toBe(false);
    expect(readSettings({ UPSKILL_LOG: '1' }).requestLog).toBe(true);
  });

  it('refuse to serve in production without the key of the attendance QR codes, and never echo it', () => {
    expect(() => requireSigninKey(readSettings({ NODE_ENV: 'production' }))).toThrow(/UPSKILL_SIGNIN_KEY.*生产环境必须设置/);
    expect(() => requireSigninKey(readSettings({ NODE_ENV: 'production', UPSKILL_SIGNIN_KEY: 'k'.repeat(32) }))).not.toThrow();
    expect(() => requireSigninKey(readSettings({}))).not.toThrow();
    expect(() => readSettings({ UPSKILL_SIGNIN_KEY: 'short-secret' })).toThrow(/UPSKILL_SIGNIN_KEY="…"：至少 32 个字符/);
    expect(readSettings({}).production).toBe(false);
  });

  it('name every bad variable at once, without echoing a secret', () => {
    try {
      readSettings({ PORT: '80a', UPSKILL_LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://u:secret@h/db', UPSKILL_METRICS_TOKEN: 'short' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SettingsError);
      const problems = (e as SettingsError).problems;
      expect(problems.map((p) => p.split('=')[0])).toEqual(['DATABASE_URL', 'PORT', 'UPSKILL_LOG_LEVEL', 'UPSKILL_METRICS_TOKEN']);
      expect((e as Error).message).not.toContain('secret');
      expect((e as Error).message).toContain('docs/operations.md');
    }
  });

  it('stop `upskill serve` before it opens anything, with exit code 2 and the message', () => {
    const r = spawnSync(process.execPath, ['bin/upskill.js', 'serve', '--data', '/nonexistent/never-created'], {
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('配置有误，无法启动');
    expect(r.stderr).toMatch(/PORT="eighty"：/);
    const noSigninKey = spawnSync(process.execPath, ['bin/upskill.js', 'serve', '--data', '/nonexistent/never-created'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        UPSKILL_ACCOUNT_KEY: Buffer.alloc(32, 1).toString('base64'),
        UPSKILL_SIGNIN_KEY: '',
        DATABASE_URL: '',
      },
      encoding: 'utf8',
    });
    expect(noSigninKey.status).toBe(2);
    expect(noSigninKey.stderr).toMatch(/UPSKILL_SIGNIN_KEY=（未设置）：生产环境必须设置签到二维码的密钥/);
  });
});
