// Every screen is its own chunk (route `lazy`), so the first page loads only the frame and itself.
import { createBrowserRouter, type RouteObject } from 'react-router';
import AppLayout from './layout/AppLayout.tsx';
import { screenRoutes } from './screens.ts';

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    children: screenRoutes,
  },
];

export const router = createBrowserRouter(routes);
