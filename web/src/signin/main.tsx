// 扫码签到: the phone page a classroom QR code opens (/signin/<session>?t=<token>; docs/attendance.md).
// Its own small entry (no antd, no office screens) so it loads fast on a phone: the trainee logs in as
// themselves if needed — or, without an account, gives resident ID and name and types the code texted
// to the phone on record — and the page posts the code with the phone's own random device id, kept in
// this browser's localStorage (the server stores only its hash).
import type { TSession } from '../../../src/api/routes/auth.types.ts';
import { StrictMode, useEffect, useState, type CSSProperties, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { api, ApiError } from '../api.ts';
import { deviceId } from '../phone/phone-kit.tsx';
import type { TScanResult } from '../../../src/api/routes/signin.types.ts';
import type { Me } from '../types.ts';

type Result = TScanResult;

const beijing = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(11, 19);
const box: CSSProperties = {
  maxWidth: 420,
  margin: '0 auto',
  padding: '24px 16px',
  fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif',
};
const input: CSSProperties = {
  width: '100%',
  boxSizing: 'border-box',
  fontSize: 17,
  padding: '12px',
  margin: '6px 0 14px',
  border: '1px solid #cbd5e1',
  borderRadius: 8,
};
const button: CSSProperties = {
  width: '100%',
  fontSize: 18,
  padding: '14px',
  border: 0,
  borderRadius: 8,
  background: '#1d4ed8',
  color: '#fff',
};

function SigninPage() {
  const sessionId = Number(/^\/signin\/(\d+)/.exec(window.location.pathname)?.[1] ?? NaN);
  const token = new URLSearchParams(window.location.search).get('t') ?? '';
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [bySms, setBySms] = useState(false);
  const [residentId, setResidentId] = useState('');
  const [name, setName] = useState('');
  const [challenge, setChallenge] = useState<{ challengeId: string; message: string } | null>(null);
  const [code, setCode] = useState('');

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      setError('');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const askCode = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setChallenge(
        await api('/signin/sms-code', { method: 'POST', body: { sessionId, token, residentId: residentId.trim(), name: name.trim() } }),
      );
      setCode('');
    });
  };
  const useCode = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setResult(
        await api<Result>('/signin/sms-verify', {
          method: 'POST',
          body: { challengeId: challenge!.challengeId, code: code.trim(), deviceId: deviceId() },
        }),
      );
    });
  };

  const signIn = async () => {
    setBusy(true);
    try {
      setResult(await api<Result>('/signin', { method: 'POST', body: { sessionId, token, deviceId: deviceId() } }));
      setError('');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    api<TSession>('/auth/session').then(
      (r) => setMe(r.user),
      () => setMe(null),
    );
  }, []);
  useEffect(() => {
    if (me?.role === 'trainee' && !result && !error) void signIn();
  }, [me]); // eslint-disable-line react-hooks/exhaustive-deps

  const login = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      setMe(await api<Me>('/auth/login', { method: 'POST', body: { username, password } }));
      setError('');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (!Number.isInteger(sessionId) || !token)
    return (
      <main style={box}>
        <h1>扫码签到</h1>
        <p role="alert">链接不完整：请用手机扫描培训机构屏幕上的二维码。</p>
      </main>
    );
  return (
    <main style={box}>
      <h1 style={{ fontSize: 24 }}>扫码签到</h1>
      {me === undefined && <p>正在确认登录状态…</p>}
      {me === null && !result && bySms && (
        <>
          {!challenge ? (
            <form onSubmit={askCode}>
              <p>没有学员账号：填写本人身份证号和姓名，验证码将以短信发送到您登记的手机号。</p>
              <label>
                身份证号
                <input
                  style={input}
                  value={residentId}
                  onChange={(e) => setResidentId(e.target.value)}
                  inputMode="text"
                  maxLength={18}
                  required
                />
              </label>
              <label>
                姓名
                <input style={input} value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" maxLength={50} required />
              </label>
              <button style={button} type="submit" disabled={busy}>
                获取短信验证码
              </button>
            </form>
          ) : (
            <form onSubmit={useCode}>
              <p role="status">{challenge.message}</p>
              <label>
                短信验证码
                <input
                  style={input}
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="\d{6}"
                  maxLength={6}
                  required
                />
              </label>
              <button style={button} type="submit" disabled={busy}>
                验证并签到
              </button>
              <p>
                <button
                  type="button"
                  onClick={() => setChallenge(null)}
                  style={{ background: 'none', border: 0, color: '#1d4ed8', padding: 0 }}
                >
                  重新获取验证码
                </button>
              </p>
            </form>
          )}
          <p>
            <button type="button" onClick={() => setBySms(false)} style={{ background: 'none', border: 0, color: '#1d4ed8', padding: 0 }}>
              用学员账号登录签到
            </button>
          </p>
        </>
      )}
      {me === null && !result && !bySms && (
        <form onSubmit={login}>
          <p>请用本人的学员账号登录后签到。</p>
          <label>
            账号
            <input style={input} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
          </label>
          <label>
            密码
            <input
              style={input}
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              required
            />
          </label>
          <button style={button} type="submit" disabled={busy}>
            登录并签到
          </button>
          <p>
            <button type="button" onClick={() => setBySms(true)} style={{ background: 'none', border: 0, color: '#1d4ed8', padding: 0 }}>
              没有账号？用身份证号和短信验证码签到
            </button>
          </p>
        </form>
      )}
      {me && me.role !== 'trainee' && <p role="alert">当前登录的不是学员账号（{me.displayName}），请退出后用本人的学员账号登录。</p>}
      {busy && me?.role === 'trainee' && <p>正在签到…</p>}
      {result && (
        <section role="status" style={{ background: '#ecfdf5', borderRadius: 8, padding: 16 }}>
          <p style={{ fontSize: 22, margin: 0 }}>{result.message}</p>
          <p>
            培训班 {result.classNumber}，{result.session.day} {result.session.startsAt}–{result.session.endsAt}
          </p>
          <p>
            签到时间 {beijing(result.signedAt)}
            {result.signedOutAt ? `，签退时间 ${beijing(result.signedOutAt)}` : ''}
          </p>
        </section>
      )}
      {error && (
        <p role="alert" style={{ color: '#b91c1c' }}>
          {error}
        </p>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SigninPage />
  </StrictMode>,
);
