// The one way the browser talks to the server: JSON over same-origin /api/v1. The session cookie is
// httpOnly, so the app never sees it; `credentials: 'same-origin'` sends it with every call.
import type { TFieldIssue } from '../../src/api/routes/fields.types.ts';

/** One problem the server found in a request, by field path (`body.sessions[2].day`): the server's shape. */
export type FieldIssue = TFieldIssue;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
    /** Every problem when the server lists several (a form with many bad fields); else empty. */
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export async function api<T>(
  path: string,
  options: { method?: string; body?: unknown; query?: Query; signal?: AbortSignal } = {},
): Promise<T> {
  const init: RequestInit = {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, options.query), init);
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; field?: string | null; issues?: unknown } } | null)?.error;
    const issues = Array.isArray(err?.issues)
      ? (err.issues as FieldIssue[]).filter((i) => typeof i?.field === 'string' && typeof i?.message === 'string')
      : [];
    throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `请求失败（HTTP ${res.status}）`, err?.field ?? null, issues);
  }
  return data as T;
}

/** A server-side page of a list (every list endpoint returns this shape): the server's own type. */
export type { Page } from '../../src/services/paging.ts';
