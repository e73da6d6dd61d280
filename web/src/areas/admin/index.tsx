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
  ],
  menu: (me) =>
    me?.role !== 'city'
      ? []
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
            ],
          },
        ],
};
