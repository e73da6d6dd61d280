// Data loading and URL-kept list state, shared by every screen.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError, type Query } from './api.ts';
import { useAuth } from './auth.tsx';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** GETs `path` (with `query`) whenever either changes; a 401 means the session ended. */
export function useApi<T>(path: string | null, query?: Query): Loaded<T> {
  const { expired } = useAuth();
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: path !== null });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query ?? {});
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api<T>(path, { query: JSON.parse(key) as Query, signal: ctl.signal })
      .then((data) => setState({ data, loading: false }))
      .catch((e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        const error = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
        if (error.status === 401) expired();
        setState({ error, loading: false });
      });
    return () => ctl.abort();
  }, [path, key, tick, expired]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export interface ListState {
  page: number;
  pageSize: number;
  sort: string | undefined;
  order: 'asc' | 'desc' | undefined;
  filters: Record<string, string | undefined>;
}

/**
 * A list's paging, sorting and filters live in the URL query string, so a filtered list can be
 * bookmarked, shared and restored with the back button.
 */
export function useListState(filterKeys: readonly string[], defaults: { pageSize?: number } = {}) {
  const [params, setParams] = useSearchParams();
  const state: ListState = useMemo(() => {
    const filters: Record<string, string | undefined> = {};
    for (const k of filterKeys) filters[k] = params.get(k) ?? undefined;
    const order = params.get('order');
    return {
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: Math.min(200, Math.max(1, Number(params.get('pageSize')) || defaults.pageSize || 20)),
      sort: params.get('sort') ?? undefined,
      order: order === 'asc' || order === 'desc' ? order : undefined,
      filters,
    };
  }, [params, filterKeys, defaults.pageSize]);

  const update = useCallback(
    (patch: Partial<Omit<ListState, 'filters'>> & { filters?: Record<string, string | undefined> }) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        const set = (k: string, v: string | number | undefined) => (v === undefined || v === '' ? next.delete(k) : next.set(k, String(v)));
        if ('page' in patch) set('page', patch.page === 1 ? undefined : patch.page);
        if ('pageSize' in patch) set('pageSize', patch.pageSize);
        if ('sort' in patch) set('sort', patch.sort);
        if ('order' in patch) set('order', patch.order);
        if (patch.filters) {
          for (const [k, v] of Object.entries(patch.filters)) set(k, v);
          next.delete('page');
        }
        return next;
      });
    },
    [setParams],
  );

  const query: Query = { page: state.page, pageSize: state.pageSize, sort: state.sort, order: state.order, ...state.filters };
  return { state, update, query };
}
