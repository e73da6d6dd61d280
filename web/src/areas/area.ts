// A part of the app owned by one kind of user (provider, reviewing office, enterprise, …): its
// screens and what it adds to the menu. routes.tsx and the layout put the areas together, so a new
// screen touches only its own area's folder.
import type { MenuProps } from 'antd';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Me } from '../types.ts';

export type MenuItem = Required<MenuProps>['items'][number];

export interface Area {
  /** Routes under `/`, each screen its own chunk (use `page`). */
  routes: RouteObject[];
  /** Menu entries for the signed-in user (`null` = not signed in); [] when the area has none for them. */
  menu(me: Me | null): MenuItem[];
}

/** A route's screen loaded on demand: `{ path: 'x', lazy: page(() => import('./XPage.tsx')) }`. */
export const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });
