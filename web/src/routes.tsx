// Every screen is its own chunk (route `lazy`), so the first page loads only the frame and itself.
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import AppLayout from './layout/AppLayout.tsx';

const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });

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
      { path: '*', lazy: page(() => import('./pages/NotFoundPage.tsx')) },
    ],
  },
];

export const router = createBrowserRouter(routes);
