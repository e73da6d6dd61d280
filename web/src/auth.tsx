// Who is signed in: asked of the server once at start (GET /auth/session, null when nobody is); login and logout go through the
// API, which sets and clears the httpOnly session cookie.
import type { TSession } from '../../src/api/routes/auth.types.ts';
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from './api.ts';
import type { Me } from './types.ts';

interface AuthState {
  me: Me | null;
  /** True until the first /auth/me answer. */
  loading: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Forget the user after the server said 401 (the session expired). */
  expired(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    api<TSession>('/auth/session')
      .then((s) => live && setMe(s.user))
      .catch((e: unknown) => console.error(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const m = await api<Me>('/auth/login', { method: 'POST', body: { username, password } });
    setMe(m);
    return m;
  }, []);
  const logout = useCallback(async () => {
    try {
      await api('/auth/logout', { method: 'POST', body: {} });
    } finally {
      setMe(null);
    }
  }, []);
  const expired = useCallback(() => setMe(null), []);

  const value = useMemo(() => ({ me, loading, login, logout, expired }), [me, loading, login, logout, expired]);
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthState {
  const ctx = use(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
