// What the small phone pages (扫码签到 /signin, 网络学习 /learn, 报名培训 /enrol) share, without antd:
// the trainee's login form, the phone's own device id, and the look of their inputs and buttons.
import { useState, type CSSProperties, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import type { Me } from '../types.ts';

/** What the phone pages show of the signed-in user (POST /auth/login answers the whole user). */
export type PhoneUser = Pick<Me, 'displayName' | 'role'>;

export const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

export const phoneInput: CSSProperties = {
  width: '100%',
  boxSizing: 'border-box',
  fontSize: 17,
  padding: 12,
  margin: '6px 0 14px',
  border: '1px solid #cbd5e1',
  borderRadius: 8,
};

export const phoneButton = (kind: 'primary' | 'plain' = 'primary'): CSSProperties => ({
  width: '100%',
  fontSize: 17,
  padding: 13,
  borderRadius: 8,
  border: kind === 'primary' ? 0 : '1px solid #94a3b8',
  background: kind === 'primary' ? '#1d4ed8' : '#fff',
  color: kind === 'primary' ? '#fff' : '#1e293b',
  marginTop: 8,
});

/**
 * The phone's own random id, kept in its browser: the server stores only its hash, to see one phone
 * signing in or studying for several people (the risk rules).
 */
export function deviceId(): string {
  const key = 'upskill-device-id';
  let id = localStorage.getItem(key);
  if (!id || !/^[A-Za-z0-9-]{16,64}$/.test(id)) {
    id = crypto.randomUUID();
    localStorage.setItem(key, id);
  }
  return id;
}

/** The trainee's own login (the page says `why`); `onDone` gets the signed-in user. */
export function PhoneLogin<T extends PhoneUser>({ why, onDone, style }: { why: string; onDone(me: T): void; style?: CSSProperties }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onDone(await api<T>('/auth/login', { method: 'POST', body: { username, password } }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} style={style}>
      <p>{why}</p>
      <label>
        账号
        <input style={phoneInput} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
      </label>
      <label>
        密码
        <input
          style={phoneInput}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
      </label>
      {error && (
        <p role="alert" style={{ color: '#b91c1c' }}>
          {error}
        </p>
      )}
      <button style={phoneButton()} type="submit" disabled={busy}>
        登录
      </button>
    </form>
  );
}
