// The API as one demo user, for e2e set-up and for checking what the screens show: logs in with the
// demo password on first use and keeps the session cookie.
export class DemoApi {
  private cookie = '';
  constructor(
    private readonly baseUrl: string,
    private readonly username: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    if (!this.cookie && path !== '/auth/login') await this.call('POST', '/auth/login', { username: this.username, password: 'demo2020' });
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie();
    if (setCookie.length) this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }
}
