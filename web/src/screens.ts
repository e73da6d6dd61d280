// Every screen of the app under `/` (routes.tsx puts them in the frame). Kept apart from the router so a
// test can list the screens without a browser (test/web/help-texts.test.ts: each has its help).
import type { RouteObject } from 'react-router';
import { page } from './areas/area.ts';
import { publicArea, workAreas } from './areas/index.ts';

export const screenRoutes: RouteObject[] = [
  { index: true, lazy: page(() => import('./pages/HomePage.tsx')) },
  { path: 'login', lazy: page(() => import('./pages/LoginPage.tsx')) },
  { path: 'catalog', lazy: page(() => import('./pages/CatalogPage.tsx')) },
  { path: 'providers', lazy: page(() => import('./pages/ProvidersPage.tsx')) },
  { path: 'claims', lazy: page(() => import('./pages/ClaimsPage.tsx')) },
  { path: 'claims/:id', lazy: page(() => import('./pages/ClaimDetailPage.tsx')) },
  { path: 'records/:number', lazy: page(() => import('./pages/RecordPage.tsx')) },
  ...[...workAreas, publicArea].flatMap((a) => a.routes),
  { path: '*', lazy: page(() => import('./pages/NotFoundPage.tsx')) },
];

/** A screen's key in HELP_TEXTS: its path as written (`/` for the home page). */
export const screenKey = (r: RouteObject): string => (r.index ? '/' : (r.path ?? ''));
