// 市局管理 (city admin): catalog versions, policy parameters, providers and scopes, users, what-if.
import { Link } from 'react-router';
import { page, type Area } from '../area.ts';

export const adminArea: Area = {
  routes: [
    { path: 'admin/catalog', lazy: page(() => import('./AdminCatalogPage.tsx')) },
    { path: 'admin/parameters', lazy: page(() => import('./AdminParametersPage.tsx')) },
    { path: 'admin/providers', lazy: page(() => import('./AdminProvidersPage.tsx')) },
    { path: 'admin/users', lazy: page(() => import('./AdminUsersPage.tsx')) },
    { path: 'admin/what-if', lazy: page(() => import('./WhatIfPage.tsx')) },
    // §5.4 bases, textbooks, competitions: the city manages them; offices and parties read and book (docs/open-classes.md).
    { path: 'capacity', lazy: page(() => import('./CapacityPage.tsx')) },
  ],
  menu: (me) =>
    me?.role !== 'city'
      ? me?.role === 'county' || me?.role === 'provider' || me?.role === 'enterprise'
        ? [{ key: '/capacity', label: <Link to="/capacity">实训基地与教材</Link> }]
        : []
      : [
          {
            type: 'group',
            key: 'admin',
            label: '市局管理',
            children: [
              { key: '/admin/catalog', label: <Link to="/admin/catalog">目录版本</Link> },
              { key: '/admin/parameters', label: <Link to="/admin/parameters">政策参数</Link> },
              { key: '/admin/what-if', label: <Link to="/admin/what-if">参数测算</Link> },
              { key: '/admin/providers', label: <Link to="/admin/providers">培训机构管理</Link> },
              { key: '/admin/users', label: <Link to="/admin/users">用户与角色</Link> },
              { key: '/capacity', label: <Link to="/capacity">实训基地与教材</Link> },
            ],
          },
        ],
};
