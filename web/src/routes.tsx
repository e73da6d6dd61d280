// Every screen is its own chunk (route `lazy`), so the first page loads only the frame and itself.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { page } from './areas/area.ts';
import { publicArea, workAreas } from './areas/index.ts';
import AppLayout from './layout/AppLayout.tsx';

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    children: [
      { index: true, lazy: page(() => import('./pages/HomePage.tsx')) },
      { path: 'login', lazy: page(() => import('./pages/LoginPage.tsx')) },
      { path: 'catalog', lazy: page(() => import('./pages/CatalogPage.tsx')) },
      { path: 'providers', lazy: page(() => import('./pages/ProvidersPage.tsx')) },
      { path: 'claims', lazy: page(() => import('./pages/ClaimsPage.tsx')) },
      { path: 'claims/:id', lazy: page(() => import('./pages/ClaimDetailPage.tsx')) },
      ...[...workAreas, publicArea].flatMap((a) => a.routes),
      { path: '*', lazy: page(() => import('./pages/NotFoundPage.tsx')) },
    ],
  },
];

export const router = createBrowserRouter(routes);
